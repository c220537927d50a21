// The status words of the monthly report and their colours (the same as the
// exported workbook); the word is always shown beside the colour.

export const STATUSES = [
  "Chưa triển khai",
  "Đang thực hiện trong hạn",
  "Hoàn thành đúng hạn",
  "Hoàn thành quá hạn",
  "Quá hạn chưa hoàn thành",
  "Thực hiện thường xuyên",
] as const;

const CLASSES: Record<string, string> = {
  "Chưa triển khai": "st-grey",
  "Đang thực hiện trong hạn": "st-blue",
  "Hoàn thành đúng hạn": "st-green",
  "Hoàn thành quá hạn": "st-amber",
  "Quá hạn chưa hoàn thành": "st-red",
  "Thực hiện thường xuyên": "st-teal",
};

/** The CSS class of a status word (grey for an unknown word). */
export function statusClass(status: string): string {
  return CLASSES[status] ?? "st-grey";
}

/** The states the officer records, with their Vietnamese labels. */
export const STATES = [
  { code: "not-started", label: "Chưa triển khai" },
  { code: "in-progress", label: "Đang thực hiện" },
  { code: "done", label: "Đã hoàn thành" },
  { code: "ongoing", label: "Thực hiện thường xuyên" },
] as const;

export function roleLabel(role: string | null | undefined): string {
  return role === "lead" ? "Chủ trì" : role === "partner" ? "Phối hợp" : "";
}
