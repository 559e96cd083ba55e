import { unwrap, type IDBPDatabase, type StoreNames } from 'idb';
import { compareEvents, eventDifferences, sameEvent, splitAtSnapshots, type EventStore, type ItemSnapshot, type Plan, type PledgeEvent, type RefusedStep, type StoredLog } from '@pledgeflow/core';
import { backupProblemLines, parseBackup, stringifyBackup } from './backup.js';
import { EventChannel } from './broadcast.js';
import { BackupError, MESSAGES, ReloadNeededError, StorageFullError, StorageUnavailableError, storageError } from './errors.js';
import { openDatabase } from './open-database.js';
import { databaseName, DB_VERSION, type PledgeflowDB } from './schema.js';

export interface IdbStoreOptions {
  /** The plan's id: names the database and is checked against backups. */
  planId: string;
  /** The database's name, if not `pledgeflow-<planId>`. */
  name?: string;
  /** IndexedDB to use: the browser's by default; `null` as if there were none. */
  indexedDB?: IDBFactory | null;
  /** To hear other tabs: the browser's by default; `null` for none. */
  BroadcastChannel?: typeof BroadcastChannel | null;
  /** How long to wait for older tabs to let go of the database during an upgrade, in ms (default 3000). */
  blockedTimeout?: number;
}

/** What importing a backup did. */
export interface ImportResult {
  plan: Plan;
  /** Events that were new here. */
  added: number;
  /** Events already here, the same in the backup (by id and content), left as they were. */
  skipped: number;
  /** Events already here whose copy in the backup has other content: the one here is kept, the backup's is not imported. */
  conflicts: BackupConflict[];
  /** Lines of the backup's event log that could not be read. */
  problems: string[];
}

/** An event in a backup whose id is already here with other content. */
export interface BackupConflict {
  /** The id both events have. */
  id: string;
  /** The event saved here, which is kept. */
  stored: PledgeEvent;
  /** The backup's event with that id, which was not imported. */
  backup: PledgeEvent;
  /** Where they differ, by path: `at`, `actor.role`, `data.reason`. */
  differences: string[];
  /** What happened, for people. */
  message: string;
}

function backupConflict(stored: PledgeEvent, backup: PledgeEvent): BackupConflict {
  const differences = eventDifferences(stored, backup);
  return {
    id: stored.id,
    stored,
    backup,
    differences,
    message:
      `The backup's event ${stored.id} (${stored.type} on ${stored.stream}) is already saved here with different content (${differences.join(', ')}): ` +
      'the one saved here was kept and the backup\'s was not imported. If the backup\'s is the right one, tell whoever looks after the tracker.',
  };
}

const noop = () => {};

export type { RefusedStep } from '@pledgeflow/core';

/**
 * An EventStore in IndexedDB: events, an outbox for the sync server and item snapshots, shared
 * by every tab. It is also what @pledgeflow/sync's `connect()` needs (its SyncStore): the
 * outbox, the steps the server refused, and the last seq stored from the server.
 */
export class IdbStore implements EventStore {
  readonly planId: string;
  readonly #db: IDBPDatabase<PledgeflowDB>;
  readonly #channel: EventChannel;
  readonly #reload = new Set<(message: string) => void>();
  readonly #outboxListeners = new Set<() => void>();
  #gone: Error | undefined;

