// A profile with a year of data for the start-up measurement (e2e/measure.mjs):
// an agency's progress on every task for each month of 2024 and three
// documents a month, entered through the `cchc` CLI as an officer would.

import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** A year of `agency`'s data in the database `db` through the CLI: every task every month of 2024, three documents a month. */
export function fillYear(cli, db, work, agency) {
  const run = (...args) => execFileSync(cli, ["--db", db, ...args], { stdio: ["ignore", "ignore", "inherit"] });
  const tasks = JSON.parse(execFileSync(cli, ["--db", db, "--json", "tasks", "--agency", agency], { encoding: "utf8" }));
  const file = join(work, "cong-van.pdf");
  writeFileSync(file, "%PDF-1.4\n% Công văn (mẫu đo)\n");
  let entries = 0;
  for (let m = 1; m <= 12; m++) {
    const period = `2024-${String(m).padStart(2, "0")}`;
    tasks.forEach((t, i) => {
      const doneIn = 1 + ((i * 5) % 14); // some finish during the year, some after it
      const state = m >= doneIn ? "done" : i % 5 === 0 ? "ongoing" : "in-progress";
      const args = ["progress", "set", "--agency", agency, "--task", t.code, "--period", period, "--state", state];
      if (state === "done") args.push("--done-on", `2024-${String(doneIn).padStart(2, "0")}-10`);
      if (state === "in-progress") args.push("--percent", String(Math.min(95, m * 8)));
      args.push("--result", `Kết quả tháng ${m}/2024 của nhiệm vụ ${t.code}: đã triển khai theo kế hoạch, báo cáo số ${m * 100 + i}/BC-SNV.`);
      run(...args);
      entries++;
    });
    for (let k = 1; k <= 3; k++) {
      const t = tasks[(m * 3 + k) % tasks.length];
      run("evidence", "add", "--agency", agency, "--number", `${m * 10 + k}/BC-SNV`, "--date", `${period}-1${k}`,
        "--issuer", "Sở Nội vụ", "--summary", `Báo cáo kết quả tháng ${m}/2024, phần ${k}`, "--task", t.code, "--file", file);
    }
  }
  return { tasks: tasks.length, entries, evidence: 36 };
}
