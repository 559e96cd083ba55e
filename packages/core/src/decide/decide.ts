import { explainRefusal, lifecycleAccepts, stepLifecycle, type LifecycleSnapshot } from '../machines/lifecycle.js';
import { actorProblems, peopleById } from '../policy/actor.js';
import { may, stepName, type PolicyTarget } from '../policy/policy.js';
import { scanEvent } from '../privacy/event-text.js';
import { EVENT_FIELDS, type PledgeEvent } from '../schema/events.js';
import type { Person, Plan } from '../schema/plan.js';
import type { ItemKindDescriptor, PlanItem } from '../items/kinds.js';
import { stateOf, STATE_LABELS } from '../items/views.js';
import { outsideWindow, stepWindow } from './time-limits.js';

/** An item as the engine judges it: its kind, what the plan says of it, and its state now. */
export interface ItemState {
  readonly kind: ItemKindDescriptor;
  readonly item: PlanItem;
  readonly snapshot: LifecycleSnapshot;
}

/** Whether an event may be taken: its next state and any warnings, or every reason not. */
export type Verdict = { ok: true; next: LifecycleSnapshot; warnings: readonly string[] } | { ok: false; reasons: string[] };

export interface DecideOptions {
  /** Scan the event's text for personal data and give warnings (plans that refuse such text are always scanned). */
  withWarnings?: boolean;
  /** Check the event's time against the plan's period (not when asking whether a step may be taken at all). */
  checkTime?: boolean;
}

/** What decide works out once per plan: people by id, working group and action ids, the window of time steps may fall in. */
interface PlanFacts {
  people: ReadonlyMap<string, Person>;
  workstreams: ReadonlySet<string>;
  actions: ReadonlySet<string>;
  window: { from: string; to: string };
}
const factsOf = new WeakMap<Plan, PlanFacts>();
function planFacts(plan: Plan): PlanFacts {
  let facts = factsOf.get(plan);
  if (!facts) {
    facts = {
      people: peopleById(plan),
      workstreams: new Set(plan.workstreams.map((w) => w.id)),
      actions: new Set(plan.actions.map((a) => a.id)),
      window: stepWindow(plan),
    };
    factsOf.set(plan, facts);
  }
  return facts;
}

const NO_WARNINGS: readonly string[] = [];
/** Privacy findings per event (`data.note: This looks like ...`): each text is scanned once, however often its item is folded. */
const scanned = new WeakMap<PledgeEvent, readonly string[]>();
export function eventWarnings(event: PledgeEvent): readonly string[] {
  let warnings = scanned.get(event);
  if (!warnings) scanned.set(event, (warnings = scanEvent(event)));
  return warnings;
}

/**
 * Would the engine take `event` on `item`? Checks, in order: the step applies to this kind of
 * item; the actor is one of the plan's people, as the plan records them; the time falls in
 * the plan's period; a new owner is one of the plan's people; the policy lets this person
 * take this step here; the lifecycle can take it from the item's state; and, in plans that
 * refuse it, no personal data. Pure: no clock, no I/O; the event must be parsed (`readEvent`).
 */
export function decide(plan: Plan, item: ItemState, event: PledgeEvent, options?: DecideOptions): Verdict {
  const { kind, snapshot } = item;
  if (!event.type.startsWith(kind.prefix)) {
    return { ok: false, reasons: [`"${kind.title(item.item)}" is ${kind.named}: a ${event.type} step does not apply to it.`] };
  }
  const facts = planFacts(plan);
  const who = actorProblems(event.actor, facts.people);
  if (who.length) return { ok: false, reasons: [...who] };
  if (options?.checkTime !== false) {
    const when = outsideWindow(event.at, facts.window, plan);
    if (when) return { ok: false, reasons: [when] };
  }
  const data = event.data as Record<string, unknown>;
  const unknown = unknownReference(facts, event.type, data);
  if (unknown) return { ok: false, reasons: [unknown] };
  const target = { kind: kind.kind, item: item.item, context: snapshot.context } as PolicyTarget;
  const decision = may(event.actor, event.type, data, target, plan);
  if (!decision.ok) return decision;

  const warnings = options?.withWarnings || plan.privacy === 'refuse' ? eventWarnings(event) : NO_WARNINGS;
  if (warnings.length && plan.privacy === 'refuse') {
    // Refused before the lifecycle steps (which, inside a fold, writes in place), and for the
    // lifecycle's reason first when it would not take the step either.
    if (!lifecycleAccepts(kind.lifecycle, snapshot, event)) return { ok: false, reasons: whyNot(item, event) };
    return { ok: false, reasons: warnings.map((w) => `${w} This plan does not accept text that looks like a child's personal data.`) };
  }
  // The lifecycle gives back the same snapshot when it does not take the event.
  const next = stepLifecycle(kind.lifecycle, snapshot, event);
  if (next === snapshot) return { ok: false, reasons: whyNot(item, event) };
  return { ok: true, next, warnings };
}

/** Fields of event data that name something in the plan, and where to look it up. */
const REFERENCES: Readonly<Record<string, 'person' | 'workstream' | 'action'>> = {
  owner: 'person',
  person: 'person',
  standingInFor: 'person',
  workstream: 'workstream',
  action: 'action',
};

/** Per event type, the fields of its data that name something in the plan: worked out once, most types have none. */
const REFERENCE_FIELDS = new Map(
  Object.entries(EVENT_FIELDS).map(([type, fields]) => [type, Object.keys(fields).filter((f) => f in REFERENCES)] as const),
);

/** The first field of `data` that names a person, working group or action the plan does not have, in words. */
function unknownReference(facts: PlanFacts, type: string, data: Record<string, unknown>): string | undefined {
  const fields = REFERENCE_FIELDS.get(type);
  if (!fields?.length) return undefined;
  for (const field of fields) {
    const kind = REFERENCES[field]!;
    const id = data[field];
    if (typeof id !== 'string') continue;
    const known = (kind === 'person' ? facts.people : kind === 'workstream' ? facts.workstreams : facts.actions).has(id);
    if (!known) return `data.${field}: there is no ${kind === 'workstream' ? 'working group' : kind} with the id "${id}" in this plan.`;
  }
  return undefined;
}

/** Why the lifecycle does not take `event` from the item's state, in words. */
function whyNot(item: ItemState, event: PledgeEvent): string[] {
  const why = explainRefusal(item.kind.lifecycle, item.snapshot, event, item.kind.checks);
  if (why.wrongState) {
    const now = STATE_LABELS[stateOf(item.snapshot)].toLowerCase();
    const when = why.acceptedIn.map((s) => STATE_LABELS[s as keyof typeof STATE_LABELS]?.toLowerCase() ?? s);
    return [`"${item.kind.title(item.item)}" is ${now}, so no one can ${stepName(event.type)} on it now` + (when.length ? ` (only when it is ${when.join(', ')}).` : '.')];
  }
  return why.reasons.length ? why.reasons : [`"${item.kind.title(item.item)}" cannot take this step now.`];
}
