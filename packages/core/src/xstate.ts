// @pledgeflow/core/xstate: the lifecycles (action, promise, meeting, recommendation) as XState v5 machines, for
// tools (xstate/graph, the Stately inspector) and for running them as actors. The tracker
// folds the same configurations without XState's runtime, so browser bundles that only use
// the tracker do not carry it.
export { actionMachine } from './machines/action.machine.js';
export type { ActionMachine } from './machines/action.machine.js';
export { promiseMachine } from './machines/promise.machine.js';
export type { PromiseMachine } from './machines/promise.machine.js';
export { meetingMachine } from './machines/meeting.machine.js';
export type { MeetingMachine } from './machines/meeting.machine.js';
export { recommendationMachine } from './machines/recommendation.machine.js';
export type { RecommendationMachine } from './machines/recommendation.machine.js';
