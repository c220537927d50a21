// @vitest-environment happy-dom
// The month switch of the top bar, and what is typed when the month changes or
// the system ends the app: saved for its own month first, over a fake shell.

import { emit } from "@tauri-apps/api/event";
import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/app";
import type { StatusReport } from "../../src/bindings/StatusReport";
import type { TaskRow } from "../../src/bindings/TaskRow";
import { AGENCIES, APP_INFO, dashboardOf, fakeShell, START, stopShell } from "./shell";

afterEach(stopShell);

const TASK: TaskRow = {
  code: "IV.3.1",
  content: "Sáp nhập các trường cao đẳng",
  criteria: [],
  lead: "SNV",
  partners: [],
  deadline: "Tháng 12/2024",
  due_date: "2024-12-31",
  output: null,
  role: "lead",
};

const statusOf = (period: string): StatusReport => ({
  agency: "SNV",
  period,
  counts: {},
  tasks: [
    {
      code: TASK.code,
      role: "lead",
      status: "Đang thực hiện trong hạn",
      state: "in-progress",
      percent: null,
      result: "",
      obstacles: "",
      proposals: "",
      done_on: null,
      due_date: TASK.due_date,
      entry_period: null,
    },
  ],
});

function appShell() {
  return fakeShell({
    app_info: () => APP_INFO,
    collector_mode: () => false,
    agencies: () => AGENCIES,
    start_check: () => START,
    stash_pending: () => null,
    ready_to_exit: () => null,
    dashboard: ({ period }) => dashboardOf(String(period), 1),
    tasks: () => [TASK],
    criteria: () => [],
    evidence: () => [],
    status: ({ period }) => statusOf(String(period)),
    progress_history: () => [],
    find_references: () => [],
    save_progress: () => null,
  });
}

const heading = () => screen.getByRole("heading", { level: 1 }).textContent ?? "";
const monthBox = () => screen.getByLabelText("Kỳ báo cáo").querySelector("select") as HTMLSelectElement;

async function openTask() {
  fireEvent.click(await screen.findByRole("button", { name: "Nhiệm vụ" }));
  fireEvent.click(await screen.findByText(TASK.content));
  await waitFor(() => expect(document.querySelector("#obstacles")).not.toBeNull());
}

describe("the month switch", () => {
  it("steps a month back and forth (two quick clicks are two months) and picks one from the list, the dashboard following each time", async () => {
    const shell = appShell();
    render(<App />);
    await waitFor(() => expect(heading()).toContain("tháng 12/2024"));
    fireEvent.click(screen.getByRole("button", { name: "Tháng trước" }));
    await waitFor(() => expect(heading()).toContain("tháng 11/2024"));
    expect(monthBox().value).toBe("2024-11");
    fireEvent.click(screen.getByRole("button", { name: "Tháng sau" }));
    fireEvent.click(screen.getByRole("button", { name: "Tháng sau" }));
    await waitFor(() => expect(heading()).toContain("tháng 01/2025"));
    fireEvent.change(monthBox(), { target: { value: "2024-06" } });
    await waitFor(() => expect(heading()).toContain("tháng 06/2024"));
    const asked = shell.of("dashboard").map((a) => a.period);
    expect(asked.slice(0, 2)).toEqual(["2024-12", "2024-11"]);
    expect(asked.slice(-2)).toEqual(["2025-01", "2024-06"]);
  });

  it("saves what was just typed for its own month before showing the next one", async () => {
    const shell = appShell();
    render(<App />);
    await openTask();
    fireEvent.input(document.querySelector("#obstacles")!, { target: { value: "Chờ ý kiến của UBND tỉnh" } });
    // At once, well inside the autosave delay.
    fireEvent.click(screen.getByRole("button", { name: "Tháng trước" }));
    await waitFor(() => expect(shell.of("status").map((x) => x.period)).toContain("2024-11"));
    expect(monthBox().value).toBe("2024-11");
    const saves = shell.of("save_progress").map((a) => a.form as Record<string, string>);
    expect(saves).toHaveLength(1);
    expect(saves[0]).toMatchObject({ task: "IV.3.1", period: "2024-12", obstacles: "Chờ ý kiến của UBND tỉnh" });
    const order = shell.calls.map((c) => `${c.cmd} ${String(c.args.period ?? "")}`);
    expect(order.indexOf("save_progress ")).toBeLessThan(order.indexOf("status 2024-11"));
  });

  it("marks a refused percent on its field and saves nothing", async () => {
    const shell = appShell();
    render(<App />);
    await openTask();
    const percent = document.querySelector("#percent") as HTMLInputElement;
    fireEvent.input(percent, { target: { value: "120" } });
    fireEvent.blur(percent);
    await waitFor(() => expect(percent.getAttribute("aria-invalid")).toBe("true"));
    expect(document.querySelector("#percent-msg")?.textContent).toContain('Tiến độ "120" không hợp lệ');
    expect(document.querySelector("#save-note")?.textContent).toContain("Chưa lưu");
    expect(shell.of("save_progress")).toEqual([]);
  });
});

describe("the system ending the app", () => {
  it("tells the shell every keystroke not saved yet, in calls numbered in order", async () => {
    const shell = appShell();
    render(<App />);
    await openTask();
    const result = document.querySelector("#result")!;
    fireEvent.input(result, { target: { value: "Đã trình" } });
    fireEvent.input(result, { target: { value: "Đã trình Tờ trình" } });
    await waitFor(() => expect(shell.of("stash_pending")).toHaveLength(2));
    const [first, second] = shell.of("stash_pending") as { seq: number; work: { label: string; form: Record<string, string> }[] }[];
    expect(second.seq).toBeGreaterThan(first.seq);
    expect(second.work).toHaveLength(1);
    expect(second.work[0].label).toBe("Tiến độ nhiệm vụ IV.3.1 tháng 12/2024");
    expect(second.work[0].form).toMatchObject({ task: "IV.3.1", period: "2024-12", result: "Đã trình Tờ trình" });
    // Once the autosave has run, the shell hears that nothing is left.
    await waitFor(() => expect(shell.of("save_progress")).toHaveLength(1), { timeout: 3000 });
    await waitFor(() => expect(shell.of("stash_pending").slice(-1)[0]).toMatchObject({ work: [] }));
  });

  it("saves what is typed, tells the shell nothing is left unsaved, then lets it exit", async () => {
    const shell = appShell();
    render(<App />);
    await openTask();
    fireEvent.input(document.querySelector("#result")!, { target: { value: "Đã trình Tờ trình số 1494/TTr-SNV" } });
    await waitFor(() => expect(shell.of("stash_pending")).toHaveLength(1));
    await emit("cchc://before-exit");
    await waitFor(() => expect(shell.of("ready_to_exit")).toHaveLength(1));
    const cmds = shell.calls.map((c) => c.cmd);
    expect(cmds.lastIndexOf("save_progress")).toBeLessThan(cmds.indexOf("ready_to_exit"));
    expect(shell.of("save_progress").slice(-1)[0]?.form).toMatchObject({ result: "Đã trình Tờ trình số 1494/TTr-SNV", period: "2024-12" });
    expect(shell.of("stash_pending").slice(-1)[0]).toMatchObject({ work: [] });
    expect(cmds.lastIndexOf("stash_pending")).toBeLessThan(cmds.indexOf("ready_to_exit"));
  });
});
