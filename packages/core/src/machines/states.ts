// The states of the machines, kept apart from the machines so that code that only needs
// their names (a filter, a label) does not pull XState into a bundle.

export const ACTION_STATES = [
  'draft',
  'agreed',
  'inProgress',
  'atRisk',
  'completed',
  'verified',
  'deferred',
  'withdrawn',
] as const;
export type ActionState = (typeof ACTION_STATES)[number];

/** The states a promise can be in, flattened (`adopted.onTrack` is `onTrack`). */
export const PROMISE_STATES = ['drafted', 'adopted', 'onTrack', 'atRisk', 'kept', 'notKept', 'retired'] as const;
export type PromiseState = (typeof PROMISE_STATES)[number];

/** The states a board meeting can be in. */
export const MEETING_STATES = ['planned', 'papersOut', 'held', 'minutesPublished', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

/** The states a scrutiny recommendation can be in. */
export const RECOMMENDATION_STATES = [
  'made',
  'accepted',
  'partlyAccepted',
  'rejected',
  'inProgress',
  'implemented',
  'signedOff',
  'reopened',
] as const;
export type RecommendationState = (typeof RECOMMENDATION_STATES)[number];

/** Every state of every kind of item, as views name them. */
export type AnyItemState = ActionState | PromiseState | MeetingState | RecommendationState;
