import type { ActionEventType, PledgeEvent } from '../schema/events.js';
import type { EventOf } from '../schema/is-event.js';
import type { ActionContext } from './action.context.js';
import { forSteps } from './for-steps.js';

export type ActionCheck = (context: ActionContext, event: PledgeEvent) => string | undefined;

/** A check that reads the data of `steps`, with its event typed as one of them. */
const reading = <T extends ActionEventType>(steps: T | readonly T[], check: (context: ActionContext, event: EventOf<T>) => string | undefined) =>
  forSteps(steps, check, undefined);

const evidenceWith = (context: ActionContext, id: string) => context.evidence.find((e) => e.id === id);

/**
 * The action machine's guards, each as a check that names what is missing. The machine
 * uses them as guards (allowed when the check returns nothing); the tracker shows the
 * returned text to the person who was refused.
 */
const checks = {
  hasOwnerAndDueDate: (c) => {
    const missing = [!c.owner && 'an owner', !c.dueDate && 'a due date'].filter(Boolean);
    return missing.length ? `An action can only be agreed once it has ${missing.join(' and ')}.` : undefined;
  },
  hasAcceptedEvidence: (c) => {
    if (c.evidence.some((e) => e.status === 'accepted')) return undefined;
    const waiting = c.evidence.filter((e) => e.status === 'submitted').length;
    return (
      'An action can only be completed once at least one piece of evidence has been accepted' +
      (waiting ? ` (${waiting} submitted, waiting for a lead or board member to accept).` : ' (none has been added yet).')
    );
  },
  verifierIsNotCompleter: (c, e) =>
    c.completedBy === e.actor.userId
      ? 'The person who completed an action cannot also verify it: someone else must check it.'
      : undefined,
  evidenceIdIsNew: reading('action.evidence.add', (c, e) =>
    evidenceWith(c, e.data.evidenceId) ? `There is already evidence with the id "${e.data.evidenceId}" on this action.` : undefined,
  ),
  evidenceIsSubmitted: reading(['action.evidence.accept', 'action.evidence.return'], (c, e) => {
    const id = e.data.evidenceId;
    const found = evidenceWith(c, id);
    if (!found) return `There is no evidence with the id "${id}" on this action.`;
    if (found.status === 'accepted') return `Evidence "${id}" has already been accepted.`;
    if (found.status === 'returned') return `Evidence "${id}" was returned and must be resubmitted before it can be looked at again.`;
    return undefined;
  }),
  evidenceIsReturned: reading('action.evidence.resubmit', (c, e) => {
    const id = e.data.evidenceId;
    const found = evidenceWith(c, id);
    if (!found) return `There is no evidence with the id "${id}" on this action.`;
    return found.status === 'returned' ? undefined : `Evidence "${id}" has not been returned, so it cannot be resubmitted.`;
  }),
  dueDateChanges: reading('action.due-date.change', (c, e) => (c.dueDate === e.data.dueDate ? `The due date is already ${c.dueDate}.` : undefined)),
  ownerChanges: reading('action.owner.change', (c, e) => (c.owner === e.data.owner ? 'That person already owns this action.' : undefined)),
} satisfies Record<string, ActionCheck>;

export type ActionGuard = keyof typeof checks;
export const actionChecks: Readonly<Record<ActionGuard, ActionCheck>> = checks;
