import { describe, expect, it } from "vitest";
import { defaultPeriod, formatDate, formatNumber, formatPeriod, shiftPeriod } from "../src/lib/format";
import { dateProblem, parseTypedDate } from "../src/lib/dates";

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
  it("explains a bad date in Vietnamese and allows an empty optional one", () => {
    expect(dateProblem("32/01/2024", false)).toContain("không hợp lệ");
    expect(dateProblem("", false)).toBe("");
    expect(dateProblem("", true)).toContain("Chưa nhập ngày");
  });
});
