// @vitest-environment happy-dom
// Việc phát sinh over a fake shell: a task's obligations and the dashboard's
// open ones with due dates and working days as the core counted them, overdue
// ones marked; an event recorded and one settled with the typed forms; a date
// that does not exist refused on its field before anything is sent.

import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ObligationRow } from "../../src/bindings/ObligationRow";
import type { OpenObligationList } from "../../src/bindings/OpenObligationList";
import type { TaskRow } from "../../src/bindings/TaskRow";
import { ObligationsCard } from "../../src/components/ObligationsCard";
import { OpenObligations } from "../../src/components/OpenObligations";
import { DashboardScreen } from "../../src/screens/Dashboard";
import { dashboardOf, fakeShell, type Handler, held, stopShell } from "./shell";

afterEach(stopShell);

const TASK: TaskRow = {
  code: "II.1.1",
  content: "Công bố, công khai thủ tục hành chính",
  criteria: ["3.1"],
  lead: "SNV",
  partners: [],
  deadline: "Thường xuyên (hàng ngày); trong thời hạn 05 ngày làm việc, kể từ ngày có Quyết định công bố TTHC",
  due_date: null,
  output: null,
  role: "lead",
};

/** A task whose working days count from the day its file is received. */
const FROM_RECEIPT: TaskRow = { ...TASK, code: "II.2.3", deadline: "Trong thời hạn 03 ngày làm việc kể từ ngày nhận được hồ sơ" };

const obligation = (id: number, number: string, patch: Partial<ObligationRow>): ObligationRow => ({
  id,
  task: TASK.code,
  number,
  date: "2026-03-05",
  issuer: "Bộ Tư pháp",
  summary: "về việc công bố thủ tục hành chính",
  received: null,
  start: "2026-03-05",
  working_days: 5,
  due_date: "2026-03-12",
  settled_number: null,
  settled_on: null,
  used_working_days: 0,
  days_left: 3,
  status: "Chưa đến hạn",
  why: "05 ngày làm việc từ 05/03/2026: bỏ qua thứ Bảy 07/03, Chủ nhật 08/03.",
  calendar_version: 0,
  ...patch,
});

const OPEN = obligation(7, "1234/QĐ-BTP", {});
const OVERDUE = obligation(8, "56/QĐ-BNV", { date: "2026-02-02", due_date: "2026-02-09", days_left: -2, status: "Quá hạn chưa xử lý" });
const SETTLED = obligation(9, "78/QĐ-UBND", {
  due_date: "2026-03-12",
  settled_number: "45/TTr-SNV",
  settled_on: "2026-03-10",
  used_working_days: 3,
  days_left: null,
  status: "Xử lý đúng hạn",
});

function cardShell(extra: Record<string, Handler> = {}) {
  return fakeShell({ task_obligations: () => [OPEN, OVERDUE, SETTLED], read_event_text: () => ({ number: "", date: "", issuer: "", summary: "" }), ...extra });
}

const item = (id: number) => document.querySelector<HTMLLIElement>(`#obligations li[data-id="${id}"]`)!;
const input = (id: string) => document.querySelector<HTMLInputElement>(`#${id}`)!;
const type = (id: string, text: string) => fireEvent.input(input(id), { target: { value: text } });
const click = (selector: string) => fireEvent.click(document.querySelector(selector)!);

/** The message that describes a field, as a screen reader reaches it. */
function describedBy(field: HTMLInputElement): string {
  const id = field.getAttribute("aria-describedby");
  return id ? (document.getElementById(id)?.textContent ?? "") : "";
}

/** Waits until the field `id` is marked invalid with `message` under it. */
async function refusedOn(id: string, message: string) {
  await waitFor(() => expect(describedBy(input(id))).toBe(message));
  expect(input(id).getAttribute("aria-invalid")).toBe("true");
}

/** The core's message when the database is locked by another copy saving. */
const LOCKED = {
  kind: "database",
  message: "Cơ sở dữ liệu đang bị một chương trình khác (có thể là một cửa sổ cchc khác) khóa. Đóng chương trình đó rồi thử lại.",
};

async function card(task = TASK, onEvidenceChanged = () => {}) {
  render(<ObligationsCard task={task} onEvidenceChanged={onEvidenceChanged} />);
  await waitFor(() => expect(document.querySelectorAll("#obligations li")).toHaveLength(3));
}

