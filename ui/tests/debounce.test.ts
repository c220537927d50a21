import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { debounce } from "../src/lib/debounce";
import { flushAll, registerFlush } from "../src/lib/pending";
import { visibleRange } from "../src/lib/virtual";

describe("autosave timing", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves once with the last value after the officer pauses", () => {
    const save = vi.fn();
    const d = debounce(save, 700);
    d("a");
    d("ab");
    vi.advanceTimersByTime(699);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith("ab");
  });

  it("flushes a pending save at once (window closing) and not twice", async () => {
    const save = vi.fn();
    const d = debounce(save, 700);
    d("typed");
    const unregister = registerFlush(() => d.flush());
    await flushAll();
    expect(save).toHaveBeenCalledWith("typed");
    vi.advanceTimersByTime(1000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(d.pending()).toBe(false);
    unregister();
  });

  it("drops a cancelled save", () => {
    const save = vi.fn();
    const d = debounce(save, 100);
    d(1);
    d.cancel();
    vi.advanceTimersByTime(200);
    expect(save).not.toHaveBeenCalled();
  });
});

describe("the virtual list", () => {
  it("renders only the rows in view plus the overscan", () => {
    expect(visibleRange(0, 640, 64, 500, 6)).toEqual({ start: 0, end: 16 });
    expect(visibleRange(64 * 100, 640, 64, 500, 6)).toEqual({ start: 94, end: 116 });
    expect(visibleRange(64 * 498, 640, 64, 500, 6)).toEqual({ start: 492, end: 500 });
  });
});
