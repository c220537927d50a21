// What the start-up measurements share (e2e/measure.mjs, bench/startup-floor):
// the app's log lines with their figures, the memory and CPU time of a process
// and its child processes (WebKit's web and network processes), medians.

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The figures of the log lines `message` (e.g. "first data on screen"), in order, from every file in `logs`. */
export function logged(logs, message) {
  if (!existsSync(logs)) return [];
  const found = [];
  for (const name of readdirSync(logs).sort()) {
    for (const line of readFileSync(join(logs, name), "utf8").split("\n")) {
      if (!line.includes(message)) continue;
      found.push(Object.fromEntries([...line.matchAll(/(\w+)=(\d+)/g)].map((m) => [m[1], Number(m[2])])));
    }
  }
  return found;
}

/** The one-minute load average. */
export const load1 = () => Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);

/** The median of `xs` (the lower middle one for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

/** "median M ms, min A ms, max B ms" of `xs`. */
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const ms = (x) => `${Math.round(x)} ms`;
  return `median ${ms(median(s))}, min ${ms(s[0])}, max ${ms(s[s.length - 1])}`;
}

/** The pid, parent pid and command name of every process. */
function processes() {
  const ps = execFileSync("ps", ["-eo", "pid,ppid,comm"], { encoding: "utf8" }).trim().split("\n").slice(1);
  return ps.map((l) => l.trim().split(/\s+/)).map(([pid, ppid, comm]) => ({ pid, ppid, comm }));
}

/** The pid of the running process whose command is `binary` (the kernel keeps 15 characters of the name). */
export function pidOf(binary) {
  const name = binary.split("/").pop().slice(0, 15);
  const found = processes().find((r) => r.comm === name);
  if (!found) throw new Error(`${name} is not running`);
  return found.pid;
}

/** PSS and RSS (kB) of process `pid` and its children, and each one's PSS in MB. */
export function memory(pid) {
  const rows = processes();
  const ours = [rows.find((r) => r.pid === String(pid)), ...rows.filter((r) => r.ppid === String(pid))];
  if (!ours[0]) throw new Error(`process ${pid} is not running`);
  let rss = 0;
  let pss = 0;
  const parts = [];
  for (const p of ours) {
    const text = readFileSync(`/proc/${p.pid}/smaps_rollup`, "utf8");
    const r = Number(/^Rss:\s+(\d+)/m.exec(text)?.[1] ?? 0);
    const s = Number(/^Pss:\s+(\d+)/m.exec(text)?.[1] ?? 0);
    rss += r;
    pss += s;
    parts.push(`${p.comm} ${Math.round(s / 1024)}`);
  }
  return { rss, pss, parts };
}

/** CPU time (user + system, ms) used so far by process `pid` and its children. */
export function cpuMs(pid) {
  const rows = processes();
  const ours = [String(pid), ...rows.filter((r) => r.ppid === String(pid)).map((r) => r.pid)];
  let ticks = 0;
  for (const p of ours) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15)
    } catch {
      // ended meanwhile
    }
  }
  return ticks * 10; // USER_HZ = 100
}
