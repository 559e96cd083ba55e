import type { DBSchema } from 'idb';
import type { ItemSnapshot, PledgeEvent, RefusedStep } from '@pledgeflow/core';

/** The database layout's version: raise it, and add a step to `upgrade`, whenever the layout changes. */
export const DB_VERSION = 2;

/** One database per plan, unless the host names it. */
export const databaseName = (planId: string) => `pledgeflow-${planId}`;

/** What each object store holds, keyed by event id or item id. */
export interface PledgeflowDB extends DBSchema {
  /** Every event written on this computer or imported from a backup: the truth. */
  events: { key: string; value: PledgeEvent };
  /** Ids of events not yet sent to a sync server. */
  outbox: { key: string; value: { id: string } };
  /** Each item's latest snapshot, so that loading need not replay every event. */
  snapshots: { key: string; value: ItemSnapshot };
  /** Steps a sync server refused, with its reasons: out of the outbox, kept to show their author (version 2). */
  refused: { key: string; value: RefusedStep };
  /** Small facts about the sync, such as `lastSeq`, the highest seq stored from the server (version 2). */
  meta: { key: string; value: { key: string; value: unknown } };
}

/** Brings a database from `oldVersion` to DB_VERSION, one step at a time. */
export function upgrade(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    db.createObjectStore('events', { keyPath: 'id' });
    db.createObjectStore('outbox', { keyPath: 'id' });
    db.createObjectStore('snapshots', { keyPath: 'stream' });
  }
  if (oldVersion < 2) {
    db.createObjectStore('refused', { keyPath: 'id' });
    db.createObjectStore('meta', { keyPath: 'key' });
  }
}
