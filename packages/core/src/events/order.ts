import type { PledgeEvent } from '../schema/events.js';

/**
 * Canonical order: events a sync server has accepted (with a `seq`) first, in its order;
 * then the rest by time, then by id. One numeric key for every event (`seq`, then the
 * millisecond of `at`, then the id), so any delivery order sorts the same way.
 */
export function compareEvents(a: PledgeEvent, b: PledgeEvent): number {
  if (a.seq !== undefined || b.seq !== undefined) {
    if (a.seq === undefined) return 1;
    if (b.seq === undefined) return -1;
    if (a.seq !== b.seq) return a.seq - b.seq;
  }
  // Parsed events keep `at` in one form (UTC, milliseconds, `Z`: 24 characters), which sorts
  // as text in time order; anything else is read as a number of milliseconds, the same key.
  const t = a.at.length === 24 && b.at.length === 24 && a.at.endsWith('Z') && b.at.endsWith('Z')
    ? (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)
    : Date.parse(a.at) - Date.parse(b.at);
  if (t !== 0) return t;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The same event twice (a retry, a copy from another tab): the same content, whatever the order of keys or the `seq`. */
export function sameEvent(a: PledgeEvent, b: PledgeEvent): boolean {
  return (
    a.stream === b.stream && a.type === b.type && a.at === b.at &&
    a.actor.userId === b.actor.userId && a.actor.agencyId === b.actor.agencyId && a.actor.role === b.actor.role &&
    sameData(a.data as Record<string, unknown>, b.data as Record<string, unknown>)
  );
}

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  if (keys.length !== Object.keys(b).filter((k) => b[k] !== undefined).length) return false;
  // Event data is flat (strings), so comparing each value is enough.
  return keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/**
 * Where two events with one id differ, by path (`at`, `actor.role`, `data.reason`), for a
 * conflict's reason; `seq` is left out (a server numbers events, it is not part of a step).
 */
export function differences(a: PledgeEvent, b: PledgeEvent): string[] {
  const out: string[] = [];
  for (const key of ['stream', 'type', 'at'] as const) if (a[key] !== b[key]) out.push(key);
  for (const key of ['userId', 'agencyId', 'role'] as const) if (a.actor[key] !== b.actor[key]) out.push(`actor.${key}`);
  const da = a.data as Record<string, unknown>;
  const db = b.data as Record<string, unknown>;
  for (const key of new Set([...Object.keys(da ?? {}), ...Object.keys(db ?? {})])) if (da?.[key] !== db?.[key]) out.push(`data.${key}`);
  return out.length ? out : ['content'];
}
