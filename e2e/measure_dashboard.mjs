// Measures the dashboard as the officer waits for it, on a prepared database
// (docs/performance.md, "Việc phát sinh"): from the click on "Tổng quan" (coming
// from the task list) until its chart and its list of open obligations are on screen,
// timed by the page itself (a frame after they appear), ROUNDS
// times in one session. Run by:
//   PROFILE_DB=path/to.sqlite3 E2E_TEST=e2e/measure_dashboard.mjs bash scripts/e2e.sh APP
// PROFILE_DB is copied (never changed); its agency SNV is chosen at the first launch.
// NO_OBLIGATIONS=1 for a build without obligations (its command line cannot list
// them); DUMP names a file to which every click's time is added as a JSON line,
// with LABEL (bench/obligations/dashboard_ab.sh pools them).

import { execFileSync } from "node:child_process";
import { appendFileSync, copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Driver } from "./webdriver.mjs";

const base = process.env.WEBDRIVER_URL ?? "http://127.0.0.1:4444";
const profile = process.env.PROFILE_DB;
const rounds = Number(process.env.ROUNDS ?? 21);
if (!profile) throw new Error("PROFILE_DB names the database to measure on");

const dataDir = join(process.env.XDG_DATA_HOME, "cchc");
const db = join(dataDir, "cchc.sqlite3");
mkdirSync(dataDir, { recursive: true });
copyFileSync(profile, db);
const all = process.env.NO_OBLIGATIONS
  ? []
  : JSON.parse(
      execFileSync(process.env.CCHC_CLI, ["--db", db, "--json", "obligation", "list", "--agency", "SNV"], {
        encoding: "utf8",
      }),
    );
const open = all.filter((o) => o.settled_on === null).length;

const d = await Driver.start(base, process.env.CCHC_APP);
await d.type("#agency-search", "so noi vu");
await d.click('.agency[data-code="SNV"]');
await d.type("#signer", "Nguyễn Văn An");
await d.click("#first-run-save");
await d.waitFor(".chart", () => true, 30000);

const times = [];
const chart = [];
for (let i = 0; i < rounds; i++) {
  await d.click("#nav-tasks");
  await d.waitFor("#task-count", () => true, 30000);
  await d.script(
    `window.__shown = null;
     window.__chart = null;
     const expected = arguments[0];
     const t0 = performance.now();
     const done = () => {
       if (window.__chart === null && document.querySelector(".chart")) window.__chart = performance.now() - t0;
       return window.__chart !== null && (expected === 0 || document.querySelector("#open-obligations li"));
     };
     const watch = () => done() ? requestAnimationFrame(() => { window.__shown = performance.now() - t0; })
                                : requestAnimationFrame(watch);
     document.querySelector("#nav-dashboard").click();
     requestAnimationFrame(watch);`,
    [open],
  );
  let shown = null;
  for (let k = 0; k < 300 && shown === null; k++) {
    shown = await d.script("return window.__shown === null ? null : [window.__chart, window.__shown];");
    if (shown === null) await new Promise((r) => setTimeout(r, 20));
  }
  if (shown === null) throw new Error("the dashboard did not show its data within 6 s");
  chart.push(shown[0]);
  times.push(shown[1]);
}
await d.quit();
if (process.env.DUMP) {
  appendFileSync(process.env.DUMP, `${JSON.stringify({ label: process.env.LABEL ?? profile, profile, chart, times })}\n`);
}

const ms = (x) => `${x.toFixed(1)} ms`;
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${ms(s[Math.floor((s.length - 1) / 2)])}, min ${ms(s[0])}, max ${ms(s[s.length - 1])}`;
};
console.log(`profile: ${profile} (${all.length} obligations, ${open} open)`);
console.log(`dashboard, click to its chart seen (${rounds} rounds): ${stats(chart)}`);
console.log(`dashboard, click to its chart and open obligations on screen (${rounds} rounds): ${stats(times)}`);
console.log(`load average: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
