// The one place the UI talks to the shell: each command wrapped with its types.
// Errors come back as { kind, message } and are rethrown as IpcError, whose
// message is the Vietnamese text to show.

import { Channel, invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { open, save } from "@tauri-apps/plugin-dialog";
import type { AgencyRow } from "./bindings/AgencyRow";
import type { AppInfo } from "./bindings/AppInfo";
import type { BackupInfo } from "./bindings/BackupInfo";
import type { CheckReport } from "./bindings/CheckReport";
import type { CollectedMonth } from "./bindings/CollectedMonth";
import type { CollectProgress } from "./bindings/CollectProgress";
import type { Criterion } from "./bindings/Criterion";
import type { Dashboard } from "./bindings/Dashboard";
import type { DocRef } from "./bindings/DocRef";
import type { ErrorPayload } from "./bindings/ErrorPayload";
import type { EventFields } from "./bindings/EventFields";
import type { ExportPreview } from "./bindings/ExportPreview";
import type { EvidenceForm } from "./bindings/EvidenceForm";
import type { EvidenceRow } from "./bindings/EvidenceRow";
import type { CarryOver } from "./bindings/CarryOver";
import type { HolidayNotice } from "./bindings/HolidayNotice";
import type { ImportOutcome } from "./bindings/ImportOutcome";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { ObligationForm } from "./bindings/ObligationForm";
import type { ObligationRow } from "./bindings/ObligationRow";
import type { OpenObligationList } from "./bindings/OpenObligationList";
import type { PlanChanges } from "./bindings/PlanChanges";
import type { PlanData } from "./bindings/PlanData";
import type { PlanSummary } from "./bindings/PlanSummary";
import type { ResolvedDeadline } from "./bindings/ResolvedDeadline";
import type { PendingWork } from "./bindings/PendingWork";
import type { Profile } from "./bindings/Profile";
import type { ProgressForm } from "./bindings/ProgressForm";
import type { ProgressRow } from "./bindings/ProgressRow";
import type { RestoreInfo } from "./bindings/RestoreInfo";
import type { SettleForm } from "./bindings/SettleForm";
import type { StartReport } from "./bindings/StartReport";
import type { StatusReport } from "./bindings/StatusReport";
import type { CollectedTask } from "./bindings/CollectedTask";
import type { CriterionScore } from "./bindings/CriterionScore";
import type { Figure } from "./bindings/Figure";
import type { IndicatorForm } from "./bindings/IndicatorForm";
import type { MeasuredLine } from "./bindings/MeasuredLine";
import type { TaskRow } from "./bindings/TaskRow";

export class IpcError extends Error {
  constructor(
    readonly kind: ErrorPayload["kind"] | "unexpected",
    message: string,
  ) {
    super(message);
  }
}

/** Turns whatever a failed call threw into an IpcError with a Vietnamese message. */
export function toIpcError(e: unknown): IpcError {
  if (e instanceof IpcError) return e;
  if (e && typeof e === "object" && "kind" in e && "message" in e) {
    const p = e as ErrorPayload;
    return new IpcError(p.kind, p.message);
  }
  return new IpcError(
    "unexpected",
    `Có lỗi không mong đợi: ${String(e)}. Hãy thử lại; nếu vẫn lỗi, đóng và mở lại ứng dụng.`,
  );
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toIpcError(e);
  }
}

const EXCEL = { name: "Excel", extensions: ["xlsx"] };
/** The save dialog's filter for a backup archive. */
export const BACKUP_FILE = { name: "Bản sao lưu cchc", extensions: ["zip"] };

