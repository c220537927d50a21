// The percent as the officer types it, checked before sending with the core's
// rule (a whole number from 0 to 100, a trailing "%" allowed) so the field is
// marked at once; the core checks again.

/** A message for the typed percent, or "" when it is fine or empty. */
export function percentProblem(text: string): string {
  const typed = text.trim();
  if (!typed) return "";
  const digits = typed.replace(/%$/, "").trim();
  return /^\d+$/.test(digits) && Number(digits) <= 100 ? "" : `Tiến độ "${typed}" không hợp lệ: phải là số nguyên từ 0 đến 100.`;
}
