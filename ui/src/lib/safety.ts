// What the data-safety parts of the UI decide themselves: the backup's default
// file name, sizes with a decimal comma, the words of a check's findings, the
// notice shown at start (with what the last session could not save), and a heading for each kind of error.

import type { CheckReport } from "../bindings/CheckReport";
import type { ErrorKind } from "../bindings/ErrorKind";
import type { StartReport } from "../bindings/StartReport";
import { formatNumber } from "./format";

/** "sao-luu-cchc-2026-11-29.zip": names that sort by date. */
export function backupFileName(today: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `sao-luu-cchc-${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}.zip`;
}

/** 1536 → "1,5 KB"; 21 KB and more without decimals. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${formatNumber(kb, kb < 10 ? 1 : 0)} KB`;
  return `${formatNumber(kb / 1024, 1)} MB`;
}

/** Each finding of a check as one Vietnamese line, files by the names the officer gave them. */
export function findings(check: CheckReport): string[] {
  const r = check.report;
  return [
    ...r.database_problems.map((p) => `Cơ sở dữ liệu: ${p}`),
    ...r.foreign_key_problems.map((p) => `Liên kết hỏng: ${p}`),
    ...r.missing_files.map((f) => `Mất tệp "${f.file_name}" của tài liệu số ${f.reference}`),
    ...r.changed_files.map((f) => `Tệp "${f.file_name}" của tài liệu số ${f.reference} đã bị thay đổi`),
  ];
}

export interface Notice {
  tone: "error" | "warning";
  title: string;
  lines: string[];
  advice: string | null;
}

/** What the window says after the start's check; null when all is well. */
export function startNotice(start: StartReport): Notice | null {
  const found = findings(start.check);
  const lost = start.unsaved.map((what) => `${what}: phần gõ sau lần lưu cuối có thể chưa được lưu.`);
  if (found.length > 0) {
    return { tone: "error", title: "Kiểm tra dữ liệu khi mở ứng dụng phát hiện vấn đề", lines: [...found, ...lost], advice: start.check.advice };
  }
  if (lost.length > 0) {
    return {
      tone: "warning",
      title: "Lần trước ứng dụng bị tắt khi còn nội dung chưa lưu được",
      lines: lost,
      advice: "Hãy mở lại từng nhiệm vụ trên, xem phần đã lưu và nhập lại những gì còn thiếu.",
    };
  }
  if (start.read_only) {
    return {
      tone: "warning",
      title: "Dữ liệu đang mở ở chế độ chỉ đọc",
      lines: ["Thư mục dữ liệu không cho phép ghi (ổ đĩa chỉ đọc, hoặc không có quyền ghi): bạn vẫn xem và xuất báo cáo được, nhưng mọi thay đổi sẽ không được lưu."],
      advice: "Hãy chép thư mục dữ liệu sang ổ đĩa của máy hoặc nhờ cán bộ tin học cấp quyền ghi, rồi mở lại ứng dụng.",
    };
  }
  if (start.backup_problem) {
    return {
      tone: "warning",
      title: "Chưa sao lưu tự động được hôm nay",
      lines: [start.backup_problem],
      advice: "Dữ liệu vẫn an toàn. Hãy xử lý nguyên nhân trên (ví dụ giải phóng dung lượng ổ đĩa) rồi vào Cài đặt → Sao lưu dữ liệu.",
    };
  }
  return null;
}

/** A heading for each kind of error the core reports; every kind must have one. */
export const ERROR_TITLES: Record<ErrorKind | "unexpected", string> = {
  invalid: "Giá trị chưa đúng",
  "not-found": "Không tìm thấy",
  rows: "Dữ liệu trong tệp có lỗi",
  file: "Không đọc hoặc ghi được tệp",
  database: "Lỗi cơ sở dữ liệu",
  "bad-backup": "Tệp sao lưu không dùng được",
  damaged: "Dữ liệu bị hỏng",
  unexpected: "Có lỗi không mong đợi",
};
