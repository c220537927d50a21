// Obligations as the officer reads them: the working days left in words, which
// ones are urgent (due within 2 working days) or overdue, and whether a task's
// deadline is a working-day rule at all (the core refuses the others anyway).

import type { ObligationRow } from "../bindings/ObligationRow";
import { fold } from "./text";

/** Within this many working days of its due date an obligation is urgent. */
export const URGENT_DAYS = 2;

/** "còn 2 ngày làm việc", "hạn hôm nay", "quá hạn 3 ngày làm việc"; "" once settled. */
export function daysLeftText(row: Pick<ObligationRow, "days_left">): string {
  const left = row.days_left;
  if (left === null) return "";
  if (left > 0) return `còn ${left} ngày làm việc`;
  if (left === 0) return "hạn hôm nay";
  return `quá hạn ${-left} ngày làm việc`;
}

/** "urgent" for an open obligation due within 2 working days, "overdue" past its due date, else "". */
export function urgency(row: Pick<ObligationRow, "days_left">): "urgent" | "overdue" | "" {
  const left = row.days_left;
  if (left === null) return "";
  if (left < 0) return "overdue";
  return left <= URGENT_DAYS ? "urgent" : "";
}

/** Whether a deadline's wording counts working days ("05 ngày làm việc kể từ …"). */
export function hasWorkingDayRule(deadline: string): boolean {
  return /\d+ ngay lam viec/.test(fold(deadline));
}

/** Whether the task's rule counts from receipt ("kể từ ngày nhận được hồ sơ"). */
export function countsFromReceipt(deadline: string): boolean {
  return /\bnhận\b|\bnhan\b/.test(deadline.normalize("NFC").toLowerCase());
}
