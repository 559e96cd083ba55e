import type { EventType } from './event-fields.js';
import type { PledgeEvent } from './events.js';

/** The event of step `T` (or of one of `T`), with its `data` typed as that step's: `PledgeEvent<T>`, in a form generic code can narrow to. */
export type EventOf<T extends EventType> = Extract<PledgeEvent, { type: T }>;

/** Whether `event` is a step of type `type` (or of one of `type`); if so, its `data` is typed as that step's. */
export function isEvent<T extends EventType>(event: PledgeEvent, type: T | readonly T[]): event is EventOf<T> {
  return typeof type === 'string' ? event.type === type : (type as readonly EventType[]).includes(event.type);
}
