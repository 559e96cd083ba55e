// Shared by the React tests: a JSX-free `h`, a tracker with some history, and a provider wrapper.
import { createElement, type ReactNode } from 'react';
import { createTracker, type Actor, type Tracker } from '@pledgeflow/core';
import { TrackerProvider, type TrackerProviderProps } from '../src/index.js';
import { as, ev, testPlan } from '../../core/test/fixtures.js';

export { as, ev, testPlan };
export const h = createElement;

/** The day the tests look at the plan on: a1 (due 2026-11-20) is overdue, a4 (due 2027-01-29) is not. */
export const TODAY = '2026-12-01';

/** a1 agreed and started by its working-group lead, with one piece of evidence waiting to be accepted. */
export function trackerWithHistory(): Tracker {
  const tracker = createTracker({ plan: testPlan() });
  for (const event of [
    ev(as('lead'), 'a1', 'action.agree'),
    ev(as('lead'), 'a1', 'action.start'),
    ev(as('owner'), 'a1', 'action.evidence.add', { evidenceId: 'e1', summary: 'Training ran for 30 designated teachers', date: '2026-06-01' }),
  ]) {
    const result = tracker.send(event);
    if (!result.ok) throw new Error(result.reasons.join(' '));
  }
  return tracker;
}

/** Ids and times the tests control. */
export function fixedClock(start = '2026-12-01T10:00:00Z') {
  let n = 0;
  return {
    newEventId: () => `test-event-${String(++n).padStart(3, '0')}`,
    now: () => new Date(Date.parse(start) + n * 60_000),
  };
}

export function provider(tracker: Tracker, actor: Actor, extra: Partial<TrackerProviderProps> = {}) {
  return ({ children }: { children?: ReactNode }) => h(TrackerProvider, { tracker, actor, today: TODAY, ...extra }, children);
}
