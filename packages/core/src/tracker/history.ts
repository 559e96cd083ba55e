import type { Actor, EventType, PledgeEvent } from '../schema/events.js';
import type { Plan } from '../schema/plan.js';
import { planNames } from '../schema/plan-names.js';
import { ROLE_LABELS } from '../schema/roles.js';
import { describeEvent, type EventContext } from './describe.js';

/** One line of an item's audit trail. */
export interface HistoryEntry {
  eventId: string;
  at: string;
  type: EventType;
  actor: Actor & { name: string; agencyName: string; roleLabel: string };
  /** Who did what, in plain English: "Priya Shah (Virtual School) flagged a risk: ...". */
  summary: string;
  data: Record<string, unknown>;
  /**
   * What the event does not say itself but a person needs to read it: the evidence's summary
   * (for steps on evidence), the due date or owner before the change.
   */
  context: EventContext;
}

/** An item's accepted events as its audit trail, oldest first: who did what, when, and why. */
export function historyOf(plan: Plan, events: readonly PledgeEvent[]): HistoryEntry[] {
  const names = planNames(plan);
  const first = events[0];
  const item = first ? (plan.actions.find((a) => a.id === first.stream) ?? plan.promises.find((p) => p.id === first.stream)) : undefined;
  // Walked in order: each event is read against what came before it.
  let dueDate = item && 'dueDate' in item ? item.dueDate : undefined;
  let owner = item?.owner;
  const evidence = new Map<string, string>();
  return events.map((event) => {
    const name = names.person(event.actor.userId);
    const agencyName = names.agency(event.actor.agencyId);
    const d = event.data as Record<string, unknown>;
    const context: EventContext = {};
    if (typeof d['evidenceId'] === 'string') {
      // Added, or resubmitted with new words: later steps name it by its latest summary.
      if ((event.type === 'action.evidence.add' || event.type === 'action.evidence.resubmit') && typeof d['summary'] === 'string') evidence.set(d['evidenceId'], d['summary']);
      const summary = evidence.get(d['evidenceId']);
      if (summary !== undefined) context.evidenceSummary = summary;
    }
    if (event.type === 'action.due-date.change') {
      if (dueDate) context.previousDueDate = dueDate;
      dueDate = d['dueDate'] as string;
    }
    if (event.type === 'action.owner.change' || event.type === 'promise.owner.change') {
      if (owner) context.previousOwner = owner;
      owner = d['owner'] as string;
    }
    return {
      eventId: event.id,
      at: event.at,
      type: event.type,
      actor: { ...event.actor, name, agencyName, roleLabel: ROLE_LABELS[event.actor.role] },
      summary: `${name} (${agencyName}) ${describeEvent(event, plan, context)}`,
      data: d,
      context,
    };
  });
}
