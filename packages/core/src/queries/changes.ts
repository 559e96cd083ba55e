import { addDays, londonDate, startOfLondonDay } from '../calendar/dates.js';
import type { PledgeEvent } from '../schema/events.js';
import { planNames } from '../schema/plan-names.js';
import type { PlanState } from '../tracker/tracker.js';
import { describeEvent } from '../tracker/describe.js';

export interface Change {
  event: PledgeEvent;
  /** The UK calendar date it happened. */
  on: string;
  title: string;
  summary: string;
}

/** Everything that happened after `since` (a UK calendar date, not included), oldest first. */
export function changesSince(state: PlanState, since: string): Change[] {
  const names = planNames(state.plan);
  const out: Change[] = [];
  const after = happenedFrom(startOfLondonDay(addDays(since, 1)));
  for (const event of state.events) {
    if (!after(event.at)) continue;
    const on = londonDate(event.at);
    out.push({
      event,
      on,
      title: names.item(event.stream),
      summary: `${names.person(event.actor.userId)} ${describeEvent(event, state.plan)}`,
    });
  }
  return out;
}

/** How many events happened after `since` (a UK calendar date, not included). */
export function countChangesSince(state: PlanState, since: string): number {
  const after = happenedFrom(startOfLondonDay(addDays(since, 1)));
  let n = 0;
  for (const event of state.events) if (after(event.at)) n++;
  return n;
}

/**
 * A test of an event's `at` for "at or after `from`", `from` being the start of a UK day and
 * so a whole hour in UTC. Events are stamped in UTC (`…Z`) almost always, and then the text
 * answers without Date.parse: the instant is at or after `from` exactly when its date and
 * hour ("2026-11-25T23") are. Offsets, and 24:00 (the next day's midnight), are parsed.
 */
function happenedFrom(from: number): (at: string) => boolean {
  const hour = new Date(from).toISOString().slice(0, 13);
  return (at) => {
    const utc = at.charCodeAt(at.length - 1) === 90 && !(at.charCodeAt(11) === 50 && at.charCodeAt(12) === 52); // …Z, not T24
    return utc ? at >= hour : Date.parse(at) >= from;
  };
}