describe("a task's obligations", () => {
  it("asks for the task's obligations and shows each due date and the working days left as the core counted them", async () => {
    const shell = cardShell();
    await card();
    expect(shell.of("task_obligations")).toEqual([{ task: "II.1.1" }]);
    const open = item(7).textContent ?? "";
    expect(open).toContain("1234/QĐ-BTP ngày 05/03/2026 của Bộ Tư pháp — hạn 12/03/2026");
    expect(open).toContain("05 ngày làm việc từ 05/03/2026: bỏ qua thứ Bảy 07/03, Chủ nhật 08/03.");
    expect(open).toContain("còn 3 ngày làm việc");
    expect(item(7).className).toBe("");
  });

  it("marks an overdue obligation and says by how many working days", async () => {
    cardShell();
    await card();
    expect(item(8).className).toBe("overdue");
    const badge = item(8).querySelector(".badge")!;
    expect(badge.textContent).toBe("Quá hạn chưa xử lý");
    expect(badge.classList.contains("st-red")).toBe(true);
    expect(item(8).textContent).toContain("quá hạn 2 ngày làm việc");
    expect(item(7).querySelector(".badge")!.classList.contains("st-red")).toBe(false);
  });

  it("shows a settled obligation with its answering document and the working days it took, and nothing left to settle", async () => {
    cardShell();
    await card();
    expect(item(9).textContent).toContain("xử lý bằng 45/TTr-SNV ngày 10/03/2026 (3 ngày làm việc)");
    expect(item(9).querySelector(".badge")!.classList.contains("st-green")).toBe(true);
    expect(item(9).querySelector("button.settle")).toBeNull();
    expect(item(7).querySelector("button.settle")).not.toBeNull();
  });

  it("leaves out the line of why the due date is what it is when the core gave none, the rest of the row drawn", async () => {
    cardShell({ task_obligations: () => [OPEN, { ...OVERDUE, why: null }, SETTLED] });
    await card();
    expect(item(8).querySelector(".why")).toBeNull();
    expect(item(8).textContent).toContain("56/QĐ-BNV ngày 02/02/2026 của Bộ Tư pháp — hạn 09/02/2026");
    expect(item(7).querySelector(".why")!.textContent).toBe(OPEN.why);
  });

  it("shows the shell's Vietnamese refusal when the obligations cannot be read", async () => {
    cardShell({ task_obligations: () => Promise.reject(LOCKED) });
    render(<ObligationsCard task={TASK} onEvidenceChanged={() => {}} />);
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe(LOCKED.message));
  });
});

