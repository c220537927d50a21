import { describe, expect, it } from "vitest";
import { toIpcError } from "../src/api";
import { roleLabel, STATUSES, statusClass } from "../src/lib/status";

describe("status colours and error messages", () => {
  it("gives each of the six status words its own colour", () => {
    expect(new Set(STATUSES.map(statusClass)).size).toBe(6);
    expect(statusClass("Quá hạn chưa hoàn thành")).toBe("st-red");
    expect(statusClass("Hoàn thành đúng hạn")).toBe("st-green");
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
