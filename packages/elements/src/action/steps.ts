import { EVENT_FIELDS, POLICY, type ActionEventType, type Actor, type Evidence, type EventType, type NextStep, type Tracker } from '@pledgeflow/core';

/** How a step's field is asked for in the page. */
export type FieldKind = 'textarea' | 'date' | 'person' | 'evidence';

/** The form field that asks for an event field of this kind (`EVENT_FIELDS`' kinds: id, date, reason, text). */
function fieldKind(name: string, spec: string): FieldKind {
  const kind = spec.replace('?', '');
  if (kind === 'id') return name === 'owner' ? 'person' : 'evidence';
  return kind === 'date' ? 'date' : 'textarea';
}

/**
 * The fields each step takes, in the order asked, from core's `EVENT_FIELDS` (which of them
 * are required comes from `NextStep.needs`), so the schema stays the one source of truth.
 * Adding and resubmitting evidence use `<pledge-evidence-form>` instead.
 */
export const STEP_FIELDS: Readonly<Partial<Record<ActionEventType, Readonly<Record<string, FieldKind>>>>> = Object.fromEntries(
  (Object.keys(EVENT_FIELDS) as EventType[])
    .filter((type) => type.startsWith('action.') && type !== 'action.evidence.add' && type !== 'action.evidence.resubmit')
    .map((type) => [type, Object.fromEntries(Object.entries(EVENT_FIELDS[type] as Record<string, string>).map(([name, spec]) => [name, fieldKind(name, spec)]))]),
);

/** A step as `<pledge-action>` shows it: offered (allowed) or refused with every reason. */
export interface ShownStep extends Omit<NextStep, 'type'> {
  type: ActionEventType;
  /** For steps on one piece of evidence: the pieces this person may choose from. */
  evidence?: Evidence[];
}

const ON_SUBMITTED: readonly EventType[] = ['action.evidence.accept', 'action.evidence.return'];

/**
 * The steps worth showing to `actor` on action `id`: those they may take, and those that
 * the item could take now but they may not (or not yet), with the reasons. Steps that no one
 * could take from the item's state are left out (`tracker.nextSteps` already leaves them out):
 * a scrutiny member does not need to read that they cannot verify an action that is still a draft.
 * Steps on one piece of evidence are shown only when there is evidence waiting for them.
 */
export function stepsFor(tracker: Tracker, actor: Actor, id: string): { offered: ShownStep[]; refused: ShownStep[] } {
  const action = tracker.getAction(id);
  if (!action) return { offered: [], refused: [] };
  const offered: ShownStep[] = [];
  const refused: ShownStep[] = [];
  for (const next of tracker.nextSteps(actor, id)) {
    if (!next.type.startsWith('action.')) continue;
    const step = next as ShownStep;
    if (step.type === 'action.evidence.resubmit' || ON_SUBMITTED.includes(step.type)) {
      const waiting = action.evidence.filter((e) => e.status === (step.type === 'action.evidence.resubmit' ? 'returned' : 'submitted'));
      if (!waiting.length) continue; // nothing to accept, return or resubmit: not relevant
      if (!step.allowed) {
        refused.push(step);
        continue;
      }
      const reasons: string[] = [];
      const choosable = waiting.filter((e) => {
        const data: Record<string, unknown> =
          step.type === 'action.evidence.resubmit'
            ? { evidenceId: e.id, summary: e.summary, date: e.date, ...(e.link ? { link: e.link } : {}) }
            : { evidenceId: e.id, ...(step.type === 'action.evidence.return' ? { reason: 'check' } : {}) };
        const decision = tracker.can(actor, { stream: id, type: step.type, data });
        if (!decision.ok) reasons.push(...decision.reasons);
        return decision.ok;
      });
      if (choosable.length) offered.push({ ...step, evidence: choosable });
      else refused.push({ ...step, allowed: false, reasons: [...new Set(reasons)] });
      continue;
    }
    (step.allowed ? offered : refused).push(step);
  }
  return { offered, refused };
}

/** Refused steps grouped by their reasons, so that one reason shared by many steps is said once. */
export function groupByReasons<T extends Pick<NextStep, 'type' | 'reasons'>>(steps: readonly T[]): { types: T['type'][]; reasons: string[] }[] {
  const groups = new Map<string, { types: T['type'][]; reasons: string[] }>();
  for (const step of steps) {
    const key = step.reasons.join('\n');
    const group = groups.get(key);
    if (group) group.types.push(step.type);
    else groups.set(key, { types: [step.type], reasons: step.reasons });
  }
  return [...groups.values()];
}

/**
 * Refused steps split in two: those the person's role takes (refused here because of this item,
 * its stage or its working group: the ones they need to read) and those their role never takes.
 */
export function splitByRole<T extends Pick<NextStep, 'type'>>(steps: readonly T[], actor: Actor): { yours: T[]; others: T[] } {
  const takes = POLICY[actor.role] ?? {};
  const yours: T[] = [];
  const others: T[] = [];
  for (const step of steps) (takes[step.type] !== undefined ? yours : others).push(step);
  return { yours, others };
}