describe("recording an event", () => {
  it("sends the typed event as one add_obligation form, then lists again and names the due date the core gave", async () => {
    const added = obligation(10, "99/QĐ-BTP", { due_date: "2026-03-19" });
    const shell = cardShell({ add_obligation: () => added });
    await card();
    click("#add-obligation");
    type("obligation-number", "99/QĐ-BTP");
    type("obligation-date", "12/3/2026");
    type("obligation-issuer", "Bộ Tư pháp");
    type("obligation-summary", "về việc công bố thủ tục hành chính mới");
    click("#obligation-save");
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Đã ghi việc phát sinh 99/QĐ-BTP: hạn xử lý 19/03/2026."));
    expect(shell.of("add_obligation")).toEqual([
      {
        form: {
          task: "II.1.1",
          number: "99/QĐ-BTP",
          date: "12/3/2026",
          received: "",
          issuer: "Bộ Tư pháp",
          summary: "về việc công bố thủ tục hành chính mới",
        },
      },
    ]);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(shell.of("task_obligations")).toHaveLength(2);
  });

  it("fills the number, date and issuer from pasted text with the core's reader", async () => {
    const pasted = "Quyết định số 1234/QĐ-BTP ngày 05/3/2026 của Bộ Tư pháp về việc công bố thủ tục hành chính";
    const shell = cardShell({ read_event_text: () => ({ number: "1234/QĐ-BTP", date: "05/03/2026", issuer: "Bộ Tư pháp", summary: "về việc công bố thủ tục hành chính" }) });
    await card();
    click("#add-obligation");
    fireEvent.input(document.querySelector("#obligation-paste")!, { target: { value: pasted } });
    await waitFor(() => expect(input("obligation-number").value).toBe("1234/QĐ-BTP"));
    expect(shell.of("read_event_text")).toEqual([{ text: pasted }]);
    expect(input("obligation-date").value).toBe("05/03/2026");
    expect(input("obligation-issuer").value).toBe("Bộ Tư pháp");
  });

  it("refuses a document date that does not exist on its field, without asking the shell", async () => {
    const shell = cardShell({ add_obligation: () => OPEN });
    await card();
    click("#add-obligation");
    type("obligation-number", "99/QĐ-BTP");
    type("obligation-date", "30/02/2026");
    click("#obligation-save");
    await refusedOn("obligation-date", 'Ngày văn bản "30/02/2026" không phải là ngày có thật: tháng 2/2026 chỉ có 28 ngày.');
    expect(input("obligation-received").getAttribute("aria-invalid")).toBe("false");
    expect(shell.of("add_obligation")).toEqual([]);
    // Typing again takes the mark off.
    type("obligation-date", "27/02/2026");
    expect(input("obligation-date").getAttribute("aria-invalid")).toBe("false");
  });

  it("asks for the day of receipt, on its field, when the task counts from receipt", async () => {
    const shell = cardShell({ add_obligation: () => OPEN });
    await card(FROM_RECEIPT);
    click("#add-obligation");
    type("obligation-date", "05/03/2026");
    click("#obligation-save");
    await refusedOn("obligation-received", "Chưa nhập ngày nhận: nhập theo dạng ngày/tháng/năm, ví dụ 28/08/2024.");
    expect(shell.of("add_obligation")).toEqual([]);
  });

  it("keeps the dialog open with the core's refusal under the form", async () => {
    const refusal = "Nhiệm vụ II.1.1 đã có việc phát sinh 1234/QĐ-BTP.";
    cardShell({ add_obligation: () => Promise.reject({ kind: "invalid", message: refusal }) });
    await card();
    click("#add-obligation");
    type("obligation-number", "1234/QĐ-BTP");
    type("obligation-date", "05/03/2026");
    click("#obligation-save");
    await waitFor(() => expect(within(screen.getByRole("dialog")).getByRole("alert").textContent).toBe(refusal));
    type("obligation-number", "1235/QĐ-BTP");
    expect(within(screen.getByRole("dialog")).queryByRole("alert")).toBeNull();
  });
});

describe("settling an obligation", () => {
  it("sends the answering document with the obligation's id, then tells the task its evidence changed", async () => {
    const settled = { ...OPEN, settled_number: "45/TTr-SNV", settled_on: "2026-03-10", days_left: null, status: "Xử lý đúng hạn" as const };
    const shell = cardShell({ settle_obligation: () => settled });
    const evidenceChanged = vi.fn();
    await card(TASK, evidenceChanged);
    fireEvent.click(item(7).querySelector("button.settle")!);
    type("settle-number", "45/TTr-SNV");
    type("settle-date", "10/03/2026");
    click("#settle-save");
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Đã ghi văn bản xử lý 45/TTr-SNV: xử lý đúng hạn."));
    expect(shell.of("settle_obligation")).toEqual([{ id: 7, form: { number: "45/TTr-SNV", date: "10/03/2026" } }]);
    expect(evidenceChanged).toHaveBeenCalledTimes(1);
  });

  it("refuses a settlement date that is not a date on its field, without asking the shell", async () => {
    const shell = cardShell({ settle_obligation: () => OPEN });
    await card();
    fireEvent.click(item(7).querySelector("button.settle")!);
    type("settle-number", "45/TTr-SNV");
    type("settle-date", "10-03-2026");
    click("#settle-save");
    await refusedOn("settle-date", 'Ngày xử lý "10-03-2026" chưa đúng dạng ngày/tháng/năm, ví dụ 28/08/2024.');
    expect(shell.of("settle_obligation")).toEqual([]);
  });
});

