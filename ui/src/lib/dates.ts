// Dates as the officer types them: dd/mm/yyyy (d/m/yyyy accepted), checked
// before sending so the message appears at once; the core checks again.
// Every part of the date is checked (the day against its month and year) and the message says
// which one is wrong, in the words of the core's own messages.

const TYPED = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;

/** The number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** What is wrong with a typed date, or null when it is a real dd/mm/yyyy date. */
function problemOf(typed: string): string | null {
  const m = TYPED.exec(typed);
  if (!m) return "chưa đúng dạng ngày/tháng/năm, ví dụ 28/08/2024";
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return `không có tháng ${mo}: tháng chỉ từ 1 đến 12`;
  const last = daysInMonth(y, mo);
  if (d < 1 || d > last) return `không phải là ngày có thật: tháng ${mo}/${y} chỉ có ${last} ngày`;
  return null;
}

/** The ISO form of a typed date, or null when it is not a real dd/mm/yyyy date. */
export function parseTypedDate(text: string): string | null {
  if (problemOf(text) !== null) return null;
  const [, d, mo, y] = TYPED.exec(text)!;
  return `${y}-${mo.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

/**
 * A message for the date typed in the field called `label` ("Ngày hoàn thành"),
 * or "" when it is fine (or empty and allowed). The label is named once:
 * `Ngày hoàn thành "31/02/2024" không phải là ngày có thật: tháng 2/2024 chỉ có 29 ngày.`
 */
export function dateProblem(text: string, required: boolean, label: string): string {
  const typed = text.trim();
  if (!typed) return required ? `Chưa nhập ${label.toLowerCase()}: nhập theo dạng ngày/tháng/năm, ví dụ 28/08/2024.` : "";
  const problem = problemOf(typed);
  return problem ? `${label} "${typed}" ${problem}.` : "";
}
