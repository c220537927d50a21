import { describe, expect, it } from "vitest";
import { toIpcError } from "../src/api";
import { roleLabel, STATUS_WORDS, STATUSES, statusClass } from "../src/lib/status";

describe("status colours and error messages", () => {
  it("gives each of the six status codes its own colour and word, in the report's order", () => {
    expect(new Set(STATUSES.map(statusClass)).size).toBe(6);
    expect(statusClass("Overdue")).toBe("st-red");
    expect(statusClass("DoneOnTime")).toBe("st-green");
    expect(STATUSES[0]).toBe("NotStarted");
    expect(STATUS_WORDS.Overdue).toBe("Quá hạn chưa hoàn thành");
    expect(roleLabel("lead")).toBe("Chủ trì");
  });
  it("keeps the core's Vietnamese message and kind, and words anything else", () => {
    const e = toIpcError({ kind: "invalid", message: "Tiến độ \"120\" không hợp lệ" });
    expect(e.kind).toBe("invalid");
    expect(e.message).toBe("Tiến độ \"120\" không hợp lệ");
    const other = toIpcError(new TypeError("boom"));
    expect(other.kind).toBe("unexpected");
    expect(other.message).toMatch(/^Có lỗi không mong đợi/);
  });
});
