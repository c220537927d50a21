import { describe, expect, it } from "vitest";
import { move, nextTaskCode, parseScoreRows, pointsLost, splitCodes } from "../src/lib/plan";

describe("the plan editor's own logic", () => {
  it("reads a range pasted from Excel with decimal commas and skips its header", () => {
    const { rows, problems } = parseScoreRows("Mã\tTối đa\tĐạt\n3.2.1\t0,5\t0\n7.3.6\t1\t0,9947\n");
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { code: "3.2.1", max: 0.5, score: 0 },
      { code: "7.3.6", max: 1, score: 0.9947 },
    ]);
  });
  it("names the line of a pasted score that is not a number or exceeds the maximum", () => {
    const { rows, problems } = parseScoreRows("3.2.1\t0,5\tmột\n3.2.2\t0,5\t0,75");
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      'Dòng 1: điểm đạt "một" không phải là số.',
      "Dòng 2: điểm đạt 0,75 lớn hơn điểm tối đa 0,5.",
    ]);
  });
  it("computes points lost to four decimals", () => {
    expect(pointsLost(1, 0.9947)).toBe(0.0053);
    expect(pointsLost(13, 11.9888)).toBe(1.0112);
  });
  it("moves a task up and down within the list only", () => {
    expect(move(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(move(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(move(["a", "b", "c"], 0, 5)).toEqual(["b", "c", "a"]);
  });
  it("splits agency codes at semicolons and commas without repeats", () => {
    expect(splitCodes("SNV; STP, SNV ;;")).toEqual(["SNV", "STP"]);
  });
  it("suggests the first free task code", () => {
    expect(nextTaskCode(["NV.001", "NV.003"])).toBe("NV.002");
  });
});
