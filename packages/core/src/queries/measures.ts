import type { Measure, Observation } from '../schema/plan.js';

export interface MeasureProgress {
  measure: Measure;
  latest?: Observation;
  previous?: Observation;
  /** Whether the latest value meets the target, given which direction is better. */
  meetsTarget?: boolean;
  /** Distance from target in the measure's unit, positive when better than target. */
  againstTarget?: number;
  /** Compared with the previous observation. */
  trend: 'better' | 'worse' | 'same' | 'unknown';
  /** Plain English: "58% against a target of 65% (higher is better): below target, better than last period". */
  summary: string;
}

const formatValue = (value: number, unit: Measure['unit']) =>
  unit === 'percent' ? `${value}%` : unit === 'rate-per-10000' ? `${value} per 10,000` : unit === 'days' ? `${value} days` : String(value);

/** Where a measure stands against its target and its last period. */
export function measureProgress(measure: Measure): MeasureProgress {
  const latest = measure.observations.at(-1);
  const previous = measure.observations.at(-2);
  const better = (a: number, b: number) => (measure.direction === 'higher' ? a > b : a < b);
  const which = measure.direction === 'higher' ? 'higher is better' : 'lower is better';
  if (!latest) {
    return { measure, trend: 'unknown', summary: `No figures yet; the target is ${formatValue(measure.target, measure.unit)} (${which}).` };
  }
  const meetsTarget = latest.value === measure.target || better(latest.value, measure.target);
  const againstTarget = Number(((measure.direction === 'higher' ? 1 : -1) * (latest.value - measure.target)).toFixed(4));
  const trend = !previous ? 'unknown' : latest.value === previous.value ? 'same' : better(latest.value, previous.value) ? 'better' : 'worse';
  const trendWords = { better: 'better than', worse: 'worse than', same: 'the same as', unknown: '' }[trend];
  const summary =
    `${formatValue(latest.value, measure.unit)} in ${latest.period} against a target of ${formatValue(measure.target, measure.unit)} (${which}): ` +
    `${meetsTarget ? 'meets the target' : 'short of the target'}` +
    (previous ? `, ${trendWords} ${previous.period}.` : '.');
  return { measure, latest, ...(previous ? { previous } : {}), meetsTarget, againstTarget, trend, summary };
}
