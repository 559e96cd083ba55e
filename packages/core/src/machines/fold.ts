import { createActor, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';

/**
 * Pure folding of events through a machine, fast enough to replay long logs.
 *
 * XState's `transition()` and `initialTransition()` build a fresh inert actor (and run the
 * machine's initial state) on every call: about 50 µs an event, most of a 100,000-event
 * replay. Our machines have no invoked or spawned actors and no side effects (only `assign`),
 * so one inert scope per machine can be shared by every call. This is the same scope
 * `transition()` makes, made once; the model-based tests check that the results match.
 */
interface InertScope {
  self: unknown;
  system: unknown;
  id: string;
  sessionId: string;
  defer: () => void;
  logger: () => void;
  stopChild: () => void;
  emit: () => void;
  actionExecutor: () => void;
}

const scopes = new WeakMap<AnyStateMachine, InertScope>();

function scopeFor(machine: AnyStateMachine, input: unknown): InertScope {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine, { input });
    const noop = () => {};
    scope = { self, system: self.system, id: '', sessionId: '', defer: noop, logger: noop, stopChild: noop, emit: noop, actionExecutor: noop };
    scopes.set(machine, scope);
  }
  return scope;
}

/** The machine's first snapshot for `input`. */
export function startSnapshot(machine: AnyStateMachine, input: unknown): AnyMachineSnapshot {
  return machine.getInitialSnapshot(scopeFor(machine, input) as never, input) as AnyMachineSnapshot;
}

/** The snapshot after `event`; the same object when the machine does not take the event. */
export function nextSnapshot(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: EventObject): AnyMachineSnapshot {
  return machine.transition(snapshot, event, scopeFor(machine, snapshot.context) as never) as AnyMachineSnapshot;
}
