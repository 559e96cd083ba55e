import type { ItemKind } from './kinds.js';

/** What a store keeps per item so that loading does not replay the whole log. */
export interface ItemSnapshot {
  stream: string;
  kind: ItemKind;
  /** The machine version that made it; a different version means rebuild from events. */
  machineVersion: number;
  value: unknown;
  context: unknown;
  /** How many of the item's events (in canonical order, refused ones included) the snapshot covers. */
  eventCount: number;
  /** The id of the last event it covers: a check that the log still matches. */
  lastEventId?: string;
  /** When the last accepted event it covers happened: the item's `updatedAt` before its events are read. */
  updatedAt?: string;
  /** Events it covers that were refused, with why: they stay refused, and are shown, after loading. */
  refused?: { id: string; reasons: string[] }[];
}
