import { assign, setup } from 'xstate';
import { addDays, londonDate } from '../calendar/dates.js';
import type { ActionEventType, PledgeEvent } from '../schema/events.js';
import type { ActionItem } from '../schema/plan.js';
import { initialActionContext, type ActionContext, type Evidence } from './action.context.js';
import { actionChecks } from './action.guards.js';

/** Bump when the machine changes in a way that makes stored snapshots stale. */
export const ACTION_MACHINE_VERSION = 1;

export { ACTION_STATES, type ActionState } from './states.js';

export type ActionEvent = PledgeEvent<ActionEventType>;

const data = <T>(event: ActionEvent) => event.data as T;

const updateEvidence = (list: Evidence[], id: string, change: (e: Evidence) => Evidence) =>
  list.map((e) => (e.id === id ? change(e) : e));

/** Steps that change an item's details, allowed while the item is open. */
const editing = {
  'action.owner.change': { guard: 'ownerChanges', actions: 'setOwner' },
  'action.due-date.change': { guard: 'dueDateChanges', actions: 'moveDueDate' },
  'action.review': { actions: 'recordReview' },
} as const;

/** Evidence handling, allowed from agreement until the item is completed. */
const evidence = {
  'action.evidence.add': { guard: 'evidenceIdIsNew', actions: 'addEvidence' },
  'action.evidence.accept': { guard: 'evidenceIsSubmitted', actions: 'acceptEvidence' },
  'action.evidence.return': { guard: 'evidenceIsSubmitted', actions: 'returnEvidence' },
  'action.evidence.resubmit': { guard: 'evidenceIsReturned', actions: 'resubmitEvidence' },
} as const;

const leaving = {
  'action.defer': { target: '#action.deferred', actions: 'deferItem' },
  'action.withdraw': { target: '#action.withdrawn', actions: 'keepReason' },
} as const;

/**
 * One action-plan item. Folded with XState's pure `transition()`: no timers, no clock;
 * time comes in as each event's `at`.
 */
