// End to end, the shell's own duties: the daily log file beside the data
// (a failed command leaves a line with its kind and cause, never the path or
// the text typed) and a long collection that leaves the other commands
// working. Run by scripts/e2e.sh with E2E_TEST=e2e/shell.test.mjs (its own
// fresh data folder and app), after e2e/app.test.mjs in scripts/test.sh.

import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Driver } from "./webdriver.mjs";
import { agencyWorkbooks } from "./workbooks.mjs";

const app = process.env.CCHC_APP;
const work = process.env.E2E_WORK;
const cli = process.env.CCHC_CLI;
const logs = join(process.env.XDG_DATA_HOME ?? "", "cchc", "logs");
let d;

/** The text of every log file of this run. */
function logText() {
  if (!existsSync(logs)) return "";
  return readdirSync(logs)
    .filter((n) => /^cchc\.\d{4}-\d{2}-\d{2}\.log$/.test(n))
    .map((n) => readFileSync(join(logs, n), "utf8"))
    .join("");
}

before(async () => {
  assert.ok(app && work && cli, "CCHC_APP, E2E_WORK and CCHC_CLI are set by scripts/e2e.sh");
  d = await Driver.start(process.env.WEBDRIVER_URL ?? "http://127.0.0.1:4444", app);
  await d.type("#agency-search", "so noi vu");
  await d.click('.agency[data-code="SNV"]');
  await d.type("#signer", "Nguyễn Văn An");
  await d.click("#first-run-save");
  await d.waitFor("#top-agency", (t) => t.includes("Sở Nội vụ"), 15000, "the top bar with the agency");
});
after(async () => {
  await d?.quit();
});

test("a failed command leaves a line in today's log file with its cause, and no path or typed text", async (t) => {
  assert.match(logText(), /the app started/, "the log is started with the app");
  const folder = join(work, "Hồ sơ Trần Thị Bình");
  mkdirSync(folder, { recursive: true });
  const notExcel = join(folder, "danh-sach-rieng.xlsx");
  writeFileSync(notExcel, "không phải tệp Excel");
  await d.click("#nav-settings");
  await d.waitFor("#logs-dir", (t) => t === logs, 10000, "the log folder named in Settings");
  assert.ok(await d.exists("#open-logs"), "the button that opens the log folder");
  await d.type("#import-path", notExcel);
  await d.click("#import-run");
  await d.waitFor('.settings [role="alert"]', (t) => t.includes("danh-sach-rieng.xlsx"), 10000, "the refusal shown");
  const end = Date.now() + 5000;
  // Settings asks for the import's preview first (the plan cycle's "Nhập kế hoạch mới").
  const importCommand = /preview_plan_import|import_plan/;
  while (Date.now() < end && !importCommand.test(logText())) await new Promise((r) => setTimeout(r, 100));
  const text = logText();
  const line = text.split("\n").find((l) => importCommand.test(l) && l.includes("command failed"));
  assert.ok(line, `a line for the failed import in ${logs}:\n${text}`);
  t.diagnostic(line);
  assert.match(line, /error=(invalid|file)/, "the error's kind");
  assert.ok(!text.includes("Trần Thị Bình") && !text.includes("danh-sach-rieng"), "no path, no personal text");
  assert.ok(!text.includes("Nguyễn Văn An"), "not the signer's name either");
});

test("during a collection of 250 files or more the dashboard answers before the collection ends", async (t) => {
  const inbox = join(work, "nhan-bao-cao");
  const { files } = agencyWorkbooks(cli, work, inbox, 7);
  assert.ok(files >= 250, `${files} files to collect`);

  await d.click("#nav-settings");
  await d.click("#collector-mode");
  await d.waitFor("#nav-collect");
  await d.click("#nav-collect");
  await d.select("#period", "2024-09");
  await d.waitFor("#collect-summary");
  await d.type("#collect-paths", inbox);
  await d.script(`
    window.__progress = "";
    new MutationObserver(() => {
      const p = document.querySelector("#collect-progress");
      if (p) window.__progress = p.innerText;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  `);
  await d.click("#collect-run");
  await d.waitFor("#collect-progress", (t) => /Đã đọc [1-9]\d*\//.test(t), 30000, "the first file read");
  await d.script(`
    window.__dashboard = null;
    const asked = performance.now();
    window.__TAURI_INTERNALS__.invoke("dashboard", { period: "2024-09" }).then(
      (board) => { window.__dashboard = { ms: performance.now() - asked, total: board.total, progress: window.__progress }; },
      (e) => { window.__dashboard = { error: JSON.stringify(e) }; },
    );
  `);
  let answer = null;
  const end = Date.now() + 60000;
  while (Date.now() < end && !(answer = await d.script("return window.__dashboard"))) await new Promise((r) => setTimeout(r, 20));
  assert.ok(answer && !answer.error, `the dashboard answered: ${JSON.stringify(answer)}`);
  assert.ok(answer.total > 0, "with the agency's tasks");
  const [, done, total] = /Đã đọc (\d+)\/(\d+)/.exec(answer.progress) ?? [];
  assert.equal(Number(total), files);
  t.diagnostic(`the dashboard answered in ${Math.round(answer.ms)} ms, the collection at "${answer.progress}"`);
  assert.ok(Number(done) < files, `answered in ${Math.round(answer.ms)} ms, while the collection was at ${answer.progress}`);
  await d.waitFor("#collect-message", (t) => t.includes(`Đã đọc ${files} tệp`), 120000, "the run's message");
  assert.ok(new RegExp(`collect.*collected files=${files} `).test(logText()), "the run is in the log");
});
