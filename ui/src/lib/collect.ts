// What the "Tổng hợp" screen decides itself: the words for the core's status
// and outcome codes, each agency's state in the table, the month's summary,
// and the paths typed or dropped.

import type { AgencyLine } from "../bindings/AgencyLine";
import type { CollectedMonth } from "../bindings/CollectedMonth";
import type { Outcome } from "../bindings/Outcome";
import type { OutcomeKind } from "../bindings/OutcomeKind";
import type { Status } from "../bindings/Status";
import { formatCount, formatPercent } from "./format";

/** The status words of the workbook, by the core's code, in the report's order. */
export const STATUS_WORDS: Record<Status, string> = {
  NotStarted: "Chưa triển khai",
  InProgressOnTime: "Đang thực hiện trong hạn",
  DoneOnTime: "Hoàn thành đúng hạn",
  DoneLate: "Hoàn thành quá hạn",
  Overdue: "Quá hạn chưa hoàn thành",
  Recurring: "Thực hiện thường xuyên",
};

/** What happened to a file, as the command line prints it. */
export const OUTCOME_WORDS: Record<OutcomeKind, string> = {
  accepted: "Đã nhận",
  replaced: "Đã thay",
  unchanged: "Không đổi",
  older: "Bỏ qua",
  rejected: "Từ chối",
};

export type AgencyState = "sent" | "missing" | "rejected";

export const AGENCY_STATE_WORDS: Record<AgencyState, string> = {
  sent: "Đã gửi",
  missing: "Chưa gửi",
  rejected: "Từ chối",
};

/**
 * An agency's state in the table: sent when a report is stored; refused when
 * this run refused its file and nothing is stored; otherwise not sent.
 */
export function agencyState(line: AgencyLine, outcomes: Outcome[]): AgencyState {
  if (line.sent) return "sent";
  return outcomes.some((o) => o.kind === "rejected" && o.agency === line.code) ? "rejected" : "missing";
}

/** The completion rate as the table shows it: "66,7%", or "—" when nothing was sent. */
export function completionText(rate: number | null): string {
  return rate === null ? "—" : formatPercent(rate, 1);
}

export interface MonthSummary {
  agencies: number;
  sent: number;
  missing: number;
  rejected: number;
  /** Files of the last run: accepted (new, replaced or unchanged) and refused. */
  filesRead: number;
  filesRefused: number;
}

/** The counts above the table. */
export function summarize(month: CollectedMonth): MonthSummary {
  const states = month.agencies.map((a) => agencyState(a, month.outcomes));
  return {
    agencies: month.agencies.length,
    sent: states.filter((s) => s === "sent").length,
    missing: states.filter((s) => s === "missing").length,
    rejected: states.filter((s) => s === "rejected").length,
    filesRead: month.outcomes.length,
    filesRefused: month.outcomes.filter((o) => o.kind === "rejected").length,
  };
}

/** One path per line, as typed, pasted or dropped; blank lines left out. */
export function parsePaths(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** The progress bar's percent (0 before any file is known). */
export function progressPercent(done: number, total: number): number {
  return total > 0 ? Math.round((100 * Math.min(done, total)) / total) : 0;
}

/** One count of the line after a run ("từ chối 1"), refused files marked so they alone are shown in red. */
export interface RunPart {
  text: string;
  refused: boolean;
}

/**
 * The line after a run in parts: how many files, and how many of each outcome
 * ("Đã đọc 4 tệp: " then "đã nhận 3", "từ chối 1"), and its tone: "ok" when
 * every file was taken, "mixed" when some were refused, "error" when all were
 * or there was none.
 */
export function runLine(outcomes: Outcome[]): { lead: string; parts: RunPart[]; tone: "ok" | "mixed" | "error" } {
  if (outcomes.length === 0) return { lead: "Không có tệp .xlsx nào ở đường dẫn đã chọn.", parts: [], tone: "error" };
  const kinds = Object.keys(OUTCOME_WORDS) as OutcomeKind[];
  const parts = kinds
    .map((k) => [k, outcomes.filter((o) => o.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => ({ text: `${OUTCOME_WORDS[k].toLowerCase()} ${formatCount(n)}`, refused: k === "rejected" }));
  const refused = outcomes.filter((o) => o.kind === "rejected").length;
  const tone = refused === 0 ? "ok" : refused === outcomes.length ? "error" : "mixed";
  return { lead: `Đã đọc ${formatCount(outcomes.length)} tệp: `, parts, tone };
}

/** The line after a run as plain text ("Đã đọc 4 tệp: đã nhận 3, từ chối 1."). */
export function runText(outcomes: Outcome[]): string {
  const line = runLine(outcomes);
  return line.parts.length ? `${line.lead}${line.parts.map((p) => p.text).join(", ")}.` : line.lead;
}
