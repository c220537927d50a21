import { describe, expect, it } from "vitest";
import { countsFromReceipt, daysLeftText, hasWorkingDayRule, urgency } from "../src/lib/obligations";

describe("an obligation's working days left", () => {
  it("reads as words and marks the urgent and overdue ones", () => {
    expect(daysLeftText({ days_left: 2 })).toBe("còn 2 ngày làm việc");
    expect(urgency({ days_left: 2 })).toBe("urgent");
    expect(urgency({ days_left: 3 })).toBe("");
    expect(daysLeftText({ days_left: 0 })).toBe("hạn hôm nay");
    expect(urgency({ days_left: 0 })).toBe("urgent");
    expect(daysLeftText({ days_left: -3 })).toBe("quá hạn 3 ngày làm việc");
    expect(urgency({ days_left: -1 })).toBe("overdue");
    expect(daysLeftText({ days_left: null })).toBe("");
    expect(urgency({ days_left: null })).toBe("");
  });
});

describe("a task's deadline wording", () => {
  it("tells a working-day rule and one counted from receipt", () => {
    const ii11 = "Thường xuyên (hàng ngày); trong thời hạn 05 ngày làm việc, kể từ ngày có Quyết định công bố TTHC";
    expect(hasWorkingDayRule(ii11)).toBe(true);
    expect(hasWorkingDayRule("Quý III/2024")).toBe(false);
    expect(countsFromReceipt(ii11)).toBe(false);
    expect(countsFromReceipt("Trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ")).toBe(true);
    expect(countsFromReceipt("kể từ ngày có Quyết định của Bộ Nhân lực")).toBe(false);
  });
});
