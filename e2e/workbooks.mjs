// The agencies' monthly workbooks a collection reads, made by the `cchc` CLI:
// the month 09/2024 of every agency of the built-in plan, each in `copies`
// copies (the copies come back "Không đổi").

import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Writes the workbooks into `inbox`; returns how many agencies the plan has and how many files there are. */
export function agencyWorkbooks(cli, work, inbox, copies) {
  mkdirSync(inbox, { recursive: true });
  const db = join(work, "agencies.sqlite3");
  const agencies = JSON.parse(execFileSync(cli, ["--db", db, "--json", "agencies"], { encoding: "utf8" })).filter((a) => a.kind !== "group");
  for (const a of agencies) {
    try {
      execFileSync(cli, ["--db", db, "export", "--agency", a.code, "--period", "2024-09", "--out", inbox], { stdio: "ignore" });
    } catch {
      // an agency without tasks has no report to export
    }
  }
  for (const name of readdirSync(inbox)) {
    for (let i = 1; i < copies; i++) copyFileSync(join(inbox, name), join(inbox, name.replace(".xlsx", `-ban-${i}.xlsx`)));
  }
  return { agencies: agencies.length, files: readdirSync(inbox).length };
}
