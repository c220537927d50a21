import { describe, expect, it } from "vitest";
import { chartGeometry, chartLabel, showFigure } from "../src/lib/indicators";

describe("indicator chart", () => {
  it("places months by their month of the year and values up to the larger of target and values", () => {
    const g = chartGeometry(
      [
        { period: "2024-01", value: 40 },
        { period: "2024-12", value: 90 },
      ],
      85,
      300,
      100,
      10,
    );
    expect(g.top).toBe(90);
    expect(g.points[0].x).toBe(10);
    expect(g.points[1].x).toBe(290);
    expect(g.points[1].y).toBe(10);
    expect(g.targetY).toBeCloseTo(100 - 10 - (85 / 90) * 80);
    expect(g.points[0].y).toBeGreaterThan(g.targetY);
  });

  it("keeps the target line inside the drawing when there is no figure yet", () => {
    const g = chartGeometry([], 50, 300, 100, 10);
    expect(g.top).toBe(50);
    expect(g.targetY).toBe(10);
    expect(g.points).toEqual([]);
  });
});

describe("figures", () => {
  it("are shown with a decimal comma and their unit", () => {
    expect(showFigure(98.5, "%")).toBe("98,5%");
    expect(showFigure(1245, "đơn vị")).toBe("1.245 đơn vị");
    expect(showFigure(null, "%")).toBe("");
  });

  it("read out as words, month by month, then the target", () => {
    expect(chartLabel([{ period: "2024-07", value: 56 }], 85, "%")).toBe("Tháng 07: 56%; Mục tiêu 85%");
  });
});
