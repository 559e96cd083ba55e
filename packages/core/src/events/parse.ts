import {
  DATA_RULES, EVENT_DATA, EVENT_FIELDS, EventEnvelopeSchema, FIELD_TEXT_LIMITS, JUDGEMENTS, RESPONSES, type EventType, type FieldKind, type PledgeEvent,
} from '../schema/events.js';
import { canonicalInstant, hasVisibleText, isCanonicalInstant, isPlanDate, isSafeLink } from '../schema/checks.js';
import { formatProblem, problemsFromZod } from '../schema/issues.js';
import { ROLE_LABELS } from '../schema/roles.js';

export type ParsedEvent = { ok: true; event: PledgeEvent } | { ok: false; reasons: string[] };

/** Checks an event's envelope and its data against its type's schema; returns the event with defaults filled in and `at` in its one form. */
export function parseEvent(input: unknown): ParsedEvent {
  const envelope = EventEnvelopeSchema.safeParse(input, { reportInput: true });
  if (!envelope.success) return { ok: false, reasons: problemsFromZod(envelope.error).map(formatProblem) };
  const schema = EVENT_DATA[envelope.data.type];
  const data = schema.safeParse(envelope.data.data, { reportInput: true });
  if (!data.success) return { ok: false, reasons: problemsFromZod(data.error, ['data']).map(formatProblem) };
  // One form for `at` (UTC, ms, Z), so that every copy of an event orders the same way.
  return { ok: true, event: { ...envelope.data, at: canonicalInstant(envelope.data.at), data: data.data } as PledgeEvent };
}

/**
 * Reads an event from anywhere (a log, a store, another tab, a server) in full. An event
 * already in the form `parseEvent` gives back is recognised by plain checks and returned
 * as it is, since a full parse of a long log costs more than folding it; anything else
 * goes through `parseEvent`, for its reasons or its normalised form.
 */
export function readEvent(input: unknown): ParsedEvent {
  return isParsedEvent(input) ? { ok: true, event: input } : parseEvent(input);
}

// Compared as text, not looked up in a set: every key of every event loaded is checked.
const isEnvelopeKey = (key: string) =>
  key === 'id' || key === 'stream' || key === 'type' || key === 'data' || key === 'actor' || key === 'at' || key === 'seq';
const EVENT_ID = /^[A-Za-z0-9_-]{6,64}$/;

/** `ID` without a regular expression: every event has three ids (item, person, agency) read on every load. */
function isId(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // A-Z, a-z, 0-9 anywhere; ".", "_" and "-" after the first character.
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) continue;
    if (i > 0 && (c === 46 || c === 95 || c === 45)) continue;
    return false;
  }
  return true;
}

/**
 * True when `e` is exactly what `parseEvent` would give back for it: every field valid,
 * nothing to trim, strip or fill in, `at` in its one form. False sends it to `parseEvent`.
 * A test holds the two equal on random and hostile events.
 */
export function isParsedEvent(e: unknown): e is PledgeEvent {
  if (!e || typeof e !== 'object' || Array.isArray(e)) return false;
  const x = e as Record<string, unknown>;
  for (const key in x) if (!isEnvelopeKey(key)) return false;
  const { id, stream, type, data, actor, at, seq } = x;
  if (typeof id !== 'string' || !EVENT_ID.test(id)) return false;
  if (!isId(stream)) return false;
  if (typeof type !== 'string' || !Object.hasOwn(EVENT_FIELDS, type)) return false;
  if (typeof at !== 'string' || !isCanonicalInstant(at)) return false;
  if (seq !== undefined && !(Number.isSafeInteger(seq) && (seq as number) >= 0)) return false;
  if (!actor || typeof actor !== 'object' || Array.isArray(actor)) return false;
  const a = actor as Record<string, unknown>;
  let actorKeys = 0;
  for (const key in a) {
    if (key !== 'userId' && key !== 'agencyId' && key !== 'role') return false;
    actorKeys++;
  }
  if (actorKeys !== 3) return false;
  if (!isId(a['userId']) || !isId(a['agencyId'])) return false;
  if (typeof a['role'] !== 'string' || !Object.hasOwn(ROLE_LABELS, a['role'])) return false;
  if (!data || typeof data !== 'object' || Array.isArray(data) || Object.getPrototypeOf(data) !== Object.prototype) return false;
  return isParsedData(type as EventType, data as Record<string, unknown>);
}

/** Each event type's fields, read once from `EVENT_FIELDS`: the name, its kind, whether it may be left out. */
const FIELD_CHECKS: ReadonlyMap<string, readonly { name: string; kind: FieldKind; optional: boolean }[]> = new Map(
  Object.entries(EVENT_FIELDS).map(([type, fields]) => [
    type,
    Object.entries(fields as Record<string, string>).map(([name, spec]) => ({ name, kind: spec.replace('?', '') as FieldKind, optional: spec.endsWith('?') })),
  ]),
);

function isParsedData(type: EventType, data: Record<string, unknown>): boolean {
  const names = EVENT_FIELDS[type] as Record<string, string>;
  for (const key in data) if (!Object.hasOwn(names, key)) return false;
  const fields = FIELD_CHECKS.get(type)!;
  for (let i = 0; i < fields.length; i++) {
    const { name, kind, optional } = fields[i]!;
    if (!Object.hasOwn(data, name)) {
      if (optional) continue;
      return false;
    }
    if (!isFieldValue(kind, data[name])) return false;
  }
  const rule = DATA_RULES[type];
  return !rule || rule.holds(data);
}

const JUDGEMENT_SET: ReadonlySet<string> = new Set(JUDGEMENTS);
const RESPONSE_SET: ReadonlySet<string> = new Set(RESPONSES);

function isFieldValue(kind: FieldKind, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  switch (kind) {
    case 'id':
      return isId(value);
    case 'date':
      return isPlanDate(value);
    case 'reason':
    case 'text':
      return value.length <= FIELD_TEXT_LIMITS[kind] && value === value.trim() && hasVisibleText(value);
    case 'link':
      return value.length <= 2000 && isSafeLink(value);
    case 'judgement':
      return JUDGEMENT_SET.has(value);
    case 'response':
      return RESPONSE_SET.has(value);
  }
}