describe("the dashboard's open obligations", () => {
  const URGENT = obligation(11, "12/TB-VPCP", { task: "II.4.2", due_date: "2026-03-06", days_left: 0 });

  it("lists each with its due date and working days left as given, urgent and overdue ones marked, and opens its task", async () => {
    const opened = vi.fn();
    render(<OpenObligations list={{ rows: [OVERDUE, URGENT, OPEN], total: 3 }} error={null} onOpenTask={opened} />);
    expect(document.querySelectorAll("#open-obligations li")).toHaveLength(3);
    const [overdue, urgent, open] = Array.from(document.querySelectorAll<HTMLLIElement>("#open-obligations li"));
    expect(overdue.className).toBe("overdue");
    expect(overdue.querySelector(".meta")!.textContent).toBe("Hạn 09/02/2026 · quá hạn 2 ngày làm việc");
    expect(overdue.querySelector(".badge")!.classList.contains("st-red")).toBe(true);
    expect(urgent.className).toBe("urgent");
    expect(urgent.querySelector(".badge")!.textContent).toBe("Sắp đến hạn: hạn hôm nay");
    expect(open.className).toBe("");
    expect(open.querySelector(".meta")!.textContent).toBe("Hạn 12/03/2026 · còn 3 ngày làm việc");
    fireEvent.click(within(urgent).getByRole("button"));
    expect(opened).toHaveBeenCalledWith("II.4.2");
  });

  const MANY = Array.from({ length: 12 }, (_, i) => obligation(100 + i, `${100 + i}/QĐ-BTP`, { days_left: i }));
  const numbers = () => Array.from(document.querySelectorAll("#open-obligations li .code")).map((c) => c.parentElement!.textContent);

  it("draws the first ten it is given, the most urgent, and asks for the rest only when the officer does", async () => {
    const shell = fakeShell({ open_obligations: () => ({ rows: MANY, total: 12 }) });
    render(<OpenObligations list={{ rows: MANY.slice(0, 10), total: 12 }} error={null} onOpenTask={() => {}} />);
    expect(document.querySelectorAll("#open-obligations li")).toHaveLength(10);
    expect(document.querySelector("#open-obligations .count")!.textContent).toBe("12");
    const more = document.querySelector<HTMLButtonElement>("#open-obligations-all")!;
    expect(more.textContent).toBe("Xem tất cả 12 việc (đang hiện 10 việc gấp nhất)");
    expect(numbers()[0]).toContain("100/QĐ-BTP");
    expect(numbers()[9]).toContain("109/QĐ-BTP");
    expect(shell.of("open_obligations")).toEqual([]);
    fireEvent.click(more);
    await waitFor(() => expect(document.querySelectorAll("#open-obligations li")).toHaveLength(12));
    expect(shell.of("open_obligations")).toEqual([{}]);
    expect(numbers()[11]).toContain("111/QĐ-BTP");
    expect(document.querySelector("#open-obligations-all")).toBeNull();
  });

  it("keeps the first ten and says why when the rest cannot be read", async () => {
    fakeShell({ open_obligations: () => Promise.reject(LOCKED) });
    render(<OpenObligations list={{ rows: MANY.slice(0, 10), total: 12 }} error={null} onOpenTask={() => {}} />);
    fireEvent.click(document.querySelector<HTMLButtonElement>("#open-obligations-all")!);
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe(LOCKED.message));
    expect(document.querySelectorAll("#open-obligations li")).toHaveLength(10);
    expect(document.querySelector<HTMLButtonElement>("#open-obligations-all")!.disabled).toBe(false);
  });

  it("are asked beside the month's figures, not after them, and drawn with them in one go", async () => {
    const open = held<OpenObligationList>();
    const shell = fakeShell({
      dashboard: ({ period }) => dashboardOf(String(period), 2),
      open_obligations: () => open.promise,
      first_data_shown: () => null,
    });
    render(<DashboardScreen period="2024-11" year={2024} onOpenTask={() => {}} />);
    await waitFor(() => expect(shell.of("dashboard")).toHaveLength(1));
    expect(shell.of("open_obligations")).toEqual([{ first: 10 }]);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole("heading", { level: 1 })).toBeNull();
    expect(shell.of("first_data_shown")).toEqual([]);
    open.answer({ rows: [OVERDUE, OPEN], total: 2 });
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 }).textContent).toContain("tháng 11/2024"));
    expect(document.querySelectorAll("#open-obligations li")).toHaveLength(2);
    await waitFor(() => expect(shell.of("first_data_shown")).toHaveLength(1));
  });

  it("shows the shell's Vietnamese refusal in their place, the month's figures still shown", async () => {
    fakeShell({
      dashboard: ({ period }) => dashboardOf(String(period), 2),
      open_obligations: () => Promise.reject(LOCKED),
      first_data_shown: () => null,
    });
    render(<DashboardScreen period="2024-11" year={2024} onOpenTask={() => {}} />);
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe(LOCKED.message));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toContain("tháng 11/2024");
  });
});
