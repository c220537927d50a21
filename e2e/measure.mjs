// Measures the desktop app on this machine (docs/performance.md, "Ứng dụng
// (desktop)"), on a profile with a year of data: Sở Nội vụ's progress on
// every task for each month of 2024 and evidence each month, entered with the
// `cchc` CLI before the first launch.
// - The app's own figure: from the process's start to the dashboard's data
//   drawn, as the app logs it ("first data on screen", `src-tauri/src/startup.rs`).
// - The driver's figure: from the WebDriver "new session" request (which
//   starts the binary, after the driver's own set-up) to the status chart found.
// - Memory after 10 s idle on the dashboard: PSS and RSS of the app and its
//   child (WebKit) processes.
// Run by scripts/measure.sh.
//   RUNS      how many launches (default 10)
//   MEM_RUNS  how many of the last launches also measure memory (default 3)

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { logged as loggedIn, median, memory, pidOf, stats } from "./startup.mjs";
import { Driver, sleep } from "./webdriver.mjs";
import { fillYear } from "./year.mjs";

const base = process.env.WEBDRIVER_URL ?? "http://127.0.0.1:4444";
const app = process.env.CCHC_APP;
const cli = process.env.CCHC_CLI;
const runs = Number(process.env.RUNS ?? 10);
const memRuns = Number(process.env.MEM_RUNS ?? 3);
const dataDir = join(process.env.XDG_DATA_HOME, "cchc");
const db = join(dataDir, "cchc.sqlite3");
const logs = join(dataDir, "logs");

/** The figures of the app's log lines `message`, in order. */
const logged = (message) => loggedIn(logs, message);

/** Waits for the `n`th log line `message`. */
async function nthLogged(message, n) {
  for (let i = 0; i < 100; i++) {
    const found = logged(message);
    if (found.length >= n) return found[n - 1];
    await sleep(100);
  }
  throw new Error(`the app logged no "${message}" line (#${n})`);
}

const filled = fillYear(cli, db, process.env.E2E_WORK, "SNV");
console.log(`profile: ${filled.tasks} tasks of SNV × 12 months = ${filled.entries} progress entries, ${filled.evidence} documents`);

// First launch: choose the agency so later launches open on the dashboard.
{
  const d = await Driver.start(base, app);
  await d.type("#agency-search", "so noi vu");
  await d.click('.agency[data-code="SNV"]');
  await d.type("#signer", "Nguyễn Văn An");
  await d.click("#first-run-save");
  await d.waitFor(".chart", () => true, 30000);
  await d.quit();
}

const FIRST = "first data on screen";
const STORE = "store opened";
const rows = [];
const mems = [];
for (let i = 0; i < runs; i++) {
  await sleep(1000);
  const t0 = performance.now();
  const d = await Driver.start(base, app);
  await d.waitFor(".chart", () => true, 30000);
  const driverMs = performance.now() - t0;
  // The page's own steps (ms since its navigation start): the HTML read, the script run, the first answers, the dashboard's answer, its paint.
  const pageSteps = await d.script(`const t = performance.timing, s = (n) => Math.round(performance.getEntriesByName(n)[0]?.startTime ?? NaN);
    return { html: t.domInteractive - t.navigationStart, script: s("cchc:script"), loaded: t.domContentLoadedEventEnd - t.navigationStart, fcp: s("first-contentful-paint"), answers: s("cchc:first-answers"), data: s("cchc:dashboard-data"), painted: s("cchc:painted") };`);
  const shown = await nthLogged(FIRST, i + 2);
  const store = logged(STORE)[i + 1] ?? {};
  const steps = logged("start steps")[i + 1] ?? {};
  rows.push({ app: shown.since_start_ms, driver: driverMs, built: steps.built_ms, setup: store.setup_began_ms, store: store.since_start_ms, pageStarted: steps.page_started_ms, page: shown.since_start_ms - shown.page_ms, beforeMain: shown.before_main_ms, pageSteps });
  if (i >= runs - memRuns) {
    await sleep(10000);
    mems.push(memory(pidOf(app)));
  }
  await d.quit();
}

const ms = (x) => `${Math.round(x)} ms`;
console.log(`launches: ${runs}; load average: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
console.log("run  process→data  before main  shell built  setup began  store opened  load started  page began  driver→chart");
rows.forEach((r, i) => console.log(`${String(i + 1).padStart(3)}  ${ms(r.app).padStart(12)}  ${ms(r.beforeMain).padStart(11)}  ${ms(r.built).padStart(11)}  ${ms(r.setup).padStart(11)}  ${ms(r.store).padStart(12)}  ${ms(r.pageStarted).padStart(12)}  ${ms(r.page).padStart(10)}  ${ms(r.driver).padStart(12)}`));
console.log(`process start to the dashboard's data (the app's log): ${stats(rows.map((r) => r.app))}`);
console.log("in the page, ms since its navigation start (medians): " + Object.keys(rows[0].pageSteps).map((k) => `${k} ${Math.round(median(rows.map((r) => r.pageSteps[k])))}`).join(", "));
console.log(`new-session request to the chart (driver, old figure): ${stats(rows.map((r) => r.driver))}`);
for (const m of mems) {
  console.log(`memory after 10 s idle: PSS ${Math.round(m.pss / 1024)} MB, RSS ${Math.round(m.rss / 1024)} MB (PSS MB: ${m.parts.join(", ")})`);
}
