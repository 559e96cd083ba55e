import type { EventType } from '../schema/event-fields.js';
import type { PledgeEvent } from '../schema/events.js';
import { isEvent, type EventOf } from '../schema/is-event.js';

type Params = Readonly<Record<string, unknown>>;

const READS = new WeakMap<object, readonly EventType[]>();

/**
 * A named guard or update that reads the data of `steps`, with its event typed as one of
 * them. The lifecycle configurations send it only those steps (a test walks them to check),
 * so `otherwise`, for any other event, is never used.
 */
export function forSteps<C, T extends EventType, R>(
  steps: T | readonly T[],
  read: (context: C, event: EventOf<T>, params?: Params) => R,
  otherwise: R,
): (context: C, event: PledgeEvent, params?: Params) => R {
  const named = (context: C, event: PledgeEvent, params?: Params) => (isEvent(event, steps) ? read(context, event, params) : otherwise);
  READS.set(named, typeof steps === 'string' ? [steps] : steps);
  return named;
}

/** The steps whose data a guard or update made by `forSteps` reads; undefined for one made otherwise. */
export const stepsRead = (named: object): readonly EventType[] | undefined => READS.get(named);