export const api = {
  appInfo: () => call<AppInfo>("app_info"),
  agencies: () => call<AgencyRow[]>("agencies"),
  criteria: () => call<Criterion[]>("criteria"),
  setProfile: (agency: string, signer: string) => call<Profile>("set_profile", { agency, signer }),
  tasks: () => call<TaskRow[]>("tasks"),
  importPlan: (path: string) => call<ImportOutcome>("import_plan", { path }),
  plans: () => call<PlanSummary[]>("plans"),
  planData: (id: number) => call<PlanData>("plan_data", { id }),
  newPlan: (name: string, year: string, from: number | null) => call<number>("new_plan", { name, year, from }),
  checkPlanData: (plan: PlanData) => call<string[]>("check_plan_data", { plan }),
  checkDeadline: (text: string) => call<ResolvedDeadline>("check_deadline", { text }),
  savePlan: (id: number, plan: PlanData) => call<PlanChanges>("save_plan", { id, plan }),
  publishPlan: (id: number, path: string) => call<number>("publish_plan", { id, path }),
  unfinishedTasks: (id: number) => call<CarryOver[]>("unfinished_tasks", { id }),
  previewPlanImport: (path: string) => call<ImportPreview>("preview_plan_import", { path }),
  switchPlan: (path: string) => call<ImportOutcome>("switch_plan", { path }),
  status: (period: string) => call<StatusReport>("status", { period }),
  dashboard: (period: string) => call<Dashboard>("dashboard", { period }),
  saveProgress: (form: ProgressForm) => call<null>("save_progress", { form }),
  progressHistory: (task: string) => call<ProgressRow[]>("progress_history", { task }),
  checkReference: (text: string) => call<DocRef>("check_reference", { text }),
  findReferences: (text: string) => call<DocRef[]>("find_references", { text }),
  evidence: () => call<EvidenceRow[]>("evidence"),
  addEvidence: (form: EvidenceForm) => call<number>("add_evidence", { form }),
  updateEvidence: (id: number, form: EvidenceForm) => call<null>("update_evidence", { id, form }),
  deleteEvidence: (id: number) => call<null>("delete_evidence", { id }),
  openEvidence: (id: number) => call<null>("open_evidence", { id }),
  revealPath: (path: string) => call<null>("reveal_path", { path }),
  exportPreview: (period: string) => call<ExportPreview>("export_preview", { period }),
  exportMonth: (period: string, path: string) => call<string>("export_month", { period, path }),
  measured: (period: string) => call<MeasuredLine[]>("measured", { period }),
  saveIndicator: (form: IndicatorForm) => call<Figure>("save_indicator", { form }),
  /** The points at risk: the agency's own, or (`province`) the collected province's. */
  scores: (period: string, province: boolean) => call<CriterionScore[]>("scores", { period, province }),
  startCheck: () => call<StartReport>("start_check"),
  createBackup: (path: string) => call<BackupInfo>("create_backup", { path }),
  restoreBackup: (path: string) => call<RestoreInfo>("restore_backup", { path }),
  verifyData: () => call<CheckReport>("verify_data"),
  collectorMode: () => call<boolean>("collector_mode"),
  setCollectorMode: (on: boolean) => call<null>("set_collector_mode", { on }),
  /** Reads the workbooks in `paths` (files or folders); `onProgress` hears each file read. */
  collect: (period: string, paths: string[], onProgress: (p: CollectProgress) => void) => {
    const channel = new Channel<CollectProgress>();
    channel.onmessage = onProgress;
    return call<CollectedMonth>("collect", { period, paths, onProgress: channel });
  },
  collectedMonth: (period: string) => call<CollectedMonth>("collected_month", { period }),
  collectedRows: (period: string, agency: string) => call<CollectedTask[]>("collected_rows", { period, agency }),
  exportConsolidated: (period: string, path: string) => call<string>("export_consolidated", { period, path }),
  /** The open obligations, the first `first` of them (all without it), and how many there are. */
  openObligations: (first?: number) => call<OpenObligationList>("open_obligations", first === undefined ? undefined : { first }),
  taskObligations: (task: string) => call<ObligationRow[]>("task_obligations", { task }),
  readEventText: (text: string) => call<EventFields>("read_event_text", { text }),
  addObligation: (form: ObligationForm) => call<ObligationRow>("add_obligation", { form }),
  settleObligation: (id: number, form: SettleForm) => call<ObligationRow>("settle_obligation", { id, form }),
  holidayNotices: () => call<HolidayNotice[]>("holiday_notices"),
  addHolidayNotice: (reference: string, lines: string) => call<HolidayNotice>("add_holiday_notice", { reference, lines }),
  addHolidayNoticeFile: (reference: string, path: string) => call<HolidayNotice>("add_holiday_notice_file", { reference, path }),
  /** Tells the shell what is typed but not saved yet (empty when all is saved), as of call `seq`. */
  stashPending: (seq: number, work: PendingWork[]) => call<null>("stash_pending", { seq, work }),
  /** Opens the folder of the daily log files in the file manager. */
  openLogs: () => call<null>("open_logs"),

  /**
   * The full path where a file is saved by default: in Documents, or, without
   * one, the home folder, or else the data folder (never a bare file name).
   */
  /** The dashboard's data is drawn, `pageMs` after the page began: the shell logs the start's duration (once a run). */
  firstDataShown: (pageMs: number) => call<number | null>("first_data_shown", { pageMs }),
  defaultSavePath: (fileName: string) => call<string>("default_save_path", { fileName }),

  /** The open-file dialog; null when cancelled. */
  pickFile: async (title: string, extensions?: string[]): Promise<string | null> => {
    try {
      const picked = await open({
        title,
        multiple: false,
        directory: false,
        filters: extensions ? [{ name: extensions.join(", "), extensions }] : undefined,
      });
      return typeof picked === "string" ? picked : null;
    } catch (e) {
      throw toIpcError(e);
    }
  },

  /** The save-file dialog (an Excel workbook unless `kind` says otherwise); null when cancelled. */
  pickSavePath: async (defaultPath: string, kind: { name: string; extensions: string[] } = EXCEL): Promise<string | null> => {
    try {
      return await save({ defaultPath, filters: [kind] });
    } catch (e) {
      throw toIpcError(e);
    }
  },

  /** The open dialog for a folder; null when cancelled. */
  pickFolder: async (title: string): Promise<string | null> => {
    try {
      const picked = await open({ title, directory: true, multiple: false });
      return typeof picked === "string" ? picked : null;
    } catch (e) {
      throw toIpcError(e);
    }
  },

  /** The open dialog for several files; an empty list when cancelled. */
  pickFiles: async (title: string, extensions: string[]): Promise<string[]> => {
    try {
      const picked = await open({ title, multiple: true, directory: false, filters: [{ name: extensions.join(", "), extensions }] });
      return Array.isArray(picked) ? picked : typeof picked === "string" ? [picked] : [];
    } catch (e) {
      throw toIpcError(e);
    }
  },

  /**
   * Runs `beforeClose` (pending saves) when the window is asked to close, then
   * lets it close. Returns the function that stops listening.
   */
  onCloseRequested: (beforeClose: () => Promise<void>): (() => void) => {
    const unlisten = getCurrentWindow().onCloseRequested(async () => {
      await beforeClose();
    });
    return () => void unlisten.then((f) => f());
  },

  /**
   * Runs `beforeExit` (pending saves) when the system ends the app (SIGTERM,
   * Windows sign-out or shut-down), then lets the shell exit. Returns the
   * function that stops listening.
   */
  onBeforeExit: (beforeExit: () => Promise<void>): (() => void) => {
    const unlisten = listen("cchc://before-exit", async () => {
      try {
        await beforeExit();
      } finally {
        await invoke("ready_to_exit").catch(() => {});
      }
    });
    return () => void unlisten.then((f) => f());
  },

  /** Calls `onDrop` with the paths of files dropped on the window. */
  onFileDrop: (onDrop: (paths: string[]) => void, onHover: (over: boolean) => void): (() => void) => {
    const unlisten = getCurrentWebview().onDragDropEvent((event) => {
      if (event.payload.type === "drop") {
        onHover(false);
        onDrop(event.payload.paths);
      } else if (event.payload.type === "over" || event.payload.type === "enter") {
        onHover(true);
      } else {
        onHover(false);
      }
    });
    return () => void unlisten.then((f) => f());
  },
};
