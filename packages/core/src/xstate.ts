// @pledgeflow/core/xstate: the action and promise lifecycles as XState v5 machines, for
// tools (xstate/graph, the Stately inspector) and for running them as actors. The tracker
// folds the same configurations without XState's runtime, so browser bundles that only use
// the tracker do not carry it.
export { actionMachine } from './machines/action.machine.js';
export type { ActionMachine } from './machines/action.machine.js';
export { promiseMachine } from './machines/promise.machine.js';
export type { PromiseMachine } from './machines/promise.machine.js';
