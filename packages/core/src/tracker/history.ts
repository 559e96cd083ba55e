import type { Actor, EventType, PledgeEvent } from '../schema/events.js';
import type { Plan } from '../schema/plan.js';
import { planNames } from '../schema/plan-names.js';
import { ROLE_LABELS } from '../schema/roles.js';
import { describeEvent } from './describe.js';

/** One line of an item's audit trail. */
export interface HistoryEntry {
  eventId: string;
  at: string;
  type: EventType;
  actor: Actor & { name: string; agencyName: string; roleLabel: string };
  /** Who did what, in plain English: "Priya Shah (Virtual School) flagged a risk: ...". */
  summary: string;
  data: Record<string, unknown>;
}

/** An item's accepted events as its audit trail, oldest first: who did what, when, and why. */
export function historyOf(plan: Plan, events: readonly PledgeEvent[]): HistoryEntry[] {
  const names = planNames(plan);
  return events.map((event) => {
    const name = names.person(event.actor.userId);
    const agencyName = names.agency(event.actor.agencyId);
    return {
      eventId: event.id,
      at: event.at,
      type: event.type,
      actor: { ...event.actor, name, agencyName, roleLabel: ROLE_LABELS[event.actor.role] },
      summary: `${name} (${agencyName}) ${describeEvent(event, plan)}`,
      data: event.data as Record<string, unknown>,
    };
  });
}
