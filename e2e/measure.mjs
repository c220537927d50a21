// Measures the desktop app on this machine: time from launch to the first
// screen with data (the dashboard's chart drawn from the store), and the memory
// of the app's processes once it shows. Run by scripts/measure.sh.
//   RUNS  how many launches (default 5)

import { execFileSync } from "node:child_process";
import { Driver, sleep } from "./webdriver.mjs";

const base = process.env.WEBDRIVER_URL ?? "http://127.0.0.1:4444";
const app = process.env.CCHC_APP;
const runs = Number(process.env.RUNS ?? 5);

/** Resident and proportional memory (kB) of the app and its WebKit processes. */
function memory() {
  const ps = execFileSync("ps", ["-eo", "pid,ppid,comm"], { encoding: "utf8" }).trim().split("\n").slice(1);
  const rows = ps.map((l) => l.trim().split(/\s+/)).map(([pid, ppid, comm]) => ({ pid, ppid, comm }));
  const appProc = rows.find((r) => r.comm === "cchc-app");
  if (!appProc) throw new Error("the app process is not running");
  const ours = [appProc, ...rows.filter((r) => r.ppid === appProc.pid)];
  let rss = 0;
  let pss = 0;
  const parts = [];
  for (const p of ours) {
    const text = execFileSync("cat", [`/proc/${p.pid}/smaps_rollup`], { encoding: "utf8" });
    const r = Number(/^Rss:\s+(\d+)/m.exec(text)?.[1] ?? 0);
    const s = Number(/^Pss:\s+(\d+)/m.exec(text)?.[1] ?? 0);
    rss += r;
    pss += s;
    parts.push(`${p.comm} ${Math.round(s / 1024)} MB`);
  }
  return { rss, pss, parts };
}

// First launch: choose the agency so later launches open on the dashboard.
{
  const d = await Driver.start(base, app);
  await d.type("#agency-search", "so noi vu");
  await d.click('.agency[data-code="SNV"]');
  await d.type("#signer", "Nguyễn Văn An");
  await d.click("#first-run-save");
  await d.waitFor("svg.chart");
  await d.quit();
}

const times = [];
let mem;
for (let i = 0; i < runs; i++) {
  await sleep(500);
  const t0 = performance.now();
  const d = await Driver.start(base, app);
  await d.waitFor("svg.chart", () => true, 30000);
  times.push(performance.now() - t0);
  if (i === runs - 1) {
    await sleep(1000);
    mem = memory();
  }
  await d.quit();
}
times.sort((a, b) => a - b);
const ms = (x) => `${Math.round(x)} ms`;
console.log(`launches: ${runs}`);
console.log(`launch to dashboard with data: median ${ms(times[Math.floor(runs / 2)])}, min ${ms(times[0])}, max ${ms(times[runs - 1])}`);
console.log(`memory once shown: PSS ${Math.round(mem.pss / 1024)} MB, RSS ${Math.round(mem.rss / 1024)} MB (${mem.parts.join(", ")})`);
