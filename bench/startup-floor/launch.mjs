// Starts the bare window (FLOOR) and the app (CCHC_APP; also APP_B when set,
// for an A/B) in turn, RUNS times each, without a WebDriver: each start is
// timed by the program's own clock (the process's start to the first paint
// of the bare page, or to the dashboard's data on a profile with a year of
// data), with the CPU time the program and its WebKit processes used until
// then; on the last MEM_RUNS starts, the memory after 10 s idle.
// Run by bench/startup-floor/run.sh (inside scripts/e2e.sh's Xvfb and data folders).

import { spawn } from "node:child_process";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { cpuMs, load1, logged, memory, stats } from "../../e2e/startup.mjs";
import { sleep } from "../../e2e/webdriver.mjs";
import { fillYear } from "../../e2e/year.mjs";

const runs = Number(process.env.RUNS ?? 10);
const memRuns = Number(process.env.MEM_RUNS ?? 3);
const logs = join(process.env.XDG_DATA_HOME, "cchc", "logs");
const db = join(process.env.XDG_DATA_HOME, "cchc", "cchc.sqlite3");

const programs = [{ name: "floor", bin: process.env.FLOOR }, { name: "app", bin: process.env.CCHC_APP }];
if (process.env.APP_B) programs.push({ name: "app B", bin: process.env.APP_B });
for (const p of programs) p.rows = [];

const filled = fillYear(process.env.CCHC_CLI, db, process.env.E2E_WORK, "SNV");
// The agency chosen, as the first run's screen does.
execFileSync("python3", ["-c", `import sqlite3,sys
c = sqlite3.connect(sys.argv[1])
c.executemany("INSERT INTO setting (key, value) VALUES (?, ?)", [("agency", "SNV"), ("signer", "Nguyễn Văn An")])
c.commit()`, db]);
console.log(`profile: ${filled.entries} progress entries, ${filled.evidence} documents of SNV`);

/** One start of `p`: its figures when it has painted, then (with `idle`) its memory 10 s later. */
async function start(p, idle) {
  const before = logged(logs, "first data on screen").length;
  const stepsBefore = logged(logs, "start steps").length;
  const child = spawn(p.bin, [], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  const load = load1();
  let figures;
  let cpu;
  for (let i = 0; i < 1500 && !figures; i++) {
    await sleep(10);
    if (p.name === "floor") {
      const line = out.split("\n").find((l) => l.startsWith("first paint"));
      if (line) {
        cpu = cpuMs(child.pid);
        figures = Object.fromEntries([...line.matchAll(/(\w+)=(\d+)/g)].map((m) => [m[1], Number(m[2])]));
      }
    } else {
      const shown = logged(logs, "first data on screen");
      if (shown.length > before) {
        cpu = cpuMs(child.pid);
        await sleep(50); // the steps are logged right after
        figures = { ...shown[before], ...logged(logs, "start steps")[stepsBefore] };
      }
    }
  }
  if (!figures) throw new Error(`${p.name}: no first paint within 15 s`);
  figures.cpu = cpu;
  figures.load = load;
  if (idle) {
    await sleep(10000);
    figures.mem = memory(child.pid);
  }
  const ended = new Promise((r) => child.on("exit", r));
  child.kill("SIGTERM");
  await Promise.race([ended, sleep(5000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  return figures;
}

// A first start of each, not counted: the files in the page cache, the day's backup made.
for (const p of programs) await start(p, false);
for (let i = 0; i < runs; i++) {
  for (const p of programs) {
    await sleep(1000);
    p.rows.push(await start(p, i >= runs - memRuns));
  }
}

const steps = ["before_main", "built", "setup", "page_started", "page_finished"];
for (const p of programs) {
  console.log(`\n== ${p.name} (${p.bin}); load average ${Math.min(...p.rows.map((r) => r.load))}–${Math.max(...p.rows.map((r) => r.load))}`);
  const shown = steps.filter((s) => p.rows.some((r) => r[`${s}_ms`] !== undefined));
  console.log(["run", "start→paint", "CPU", "page", ...shown].join("\t"));
  for (const [i, r] of p.rows.entries()) {
    const page = r.since_start_ms - r.page_ms;
    console.log([i + 1, r.since_start_ms, r.cpu, page, ...shown.map((s) => r[`${s}_ms`] ?? "")].join("\t"));
  }
  console.log(`start to paint: ${stats(p.rows.map((r) => r.since_start_ms))}`);
  console.log(`CPU until then (the program and its WebKit processes): ${stats(p.rows.map((r) => r.cpu))}`);
  console.log(`page began (navigation start): ${stats(p.rows.map((r) => r.since_start_ms - r.page_ms))}`);
  for (const s of shown) console.log(`  ${s}: ${stats(p.rows.filter((r) => r[`${s}_ms`] !== undefined).map((r) => r[`${s}_ms`]))}`);
  for (const r of p.rows.filter((r) => r.mem)) {
    console.log(`memory after 10 s idle: PSS ${Math.round(r.mem.pss / 1024)} MB, RSS ${Math.round(r.mem.rss / 1024)} MB (PSS MB: ${r.mem.parts.join(", ")})`);
  }
}
