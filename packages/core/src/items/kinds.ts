import { actionChecks } from '../machines/action.guards.js';
import { ACTION_MACHINE_VERSION, actionLifecycle } from '../machines/action.lifecycle.js';
import type { Lifecycle } from '../machines/lifecycle.js';
import { MEETING_MACHINE_VERSION, meetingChecks, meetingLifecycle } from '../machines/meeting.lifecycle.js';
import { PROMISE_MACHINE_VERSION, promiseChecks, promiseLifecycle } from '../machines/promise.lifecycle.js';
import { RECOMMENDATION_MACHINE_VERSION, recommendationChecks, recommendationLifecycle } from '../machines/recommendation.lifecycle.js';
import type { PledgeEvent } from '../schema/events.js';
import type { ActionItem, Meeting, PledgePromise, Recommendation } from '../schema/plan.js';
import { itemTitle } from '../schema/titles.js';

export { meetingTitle } from '../schema/titles.js';

export type ItemKind = 'action' | 'promise' | 'meeting' | 'recommendation';
export type PlanItem = ActionItem | PledgePromise | Meeting | Recommendation;

/** Everything the engine needs to know about one kind of item, in one place. */
export interface ItemKindDescriptor {
  readonly kind: ItemKind;
  /** The prefix of the event types that apply to it (`action.agree` to an action). */
  readonly prefix: `${ItemKind}.`;
  /** How people refer to one: "an action", "a promise". */
  readonly named: string;
  /** How one item of this kind is named in messages (its title; a meeting's date when it has none). */
  readonly title: (item: PlanItem) => string;
  readonly lifecycle: Lifecycle<unknown, PledgeEvent, unknown>;
  /** Stored snapshots made by another version are rebuilt from events. */
  readonly version: number;
  /** The lifecycle's guards as reasons a person can read: see `explainRefusal`. */
  readonly checks: Readonly<Record<string, (context: unknown, event: PledgeEvent) => string | undefined>>;
}

type Loose<T> = T extends Lifecycle<infer _C, infer _E, infer _I> ? ItemKindDescriptor['lifecycle'] : never;

export const ITEM_KINDS: Readonly<Record<ItemKind, ItemKindDescriptor>> = {
  action: {
    kind: 'action',
    prefix: 'action.',
    named: 'an action',
    title: (item) => itemTitle('action', item),
    lifecycle: actionLifecycle as unknown as Loose<typeof actionLifecycle>,
    version: ACTION_MACHINE_VERSION,
    checks: actionChecks as unknown as ItemKindDescriptor['checks'],
  },
  promise: {
    kind: 'promise',
    prefix: 'promise.',
    named: 'a promise',
    title: (item) => itemTitle('promise', item),
    lifecycle: promiseLifecycle as unknown as Loose<typeof promiseLifecycle>,
    version: PROMISE_MACHINE_VERSION,
    checks: promiseChecks as unknown as ItemKindDescriptor['checks'],
  },
  meeting: {
    kind: 'meeting',
    prefix: 'meeting.',
    named: 'a board meeting',
    title: (item) => itemTitle('meeting', item),
    lifecycle: meetingLifecycle as unknown as Loose<typeof meetingLifecycle>,
    version: MEETING_MACHINE_VERSION,
    checks: meetingChecks as unknown as ItemKindDescriptor['checks'],
  },
  recommendation: {
    kind: 'recommendation',
    prefix: 'recommendation.',
    named: 'a scrutiny recommendation',
    title: (item) => itemTitle('recommendation', item),
    lifecycle: recommendationLifecycle as unknown as Loose<typeof recommendationLifecycle>,
    version: RECOMMENDATION_MACHINE_VERSION,
    checks: recommendationChecks as unknown as ItemKindDescriptor['checks'],
  },
};
