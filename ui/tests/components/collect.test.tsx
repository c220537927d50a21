// @vitest-environment happy-dom
// Tổng hợp over a fake shell: the agencies' rows with their numbers as the
// officer reads them, one agency's report, and the line after a mixed run.

import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import type { AgencyLine } from "../../src/bindings/AgencyLine";
import type { CollectedMonth } from "../../src/bindings/CollectedMonth";
import type { CollectedTask } from "../../src/bindings/CollectedTask";
import type { Status } from "../../src/bindings/Status";
import { CollectScreen } from "../../src/screens/Collect";
import { fakeShell, held, stopShell } from "./shell";

afterEach(stopShell);

const ORDER: Status[] = ["NotStarted", "InProgressOnTime", "DoneOnTime", "DoneLate", "Overdue", "Recurring"];
const counts = (n: number[]): [Status, number][] => ORDER.map((s, i) => [s, n[i] ?? 0]);

const line = (code: string, name: string, sent: boolean, tasks: number, n: number[], completion: number | null): AgencyLine => ({
  code,
  name,
  sent,
  generated_at: sent ? "2024-10-02T09:00:00+07:00" : null,
  exported_on: sent ? "2024-10-02" : null,
  tasks,
  counts: counts(n),
  completion,
  note: "",
});

/** Two agencies sent (50% and 100% done), one did not: its plan has 700 tasks, its rows count for nothing. */
function monthOf(period: string): CollectedMonth {
  const snv = line("SNV", "Sở Nội vụ", true, 80, [10, 30, 40, 0, 0, 0], 50);
  const stp = line("STP", "Sở Tư pháp", true, 5, [0, 0, 5, 0, 0, 0], 100);
  const syt = line("SYT", "Sở Y tế", false, 700, [], null);
  return {
    period,
    agencies: [snv, stp, syt],
    total: { ...line("", "Tổng cộng", false, 85, [10, 30, 45, 0, 0, 0], 52.9), note: "2/3 cơ quan đã gửi báo cáo" },
    outcomes: [],
    file_name: `TH-CCHC-${period}.xlsx`,
  };
}

const task = (code: string, percent: number | null, status: Status): CollectedTask => ({
  row: 0,
  stt: "1",
  code,
  content: `Nội dung nhiệm vụ ${code}`,
  criteria: "",
  role: "Chủ trì",
  lead: "Sở Nội vụ",
  partners: "",
  deadline: "Tháng 9/2024",
  due_date: "2024-09-30",
  output: "",
  status,
  percent,
  result: `Kết quả ${code}`,
  evidence: "",
  obstacles: "",
  proposals: "",
});

const cells = (row: Element) => [...row.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "");
const statusCells = (row: Element) => cells(row).slice(4, 10).map((c) => (c ? Number(c.replace(/\./g, "")) : 0));

function shellFor(months: Record<string, () => unknown>, rows: Record<string, CollectedTask[]> = {}) {
  return fakeShell({
    collected_month: ({ period }) => months[String(period)](),
    collected_rows: ({ agency }) => rows[String(agency)] ?? [],
    default_save_path: ({ fileName }) => `/home/can-bo/${String(fileName)}`,
  });
}

describe("the collector's agency rows", () => {
  it("shows whole percents with their zeros, and the total row's numbers as the shell sent them (no text joined)", async () => {
    shellFor({ "2024-09": () => monthOf("2024-09") });
    render(<CollectScreen period="2024-09" />);
    await waitFor(() => expect(document.querySelector('#collect-table tr[data-code="SNV"]')).not.toBeNull());
    const snv = cells(document.querySelector('#collect-table tr[data-code="SNV"]')!);
    const stp = cells(document.querySelector('#collect-table tr[data-code="STP"]')!);
    expect(snv.slice(-2)[0]).toBe("50%");
    expect(stp.slice(-2)[0]).toBe("100%");
    expect(snv[3]).toBe("80");
    expect(snv[2]).toBe("Đã gửi02/10/2024");
    const total = document.querySelector("#collect-table tfoot tr")!;
    const totalTasks = Number(cells(total)[3]);
    expect(statusCells(total).reduce((a, b) => a + b, 0)).toBe(totalTasks);
    expect(cells(total).slice(-2)[0]).toBe("52,9%");
    const syt = cells(document.querySelector('#collect-table tr[data-code="SYT"]')!);
    expect(syt.slice(4, 10)).toEqual(["", "", "", "", "", ""]);
  });

  it("opens one agency's report with each task's percent as sent", async () => {
    shellFor({ "2024-09": () => monthOf("2024-09") }, { SNV: [task("I.1.1", 50, "InProgressOnTime"), task("I.1.2", 100, "DoneOnTime"), task("I.1.3", null, "NotStarted")] });
    render(<CollectScreen period="2024-09" />);
    fireEvent.click(await screen.findByRole("button", { name: "Sở Nội vụ" }));
    const dialog = await screen.findByRole("dialog");
    await waitFor(() => expect(dialog.querySelector("#agency-rows")).not.toBeNull());
    const percents = [...dialog.querySelectorAll("#agency-rows tbody tr")].map((tr) => cells(tr)[4]);
    expect(percents).toEqual(["50%", "100%", ""]);
    expect(within(dialog).getByText("Kết quả I.1.2")).toBeTruthy();
  });

  it("never shows the rows of a month it no longer asks about", async () => {
    const september = held<CollectedMonth>();
    const shell = shellFor({ "2024-09": () => september.promise, "2024-10": () => monthOf("2024-10") });
    const { rerender } = render(<CollectScreen period="2024-09" />);
    rerender(<CollectScreen period="2024-10" />);
    await waitFor(() => expect(document.querySelector("#consolidated-path")).not.toBeNull());
    september.answer({ ...monthOf("2024-09"), file_name: "TH-CCHC-2024-09.xlsx" });
    await september.promise;
    await new Promise((r) => setTimeout(r, 20));
    expect((document.querySelector("#consolidated-path") as HTMLInputElement).value).toBe("/home/can-bo/TH-CCHC-2024-10.xlsx");
    expect(shell.of("default_save_path")).toEqual([{ fileName: "TH-CCHC-2024-10.xlsx" }]);
  });

  it("after a run with one refused file, shows only the refused count in red", async () => {
    const month = monthOf("2024-09");
    const outcome = (file: string, kind: "accepted" | "rejected") => ({ path: `/nhan/${file}`, file_name: file, agency: null, kind, tasks: 0, counts: [], edited: false, message: "" });
    fakeShell({
      collected_month: () => month,
      default_save_path: ({ fileName }) => `/home/can-bo/${String(fileName)}`,
      collect: () => ({
        ...month,
        outcomes: [outcome("a.xlsx", "accepted"), outcome("b.xlsx", "accepted"), outcome("c.xlsx", "accepted"), outcome("d.xlsx", "rejected")],
      }),
    });
    render(<CollectScreen period="2024-09" />);
    await waitFor(() => expect(document.querySelector("#collect-table")).not.toBeNull());
    fireEvent.input(screen.getByLabelText("Thư mục hoặc tệp báo cáo"), { target: { value: "/nhan" } });
    fireEvent.click(screen.getByRole("button", { name: "Đọc báo cáo" }));
    const said = await waitFor(() => {
      const p = document.querySelector("#collect-message");
      expect(p?.textContent).toBe("Đã đọc 4 tệp: đã nhận 3, từ chối 1.");
      return p!;
    });
    expect(said.classList.contains("error")).toBe(false);
    expect([...said.querySelectorAll(".error")].map((e) => e.textContent)).toEqual(["từ chối 1"]);
  });
});
