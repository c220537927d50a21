// The app's frame: the left bar of sections, the top bar (agency, plan,
// reporting month switchable in one click) and the current screen.

import { useCallback, useEffect, useState } from "preact/hooks";
import { api, IpcError, toIpcError } from "./api";
import type { AppInfo } from "./bindings/AppInfo";
import type { StartReport } from "./bindings/StartReport";
import { DataSafety, StartNotice } from "./components/DataSafety";
import { defaultPeriod, formatPeriod, monthsOf, shiftPeriod } from "./lib/format";
import { flushAll, watchUnsaved } from "./lib/pending";
import { ERROR_TITLES } from "./lib/safety";
import { CollectScreen } from "./screens/Collect";
import { DashboardScreen } from "./screens/Dashboard";
import { EvidenceScreen } from "./screens/Evidence";
import { ExportScreen } from "./screens/Export";
import { FirstRun } from "./screens/FirstRun";
import { PlanEditorScreen } from "./screens/PlanEditor";
import { RiskScreen } from "./screens/Risk";
import { SettingsScreen } from "./screens/Settings";
import { TasksScreen } from "./screens/Tasks";

export type Screen = "dashboard" | "risk" | "tasks" | "evidence" | "export" | "collect" | "plan" | "settings";

const SECTIONS: { id: Screen; label: string }[] = [
  { id: "dashboard", label: "Tổng quan" },
  { id: "risk", label: "Điểm có nguy cơ mất" },
  { id: "tasks", label: "Nhiệm vụ" },
  { id: "evidence", label: "Tài liệu kiểm chứng" },
  { id: "export", label: "Xuất báo cáo" },
  { id: "collect", label: "Tổng hợp" },
  { id: "plan", label: "Kế hoạch" },
  { id: "settings", label: "Cài đặt" },
];

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [agencyName, setAgencyName] = useState("");
  const [fatal, setFatal] = useState<IpcError | null>(null);
  const [screen, setScreen] = useState<Screen>("dashboard");
  const [period, setPeriod] = useState("");
  const [openTask, setOpenTask] = useState<string | null>(null);
  const [collector, setCollector] = useState(false);
  const [start, setStart] = useState<StartReport | null>(null);
  const [startError, setStartError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const next = await api.appInfo();
      const collectorOn = await api.collectorMode();
      const agencies = next.profile.agency ? await api.agencies() : [];
      performance.mark("cchc:first-answers");
      // All at once, after every answer is in: no screen is shown (and so none
      // asks the shell) before the month is known.
      setPeriod((p) => p || defaultPeriod(next.plan.year, new Date()));
      setCollector(collectorOn);
      setAgencyName(agencies.find((a) => a.code === next.profile.agency)?.name ?? next.profile.agency ?? "");
      setInfo(next);
    } catch (e) {
      setFatal(toIpcError(e));
    }
  }, []);

  useEffect(() => {
    void load();
    // The daily backup and the quick check, once per start.
    api.startCheck().then(setStart, (e) => setStartError(toIpcError(e).message));
    const stopClose = api.onCloseRequested(flushAll);
    // The system ending the app (SIGTERM, Windows sign-out or shut-down): save first.
    const stopExit = api.onBeforeExit(flushAll);
    // The shell keeps what is typed but unsaved, to save it if the system ends the app.
    const stopWatch = watchUnsaved((seq, work) => void api.stashPending(seq, work).catch(() => {}));
    return () => {
      stopClose();
      stopExit();
      stopWatch();
    };
  }, [load]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.key.toLowerCase() === "f") {
        const search = document.querySelector<HTMLInputElement>("input[type=search]");
        if (search) {
          e.preventDefault();
          search.focus();
        }
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  if (fatal) {
    return (
      <div class="fatal" role="alert">
        <h1>{fatal.kind === "network-folder" ? ERROR_TITLES["network-folder"] : "Không mở được dữ liệu"}</h1>
        <p id="fatal-message">{fatal.message}</p>
        <button onClick={() => location.reload()}>Thử lại</button>
        {fatal.kind !== "network-folder" && (
          <>
            <p>Nếu dữ liệu bị hỏng, hãy khôi phục bản sao lưu gần nhất (trong thư mục backups cạnh tệp dữ liệu, hoặc bản đã sao lưu ra USB):</p>
            <DataSafety restoreOnly onRestored={() => location.reload()} />
          </>
        )}
      </div>
    );
  }
  if (!info || !period) return <p class="boot">Đang mở dữ liệu…</p>;
  if (!info.profile.agency) return <FirstRun plan={info.plan.name} onDone={load} />;

  const go = async (next: Screen, task: string | null = null) => {
    await flushAll();
    setOpenTask(task);
    setScreen(next);
  };
  /** Saves what is pending for the month shown, then shows `next` (a month, or a step from the month shown then). */
  const changePeriod = async (next: string | ((shown: string) => string)) => {
    await flushAll();
    setPeriod(next);
  };

  // A screen's data answers one plan and one agency: another is a new screen,
  // and whatever the old one still waits for answers nobody.
  const asked = `${info.plan.id}|${info.profile.agency}`;

  return (
    <div class="frame">
      <nav class="sidebar" aria-label="Các mục">
        <div class="brand">CCHC</div>
        {SECTIONS.filter((s) => (s.id !== "collect" && s.id !== "plan") || collector).map((s) => (
          <button
            key={s.id}
            id={`nav-${s.id}`}
            class={screen === s.id ? "nav active" : "nav"}
            aria-current={screen === s.id ? "page" : undefined}
            onClick={() => go(s.id)}
          >
            {s.label}
          </button>
        ))}
      </nav>
      <header class="topbar">
        <div class="who">
          <strong id="top-agency">{agencyName}</strong>
          <span class="muted">{info.plan.name}</span>
        </div>
        <div class="period" role="group" aria-label="Kỳ báo cáo">
          <span>Kỳ báo cáo:</span>
          <button aria-label="Tháng trước" onClick={() => changePeriod((p) => shiftPeriod(p, -1))}>
            ‹
          </button>
          <select id="period" value={period} onChange={(e) => changePeriod(e.currentTarget.value)}>
            {[...new Set([...monthsOf(info.plan.year), period])].sort().map((m) => (
              <option key={m} value={m}>
                {formatPeriod(m)}
              </option>
            ))}
          </select>
          <button aria-label="Tháng sau" onClick={() => changePeriod((p) => shiftPeriod(p, 1))}>
            ›
          </button>
        </div>
      </header>
      <main class="content">
        {start && <StartNotice start={start} onSettings={() => go("settings")} />}
        {startError && (
          <p class="notice error-notice" role="alert">
            Chưa kiểm tra được dữ liệu khi mở ứng dụng. {startError}
          </p>
        )}
        {screen === "dashboard" && <DashboardScreen key={asked} period={period} year={info.plan.year} onOpenTask={(c) => go("tasks", c)} />}
        {screen === "risk" && <RiskScreen key={asked} period={period} collector={collector} />}
        {screen === "tasks" && <TasksScreen key={asked} period={period} initialTask={openTask} />}
        {screen === "evidence" && <EvidenceScreen key={asked} />}
        {screen === "export" && <ExportScreen key={asked} period={period} onOpenTask={(c) => go("tasks", c)} />}
        {screen === "collect" && collector && <CollectScreen key={asked} period={period} />}
        {screen === "plan" && collector && <PlanEditorScreen key={asked} currentPlan={info.plan.id} />}
        {screen === "settings" && <SettingsScreen info={info} onChanged={load} />}
      </main>
    </div>
  );
}
