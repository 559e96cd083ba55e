import { actionChecks } from '../machines/action.guards.js';
import { ACTION_MACHINE_VERSION, actionLifecycle } from '../machines/action.lifecycle.js';
import type { Lifecycle } from '../machines/lifecycle.js';
import { PROMISE_MACHINE_VERSION, promiseChecks, promiseLifecycle } from '../machines/promise.lifecycle.js';
import type { PledgeEvent } from '../schema/events.js';
import type { ActionItem, PledgePromise } from '../schema/plan.js';

export type ItemKind = 'action' | 'promise';
export type PlanItem = ActionItem | PledgePromise;

/** Everything the engine needs to know about one kind of item, in one place. */
export interface ItemKindDescriptor {
  readonly kind: ItemKind;
  /** The prefix of the event types that apply to it (`action.agree` to an action). */
  readonly prefix: `${ItemKind}.`;
  /** How people refer to one: "an action", "a promise". */
  readonly named: string;
  readonly lifecycle: Lifecycle<unknown, PledgeEvent, unknown>;
  /** Stored snapshots made by another version are rebuilt from events. */
  readonly version: number;
  /** The lifecycle's guards as reasons a person can read: see `explainRefusal`. */
  readonly checks: Readonly<Record<string, (context: unknown, event: PledgeEvent) => string | undefined>>;
}

export const ITEM_KINDS: Readonly<Record<ItemKind, ItemKindDescriptor>> = {
  action: {
    kind: 'action',
    prefix: 'action.',
    named: 'an action',
    lifecycle: actionLifecycle as unknown as ItemKindDescriptor['lifecycle'],
    version: ACTION_MACHINE_VERSION,
    checks: actionChecks as unknown as ItemKindDescriptor['checks'],
  },
  promise: {
    kind: 'promise',
    prefix: 'promise.',
    named: 'a promise',
    lifecycle: promiseLifecycle as unknown as ItemKindDescriptor['lifecycle'],
    version: PROMISE_MACHINE_VERSION,
    checks: promiseChecks as unknown as ItemKindDescriptor['checks'],
  },
};
