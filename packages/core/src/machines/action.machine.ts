import { assign, setup } from 'xstate';
import type { ActionItem } from '../schema/plan.js';
import type { ActionContext } from './action.context.js';
import { actionChecks } from './action.guards.js';
import { actionLifecycleConfig, actionUpdates, type ActionEvent } from './action.lifecycle.js';

type Args = { context: ActionContext; event: ActionEvent };
const guard = (name: keyof typeof actionChecks) => ({ context, event }: Args) => !actionChecks[name](context, event);
const update = (name: keyof typeof actionUpdates) =>
  assign<ActionContext, ActionEvent, undefined, ActionEvent, never>(({ context, event }: Args) => actionUpdates[name](context, event));

/**
 * One action-plan item as an XState v5 machine: the lifecycle in `action.lifecycle.ts`, with
 * its named guards and actions. The tracker folds the same configuration without XState's
 * runtime; this machine is for tools (xstate/graph, the Stately inspector, actors) and is
 * checked against the tracker's fold in the tests.
 */
export const actionMachine = setup({
  types: {
    context: {} as ActionContext,
    events: {} as ActionEvent,
    input: {} as ActionItem,
  },
  guards: {
    hasOwnerAndDueDate: guard('hasOwnerAndDueDate'),
    hasAcceptedEvidence: guard('hasAcceptedEvidence'),
    verifierIsNotCompleter: guard('verifierIsNotCompleter'),
    evidenceIdIsNew: guard('evidenceIdIsNew'),
    evidenceIsSubmitted: guard('evidenceIsSubmitted'),
    evidenceIsReturned: guard('evidenceIsReturned'),
    dueDateChanges: guard('dueDateChanges'),
    ownerChanges: guard('ownerChanges'),
  },
  actions: {
    setOwner: update('setOwner'),
    moveDueDate: update('moveDueDate'),
    recordReview: update('recordReview'),
    recordProgress: update('recordProgress'),
    keepReason: update('keepReason'),
    clearReason: update('clearReason'),
    deferItem: update('deferItem'),
    recordCompletion: update('recordCompletion'),
    recordVerification: update('recordVerification'),
    forgetCompletion: update('forgetCompletion'),
    addEvidence: update('addEvidence'),
    acceptEvidence: update('acceptEvidence'),
    returnEvidence: update('returnEvidence'),
    resubmitEvidence: update('resubmitEvidence'),
  },
}).createMachine(actionLifecycleConfig);

export type ActionMachine = typeof actionMachine;
