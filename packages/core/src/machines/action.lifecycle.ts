import { addDays, londonDate } from '../calendar/dates.js';
import type { ActionEventType, PledgeEvent } from '../schema/events.js';
import type { EventOf } from '../schema/is-event.js';
import type { ActionItem } from '../schema/plan.js';
import { initialActionContext, type ActionContext, type Evidence } from './action.context.js';
import { actionChecks, type ActionGuard } from './action.guards.js';
import { forSteps } from './for-steps.js';
import type { Lifecycle } from './lifecycle.js';

/**
 * Bump when the machine, or the checks every event passes, change in a way that makes
 * stored snapshots stale. 2: actors checked against the plan's people, times against the
 * plan's period, every stored event read in full (snapshots made before were made without).
 */
export const ACTION_MACHINE_VERSION = 2;

export type ActionEvent = PledgeEvent<ActionEventType>;

const NO_CHANGE: Partial<ActionContext> = {};

/** An update that reads the data of `steps`, with its event typed as one of them. */
const reading = <T extends ActionEventType>(
  steps: T | readonly T[],
  update: (context: ActionContext, event: EventOf<T>) => Partial<ActionContext>,
) => forSteps(steps, update, NO_CHANGE);

const updateEvidence = (list: Evidence[], id: string, change: (e: Evidence) => Evidence) =>
  list.map((e) => (e.id === id ? change(e) : e));

/** `e` without its return reason; `e` itself when it has none (copying with `...rest` is slow, and a replay accepts thousands). */
function withoutReturnReason(e: Evidence): Evidence {
  if (!Object.hasOwn(e, 'returnReason')) return e;
  const { returnReason: _, ...rest } = e;
  return rest;
}

/** What each named action of the machine does to the item: an `assign` in the XState machine. */
export const actionUpdates = {
  setOwner: reading('action.owner.change', (_c, event) => ({ owner: event.data.owner })),
  moveDueDate: reading('action.due-date.change', (context, event) => {
    const { dueDate, reason } = event.data;
    const change = { ...(context.dueDate ? { from: context.dueDate } : {}), to: dueDate, reason, at: event.at, by: event.actor.userId };
    return { dueDate, dueDateChanges: [...context.dueDateChanges, change] };
  }),
  recordReview: reading('action.review', (context, event) => {
    const on = londonDate(event.at);
    const next = event.data.nextReviewDate ?? addDays(on, context.reviewIntervalDays);
    return { lastReviewedOn: on, reviewDate: next };
  }),
  recordProgress: reading('action.progress', (_c, event) => ({ lastProgress: { note: event.data.note, at: event.at, by: event.actor.userId } })),
  keepReason: reading(['action.flag-risk', 'action.reopen', 'action.withdraw'], (_c, event) => ({ reason: event.data.reason })),
  clearReason: () => ({ reason: undefined, deferredUntil: undefined }),
  deferItem: reading('action.defer', (_c, event) => {
    const { reason, until } = event.data;
    return { reason, deferredUntil: until };
  }),
  recordCompletion: (_c, event) => ({ completedBy: event.actor.userId, completedAt: event.at }),
  recordVerification: (_c, event) => ({ verifiedBy: event.actor.userId, verifiedAt: event.at }),
  forgetCompletion: () => ({ completedBy: undefined, completedAt: undefined }),
  addEvidence: reading('action.evidence.add', (context, event) => {
    const d = event.data;
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
    return { evidence: [...context.evidence, item] };
  }),
  acceptEvidence: reading('action.evidence.accept', (context, event) => ({
    evidence: updateEvidence(context.evidence, event.data.evidenceId, (e) => ({
      ...withoutReturnReason(e),
      status: 'accepted',
      reviewedBy: event.actor.userId,
      reviewedAt: event.at,
    })),
  })),
  returnEvidence: reading('action.evidence.return', (context, event) => {
    const { evidenceId, reason } = event.data;
    return {
      evidence: updateEvidence(context.evidence, evidenceId, (e) => ({
        ...e,
        status: 'returned',
        returnReason: reason,
        reviewedBy: event.actor.userId,
        reviewedAt: event.at,
      })),
    };
  }),
  resubmitEvidence: reading('action.evidence.resubmit', (context, event) => {
    const d = event.data;
    // The person who resubmits is the author of what is now there: they cannot accept it.
    return {
      evidence: updateEvidence(context.evidence, d.evidenceId, ({ returnReason: _, link: __, ...e }) => ({
        ...e,
        summary: d.summary,
        ...(d.link ? { link: d.link } : {}),
        date: d.date,
        agencyId: event.actor.agencyId,
        submittedBy: event.actor.userId,
        submittedAt: event.at,
        status: 'submitted',
        resubmissions: e.resubmissions + 1,
      })),
    };
  }),
} satisfies Record<string, (context: ActionContext, event: ActionEvent) => Partial<ActionContext>>;

export type ActionUpdate = keyof typeof actionUpdates;

type On = Record<string, { target?: string; guard?: ActionGuard; actions?: ActionUpdate | ActionUpdate[] }>;

/** Steps that change an item's details, allowed while the item is open. */
const editing = {
  'action.owner.change': { guard: 'ownerChanges', actions: 'setOwner' },
  'action.due-date.change': { guard: 'dueDateChanges', actions: 'moveDueDate' },
  'action.review': { actions: 'recordReview' },
} satisfies On;

/** Evidence handling, allowed from agreement until the item is completed. */
const evidence = {
  'action.evidence.add': { guard: 'evidenceIdIsNew', actions: 'addEvidence' },
  'action.evidence.accept': { guard: 'evidenceIsSubmitted', actions: 'acceptEvidence' },
  'action.evidence.return': { guard: 'evidenceIsSubmitted', actions: 'returnEvidence' },
  'action.evidence.resubmit': { guard: 'evidenceIsReturned', actions: 'resubmitEvidence' },
} satisfies On;

const leaving = {
  'action.defer': { target: '#action.deferred', actions: 'deferItem' },
  'action.withdraw': { target: '#action.withdrawn', actions: 'keepReason' },
} satisfies On;

/**
 * The lifecycle of one action-plan item: the configuration of the XState machine
 * (`actionMachine`, in `@pledgeflow/core/xstate`), which the tracker folds directly.
 * No timers, no clock: time comes in as each event's `at`.
 */
export const actionLifecycleConfig = {
  id: 'action',
  context: ({ input }: { input: ActionItem }) => initialActionContext(input),
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
        'action.complete': { target: 'completed', guard: 'hasAcceptedEvidence', actions: ['clearReason', 'recordCompletion'] },
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
        ...editing,
      },
    },
    withdrawn: { type: 'final' },
  },
} as const satisfies { states: Record<string, { type?: 'final'; on?: On }> } & Record<string, unknown>;

/** The action lifecycle with its named guards (from `actionChecks`: allowed when the check finds nothing) and updates. */
export const actionLifecycle: Lifecycle<ActionContext, ActionEvent, ActionItem> = {
  config: actionLifecycleConfig,
  implementations: {
    guards: Object.fromEntries(Object.entries(actionChecks).map(([name, check]) => [name, (c: ActionContext, e: ActionEvent) => !check(c, e)])),
    updates: actionUpdates,
  },
};
