// The status words of the monthly report and their colours (the same as the
// exported workbook); the word is always shown beside the colour. The core
// sends a status as its code (bindings/Status); the words are the core's
// `Status::label`.

import type { Status } from "../bindings/Status";

/** The status words of the workbook, by the core's code, in the report's order. */
export const STATUS_WORDS: Record<Status, string> = {
  NotStarted: "Chưa triển khai",
  InProgressOnTime: "Đang thực hiện trong hạn",
  DoneOnTime: "Hoàn thành đúng hạn",
  DoneLate: "Hoàn thành quá hạn",
  Overdue: "Quá hạn chưa hoàn thành",
  Recurring: "Thực hiện thường xuyên",
};

/** Every status code, in the report's order. */
export const STATUSES = Object.keys(STATUS_WORDS) as Status[];

const CLASSES: Record<Status, string> = {
  NotStarted: "st-grey",
  InProgressOnTime: "st-blue",
  DoneOnTime: "st-green",
  DoneLate: "st-amber",
  Overdue: "st-red",
  Recurring: "st-teal",
};

/** The CSS class of a status. */
export function statusClass(status: Status): string {
  return CLASSES[status];
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
