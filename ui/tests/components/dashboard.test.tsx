// @vitest-environment happy-dom
// The dashboard and the app's start over a fake shell: a slow or failing first
// answer never replaces the answer to the question the screen asks now.

import { render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/app";
import type { Dashboard } from "../../src/bindings/Dashboard";
import { DashboardScreen } from "../../src/screens/Dashboard";
import { AGENCIES, APP_INFO, BAD_PERIOD, dashboardOf, fakeShell, held, NO_OBLIGATIONS, START, stopShell } from "./shell";

afterEach(stopShell);

const heading = () => screen.getByRole("heading", { level: 1 }).textContent ?? "";

/**
 * Shows November, whose answer is held back, then December (answered at once);
 * once December is shown, November's answer comes with `late`.
 */
async function novemberAnswersLate(late: (november: ReturnType<typeof held<Dashboard>>) => void) {
  const november = held<Dashboard>();
  fakeShell({
    ...NO_OBLIGATIONS,
    dashboard: ({ period }) => (period === "2024-11" ? november.promise : dashboardOf(String(period), 7)),
  });
  const { rerender } = render(<DashboardScreen period="2024-11" year={2024} onOpenTask={() => {}} />);
  rerender(<DashboardScreen period="2024-12" year={2024} onOpenTask={() => {}} />);
  await waitFor(() => expect(heading()).toContain("tháng 12/2024"));
  late(november);
  await november.promise.catch(() => {});
  await new Promise((r) => setTimeout(r, 20));
}

describe("the dashboard with a slow first answer", () => {
  it("shows the month asked last when the first month's answer comes after it", async () => {
    await novemberAnswersLate((november) => november.answer(dashboardOf("2024-11", 3)));
    expect(heading()).toContain("tháng 12/2024");
    expect(screen.getByRole("img").getAttribute("aria-label")).toContain("Quá hạn chưa hoàn thành: 7");
  });

  it("keeps the month's dashboard when an earlier question fails late", async () => {
    await novemberAnswersLate((november) => november.fail(BAD_PERIOD));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(heading()).toContain("tháng 12/2024");
  });

  it("still shows the shell's refusal of the month it asks now", async () => {
    fakeShell({ ...NO_OBLIGATIONS, dashboard: () => Promise.reject(BAD_PERIOD) });
    render(<DashboardScreen period="2024-12" year={2024} onOpenTask={() => {}} />);
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("Không đọc được kỳ báo cáo"));
  });
});

describe("the dashboard's word that its data is drawn", () => {
  it("tells the shell once, after the data is on screen, with the page's own time", async () => {
    const shell = fakeShell({ ...NO_OBLIGATIONS, dashboard: ({ period }) => dashboardOf(String(period), 2) });
    const { rerender } = render(<DashboardScreen period="2024-11" year={2024} onOpenTask={() => {}} />);
    expect(shell.of("first_data_shown")).toEqual([]);
    await waitFor(() => expect(shell.of("first_data_shown")).toHaveLength(1));
    expect(heading()).toContain("tháng 11/2024");
    rerender(<DashboardScreen period="2024-12" year={2024} onOpenTask={() => {}} />);
    await waitFor(() => expect(heading()).toContain("tháng 12/2024"));
    await new Promise((r) => setTimeout(r, 50));
    const calls = shell.of("first_data_shown");
    expect(calls).toHaveLength(1);
    expect(typeof calls[0].pageMs).toBe("number");
  });
});

describe("the app's start on a profile that has its agency", () => {
  it("asks for the dashboard only once the month is known, and shows it", async () => {
    const collector = held<boolean>();
    const shell = fakeShell({
      app_info: () => APP_INFO,
      // The slowest answer of the start: before the fix, the dashboard asked meanwhile with no month.
      collector_mode: () => collector.promise,
      agencies: () => AGENCIES,
      start_check: () => START,
      stash_pending: () => null,
      ...NO_OBLIGATIONS,
      dashboard: ({ period }) => (period ? dashboardOf(String(period), 2) : Promise.reject(BAD_PERIOD)),
    });
    render(<App />);
    await new Promise((r) => setTimeout(r, 20));
    expect(shell.of("dashboard")).toEqual([]);
    collector.answer(false);
    await waitFor(() => expect(heading()).toContain("tháng 12/2024"));
    expect(shell.of("dashboard")).toEqual([{ period: "2024-12" }]);
    expect(screen.queryByRole("alert")).toBeNull();
    expect((screen.getByLabelText("Kỳ báo cáo").querySelector("select") as HTMLSelectElement).value).toBe("2024-12");
    expect(screen.getByText("Sở Nội vụ")).toBeTruthy();
  });
});
