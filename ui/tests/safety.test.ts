import { describe, expect, it } from "vitest";
import type { CheckReport } from "../src/bindings/CheckReport";
import type { StartReport } from "../src/bindings/StartReport";
import { backupFileName, ERROR_TITLES, findings, formatSize, startNotice } from "../src/lib/safety";

const sound: CheckReport = {
  report: { database_problems: [], foreign_key_problems: [], missing_files: [], changed_files: [], files_checked: 2 },
  advice: null,
};
const start = (over: Partial<StartReport>): StartReport => ({ backup: null, backup_problem: null, check: sound, read_only: false, unsaved: [], ...over });

describe("backups", () => {
  it("names a backup by today's date so that the files sort by date", () => {
    expect(backupFileName(new Date(2026, 10, 9))).toBe("sao-luu-cchc-2026-11-09.zip");
  });
  it("writes sizes with a decimal comma", () => {
    expect(formatSize(900)).toBe("900 byte");
    expect(formatSize(1536)).toBe("1,5 KB");
    expect(formatSize(21 * 1024 + 300)).toBe("21 KB");
    expect(formatSize(1.25 * 1024 * 1024)).toBe("1,3 MB");
  });
  it("keeps the zeros of whole sizes (20 KB, 100 KB, 10 MB)", () => {
    expect(formatSize(20 * 1024)).toBe("20 KB");
    expect(formatSize(100 * 1024)).toBe("100 KB");
    expect(formatSize(10 * 1024 * 1024)).toBe("10 MB");
    expect(formatSize(0)).toBe("0 byte");
  });
});

describe("what the check found, in words", () => {
  it("names a lost and a changed file by the officer's file name and the document number", () => {
    const check: CheckReport = {
      report: {
        ...sound.report,
        missing_files: [{ reference: "1494/TTr-SNV", file_name: "Tờ trình.pdf", path: "/x/evidence/ab" }],
        changed_files: [{ reference: "12/QĐ-UBND", file_name: "Quyết định.docx", path: "/x/evidence/cd" }],
      },
      advice: "Hãy đính kèm lại tệp gốc",
    };
    expect(findings(check)).toEqual([
      'Mất tệp "Tờ trình.pdf" của tài liệu số 1494/TTr-SNV',
      'Tệp "Quyết định.docx" của tài liệu số 12/QĐ-UBND đã bị thay đổi',
    ]);
    const notice = startNotice(start({ check }));
    expect(notice?.tone).toBe("error");
    expect(notice?.advice).toBe("Hãy đính kèm lại tệp gốc");
  });
  it("says nothing at start when all is well, even after making the day's backup", () => {
    expect(startNotice(start({}))).toBeNull();
  });
  it("warns about a read-only folder and about a backup that could not be written", () => {
    expect(startNotice(start({ read_only: true }))?.title).toMatch(/chỉ đọc/);
    const full = startNotice(start({ backup_problem: "Không đọc hoặc ghi được tệp \"x\": ổ đĩa đã đầy" }));
    expect(full?.lines[0]).toMatch(/ổ đĩa đã đầy/);
    expect(full?.advice).toMatch(/Sao lưu dữ liệu/);
  });
  it("names what the last session could not save, as a warning, and with the check's problems when there are some", () => {
    const lost = startNotice(start({ unsaved: ["Tiến độ nhiệm vụ IV.3.1 tháng 08/2024"], read_only: true }));
    expect(lost?.tone).toBe("warning");
    expect(lost?.title).toMatch(/chưa lưu/);
    expect(lost?.lines).toEqual(["Tiến độ nhiệm vụ IV.3.1 tháng 08/2024: phần gõ sau lần lưu cuối có thể chưa được lưu."]);
    const damaged: CheckReport = { report: { ...sound.report, database_problems: ["page 3 bad"] }, advice: "khôi phục" };
    const both = startNotice(start({ check: damaged, unsaved: ["Tiến độ nhiệm vụ I.1.1 tháng 09/2024"] }));
    expect(both?.tone).toBe("error");
    expect(both?.lines).toHaveLength(2);
  });
  it("a damaged database outranks the read-only warning", () => {
    const damaged: CheckReport = { report: { ...sound.report, database_problems: ["page 3 bad"] }, advice: "khôi phục" };
    expect(startNotice(start({ check: damaged, read_only: true }))?.tone).toBe("error");
  });
  it("has a Vietnamese heading for the backup and damage errors the core added", () => {
    expect(ERROR_TITLES["bad-backup"]).toBe("Tệp sao lưu không dùng được");
    expect(ERROR_TITLES.damaged).toBe("Dữ liệu bị hỏng");
  });
});
