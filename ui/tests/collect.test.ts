import { describe, expect, it } from "vitest";
import type { AgencyLine } from "../src/bindings/AgencyLine";
import type { CollectedMonth } from "../src/bindings/CollectedMonth";
import type { Outcome } from "../src/bindings/Outcome";
import { agencyState, completionText, parsePaths, progressPercent, runLine, runText, STATUS_WORDS, summarize } from "../src/lib/collect";
import { STATUSES } from "../src/lib/status";

const line = (code: string, sent: boolean, completion: number | null = null): AgencyLine => ({
  code,
  name: `Cơ quan ${code}`,
  sent,
  generated_at: null,
  exported_on: null,
  tasks: 3,
  counts: [],
  completion,
  note: "",
});
const outcome = (agency: string | null, kind: Outcome["kind"]): Outcome => ({
  path: `/tmp/${agency ?? "hong"}.xlsx`,
  file_name: `${agency ?? "hong"}.xlsx`,
  agency,
  kind,
  tasks: 0,
  counts: [],
  edited: false,
  message: "",
});

describe("the agencies of the Tổng hợp table", () => {
  it("an agency with a stored report is sent even when a later file of it was refused", () => {
    expect(agencyState(line("SNV", true), [outcome("SNV", "rejected")])).toBe("sent");
  });
  it("an agency whose only file was refused this run shows as refused, others as not sent", () => {
    const outcomes = [outcome("STP", "rejected"), outcome(null, "rejected")];
    expect(agencyState(line("STP", false), outcomes)).toBe("rejected");
    expect(agencyState(line("SYT", false), outcomes)).toBe("missing");
  });
  it("counts agencies per state and the run's files, a file without a readable agency among the refused", () => {
    const month: CollectedMonth = {
      period: "2024-09",
      agencies: [line("SNV", true, 50), line("STP", false), line("SYT", false)],
      total: line("", true, 50),
      outcomes: [outcome("SNV", "accepted"), outcome("STP", "rejected"), outcome(null, "rejected")],
      file_name: "TH-CCHC-2024-09.xlsx",
    };
    expect(summarize(month)).toEqual({ agencies: 3, sent: 1, missing: 1, rejected: 1, filesRead: 3, filesRefused: 2 });
  });
});

describe("words and numbers of the screen", () => {
  it("names every status code with the report's word, in the report's order", () => {
    expect(Object.values(STATUS_WORDS)).toEqual([...STATUSES]);
  });
  it("shows the completion rate with a decimal comma, and a dash when nothing was sent", () => {
    expect(completionText(50)).toBe("50%");
    expect(completionText(0)).toBe("0%");
    expect(completionText(66.66666)).toBe("66,7%");
    expect(completionText(100)).toBe("100%");
    expect(completionText(null)).toBe("—");
  });
  it("takes one path per line, trimmed, blank lines dropped (Windows line ends too)", () => {
    expect(parsePaths(" C:\\Bao cao\\T9 \r\n\n/home/vp/bao-cao.xlsx\n")).toEqual(["C:\\Bao cao\\T9", "/home/vp/bao-cao.xlsx"]);
    expect(parsePaths("   ")).toEqual([]);
  });
  it("fills the progress bar by files read, never past full, empty before the count is known", () => {
    expect(progressPercent(0, 0)).toBe(0);
    expect(progressPercent(1, 3)).toBe(33);
    expect(progressPercent(5, 4)).toBe(100);
  });
});

describe("the line after a run", () => {
  it("counts each outcome in the order the command line names them, leaving out those that did not happen", () => {
    const outcomes = [outcome("SNV", "unchanged"), outcome("STP", "rejected"), outcome("SYT", "accepted"), outcome("SNV", "unchanged")];
    expect(runText(outcomes)).toBe("Đã đọc 4 tệp: đã nhận 1, không đổi 2, từ chối 1.");
  });
  it("marks only the refused count, and calls a run with some files taken mixed, not failed", () => {
    const line = runLine([outcome("SNV", "accepted"), outcome("STP", "accepted"), outcome("SYT", "accepted"), outcome(null, "rejected")]);
    expect(line.tone).toBe("mixed");
    expect(line.parts).toEqual([
      { text: "đã nhận 3", refused: false },
      { text: "từ chối 1", refused: true },
    ]);
    expect(runLine([outcome(null, "rejected")]).tone).toBe("error");
    expect(runLine([outcome("SNV", "accepted")]).tone).toBe("ok");
  });
  it("says so when the folder held no workbook", () => {
    expect(runText([])).toBe("Không có tệp .xlsx nào ở đường dẫn đã chọn.");
  });
});