export const actionMachine = setup({
  types: {
    context: {} as ActionContext,
    events: {} as ActionEvent,
    input: {} as ActionItem,
  },
  guards: {
    hasOwnerAndDueDate: ({ context, event }) => !actionChecks.hasOwnerAndDueDate(context, event),
    hasAcceptedEvidence: ({ context, event }) => !actionChecks.hasAcceptedEvidence(context, event),
    verifierIsNotCompleter: ({ context, event }) => !actionChecks.verifierIsNotCompleter(context, event),
    evidenceIdIsNew: ({ context, event }) => !actionChecks.evidenceIdIsNew(context, event),
    evidenceIsSubmitted: ({ context, event }) => !actionChecks.evidenceIsSubmitted(context, event),
    evidenceIsReturned: ({ context, event }) => !actionChecks.evidenceIsReturned(context, event),
    dueDateChanges: ({ context, event }) => !actionChecks.dueDateChanges(context, event),
    ownerChanges: ({ context, event }) => !actionChecks.ownerChanges(context, event),
  },
  actions: {
    setOwner: assign({ owner: ({ event }) => data<{ owner: string }>(event).owner }),
    moveDueDate: assign(({ context, event }) => {
      const { dueDate, reason } = data<{ dueDate: string; reason: string }>(event);
      const change = { ...(context.dueDate ? { from: context.dueDate } : {}), to: dueDate, reason, at: event.at, by: event.actor.userId };
      return { dueDate, dueDateChanges: [...context.dueDateChanges, change] };
    }),
    recordReview: assign(({ context, event }) => {
      const on = londonDate(event.at);
      const next = data<{ nextReviewDate?: string }>(event).nextReviewDate ?? addDays(on, context.reviewIntervalDays);
      return { lastReviewedOn: on, reviewDate: next };
    }),
    recordProgress: assign({
      lastProgress: ({ event }) => ({ note: data<{ note: string }>(event).note, at: event.at, by: event.actor.userId }),
    }),
    keepReason: assign({ reason: ({ event }) => data<{ reason: string }>(event).reason }),
    clearReason: assign({ reason: undefined, deferredUntil: undefined }),
    deferItem: assign(({ event }) => {
      const { reason, until } = data<{ reason: string; until?: string }>(event);
      return { reason, deferredUntil: until };
    }),
    recordCompletion: assign({ completedBy: ({ event }) => event.actor.userId, completedAt: ({ event }) => event.at }),
    recordVerification: assign({ verifiedBy: ({ event }) => event.actor.userId, verifiedAt: ({ event }) => event.at }),
    forgetCompletion: assign({ completedBy: undefined, completedAt: undefined }),
    addEvidence: assign({
      evidence: ({ context, event }) => {
        const d = data<{ evidenceId: string; summary: string; link?: string; date: string }>(event);
        const item: Evidence = {
          id: d.evidenceId,
          summary: d.summary,
          ...(d.link ? { link: d.link } : {}),
          date: d.date,
          agencyId: event.actor.agencyId,
          submittedBy: event.actor.userId,
          submittedAt: event.at,
          status: 'submitted',
          resubmissions: 0,
        };
        return [...context.evidence, item];
      },
    }),
    acceptEvidence: assign({
      evidence: ({ context, event }) =>
        updateEvidence(context.evidence, data<{ evidenceId: string }>(event).evidenceId, ({ returnReason: _, ...e }) => ({
          ...e,
          status: 'accepted',
          reviewedBy: event.actor.userId,
          reviewedAt: event.at,
        })),
    }),
    returnEvidence: assign({
      evidence: ({ context, event }) => {
        const { evidenceId, reason } = data<{ evidenceId: string; reason: string }>(event);
        return updateEvidence(context.evidence, evidenceId, (e) => ({
          ...e,
          status: 'returned',
          returnReason: reason,
          reviewedBy: event.actor.userId,
          reviewedAt: event.at,
        }));
      },
    }),
    resubmitEvidence: assign({
      evidence: ({ context, event }) => {
        const d = data<{ evidenceId: string; summary: string; link?: string; date: string }>(event);
        // The person who resubmits is the author of what is now there: they cannot accept it.
        return updateEvidence(context.evidence, d.evidenceId, ({ returnReason: _, link: __, ...e }) => ({
          ...e,
          summary: d.summary,
          ...(d.link ? { link: d.link } : {}),
          date: d.date,
          agencyId: event.actor.agencyId,
          submittedBy: event.actor.userId,
          submittedAt: event.at,
          status: 'submitted',
          resubmissions: e.resubmissions + 1,
        }));
      },
    }),
  },
}).createMachine({
  id: 'action',
  context: ({ input }) => initialActionContext(input),
  initial: 'draft',
  states: {
    draft: {
      on: {
        'action.agree': { target: 'agreed', guard: 'hasOwnerAndDueDate' },
        ...editing,
        ...leaving,
      },
    },
    agreed: {
      on: {
        'action.start': { target: 'inProgress' },
        'action.flag-risk': { target: 'atRisk', actions: 'keepReason' },
        ...editing,
        ...evidence,
        ...leaving,
      },
    },
    inProgress: {
      on: {
        'action.progress': { actions: 'recordProgress' },
        'action.flag-risk': { target: 'atRisk', actions: 'keepReason' },
        'action.complete': { target: 'completed', guard: 'hasAcceptedEvidence', actions: 'recordCompletion' },
        ...editing,
        ...evidence,
        ...leaving,
      },
    },
    atRisk: {
      on: {
        'action.progress': { actions: 'recordProgress' },
        'action.flag-risk': { actions: 'keepReason' },
        'action.clear-risk': { target: 'inProgress', actions: 'clearReason' },
        'action.complete': {
          target: 'completed',
          guard: 'hasAcceptedEvidence',
          actions: ['clearReason', 'recordCompletion'],
        },
        ...editing,
        ...evidence,
        ...leaving,
      },
    },
    completed: {
      on: {
        'action.verify': { target: 'verified', guard: 'verifierIsNotCompleter', actions: 'recordVerification' },
        'action.reopen': { target: 'inProgress', actions: ['keepReason', 'forgetCompletion'] },
        'action.review': { actions: 'recordReview' },
      },
    },
    verified: { type: 'final' },
    deferred: {
      on: {
        'action.resume': { target: 'agreed', actions: 'clearReason', guard: 'hasOwnerAndDueDate' },
        'action.withdraw': { target: 'withdrawn', actions: 'keepReason' },
        'action.owner.change': editing['action.owner.change'],
        'action.due-date.change': editing['action.due-date.change'],
        'action.review': editing['action.review'],
      },
    },
    withdrawn: { type: 'final' },
  },
});

export type ActionMachine = typeof actionMachine;
