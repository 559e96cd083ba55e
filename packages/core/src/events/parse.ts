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

const ENVELOPE_KEYS = new Set(['id', 'stream', 'type', 'data', 'actor', 'at', 'seq']);
const EVENT_ID = /^[A-Za-z0-9_-]{6,64}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

// The same few thousand item, person and agency ids come back in every event of a log: each
// is checked once. (Bounded, so that a hostile log cannot grow it without end.)
const goodIds = new Set<string>();
function isId(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (goodIds.has(value)) return true;
  if (!ID.test(value)) return false;
  if (goodIds.size >= 50_000) goodIds.clear();
  goodIds.add(value);
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
  for (const key in x) if (!ENVELOPE_KEYS.has(key)) return false;
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

function isParsedData(type: EventType, data: Record<string, unknown>): boolean {
  const fields = EVENT_FIELDS[type] as Record<string, string>;
  for (const key in data) if (!Object.hasOwn(fields, key)) return false;
  for (const name in fields) {
    const spec = fields[name]!;
    const optional = spec.endsWith('?');
    if (!Object.hasOwn(data, name)) {
      if (optional) continue;
      return false;
    }
    if (!isFieldValue((optional ? spec.slice(0, -1) : spec) as FieldKind, data[name])) return false;
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
