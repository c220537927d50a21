// A fake shell for the component tests: Tauri's own mockIPC answers every
// command from a table of handlers, records each call in order, and lets a
// test hold an answer back (a slow first answer) and release it later.

import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { cleanup } from "@testing-library/preact";
import type { AgencyRow } from "../../src/bindings/AgencyRow";
import type { AppInfo } from "../../src/bindings/AppInfo";
import type { Dashboard } from "../../src/bindings/Dashboard";
import type { StartReport } from "../../src/bindings/StartReport";

export type Handler = (args: Record<string, unknown>) => unknown;

export interface Call {
  cmd: string;
  args: Record<string, unknown>;
}

export interface FakeShell {
  calls: Call[];
  /** The calls of one command, in order. */
  of(cmd: string): Record<string, unknown>[];
}

/** Installs the fake shell: `handlers` by command name; an unknown command fails the test loudly. */
export function fakeShell(handlers: Record<string, Handler>): FakeShell {
  const calls: Call[] = [];
  mockWindows("main");
  mockIPC(
    (cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args });
      const handler = handlers[cmd];
      if (!handler) throw new Error(`the fake shell has no command ${cmd}`);
      return handler(args);
    },
    { shouldMockEvents: true },
  );
  return { calls, of: (cmd) => calls.filter((c) => c.cmd === cmd).map((c) => c.args) };
}

/** The dashboard's other calls (its list of open obligations, empty; its word that the data is drawn): spread into the handlers of a test that shows the dashboard. */
export const NO_OBLIGATIONS: Record<string, Handler> = { open_obligations: () => ({ rows: [], total: 0 }), first_data_shown: () => null };

/** Unmounts what the test rendered, lets its listeners stop, then removes the fake shell. */
export async function stopShell(): Promise<void> {
  cleanup();
  await new Promise((r) => setTimeout(r, 0));
  clearMocks();
}

/** An answer held back until the test releases it, with a value or an error. */
export function held<T>(): { promise: Promise<T>; answer: (value: T) => void; fail: (error: unknown) => void } {
  let answer!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  return { promise, answer, fail };
}

/** A profile that has chosen its agency, on a plan of 2024 (so the app opens on Tháng 12/2024). */
export const APP_INFO: AppInfo = {
  version: "0.1.0",
  data_dir: "/home/can-bo/.local/share/cchc",
  logs_dir: "/home/can-bo/.local/share/cchc/logs",
  plan: { id: 1, name: "Kế hoạch cải thiện Chỉ số CCHC năm 2024", year: 2024, current: true },
  profile: { agency: "SNV", signer: "Nguyễn Văn An" },
};

export const AGENCIES: AgencyRow[] = [
  { code: "SNV", name: "Sở Nội vụ", kind: { agency: "so-ban-nganh" }, groups: [], succeeded_by: null, since: null, retired: false },
  { code: "STP", name: "Sở Tư pháp", kind: { agency: "so-ban-nganh" }, groups: [], succeeded_by: null, since: null, retired: false },
];

export const START: StartReport = {
  backup: null,
  backup_problem: null,
  check: {
    report: { database_problems: [], foreign_key_problems: [], missing_files: [], changed_files: [], files_checked: 0 },
    advice: null,
  },
  read_only: false,
  unsaved: [],
};

/** A dashboard for `period` whose counts tell the months apart (`overdue` tasks overdue). */
export function dashboardOf(period: string, overdue: number): Dashboard {
  return {
    period,
    total: 40,
    counts: [
      { status: "DoneOnTime", count: 10 },
      { status: "Overdue", count: overdue },
    ],
    overdue: [],
    due_this_month: [],
    fields: [],
  };
}

/** The error the shell sends for a month it cannot read, as the officer saw it. */
export const BAD_PERIOD = {
  kind: "invalid",
  message: 'Không đọc được kỳ báo cáo "": hãy ghi theo dạng tháng/năm (08/2024) hoặc năm-tháng (2024-08).',
};
