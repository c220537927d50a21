import { describe, expect, it } from "vitest";
import { defaultPeriod, formatCount, formatDate, formatNumber, formatPercent, formatPeriod, shiftPeriod } from "../src/lib/format";
import { dateProblem, daysInMonth, parseTypedDate } from "../src/lib/dates";
import { percentProblem } from "../src/lib/percent";

describe("formatting for Vietnamese readers", () => {
  it("shows ISO dates as dd/mm/yyyy and nothing for no date", () => {
    expect(formatDate("2024-08-28")).toBe("28/08/2024");
    expect(formatDate(null)).toBe("");
  });
  it("writes decimals with a comma and groups thousands with a dot", () => {
    expect(formatNumber(11.9888)).toBe("11,9888");
    expect(formatNumber(13)).toBe("13");
    expect(formatNumber(0.5)).toBe("0,5");
    expect(formatNumber(1234.5)).toBe("1.234,5");
    expect(formatNumber(null)).toBe("");
  });
  it("keeps the zeros of whole numbers, whatever the number of decimals asked", () => {
    expect(formatNumber(50, 0)).toBe("50");
    expect(formatNumber(100, 0)).toBe("100");
    expect(formatNumber(100)).toBe("100");
    expect(formatNumber(1000, 1)).toBe("1.000");
    expect(formatNumber(20, 1)).toBe("20");
    expect(formatCount(785)).toBe("785");
    expect(formatCount(12000)).toBe("12.000");
  });
  it("drops only the trailing zeros of decimals and rounds to the digits asked", () => {
    expect(formatNumber(2.5, 4)).toBe("2,5");
    expect(formatNumber(10.05, 1)).toBe("10,1");
    expect(formatNumber(0.25, 4)).toBe("0,25");
    expect(formatNumber(-1.5, 1)).toBe("-1,5");
  });
  it("shows zero as 0, never as nothing or -0", () => {
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(0, 0)).toBe("0");
    expect(formatNumber(-0.00001, 2)).toBe("0");
    expect(formatCount(0)).toBe("0");
    expect(formatPercent(0)).toBe("0%");
  });
  it("writes percents whole or with a decimal comma, and nothing when there is none", () => {
    expect(formatPercent(50, 0)).toBe("50%");
    expect(formatPercent(100, 0)).toBe("100%");
    expect(formatPercent(66.666)).toBe("66,7%");
    expect(formatPercent(null)).toBe("");
    expect(formatNumber(Number.NaN)).toBe("");
  });
  it("names months the way the top bar shows them and steps across years", () => {
    expect(formatPeriod("2024-06")).toBe("Tháng 06/2024");
    expect(shiftPeriod("2024-12", 1)).toBe("2025-01");
    expect(shiftPeriod("2024-01", -1)).toBe("2023-12");
  });
  it("opens on this month inside the plan's year, else on the plan year's edge", () => {
    expect(defaultPeriod(2024, new Date(2024, 5, 15))).toBe("2024-06");
    expect(defaultPeriod(2024, new Date(2026, 10, 29))).toBe("2024-12");
    expect(defaultPeriod(2025, new Date(2024, 10, 1))).toBe("2025-01");
  });
});

describe("typed dates", () => {
  it("accepts d/m/yyyy and dd/mm/yyyy and refuses impossible days", () => {
    expect(parseTypedDate("5/9/2024")).toBe("2024-09-05");
    expect(parseTypedDate("28/08/2024")).toBe("2024-08-28");
    expect(parseTypedDate("31/02/2024")).toBeNull();
    expect(parseTypedDate("2024-08-28")).toBeNull();
    expect(parseTypedDate("29/02/2024")).toBe("2024-02-29");
  });
  it("says the day does not exist when the form is right, naming the field once", () => {
    const said = dateProblem("31/02/2024", false, "Ngày hoàn thành");
    expect(said).toBe('Ngày hoàn thành "31/02/2024" không phải là ngày có thật: tháng 2/2024 chỉ có 29 ngày.');
    expect(said.match(/ngày/gi)?.filter((w) => w === "Ngày")).toHaveLength(1);
    expect(said).not.toContain("dạng");
    expect(dateProblem("29/02/2023", false, "Ngày hoàn thành")).toContain("tháng 2/2023 chỉ có 28 ngày");
    expect(dateProblem("0/08/2024", false, "Ngày hoàn thành")).toContain("không phải là ngày có thật");
  });
  it("says which part is wrong: the month, or the form itself", () => {
    expect(dateProblem("15/13/2024", true, "Ngày ban hành")).toBe('Ngày ban hành "15/13/2024" không có tháng 13: tháng chỉ từ 1 đến 12.');
    expect(dateProblem("2024-08-28", true, "Ngày ban hành")).toBe('Ngày ban hành "2024-08-28" chưa đúng dạng ngày/tháng/năm, ví dụ 28/08/2024.');
  });
  it("allows an empty optional date and asks for a required one", () => {
    expect(dateProblem("", false, "Ngày hoàn thành")).toBe("");
    expect(dateProblem("  ", true, "Ngày ban hành")).toBe("Chưa nhập ngày ban hành: nhập theo dạng ngày/tháng/năm, ví dụ 28/08/2024.");
  });
  it("knows the length of every month, leap years included", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect([2000, 2024, 1900, 2100].map((y) => daysInMonth(y, 2))).toEqual([29, 29, 28, 28]);
  });
});

describe("typed percents", () => {
  it("accepts a whole number from 0 to 100, with or without %, and nothing typed", () => {
    expect(["0", "60", "100", "45 %", "100%", ""].map(percentProblem)).toEqual(["", "", "", "", "", ""]);
  });
  it("refuses what the core refuses, with the core's words", () => {
    expect(percentProblem("120")).toBe('Tiến độ "120" không hợp lệ: phải là số nguyên từ 0 đến 100.');
    expect(percentProblem("12,5")).toContain("không hợp lệ");
    expect(percentProblem("-5")).toContain("không hợp lệ");
    expect(percentProblem("mười")).toContain("không hợp lệ");
  });
});
