// How dates, months and numbers are shown: dd/mm/yyyy, "Tháng 06/2024", decimal comma.

/** "2024-08-28" → "28/08/2024"; empty for none. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "2024-06" → "Tháng 06/2024". */
export function formatPeriod(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? `Tháng ${m[2]}/${m[1]}` : period;
}

/**
 * Every number the UI shows goes through here: a decimal comma, thousands
 * grouped with a dot, at most `digits` decimals and no trailing decimal zeros
 * (11.9888 → "11,9888", 50 → "50", 1234.5 → "1.234,5", 0 → "0"); "" for none.
 */
export function formatNumber(n: number | null | undefined, digits = 4): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "";
  const fixed = n.toFixed(digits);
  // Only the decimals lose their trailing zeros, never the whole part.
  const trimmed = fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
  const negative = trimmed.startsWith("-") && /[1-9]/.test(trimmed);
  const [whole, frac] = trimmed.replace(/^-/, "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${negative ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}

/** A count of things: a whole number, thousands grouped (1234 → "1.234"). */
export function formatCount(n: number | null | undefined): string {
  return formatNumber(n, 0);
}

/** A percent with at most `digits` decimals: 50 → "50%", 66.67 → "66,7%"; "" for none. */
export function formatPercent(n: number | null | undefined, digits = 1): string {
  const shown = formatNumber(n, digits);
  return shown ? `${shown}%` : "";
}

/** "14:32" from a timestamp, for "Đã lưu lúc 14:32". */
export function formatTime(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The month after or before `period` ("2024-12" + 1 → "2025-01"). */
export function shiftPeriod(period: string, months: number): string {
  const [y, m] = period.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/**
 * The month the app opens on: this month when it lies in the plan's year,
 * else the plan year's last (plan over) or first (plan ahead) month.
 */
export function defaultPeriod(planYear: number, today: Date): string {
  const y = today.getFullYear();
  if (y > planYear) return `${planYear}-12`;
  if (y < planYear) return `${planYear}-01`;
  return `${y}-${String(today.getMonth() + 1).padStart(2, "0")}`;
}

/** The twelve months of a year, for the month picker. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
}
