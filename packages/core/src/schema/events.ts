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

export const JUDGEMENTS = ['on-track', 'at-risk', 'kept', 'not-kept'] as const;

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
} as const;

/** Limits of the text kinds, for checks that do not go through zod. */
export const FIELD_TEXT_LIMITS = { reason: 1000, text: 2000 } as const;

export type FieldKind = keyof typeof FIELD_SCHEMAS;
/** A field's kind, with `?` when it may be left out. */
export type FieldSpec = FieldKind | `${FieldKind}?`;

/**
 * Every event type with the fields of its `data`: the single list the rest derives from
 * (the zod schemas below, the quick check of stored events, the fields a step needs).
 */
export const EVENT_FIELDS = {
  // Action-plan items
  'action.agree': { note: 'text?' },
  'action.start': { note: 'text?' },
  'action.progress': { note: 'text' },
  'action.flag-risk': { reason: 'reason' },
  'action.clear-risk': { note: 'text?' },
  'action.complete': { note: 'text?' },
  'action.verify': { note: 'text?' },
  'action.reopen': { reason: 'reason' },
  'action.defer': { reason: 'reason', until: 'date?' },
  'action.resume': { note: 'text?' },
  'action.withdraw': { reason: 'reason' },
  'action.review': { note: 'text?', nextReviewDate: 'date?' },
  'action.owner.change': { owner: 'id', note: 'text?' },
  'action.due-date.change': { dueDate: 'date', reason: 'reason' },
  'action.evidence.add': { evidenceId: 'id', summary: 'text', link: 'link?', date: 'date' },
  'action.evidence.accept': { evidenceId: 'id', note: 'text?' },
  'action.evidence.return': { evidenceId: 'id', reason: 'reason' },
  'action.evidence.resubmit': { evidenceId: 'id', summary: 'text', link: 'link?', date: 'date' },
  // Promises
  'promise.adopt': { note: 'text?' },
  'promise.judge': { judgement: 'judgement', reason: 'reason?' },
  'promise.review': { note: 'text?', nextReviewDate: 'date?' },
  'promise.owner.change': { owner: 'id', note: 'text?' },
  'promise.retire': { reason: 'reason' },
  'promise.restore': {},
} as const satisfies Record<string, Record<string, FieldSpec>>;

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

/** Rules across the fields of one event's data, beyond each field's own kind. */
export const DATA_RULES: Partial<Record<keyof typeof EVENT_FIELDS, { holds: (data: Record<string, unknown>) => boolean; message: string; path: string }>> = {
  'promise.judge': {
    holds: (d) => !((d['judgement'] === 'at-risk' || d['judgement'] === 'not-kept') && !d['reason']),
    message: 'saying a promise is at risk or not kept needs a reason, so that the children and the panel know why',
    path: 'reason',
  },
};

/** Every event type with the zod schema of its `data`, made from `EVENT_FIELDS` and `DATA_RULES`. */
export const EVENT_DATA = Object.fromEntries(
  Object.entries(EVENT_FIELDS).map(([type, fields]) => {
    const schema = dataSchema(fields);
    const rule = DATA_RULES[type as keyof typeof EVENT_FIELDS];
    return [type, rule ? schema.check(z.refine((d) => rule.holds(d as Record<string, unknown>), { message: rule.message, path: [rule.path] })) : schema];
  }),
) as DataSchemas;

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
