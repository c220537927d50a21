// The plan editor's own logic: scores pasted from a spreadsheet, points lost,
// moving tasks, code lists, the next free task code. Everything about the
// plan's validity is the core's (check_plan_data, check_deadline).

/** One row pasted from a spreadsheet: a criterion's (or field's) code, maximum and score. */
export interface ScoreRow {
  code: string;
  max: number;
  score: number;
}

/** "0,9947" or "1.5" → a number; null when it is not one. */
export function parseScore(text: string): number | null {
  const t = text.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/**
 * Reads a range copied from Excel (rows on lines, cells separated by tabs):
 * code, maximum, score in the first three cells; a header row is skipped.
 * Problems name the line.
 */
export function parseScoreRows(text: string): { rows: ScoreRow[]; problems: string[] } {
  const rows: ScoreRow[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const [code = "", max = "", score = ""] = line.split("\t").map((c) => c.trim());
    const [m, s] = [parseScore(max), parseScore(score)];
    if (m === null && s === null && i === 0) return; // the header row
    if (!code) problems.push(`Dòng ${i + 1}: thiếu mã tiêu chí.`);
    else if (m === null) problems.push(`Dòng ${i + 1}: điểm tối đa "${max}" không phải là số.`);
    else if (s === null) problems.push(`Dòng ${i + 1}: điểm đạt "${score}" không phải là số.`);
    else if (s > m) problems.push(`Dòng ${i + 1}: điểm đạt ${score} lớn hơn điểm tối đa ${max}.`);
    else rows.push({ code, max: m, score: s });
  });
  return { rows, problems };
}

/** Points lost: the maximum less the score, to four decimals. */
export function pointsLost(max: number, score: number): number {
  return Math.round((max - score) * 10000) / 10000;
}

/** `list` with the item at `index` moved by `delta` places (kept within the list). */
export function move<T>(list: T[], index: number, delta: number): T[] {
  const to = Math.min(list.length - 1, Math.max(0, index + delta));
  if (to === index || index < 0 || index >= list.length) return list;
  const next = list.slice();
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item);
  return next;
}

/** "SNV; STP, NHOM-XA" → ["SNV", "STP", "NHOM-XA"] (no empty or repeated codes). */
export function splitCodes(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[;,\n]/)) {
    const code = part.trim();
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}

/** A code for a new task not yet used: "NV.001", "NV.002"… */
export function nextTaskCode(codes: string[], prefix = "NV."): string {
  const used = new Set(codes);
  for (let n = 1; ; n++) {
    const code = `${prefix}${String(n).padStart(3, "0")}`;
    if (!used.has(code)) return code;
  }
}
