import { explainRefusal, lifecycleAccepts } from '../machines/lifecycle.js';
import { actorProblems, peopleById } from '../policy/actor.js';
import { may, stepName, type PolicyTarget } from '../policy/policy.js';
import { EVENT_FIELDS, type EventType } from '../schema/event-fields.js';
import { ActorSchema, type PledgeEvent } from '../schema/events.js';
import { formatProblem, problemsFromZod } from '../schema/issues.js';
import type { Plan } from '../schema/plan.js';
import type { ItemState } from '../decide/decide.js';

/** A step someone might take on an item, whether they may, and what it needs from them. */
export interface NextStep {
  type: EventType;
  label: string;
  allowed: boolean;
  reasons: string[];
  /** Data fields the person must fill in. */
  needs: string[];
}

/** For each step, the data fields a person must fill in, worked out once. */
const STEP_NEEDS = Object.fromEntries(
  Object.entries(EVENT_FIELDS).map(([type, fields]) => [type, Object.entries(fields).filter(([, spec]) => !spec.endsWith('?')).map(([k]) => k)]),
) as Record<EventType, string[]>;

/**
 * The steps that fit an item's state now, each with whether `actor` may take it and why
 * not. A step that needs data from the person is checked as far as it can be without it.
 * Someone the plan does not know, or not as they claim, is offered nothing: each step says why.
 */
export function nextStepsFor(plan: Plan, item: ItemState, actor: unknown): NextStep[] {
  const checked = ActorSchema.safeParse(actor, { reportInput: true });
  const actorReasons = checked.success ? actorProblems(checked.data, peopleById(plan)) : problemsFromZod(checked.error, ['actor']).map(formatProblem);
  const out: NextStep[] = [];
  for (const type of Object.keys(EVENT_FIELDS) as EventType[]) {
    if (!type.startsWith(item.kind.prefix)) continue;
    const event = { id: 'check-only', stream: item.item.id, type, data: {}, actor, at: '1970-01-01T00:00:00.000Z' } as unknown as PledgeEvent;
    const why = explainRefusal(item.kind.lifecycle, item.snapshot, event, item.kind.checks);
    if (why.wrongState) continue; // not a step from this state at all: not offered
    const needs = STEP_NEEDS[type];
    if (actorReasons.length || !checked.success) {
      out.push({ type, label: stepName(type), allowed: false, reasons: [...actorReasons], needs });
      continue;
    }
    const target = { kind: item.kind.kind, item: item.item, context: item.snapshot.context } as PolicyTarget;
    const decision = may(checked.data, type, {}, target, plan);
    if (!decision.ok) {
      out.push({ type, label: stepName(type), allowed: false, reasons: decision.reasons, needs });
      continue;
    }
    // A step that needs nothing from the person can be checked against the machine's guards now.
    const blocked = needs.length === 0 && !lifecycleAccepts(item.kind.lifecycle, item.snapshot, event) ? why.reasons : [];
    out.push({ type, label: stepName(type), allowed: blocked.length === 0, reasons: blocked, needs });
  }
  return out;
}
