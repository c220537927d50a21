// Measures the Tổng hợp screen on this machine: the agencies' workbooks of one
// month (one per agency of the built-in plan, exported by the `cchc` CLI) are
// collected through the window, timing the run from the click to the message
// and the longest pause of a 20 ms page timer meanwhile (how responsive the
// window stays). Run by: E2E_TEST=e2e/measure_collect.mjs bash scripts/e2e.sh APP
//   COPIES  how many copies of each workbook to read (default 1; copies are "Không đổi")

import { join } from "node:path";
import { Driver } from "./webdriver.mjs";
import { agencyWorkbooks } from "./workbooks.mjs";

const base = process.env.WEBDRIVER_URL ?? "http://127.0.0.1:4444";
const cli = process.env.CCHC_CLI;
const work = process.env.E2E_WORK;
const copies = Number(process.env.COPIES ?? 1);

const inbox = join(work, "nhan-bao-cao");
const { agencies, files } = agencyWorkbooks(cli, work, inbox, copies);

const d = await Driver.start(base, process.env.CCHC_APP);
await d.type("#agency-search", "so noi vu");
await d.click('.agency[data-code="SNV"]');
await d.type("#signer", "Nguyễn Văn An");
await d.click("#first-run-save");
await d.click("#nav-settings");
await d.click("#collector-mode");
await d.click("#nav-collect");
await d.select("#period", "2024-09");
await d.waitFor("#collect-summary");
await d.type("#collect-paths", inbox);
await d.script(`
  window.__gaps = [];
  let last = performance.now();
  window.__timer = setInterval(() => { const now = performance.now(); window.__gaps.push(now - last); last = now; }, 20);
  window.__frames = 0;
  new MutationObserver(() => { if (document.querySelector("#collect-progress")) window.__frames++; })
    .observe(document.body, { subtree: true, childList: true, characterData: true });
`);
const t0 = performance.now();
await d.click("#collect-run");
await d.waitFor("#collect-message", (t) => t.includes(`Đã đọc ${files} tệp`), 120000, "the run's message");
const wall = performance.now() - t0;
const { maxGap, updates } = await d.script(`clearInterval(window.__timer); return { maxGap: Math.max(...window.__gaps), updates: window.__frames }`);
const message = await d.text(await d.find("#collect-message"));
await d.quit();
console.log(`files: ${files} (${agencies} agencies in the plan, ${copies} cop${copies === 1 ? "y" : "ies"} each)`);
console.log(`collect through the window, click to message: ${Math.round(wall)} ms — ${message}`);
console.log(`longest pause of a 20 ms page timer meanwhile: ${Math.round(maxGap)} ms; progress bar updates seen: ${updates}`);
