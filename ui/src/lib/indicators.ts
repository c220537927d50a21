// What the "Điểm có nguy cơ mất" screen decides itself: the geometry of an
// indicator's chart (its months against the target line) and how a figure is
// shown. Everything about the numbers themselves is the core's.

import { formatNumber } from "./format";

export interface TrendPoint {
  period: string;
  value: number;
}

export interface ChartGeometry {
  /** The upper end of the value axis (at least the target and every value). */
  top: number;
  /** Each month's x and y in the drawing, oldest first. */
  points: { x: number; y: number; label: string; value: number }[];
  /** The y of the target line. */
  targetY: number;
}

/**
 * Places the months of an indicator in a `width` × `height` drawing (y grows
 * downwards; `pad` keeps room for the labels): x by month of the year, y by
 * value from 0 to the larger of the target and the highest value.
 */
export function chartGeometry(trend: TrendPoint[], target: number, width: number, height: number, pad = 24): ChartGeometry {
  const top = Math.max(target, ...trend.map((p) => p.value), 1);
  const y = (v: number) => height - pad - (v / top) * (height - 2 * pad);
  const x = (period: string) => {
    const month = Number(period.slice(5, 7)) || 1;
    return pad + ((month - 1) / 11) * (width - 2 * pad);
  };
  return {
    top,
    targetY: y(target),
    points: trend.map((p) => ({ x: x(p.period), y: y(p.value), label: p.period.slice(5, 7), value: p.value })),
  };
}

/** A figure with its unit: "98,5%" or "12 đơn vị"; empty for none. */
export function showFigure(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return "";
  const n = formatNumber(value, 2);
  return unit === "%" ? `${n}%` : unit ? `${n} ${unit}` : n;
}

/** The words of a chart for screen readers and print: "Tháng 07: 56%; … Mục tiêu 85%". */
export function chartLabel(trend: TrendPoint[], target: number, unit: string): string {
  const months = trend.map((p) => `Tháng ${p.period.slice(5, 7)}: ${showFigure(p.value, unit)}`);
  return [...months, `Mục tiêu ${showFigure(target, unit)}`].join("; ");
}
