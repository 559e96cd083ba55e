import { MemoryStore, type PledgeEvent, type RefusedStep } from '@pledgeflow/core';

export type { RefusedStep } from '@pledgeflow/core';

/**
 * What the sync client needs from where a tracker saves: its outbox, where to keep what the
 * server sends, and the last seq it has. `@pledgeflow/store-idb`'s IdbStore is one; a
 * `MemorySyncStore` is another (Node, tests).
 */
export interface SyncStore {
  /** Steps taken here (or in another tab) that the server has not answered yet, oldest first. */
  outbox(): Promise<PledgeEvent[]>;
  /** The server answered these: they leave the outbox. Refused ones are kept apart, with reasons. */
  settle(accepted: readonly string[], refused: readonly RefusedStep[]): Promise<void>;
  /** Events from the server, with their seq: stored (replacing a local copy of the same id). */
  receive(events: readonly PledgeEvent[]): Promise<void>;
  /** The highest seq stored from the server (0 for none). */
  lastSeq(): Promise<number>;
  /** Steps the server refused, kept here. */
  refusedSteps(): Promise<RefusedStep[]>;
  /** Calls `listener` when a step joins the outbox (here or in another tab). */
  onOutbox(listener: () => void): () => void;
}

/** A tracker's store in memory that is also a SyncStore: for Node hosts and tests. */
export class MemorySyncStore extends MemoryStore implements SyncStore {
  readonly #outbox = new Map<string, PledgeEvent>();
  readonly #refused = new Map<string, RefusedStep>();
  readonly #listeners = new Set<() => void>();
  #lastSeq = 0;

  override async append(...args: Parameters<MemoryStore['append']>): Promise<void> {
    await super.append(...args);
    this.#outbox.set(args[0].id, structuredClone(args[0]));
    for (const listener of this.#listeners) listener();
  }

  async outbox(): Promise<PledgeEvent[]> {
    return structuredClone([...this.#outbox.values()]);
  }

  async settle(accepted: readonly string[], refused: readonly RefusedStep[]): Promise<void> {
    for (const id of accepted) this.#outbox.delete(id);
    for (const r of refused) {
      this.#outbox.delete(r.id);
      this.#refused.set(r.id, structuredClone(r));
    }
  }

  async receive(events: readonly PledgeEvent[]): Promise<void> {
    for (const e of events) {
      this.#outbox.delete(e.id);
      if (e.seq !== undefined && e.seq > this.#lastSeq) this.#lastSeq = e.seq;
    }
  }

  async lastSeq(): Promise<number> {
    return this.#lastSeq;
  }

  async refusedSteps(): Promise<RefusedStep[]> {
    return structuredClone([...this.#refused.values()]);
  }

  onOutbox(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
