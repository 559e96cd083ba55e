import { addDays, londonDate, startOfLondonDay } from '../calendar/dates.js';
import type { PledgeEvent } from '../schema/events.js';
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
  const titles = new Map<string, string>();
  for (const a of state.plan.actions) titles.set(a.id, a.title);
  for (const p of state.plan.promises) titles.set(p.id, `Promise ${p.number}: ${p.title}`);
  const people = new Map(state.plan.people.map((p) => [p.id, p.name]));
  const out: Change[] = [];
  const from = startOfLondonDay(addDays(since, 1));
  for (const event of state.events) {
    if (Date.parse(event.at) < from) continue;
    const on = londonDate(event.at);
    out.push({
      event,
      on,
      title: titles.get(event.stream) ?? event.stream,
      summary: `${people.get(event.actor.userId) ?? event.actor.userId} ${describeEvent(event, state.plan)}`,
    });
  }
  return out;
}

/** How many events happened after `since` (a UK calendar date, not included). */
export function countChangesSince(state: PlanState, since: string): number {
  const from = startOfLondonDay(addDays(since, 1));
  let n = 0;
  for (const event of state.events) if (Date.parse(event.at) >= from) n++;
  return n;
}
