import type { ActionContext } from '../machines/action.context.js';
import type { ActionState, PromiseState } from '../machines/states.js';
import type { Judgement, PromiseContext } from '../machines/promise.lifecycle.js';
import type { ActionItem, PledgePromise } from '../schema/plan.js';

/** An action-plan item as it stands: what the plan says, with what events made of it. */
export interface ActionView extends Omit<ActionItem, 'owner' | 'dueDate' | 'reviewDate'>, Omit<ActionContext, 'id'> {
  kind: 'action';
  state: ActionState;
  /** When the last event on this item happened, if any. */
  updatedAt?: string;
  /** How many events this item has had. */
  eventCount: number;
}

/** A promise as it stands. */
export interface PromiseView extends Omit<PledgePromise, 'owner' | 'reviewDate'>, Omit<PromiseContext, 'id' | 'judgement'> {
  kind: 'promise';
  state: PromiseState;
  judgement?: { value: Judgement; reason?: string; at: string; by: string };
  updatedAt?: string;
  eventCount: number;
}

export type ItemView = ActionView | PromiseView;

/** Plain words for each state, for people and for screen readers. */
export const STATE_LABELS: Record<ActionState | PromiseState, string> = {
  draft: 'Draft',
  agreed: 'Agreed',
  inProgress: 'In progress',
  atRisk: 'At risk',
  completed: 'Completed',
  verified: 'Verified',
  deferred: 'Deferred',
  withdrawn: 'Withdrawn',
  drafted: 'Drafted',
  adopted: 'Adopted',
  onTrack: 'On track',
  kept: 'Kept',
  notKept: 'Not kept',
  retired: 'Retired',
};

/** States in which an action no longer needs work (it is not overdue, whatever its date). */
export const CLOSED_ACTION_STATES: readonly ActionState[] = ['completed', 'verified', 'deferred', 'withdrawn'];

/** The state an item's lifecycle snapshot is in, as views name it (a promise's judgement when it has one). */
export function stateOf(snapshot: { value: unknown }): ActionState | PromiseState {
  const value = snapshot.value as string | Record<string, string>;
  if (typeof value === 'string') return value as ActionState | PromiseState;
  const [parent, child] = Object.entries(value)[0]!;
  return (child === 'unjudged' ? parent : child) as ActionState | PromiseState;
}

/** True when an action still needs work: not completed, verified, deferred or withdrawn. */
export function isOpen(action: Pick<ActionView, 'state'>): boolean {
  return !CLOSED_ACTION_STATES.includes(action.state);
}
