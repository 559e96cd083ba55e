import * as z from 'zod/mini';
import { CalendarDate, HttpsLink, Id, Instant, text } from './primitives.js';
import { RoleSchema } from './roles.js';
import { DATA_RULES, EVENT_FIELDS, EVENT_TYPES, JUDGEMENTS, RESPONSES, type EventType, type FieldKind, type FieldSpec } from './event-fields.js';

export { DATA_RULES, EVENT_FIELDS, EVENT_TYPES, FIELD_TEXT_LIMITS, JUDGEMENTS, RESPONSES } from './event-fields.js';
export type { ActionEventType, EventType, FieldKind, FieldSpec, MeetingEventType, PromiseEventType, RecommendationEventType } from './event-fields.js';

/** Who did something: the signed-in person as the host page knows them. */
export const ActorSchema = z.object({
  userId: Id,
  agencyId: Id,
  role: RoleSchema,
});
export type Actor = z.infer<typeof ActorSchema>;

/** The kinds of field event data is made of, each with its schema. */
const FIELD_SCHEMAS = {
  /** An id of something in the plan or the item (a person, a piece of evidence). */
  id: Id,
  date: CalendarDate,
  /** Why: a short text a person writes. */
  reason: text(1000),
  /** A note, an update or a summary of evidence. */
  text: text(2000),
  link: HttpsLink,
  judgement: z.enum(JUDGEMENTS, { error: 'expected a judgement: on-track, at-risk, kept or not-kept' }),
  response: z.enum(RESPONSES, { error: 'expected a response: accepted, partly-accepted or rejected' }),
} as const satisfies Record<FieldKind, z.ZodMiniType>;

type Schemas = typeof FIELD_SCHEMAS;
type ShapeOf<S> = {
  -readonly [K in keyof S]: S[K] extends `${infer B extends FieldKind}?` ? z.ZodMiniOptional<Schemas[B]> : S[K] extends FieldKind ? Schemas[S[K]] : never;
};

function dataSchema<S extends Record<string, FieldSpec>>(fields: S): z.ZodMiniObject<ShapeOf<S>, z.core.$strict> {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [name, spec] of Object.entries(fields)) {
    shape[name] = spec.endsWith('?') ? z.optional(FIELD_SCHEMAS[spec.slice(0, -1) as FieldKind]) : FIELD_SCHEMAS[spec as FieldKind];
  }
  return z.strictObject(shape) as unknown as z.ZodMiniObject<ShapeOf<S>, z.core.$strict>;
}

type DataSchemas = { [T in keyof typeof EVENT_FIELDS]: z.ZodMiniObject<ShapeOf<(typeof EVENT_FIELDS)[T]>, z.core.$strict> };

/** Every event type with the zod schema of its `data`, made from `EVENT_FIELDS` and `DATA_RULES`. */
export const EVENT_DATA = Object.fromEntries(
  Object.entries(EVENT_FIELDS).map(([type, fields]) => {
    const schema = dataSchema(fields);
    const rule = DATA_RULES[type as keyof typeof EVENT_FIELDS];
    return [type, rule ? schema.check(z.refine((d) => rule.holds(d as Record<string, unknown>), { message: rule.message, path: [rule.path] })) : schema];
  }),
) as DataSchemas;

export type EventData<T extends EventType> = z.infer<(typeof EVENT_DATA)[T]>;

/** The envelope every event shares; `data` is checked against its type's schema. */
export const EventEnvelopeSchema = z.object({
  /** Made by the client, unique and sortable; the idempotency key. */
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{6,64}$/, 'expected an event id of 6 to 64 letters, digits, "_" or "-"')),
  /** The item (promise, action, meeting or recommendation) the event belongs to. */
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
