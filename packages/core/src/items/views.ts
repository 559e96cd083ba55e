import type { ActionContext } from '../machines/action.context.js';
import type { MeetingContext } from '../machines/meeting.lifecycle.js';
import type { RecommendationContext } from '../machines/recommendation.lifecycle.js';
import type { ActionState, AnyItemState, MeetingState, PromiseState, RecommendationState } from '../machines/states.js';
import type { Judgement, PromiseContext } from '../machines/promise.lifecycle.js';
import type { ActionItem, Meeting, PledgePromise, Recommendation } from '../schema/plan.js';

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

/** A board meeting as it stands: its date (moved, if it was rescheduled), attendance, reports, questions, decisions. */
export interface MeetingView extends Omit<Meeting, 'date' | 'reports' | 'title'>, Omit<MeetingContext, 'id'> {
  kind: 'meeting';
  /** Its own title, or "Board meeting, 12 March 2027". */
  title: string;
  state: MeetingState;
  updatedAt?: string;
  eventCount: number;
}

/** A scrutiny recommendation as it stands: the executive's response, delivery, sign-off. */
export interface RecommendationView extends Omit<Recommendation, 'owner' | 'madeOn'>, Omit<RecommendationContext, 'id'> {
  kind: 'recommendation';
  state: RecommendationState;
  updatedAt?: string;
  eventCount: number;
}

export type ItemView = ActionView | PromiseView | MeetingView | RecommendationView;

/** Plain words for each state, for people and for screen readers. */
export const STATE_LABELS: Record<AnyItemState, string> = {
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
  planned: 'Planned',
  papersOut: 'Papers sent',
  held: 'Held',
  minutesPublished: 'Minutes published',
  cancelled: 'Cancelled',
  made: 'Awaiting response',
  accepted: 'Accepted',
  partlyAccepted: 'Partly accepted',
  rejected: 'Rejected',
  implemented: 'Implemented',
  signedOff: 'Signed off',
  reopened: 'Reopened',
};

/** States in which an action no longer needs work (it is not overdue, whatever its date). */
export const CLOSED_ACTION_STATES: readonly ActionState[] = ['completed', 'verified', 'deferred', 'withdrawn'];

/** The state an item's lifecycle snapshot is in, as views name it (a promise's judgement when it has one). */
export function stateOf(snapshot: { value: unknown }): AnyItemState {
  const value = snapshot.value as string | Record<string, string>;
  if (typeof value === 'string') return value as AnyItemState;
  const [parent, child] = Object.entries(value)[0]!;
  return (child === 'unjudged' ? parent : child) as AnyItemState;
}

/** True when an action still needs work: not completed, verified, deferred or withdrawn. */
export function isOpen(action: Pick<ActionView, 'state'>): boolean {
  return !CLOSED_ACTION_STATES.includes(action.state);
}
