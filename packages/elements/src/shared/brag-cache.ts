import { bragStatus, type ActionView, type BragResult, type BragSettings, type CalendarOptions } from '@pledgeflow/core';

const cache = new WeakMap<ActionView, { key: string; result: BragResult }>();

/**
 * `bragStatus`, remembered per action view (the tracker hands out the same view until the
 * item changes), so re-rendering a long list does not count working days for every row.
 */
export function bragOf(action: ActionView, today: string, settings: Partial<BragSettings> = {}, calendar: CalendarOptions = {}): BragResult {
  const closures = calendar.closures ?? [];
  const key = `${today}|${settings.amberWithinWorkingDays}|${settings.amberWhenReviewOverdue}|${settings.redAfterWorkingDays}|${closures.join(',')}`;
  const hit = cache.get(action);
  if (hit?.key === key) return hit.result;
  const result = bragStatus(action, today, settings, calendar);
  cache.set(action, { key, result });
  return result;
}
