/** The geometry of a measure's small chart: pure numbers, so the element only draws. */

/** The chart's box: the plot, with room for the scale on the left, periods and a key below. */
export const CHART = { width: 320, height: 200, left: 40, right: 10, top: 14, bottom: 50 } as const;

export interface ChartPoint {
  period: string;
  value: number;
  /** Centre of the point's band, and the top of its bar. */
  x: number;
  y: number;
  /** The baseline of the figure's label: above the point, or below it when the target line is there. */
  labelY: number;
}

export interface ChartGeometry {
  points: ChartPoint[];
  /** Width of each period's band; a bar takes most of it. */
  band: number;
  /** The y of the bottom of the scale (zero for bars) and of the target line. */
  zeroY: number;
  targetY: number;
  ticks: { value: number; y: number }[];
  /** The bottom and top of the scale. */
  min: number;
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
 * Where each observation and the target go. Bars (`fromZero`) start the scale at zero, so
 * their lengths are honest about size. A line starts near the figures, so that 91.5% to 93.1%
 * does not look flat: the scale runs between round numbers a little below the lowest figure or
 * target and a little above the highest, its first tick labelled so nobody reads it as zero,
 * never below 0 for figures that are not, nor past 100 for a percentage that stays under it.
 * Each figure's label goes above its point, or below it when that would sit on the target line.
 */
export function chartGeometry(observations: readonly { period: string; value: number }[], target: number, percent: boolean, fromZero = true): ChartGeometry {
  const { width, height, left, right, top, bottom } = CHART;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const values = [target, ...observations.map((o) => o.value)];
  const largest = Math.max(...values, 0);
  let min = 0;
  let max: number;
  let step: number;
  if (fromZero) {
    max = niceCeiling(largest * 1.05);
    if (percent && largest <= 100) max = Math.min(max, 100);
    step = max / 2;
  } else {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const span = hi - lo || Math.max(1, Math.abs(hi) * 0.1);
    const pad = span * 0.15;
    step = niceCeiling((span + 2 * pad) / 2);
    min = Math.floor((lo - pad) / step) * step;
    if (min < 0 && lo >= 0) min = 0;
    max = min + step;
    while (max < hi + pad) max += step;
    if (percent && hi <= 100 && max > 100) max = 100;
  }
  const y = (v: number) => Number((top + plotH * (1 - (Math.min(max, Math.max(min, v)) - min) / (max - min))).toFixed(2));
  const band = observations.length ? plotW / observations.length : plotW;
  const targetY = y(target);
  const ticks: { value: number; y: number }[] = [];
  for (let v = min; v <= max + step / 1e6; v += step) ticks.push({ value: Number(v.toPrecision(12)), y: y(v) });
  return {
    points: observations.map((o, i) => {
      const py = y(o.value);
      const above = py - 7;
      // Text is about 10 units tall, drawn up from its baseline: move it under the point if it would cross the target line.
      const labelY = Math.abs(above - 4 - targetY) < 8 ? py + 16 : above;
      return { period: o.period, value: o.value, x: Number((left + band * (i + 0.5)).toFixed(2)), y: py, labelY: Number(labelY.toFixed(2)) };
    }),
    band,
    zeroY: y(min),
    targetY,
    ticks,
    min,
    max,
  };
}
