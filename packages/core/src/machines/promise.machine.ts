import { assign, setup } from 'xstate';
import type { PledgePromise } from '../schema/plan.js';
import { promiseGuards, promiseLifecycleConfig, promiseUpdates, type Judgement, type PromiseContext, type PromiseEvent } from './promise.lifecycle.js';

type Args = { context: PromiseContext; event: PromiseEvent };
const update = (name: keyof typeof promiseUpdates) =>
  assign<PromiseContext, PromiseEvent, undefined, PromiseEvent, never>(({ context, event }: Args) => promiseUpdates[name](context, event));

/**
 * A promise as an XState v5 machine: the lifecycle in `promise.lifecycle.ts`, with its named
 * guards and actions. The tracker folds the same configuration without XState's runtime.
 */
export const promiseMachine = setup({
  types: {
    context: {} as PromiseContext,
    events: {} as PromiseEvent,
    input: {} as PledgePromise,
  },
  guards: {
    judgementIs: ({ context, event }: Args, params: { value: Judgement }) => promiseGuards.judgementIs(context, event, params),
    ownerChanges: ({ context, event }: Args) => promiseGuards.ownerChanges(context, event),
  },
  actions: {
    recordJudgement: update('recordJudgement'),
    recordReview: update('recordReview'),
    setOwner: update('setOwner'),
    retire: update('retire'),
    restore: update('restore'),
  },
}).createMachine(promiseLifecycleConfig);

export type PromiseMachine = typeof promiseMachine;
