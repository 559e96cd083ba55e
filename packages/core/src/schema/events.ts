import * as z from 'zod/mini';
import { CalendarDate, HttpsLink, Id, Instant, text } from './primitives.js';
import { RoleSchema } from './roles.js';

/** Who did something: the signed-in person as the host page knows them. */
export const ActorSchema = z.object({
  userId: Id,
  agencyId: Id,
  role: RoleSchema,
});
export type Actor = z.infer<typeof ActorSchema>;

const reason = text(1000);
const note = z.optional(text(2000));
const empty = z.strictObject({});

/** Every event type with the schema of its `data`. The single list the rest derives from. */
export const EVENT_DATA = {
  // Action-plan items
  'action.agree': z.strictObject({ note }),
  'action.start': z.strictObject({ note }),
  'action.progress': z.strictObject({ note: text(2000) }),
  'action.flag-risk': z.strictObject({ reason }),
  'action.clear-risk': z.strictObject({ note }),
  'action.complete': z.strictObject({ note }),
  'action.verify': z.strictObject({ note }),
  'action.reopen': z.strictObject({ reason }),
  'action.defer': z.strictObject({ reason, until: z.optional(CalendarDate) }),
  'action.resume': z.strictObject({ note }),
  'action.withdraw': z.strictObject({ reason }),
  'action.review': z.strictObject({ note, nextReviewDate: z.optional(CalendarDate) }),
  'action.owner.change': z.strictObject({ owner: Id, note }),
  'action.due-date.change': z.strictObject({ dueDate: CalendarDate, reason }),
  'action.evidence.add': z.strictObject({
    evidenceId: Id,
    summary: text(2000),
    link: z.optional(HttpsLink),
    date: CalendarDate,
  }),
  'action.evidence.accept': z.strictObject({ evidenceId: Id, note }),
  'action.evidence.return': z.strictObject({ evidenceId: Id, reason }),
  'action.evidence.resubmit': z.strictObject({
    evidenceId: Id,
    summary: text(2000),
    link: z.optional(HttpsLink),
    date: CalendarDate,
  }),
  // Promises
  'promise.adopt': z.strictObject({ note }),
  'promise.judge': z.strictObject({
    judgement: z.enum(['on-track', 'at-risk', 'kept', 'not-kept'], {
      error: 'expected a judgement: on-track, at-risk, kept or not-kept',
    }),
    reason: z.optional(reason),
  }).check(
    z.refine((d) => !((d.judgement === 'at-risk' || d.judgement === 'not-kept') && !d.reason), {
      message: 'saying a promise is at risk or not kept needs a reason, so that the children and the panel know why',
      path: ['reason'],
    }),
  ),
  'promise.review': z.strictObject({ note, nextReviewDate: z.optional(CalendarDate) }),
  'promise.owner.change': z.strictObject({ owner: Id, note }),
  'promise.retire': z.strictObject({ reason }),
  'promise.restore': empty,
} as const;

export type EventType = keyof typeof EVENT_DATA;
export const EVENT_TYPES = Object.keys(EVENT_DATA) as EventType[];
export type EventData<T extends EventType> = z.infer<(typeof EVENT_DATA)[T]>;
export type ActionEventType = Extract<EventType, `action.${string}`>;
export type PromiseEventType = Extract<EventType, `promise.${string}`>;

/** The envelope every event shares; `data` is checked against its type's schema. */
export const EventEnvelopeSchema = z.object({
  /** Made by the client, unique and sortable; the idempotency key. */
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{6,64}$/, 'expected an event id of 6 to 64 letters, digits, "_" or "-"')),
  /** The promise or action item the event belongs to. */
  stream: Id,
  type: z.enum(EVENT_TYPES as [EventType, ...EventType[]], { error: 'expected a known event type' }),
  data: z._default(z.record(z.string(), z.unknown()), {}),
  actor: ActorSchema,
  at: Instant,
  /** Order given by a sync server once it accepted the event. */
  seq: z.optional(z.int().check(z.minimum(0))),
});

/** A validated event. `data` matches the schema of its `type`. */
export type PledgeEvent<T extends EventType = EventType> = {
  [K in T]: {
    id: string;
    stream: string;
    type: K;
    data: EventData<K>;
    actor: Actor;
    at: string;
    seq?: number;
  };
}[T];

/** What a caller hands to `send()`: `data` may be left out for steps that need none. */
export type EventInput<T extends EventType = EventType> = {
  [K in T]: Omit<PledgeEvent<K>, 'data'> & { data?: z.input<(typeof EVENT_DATA)[K]> };
}[T];
