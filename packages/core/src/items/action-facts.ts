import { londonDate, toDayNumber } from '../calendar/dates.js';
import type { Evidence } from '../machines/action.context.js';
import type { ActionView } from './views.js';

/** @internal What the queries ask of an action view whatever the day. */
export interface ActionFacts {
  /** Evidence submitted (or resubmitted) and not yet accepted or returned, in the view's order. */
  readonly submitted: readonly Evidence[];
  readonly hasAcceptedEvidence: boolean;
  /** The due date was moved later at least once. */
  readonly slipped: boolean;
  /** The UK day number on which each of `submitted` was submitted; see {@link submittedOn}. */
  submittedOn: readonly number[] | undefined;
}

// The tracker hands out the same frozen view until the item changes, so what a view says
// whatever the day is worked out once: a report over thousands of actions then reads one
// small object per action instead of every piece of evidence and every due-date change.
const remembered = new WeakMap<ActionView, ActionFacts>();

/** @internal The day-independent facts of an action, remembered per frozen view. */
export function actionFacts(action: ActionView): ActionFacts {
  let facts = remembered.get(action);
  if (facts) return facts;
  const submitted: Evidence[] = [];
  let hasAcceptedEvidence = false;
  for (const e of action.evidence) {
    if (e.status === 'submitted') submitted.push(e);
    else if (e.status === 'accepted') hasAcceptedEvidence = true;
  }
  // Setting a first due date is not a slip; moving one later is.
  const slipped = action.dueDateChanges.some((c) => c.from !== undefined && c.to > c.from);
  facts = { submitted, hasAcceptedEvidence, slipped, submittedOn: undefined };
  // A view built by hand may be changed under us: only frozen ones (the tracker's) are kept.
  if (Object.isFrozen(action)) remembered.set(action, facts);
  return facts;
}

/** @internal The UK day number on which each piece of evidence awaiting review was submitted. */
export function submittedOn(facts: ActionFacts): readonly number[] {
  return (facts.submittedOn ??= facts.submitted.map((e) => toDayNumber(londonDate(e.submittedAt))));
}
