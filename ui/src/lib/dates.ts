// Dates as the officer types them: dd/mm/yyyy (d/m/yyyy accepted), checked
// before sending so the message appears at once; the core checks again.

/** The ISO form of a typed date, or null when it is not a real dd/mm/yyyy date. */
export function parseTypedDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A message for a typed date, or "" when it is fine (or empty and allowed). */
export function dateProblem(text: string, required: boolean): string {
  if (!text.trim()) return required ? "Chưa nhập ngày: nhập theo dạng ngày/tháng/năm, ví dụ 28/08/2024." : "";
  return parseTypedDate(text)
    ? ""
    : `Ngày "${text.trim()}" không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 28/08/2024.`;
}
