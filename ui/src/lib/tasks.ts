// The task list: the plan's tasks joined with the month's status, filtered and
// sorted as the officer asks on the Nhiệm vụ screen.

import type { Status } from "../bindings/Status";
import type { TaskRow } from "../bindings/TaskRow";
import type { TaskStatus } from "../bindings/TaskStatus";
import { compareVi, fold } from "./text";

/** A task with its status in the chosen month. */
export interface TaskItem {
  task: TaskRow;
  status: TaskStatus | undefined;
  /** Folded text searched by the search box. */
  haystack: string;
}

export interface TaskFilter {
  query: string;
  /** A status code, "" for any. */
  status: Status | "";
  role: string;
  criterion: string;
  /** "YYYY-MM" of the due date, "" for any. */
  dueMonth: string;
}

export type TaskSort = "plan" | "code" | "content" | "due";

export const NO_FILTER: TaskFilter = { query: "", status: "", role: "", criterion: "", dueMonth: "" };

export function joinTasks(tasks: TaskRow[], statuses: TaskStatus[]): TaskItem[] {
  const byCode = new Map(statuses.map((s) => [s.code, s]));
  return tasks.map((task) => ({
    task,
    status: byCode.get(task.code),
    haystack: fold(
      [task.code, task.content, task.lead, task.partners.join(" "), task.deadline, task.output ?? ""].join(" "),
    ),
  }));
}

export function filterTasks(items: TaskItem[], f: TaskFilter): TaskItem[] {
  const words = fold(f.query).split(" ").filter(Boolean);
  return items.filter((it) => {
    if (f.status && it.status?.status !== f.status) return false;
    if (f.role && it.task.role !== f.role) return false;
    if (f.criterion && !it.task.criteria.includes(f.criterion)) return false;
    if (f.dueMonth && !(it.task.due_date ?? "").startsWith(f.dueMonth)) return false;
    return words.every((w) => it.haystack.includes(w));
  });
}

/** Compares plan codes part by part: "II.2.10" after "II.2.9". */
export function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, "vi", { numeric: true });
}

export function sortTasks(items: TaskItem[], sort: TaskSort): TaskItem[] {
  const out = [...items];
  switch (sort) {
    case "code":
      return out.sort((a, b) => compareCodes(a.task.code, b.task.code));
    case "content":
      return out.sort((a, b) => compareVi(a.task.content, b.task.content));
    case "due":
      // Tasks without a due date (recurring work) last.
      return out.sort((a, b) =>
        (a.task.due_date ?? "9999") < (b.task.due_date ?? "9999")
          ? -1
          : (a.task.due_date ?? "9999") > (b.task.due_date ?? "9999")
            ? 1
            : compareCodes(a.task.code, b.task.code),
      );
    default:
      return out;
  }
}

/** The due months present in the list, for the filter's choices. */
export function dueMonths(tasks: TaskRow[]): string[] {
  return [...new Set(tasks.map((t) => t.due_date?.slice(0, 7)).filter((m): m is string => !!m))].sort();
}
