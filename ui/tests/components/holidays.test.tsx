// @vitest-environment happy-dom
// The holiday notices of Cài đặt over a fake shell: the stored notices with
// their days as dd/mm/yyyy, a notice typed line by line sent as it is, and the
// core's refusal of a line shown with its words.

import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import type { HolidayNotice } from "../../src/bindings/HolidayNotice";
import { HolidayNotices } from "../../src/components/HolidayNotices";
import { fakeShell, type Handler, stopShell } from "./shell";

afterEach(stopShell);

const TET_2027: HolidayNotice = {
  id: 1,
  reference: "Thông báo số 9441/TB-BNV ngày 16/10/2026",
  year: 2027,
  added_at: "2026-10-20T08:00:00Z",
  days: [
    { date: "2027-02-05", kind: "off", name: "Tết Nguyên đán" },
    { date: "2027-02-06", kind: "off", name: "Tết Nguyên đán" },
    { date: "2027-01-09", kind: "worked", name: "" },
  ],
};

const LINES = "05/02/2027 - 06/02/2027 Tết Nguyên đán\nLàm bù 09/01/2027";

function noticeShell(extra: Record<string, Handler> = {}) {
  return fakeShell({ holiday_notices: () => [], ...extra });
}

const type = (id: string, text: string) => fireEvent.input(document.querySelector(`#${id}`)!, { target: { value: text } });

describe("the holiday notices", () => {
  it("lists each stored notice with its days as dd/mm/yyyy and the Saturdays worked named so", async () => {
    noticeShell({ holiday_notices: () => [TET_2027] });
    render(<HolidayNotices />);
    const days = await screen.findByText("05/02/2027 Tết Nguyên đán; 06/02/2027 Tết Nguyên đán; 09/01/2027 (làm bù)");
    expect(days.closest("li")?.textContent).toContain("Thông báo số 9441/TB-BNV ngày 16/10/2026");
  });

  it("sends the notice's name and lines as typed, says what was added, and lists again", async () => {
    let stored: HolidayNotice[] = [];
    const shell = noticeShell({
      holiday_notices: () => stored,
      add_holiday_notice: () => ((stored = [TET_2027]), TET_2027),
    });
    render(<HolidayNotices />);
    type("notice-reference", TET_2027.reference);
    type("notice-lines", LINES);
    fireEvent.click(screen.getByRole("button", { name: "Thêm thông báo" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe('Đã thêm "Thông báo số 9441/TB-BNV ngày 16/10/2026" (3 ngày, năm 2027).'));
    expect(shell.of("add_holiday_notice")).toEqual([{ reference: TET_2027.reference, lines: LINES }]);
    expect(shell.of("holiday_notices")).toHaveLength(2);
    expect((document.querySelector("#notice-lines") as HTMLTextAreaElement).value).toBe("");
    await screen.findByText(/09\/01\/2027 \(làm bù\)/);
  });

  it("shows the core's refusal of a line and keeps what was typed", async () => {
    const refusal = 'Dòng 1 của thông báo ngày nghỉ: "Tết 05/02/2027" không bắt đầu bằng một ngày (ví dụ: "05/02/2027 - 11/02/2027 Tết Nguyên đán" hoặc "Làm bù 09/01/2027").';
    noticeShell({ add_holiday_notice: () => Promise.reject({ kind: "invalid", message: refusal }) });
    render(<HolidayNotices />);
    type("notice-reference", TET_2027.reference);
    type("notice-lines", "Tết 05/02/2027");
    fireEvent.click(screen.getByRole("button", { name: "Thêm thông báo" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe(refusal));
    expect((document.querySelector("#notice-lines") as HTMLTextAreaElement).value).toBe("Tết 05/02/2027");
  });
});
