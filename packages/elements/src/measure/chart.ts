/** The geometry of a measure's small chart: pure numbers, so the element only draws. */

/** The chart's box: the plot, with room for the scale on the left, periods and a key below. */
export const CHART = { width: 320, height: 200, left: 40, right: 10, top: 14, bottom: 50 } as const;

export interface ChartPoint {
  period: string;
  value: number;
  /** Centre of the point's band, and the top of its bar. */
  x: number;
  y: number;
}

export interface ChartGeometry {
  points: ChartPoint[];
  /** Width of each period's band; a bar takes most of it. */
  band: number;
  /** The y of the baseline (zero) and of the target line. */
  zeroY: number;
  targetY: number;
  ticks: { value: number; y: number }[];
  max: number;
}

/** The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least `x`. */
export function niceCeiling(x: number): number {
  if (!(x > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= x) return Number((step * power).toPrecision(12));
  return 10 * power;
}

/**
 * Where each observation and the target go. The scale starts at zero, so bars and lines are
 * honest about size, and reaches a round number a little above the largest value or the
 * target (never past 100 for a percentage that stays under it).
 */
export function chartGeometry(observations: readonly { period: string; value: number }[], target: number, percent: boolean): ChartGeometry {
  const { width, height, left, right, top, bottom } = CHART;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const largest = Math.max(target, ...observations.map((o) => o.value), 0);
  let max = niceCeiling(largest * 1.05);
  if (percent && largest <= 100) max = Math.min(max, 100);
  const y = (v: number) => Number((top + plotH * (1 - Math.max(0, v) / max)).toFixed(2));
  const band = observations.length ? plotW / observations.length : plotW;
  return {
    points: observations.map((o, i) => ({ period: o.period, value: o.value, x: Number((left + band * (i + 0.5)).toFixed(2)), y: y(o.value) })),
    band,
    zeroY: y(0),
    targetY: y(target),
    ticks: [0, max / 2, max].map((value) => ({ value, y: y(value) })),
    max,
  };
}