  constructor(planId: string, db: IDBPDatabase<PledgeflowDB>, channel: EventChannel) {
    this.planId = planId;
    this.#db = db;
    this.#channel = channel;
    // Another tab's steps join the shared outbox: whichever tab syncs must hear of them.
    channel.watch(() => this.#outboxChanged());
    // A newer page wants to upgrade: let it, or it would wait on us for ever.
    // (A deleted database has no new version: that is the page being reset, not a newer tab.)
    db.addEventListener('versionchange', (event) =>
      this.#lose(new ReloadNeededError((event as IDBVersionChangeEvent).newVersion === null ? MESSAGES.closed : MESSAGES.newerTab)),
    );
    db.addEventListener('close', () => this.#lose(new ReloadNeededError(MESSAGES.closed)));
  }

  #lose(error: ReloadNeededError) {
    if (this.#gone) return;
    this.#gone = error;
    this.#db.close();
    for (const listener of this.#reload) listener(error.message);
  }

  #open(): IDBPDatabase<PledgeflowDB> {
    if (this.#gone) throw this.#gone;
    return this.#db;
  }

  /**
   * Every snapshot, and the events after them, each store read with one getAll; the events the
   * snapshots cover come through `coveredEvents`, for the tracker to read when it needs them.
   */
  async load(): Promise<StoredLog> {
    try {
      const tx = this.#open().transaction(['events', 'snapshots']);
      const [events, snapshots] = await Promise.all([tx.objectStore('events').getAll(), tx.objectStore('snapshots').getAll(), tx.done]);
      // The tracker starts each item from its snapshot and reads its earlier events only when needed.
      return splitAtSnapshots(events, snapshots);
    } catch (error) {
      throw storageError(error);
    }
  }

  /** Writes the event, its outbox entry and the item's snapshot in one strict transaction: all or nothing. */
  async append(event: PledgeEvent, snapshot: ItemSnapshot): Promise<void> {
    await this.#write(['events', 'outbox', 'snapshots'], (tx) => {
      tx.objectStore('events').put(event);
      tx.objectStore('outbox').put({ id: event.id });
      tx.objectStore('snapshots').put(snapshot);
    });
    this.#channel.post([event]);
    this.#outboxChanged();
  }

  #outboxChanged() {
    for (const listener of this.#outboxListeners) listener();
  }

  /** Steps not yet answered by the sync server, oldest first (by time, then id). */
  async outbox(): Promise<PledgeEvent[]> {
    try {
      const tx = this.#open().transaction(['outbox', 'events']);
      const ids = await tx.objectStore('outbox').getAllKeys();
      const events = await Promise.all(ids.map((id) => tx.objectStore('events').get(id)));
      await tx.done;
      return events.filter((e): e is PledgeEvent => !!e).sort(compareEvents);
    } catch (error) {
      throw storageError(error);
    }
  }

  /** The server answered these: they leave the outbox; refused ones move from the log to `refused`, with their reasons. */
  async settle(accepted: readonly string[], refused: readonly RefusedStep[]): Promise<void> {
    await this.#write(['outbox', 'refused', 'events'], (tx) => {
      for (const id of accepted) tx.objectStore('outbox').delete(id);
      for (const r of refused) {
        tx.objectStore('outbox').delete(r.id);
        // Kept in `refused` (with the event), not in the log: the next load folds what the server has.
        if (r.event) tx.objectStore('events').delete(r.id);
        tx.objectStore('refused').put(r);
      }
    });
  }

  /**
   * Events from the sync server (with their seq), in one transaction: stored over any local
   * copy, out of the outbox, and the last seq moved on. Other tabs are told, so they show them.
   * Written with durability `relaxed` (no wait for the disk): the server keeps them, and the
   * last seq moves in the same transaction, so one lost in a power cut is simply pulled again.
   */
  async receive(events: readonly PledgeEvent[]): Promise<void> {
    if (!events.length) return;
    const last = events.reduce((m, e) => Math.max(m, e.seq ?? 0), 0);
    await this.#write(['events', 'outbox', 'meta'], (tx) => {
      const meta = tx.objectStore('meta');
      for (const e of events) {
        tx.objectStore('events').put(e);
        tx.objectStore('outbox').delete(e.id);
      }
      const read = meta.get('lastSeq');
      read.onsuccess = () => {
        const before = Number((read.result as { value?: unknown } | undefined)?.value ?? 0);
        if (last > before) meta.put({ key: 'lastSeq', value: last });
      };
    }, 'relaxed');
    this.#channel.post([...events]);
  }

  /** The highest seq stored from the sync server (0 for none). */
  async lastSeq(): Promise<number> {
    try {
      return Number((await this.#open().get('meta', 'lastSeq'))?.value ?? 0);
    } catch (error) {
      throw storageError(error);
    }
  }

  /** Steps the sync server refused, kept here with its reasons. */
  async refusedSteps(): Promise<RefusedStep[]> {
    try {
      return await this.#open().getAll('refused');
    } catch (error) {
      throw storageError(error);
    }
  }

  /** Calls `listener` when a step joins the outbox, in this tab or another. Returns a function that stops it. */
  onOutbox(listener: () => void): () => void {
    this.#outboxListeners.add(listener);
    return () => this.#outboxListeners.delete(listener);
  }

  /** Replaces stored snapshots, such as those the tracker rebuilt after the machines changed. */
  async saveSnapshots(snapshots: readonly ItemSnapshot[]): Promise<void> {
    await this.#write(['snapshots'], (tx) => {
      for (const s of snapshots) tx.objectStore('snapshots').put(s);
    });
  }

  /**
   * Runs `writes` in one readwrite transaction (durability strict unless told), on plain
   * IndexedDB requests (a failed request aborts the transaction). If `writes` throws, the
   * transaction is aborted: all or nothing.
   */
  async #write(stores: StoreNames<PledgeflowDB>[], writes: (tx: IDBTransaction) => void, durability: IDBTransactionDurability = 'strict'): Promise<void> {
    let tx: ReturnType<IDBPDatabase<PledgeflowDB>['transaction']> | undefined;
    try {
      tx = this.#open().transaction(stores, 'readwrite', { durability });
      writes(unwrap(tx));
      await tx.done;
    } catch (error) {
      tx?.done.catch(noop);
      try {
        tx?.abort();
      } catch {
        // already finished or aborted
      }
      throw storageError(error);
    }
  }

  /**
   * A backup file of `plan` and every event stored here (including any the tracker refused),
   * plus `unsaved` events not yet written (pass `tracker.unsaved`: with a full disk, the backup
   * is where they are safe).
   */
  async exportBackup(plan: Plan, unsaved: readonly PledgeEvent[] = []): Promise<string> {
    let stored: PledgeEvent[];
    try {
      stored = await this.#open().getAll('events');
    } catch (error) {
      if (!unsaved.length) throw storageError(error);
      stored = [];
    }
    const ids = new Set(stored.map((e) => e.id));
    return stringifyBackup(plan, [...stored, ...unsaved.filter((e) => !ids.has(e.id))]);
  }

  /**
   * Adds a backup's events that are not here yet (by id), in one transaction, and hands them to
   * this tab's and other tabs' `onChange` listeners. Importing the same file twice adds nothing.
   * An event whose id is here with other content is a conflict: the one here is kept, and the
   * result lists both (`conflicts`); it is not counted as skipped.
   */
  async importBackup(text: string): Promise<ImportResult> {
    const backup = parseBackup(text);
    if (backup.plan.id !== this.planId) {
      throw new BackupError(`This backup is of the plan "${backup.plan.title}" (${backup.plan.id}), not of this plan (${this.planId}). Nothing was imported.`);
    }
    if (backup.problems.length) {
      // All or nothing: a damaged line could be the step the rest build on.
      throw new BackupError(`This backup has damaged lines, so nothing was imported:\n${backupProblemLines(backup)}`);
    }
    const fresh = new Map(backup.events.map((e) => [e.id, e]));
    let skipped = 0;
    const conflicts: BackupConflict[] = [];
    let failure: unknown;
    try {
      await this.#write(['events', 'outbox'], (tx) => {
        const stored = tx.objectStore('events').getAll();
        stored.onsuccess = () => {
          try {
            for (const here of stored.result as PledgeEvent[]) {
              const theirs = fresh.get(here.id);
              if (!theirs) continue;
              fresh.delete(here.id);
              if (sameEvent(here, theirs)) skipped++;
              else conflicts.push(backupConflict(here, theirs));
            }
            for (const e of fresh.values()) {
              tx.objectStore('events').put(e);
              tx.objectStore('outbox').put({ id: e.id });
            }
          } catch (error) {
            // Thrown here, the cause would be lost behind an empty AbortError: keep it.
            failure = error;
            tx.abort();
          }
        };
      });
    } catch (error) {
      const cause = storageError(failure ?? error);
      const why = cause instanceof StorageFullError ? "this computer's storage for the tracker is full" : String((cause as Error)?.message ?? cause);
      throw new BackupError(`Nothing was imported: ${why}. Free some space (or reload the page), then import the backup again.`, { cause });
    }
    const added = [...fresh.values()];
    if (added.length) {
      this.#channel.post(added);
      this.#channel.deliver(added);
      this.#outboxChanged();
    }
    return { plan: backup.plan, added: added.length, skipped, conflicts, problems: backup.problems };
  }

  /** Calls `listener` with events written by other tabs or imported from a backup. Returns a function that stops it. */
  onChange(listener: (events: PledgeEvent[]) => void): () => void {
    return this.#channel.listen(listener);
  }

  /** Calls `listener` with a message for the person when this tab must be reloaded (a newer tab upgraded the database). */
  onReloadNeeded(listener: (message: string) => void): () => void {
    this.#reload.add(listener);
    if (this.#gone instanceof ReloadNeededError) listener(this.#gone.message);
    return () => this.#reload.delete(listener);
  }

  /** Closes the database and stops hearing other tabs. */
  close(): void {
    this.#gone ??= new StorageUnavailableError('The tracker\'s storage has been closed on this page.');
    this.#db.close();
    this.#channel.close();
  }
}

/** Opens the plan's database (creating or upgrading it) and starts hearing other tabs. */
export async function openIdbStore(options: IdbStoreOptions): Promise<IdbStore> {
  let factory: IDBFactory | null | undefined;
  try {
    factory = options.indexedDB === undefined ? globalThis.indexedDB : options.indexedDB;
  } catch {
    // some sandboxed frames throw on merely reading `indexedDB`
  }
  if (!factory) throw new StorageUnavailableError(MESSAGES.unavailable);
  const name = options.name ?? databaseName(options.planId);
  // Hear other tabs before reading, so that nothing written meanwhile is missed.
  const channel = new EventChannel(`pledgeflow:${name}`, options.BroadcastChannel === undefined ? globalThis.BroadcastChannel : options.BroadcastChannel);
  try {
    const db = await openDatabase({ factory, name, version: DB_VERSION, blockedTimeout: options.blockedTimeout ?? 3000 });
    return new IdbStore(options.planId, db, channel);
  } catch (error) {
    channel.close();
    throw error instanceof ReloadNeededError || error instanceof StorageUnavailableError
      ? error
      : new StorageUnavailableError(MESSAGES.unavailable, { cause: error });
  }
}
