import { describe, expect, it } from "vitest";
import type { TaskRow } from "../src/bindings/TaskRow";
import type { Status } from "../src/bindings/Status";
import type { TaskStatus } from "../src/bindings/TaskStatus";
import { compareCodes, dueMonths, filterTasks, joinTasks, NO_FILTER, sortTasks } from "../src/lib/tasks";

function task(code: string, content: string, extra: Partial<TaskRow> = {}): TaskRow {
  return { code, content, criteria: [], lead: "SNV", partners: [], deadline: "", due_date: null, output: null, role: "lead", ...extra };
}
function status(code: string, s: Status): TaskStatus {
  return { code, role: "lead", status: s, state: "not-started", percent: null, result: "", obstacles: "", proposals: "", done_on: null, due_date: null, entry_period: null };
}

const tasks = [
  task("II.2.10", "Đẩy mạnh số hóa hồ sơ", { criteria: ["6.2"], due_date: "2024-09-30" }),
  task("II.2.9", "Ban hành kế hoạch kiểm tra", { role: "partner", due_date: "2024-06-30" }),
  task("I.1", "Ăn khớp quy trình nội bộ", { criteria: ["1.1"] }),
];
const items = joinTasks(tasks, [status("II.2.10", "Overdue"), status("II.2.9", "DoneOnTime")]);

describe("the task list", () => {
  it("searches every word without diacritics across code, wording and agencies", () => {
    expect(filterTasks(items, { ...NO_FILTER, query: "day manh so hoa" }).map((i) => i.task.code)).toEqual(["II.2.10"]);
    expect(filterTasks(items, { ...NO_FILTER, query: "snv ke hoach" }).map((i) => i.task.code)).toEqual(["II.2.9"]);
  });
  it("filters by status, role, criterion and due month together", () => {
    expect(filterTasks(items, { ...NO_FILTER, status: "Overdue" }).map((i) => i.task.code)).toEqual(["II.2.10"]);
    expect(filterTasks(items, { ...NO_FILTER, role: "partner" }).map((i) => i.task.code)).toEqual(["II.2.9"]);
    expect(filterTasks(items, { ...NO_FILTER, criterion: "1.1" }).map((i) => i.task.code)).toEqual(["I.1"]);
    expect(filterTasks(items, { ...NO_FILTER, dueMonth: "2024-06", role: "lead" })).toEqual([]);
  });
  it("sorts codes numerically, wording in Vietnamese order, due dates with undated last", () => {
    expect(compareCodes("II.2.9", "II.2.10")).toBeLessThan(0);
    expect(sortTasks(items, "code").map((i) => i.task.code)).toEqual(["I.1", "II.2.9", "II.2.10"]);
    expect(sortTasks(items, "content").map((i) => i.task.code)).toEqual(["I.1", "II.2.9", "II.2.10"]);
    expect(sortTasks(items, "due").map((i) => i.task.code)).toEqual(["II.2.9", "II.2.10", "I.1"]);
    expect(sortTasks(items, "plan")).toEqual(items);
  });
  it("offers each due month once, in order", () => {
    expect(dueMonths(tasks)).toEqual(["2024-06", "2024-09"]);
  });
});
