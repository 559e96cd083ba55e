import { foldPrivately, startLifecycle, type LifecycleSnapshot } from '../machines/lifecycle.js';
import { ITEM_KINDS, type ItemKindDescriptor, type PlanItem } from '../items/kinds.js';
import { compareEvents, differences } from '../events/order.js';
import type { PledgeEvent } from '../schema/events.js';
import type { Plan } from '../schema/plan.js';
import { decide, type ItemState } from './decide.js';

/** An event that the log holds but the engine would not apply, and why. */
export interface RejectedEvent {
  event: PledgeEvent;
  reasons: string[];
  /** Set when another event with the same id and other content was recorded first: that event. */
  conflictsWith?: PledgeEvent;
}

/** Two events with one id and different content: the later one is refused, with both kept. */
export function conflict(event: PledgeEvent, recorded: PledgeEvent): RejectedEvent {
  return {
    event,
    conflictsWith: recorded,
    reasons: [`An event with the id ${event.id} was already recorded with different content (${differences(recorded, event).join(', ')} differ).`],
  };
}

/** Why an event naming `stream` cannot be taken when the plan has no item with that id. */
export const noSuchItem = (stream: string) => `There is no promise, action, meeting or recommendation with the id "${stream}" in this plan.`;

/** An item folded over events: its state, the events it took (in order) and those it refused, with why. */
export interface Folded {
  snapshot: LifecycleSnapshot;
  applied: PledgeEvent[];
  rejected: RejectedEvent[];
}

/** The item with this id and its kind, or undefined when the plan has none. */
export function findItem(plan: Plan, itemId: string): { kind: ItemKindDescriptor; item: PlanItem } | undefined {
  const action = plan.actions.find((a) => a.id === itemId);
  if (action) return { kind: ITEM_KINDS.action, item: action };
  const promise = plan.promises.find((p) => p.id === itemId);
  if (promise) return { kind: ITEM_KINDS.promise, item: promise };
  const meeting = plan.meetings.find((m) => m.id === itemId);
  if (meeting) return { kind: ITEM_KINDS.meeting, item: meeting };
  const recommendation = plan.recommendations.find((r) => r.id === itemId);
  return recommendation ? { kind: ITEM_KINDS.recommendation, item: recommendation } : undefined;
}

/** Every tracked item of a plan with its kind, in plan order: actions, promises, meetings, recommendations. */
export function planItems(plan: Plan): { kind: ItemKindDescriptor; item: PlanItem }[] {
  return [
    ...plan.actions.map((item) => ({ kind: ITEM_KINDS.action, item })),
    ...plan.promises.map((item) => ({ kind: ITEM_KINDS.promise, item })),
    ...plan.meetings.map((item) => ({ kind: ITEM_KINDS.meeting, item })),
    ...plan.recommendations.map((item) => ({ kind: ITEM_KINDS.recommendation, item })),
  ];
}

/**
 * Folds `events` (one item's, in canonical order) through `decide`, from `from` or the item's
 * first state: what the tracker, a store and a sync server all do to know where an item stands.
 */
export function foldItem(plan: Plan, item: Omit<ItemState, 'snapshot'>, events: readonly PledgeEvent[], from?: LifecycleSnapshot): Folded {
  // Contexts updated in place, as no one sees them before the fold ends (`decide` refuses
  // nothing once the lifecycle has stepped).
  return foldPrivately(() => {
    let snapshot = from ?? startLifecycle(item.kind.lifecycle, item.item);
    const applied: PledgeEvent[] = [];
    const rejected: RejectedEvent[] = [];
    // One object, updated in place: a replay folds 100,000 events.
    const state = { kind: item.kind, item: item.item, snapshot };
    for (const event of events) {
      state.snapshot = snapshot;
      const verdict = decide(plan, state, event);
      if (verdict.ok) {
        snapshot = verdict.next;
        applied.push(event);
      } else rejected.push({ event, reasons: verdict.reasons });
    }
    return { snapshot, applied, rejected };
  });
}

/**
 * Where the item `itemId` stands after `events` (parsed, any order; they are put in canonical
 * order): its state, the events it took and those it refused. Throws when the plan has no
 * such item.
 */
export function fold(plan: Plan, itemId: string, events: readonly PledgeEvent[], from?: LifecycleSnapshot): Folded {
  const found = findItem(plan, itemId);
  if (!found) throw new RangeError(noSuchItem(itemId));
  return foldItem(plan, found, [...events].sort(compareEvents), from);
}
