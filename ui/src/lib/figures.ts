// An indicator's figures as the officer types them ("1.245", "85,5"), checked
// before sending with the core's rules (`number::parse_vi` and the store's
// checks of an indicator form, in the core's words; both checked on the cases of
// ui/tests/figure-cases.json against the core) so the wrong field is
// marked at once; the core checks again.

import type { IndicatorKind } from "../bindings/IndicatorKind";
import { formatNumber } from "./format";

/**
 * Reads a number typed the Vietnamese way, as the core does: a comma marks the
 * decimals, dots or spaces group thousands ("1.245,5", "1 245"); a single dot
 * before other than three digits is a decimal point ("85.5"). Null otherwise.
 */
export function readNumber(text: string): number | null {
  let t = text.trim().replace(/[ \u00a0\u202f]/g, "");
  const negative = t.startsWith("-");
  if (negative) t = t.slice(1);
  const m = /^(\d+(?:\.\d+)*)(?:,(\d+))?$/.exec(t);
  if (!m) return null;
  const [whole, frac] = [m[1], m[2]];
  const groups = whole.split(".");
  let n: number;
  if (groups.length === 1) n = Number(frac ? `${whole}.${frac}` : whole);
  else if (!frac && groups.length === 2 && groups[1].length !== 3) n = Number(whole);
  else if (groups[0].length <= 3 && groups.slice(1).every((g) => g.length === 3)) n = Number(`${groups.join("")}${frac ? `.${frac}` : ""}`);
  else return null;
  return negative ? -n : n;
}

export interface TypedFigure {
  numerator: string;
  denominator: string;
  value: string;
}

/** What is wrong with each field of a typed figure, by field; empty when the core would take it. */
export type FigureProblems = Partial<Record<keyof TypedFigure, string>>;

const LABELS: Record<keyof TypedFigure, string> = { numerator: "Tử số", denominator: "Mẫu số", value: "Giá trị" };

/**
 * The problems of the fields an indicator of `kind` (in `unit`) uses: not a
 * number, negative, a denominator of 0, a numerator above its denominator, a
 * percent above 100. An empty field is left to the core, which names what is missing.
 */
export function figureProblems(kind: IndicatorKind, unit: string, typed: TypedFigure): FigureProblems {
  const problems: FigureProblems = {};
  const read: Partial<Record<keyof TypedFigure, number>> = {};
  const fields: (keyof TypedFigure)[] = kind === "rate" ? ["numerator", "denominator"] : ["value"];
  for (const field of fields) {
    const shown = typed[field].trim();
    const t = shown.replace(/%+$/, "").trim();
    if (!t) continue;
    const n = readNumber(t);
    if (n === null) problems[field] = `${LABELS[field]} "${shown}" không phải là một số (viết kiểu Việt Nam: 1.245 hoặc 85,5).`;
    else if (n < 0) problems[field] = `${LABELS[field]} "${shown}" không được là số âm.`;
    else read[field] = n;
  }
  const { numerator: n, denominator: d, value: v } = read;
  if (d !== undefined && d <= 0) problems.denominator = `Mẫu số phải lớn hơn 0 (đang là ${formatNumber(d)}).`;
  else if (n !== undefined && d !== undefined && n > d) {
    problems.numerator = `Tử số ${formatNumber(n)} lớn hơn mẫu số ${formatNumber(d)}: tỷ lệ không thể vượt 100%.`;
  }
  if (v !== undefined && unit === "%" && v > 100) problems.value = `Giá trị ${formatNumber(v)}% nằm ngoài khoảng 0–100%.`;
  return problems;
}
