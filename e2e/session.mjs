// Helpers of the end-to-end test for the app's process and window: finding
// this run's app process (to end it as the system would), sizing the window
// (no window manager under Xvfb), reading a saved column back from SQLite, and
// measuring sideways overflow.

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { sleep } from "./webdriver.mjs";

/** The process id of this run's app: its binary, and this run's data folder in its environment. */
export function appPid(app, dataHome) {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/exe`) !== app) continue;
      const env = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (env.includes(`XDG_DATA_HOME=${dataHome}`)) return Number(entry);
    } catch {
      // a process that ended meanwhile, or not ours to read
    }
  }
  return null;
}

/** Waits until process `pid` has ended; false after `timeoutMs`. */
export async function waitGone(pid, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!existsSync(`/proc/${pid}`)) return true;
    const state = readFileSync(`/proc/${pid}/stat`, "utf8").split(" ")[2];
    if (state === "Z") return true; // ended, not yet reaped by the driver
    await sleep(100);
  }
  return false;
}

/** Places the app's window at the top left with the given size. */
export function sizeWindow(width, height) {
  execFileSync("xdotool", ["search", "--name", "Chỉ số CCHC", "windowmove", "0", "0", "windowsize", String(width), String(height)]);
}

/** One column of this month's progress row of a task, read from the database file. */
export function savedProgress(dataHome, column, task, period) {
  const db = join(dataHome, "cchc", "cchc.sqlite3");
  const sql = `SELECT p.${column} FROM progress p JOIN task t ON t.id = p.task_id WHERE t.code = ? AND p.period = ?`;
  return execFileSync(
    "python3",
    ["-c", "import sqlite3,sys; r=sqlite3.connect(sys.argv[1]).execute(sys.argv[2], sys.argv[3:]).fetchone(); print(r[0] if r else '')", db, sql, task, period],
    { encoding: "utf8" },
  ).replace(/\n$/, "");
}

/**
 * What scrolls sideways on the page now: the page itself and every part that
 * may scroll (main, panes, cards, dialogs, table boxes), as "what: scroll > client".
 */
export const SIDEWAYS = `
  const found = [];
  const check = (el, name) => {
    if (el && el.scrollWidth > el.clientWidth + 1) found.push(name + ": " + el.scrollWidth + " > " + el.clientWidth);
  };
  check(document.documentElement, "page");
  document.querySelectorAll("main, .topbar, .list-pane, .detail-pane, .card, .dialog, .dialog-body, .table-scroll, .table-wrap").forEach((el) =>
    check(el, el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + "." + [...el.classList].join(".")),
  );
  return found;`;
