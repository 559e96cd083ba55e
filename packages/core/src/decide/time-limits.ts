import { addDays, startOfLondonDay } from '../calendar/dates.js';
import type { Plan } from '../schema/plan.js';

/** How far before the plan's period starts, and after it ends, a step may be dated. */
export const PERIOD_MARGIN_DAYS = 366;

/** How far ahead of the tracker's clock a step taken here may be dated (clocks on different computers differ a little). */
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;

/** The instants a step in this plan may be dated between (from, up to but not including to), in canonical form: its period with a year's margin either side. */
export function stepWindow(plan: Plan): { from: string; to: string } {
  return {
    from: new Date(startOfLondonDay(addDays(plan.period.start, -PERIOD_MARGIN_DAYS))).toISOString(),
    to: new Date(startOfLondonDay(addDays(plan.period.end, PERIOD_MARGIN_DAYS + 1))).toISOString(),
  };
}

/** Why an event dated `at` (a canonical instant: compared as text) does not belong to this plan's time, if it does not. */
export function outsideWindow(at: string, window: { from: string; to: string }, plan: Plan): string | undefined {
  if (at >= window.from && at < window.to) return undefined;
  return (
    `at: ${at} is outside the time of this plan (${plan.period.start} to ${plan.period.end}, with a year either side): ` +
    'a step dated so far away would reorder or freeze the item\'s history. Check the computer\'s clock and the date of the step.'
  );
}
