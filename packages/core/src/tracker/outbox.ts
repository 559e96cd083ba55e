import type { PledgeEvent } from '../schema/events.js';
import type { ItemSnapshot } from '../items/snapshot.js';
import type { EventStore } from '../store/event-store.js';

interface Waiting {
  event: PledgeEvent;
  snapshot: ItemSnapshot;
  /** Whoever waits for it: its `saved`, a `flush()`. */
  waiters: ((error?: unknown) => void)[];
}

/**
 * Steps accepted but not yet written by the store, in order. A write that fails (a full disk)
 * keeps the step and every later one, in memory, for `flush()` to try again: nothing taken is
 * lost, and nothing is written out of order.
 */
export class Outbox {
  readonly #store: EventStore;
  readonly #waiting: Waiting[] = [];
  #draining = false;

  constructor(store: EventStore) {
    this.#store = store;
  }

  /** Writes `event` after those before it; settles when it is written or the store fails. */
  persist(event: PledgeEvent, snapshot: ItemSnapshot): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ event, snapshot, waiters: [(e) => (e === undefined ? resolve() : reject(e))] });
      void this.#drain();
    });
  }

  async #drain() {
    if (this.#draining) return;
    this.#draining = true;
    try {
      while (this.#waiting.length) {
        const next = this.#waiting[0]!;
        try {
          await this.#store.append(next.event, next.snapshot);
        } catch (error) {
          // Keep it (and everything after it) for `flush()`; tell everyone waiting, once.
          for (const waiting of this.#waiting) {
            for (const settle of waiting.waiters.splice(0)) settle(error ?? new Error('The store could not save the event.'));
          }
          return;
        }
        for (const settle of this.#waiting.shift()!.waiters) settle();
      }
    } finally {
      this.#draining = false;
    }
  }

  /** Events accepted but not yet written. */
  get unsaved(): readonly PledgeEvent[] {
    return this.#waiting.map((w) => w.event);
  }

  /** Tries again to write what is unsaved. Resolves when all is written; rejects with the store's error. */
  flush(): Promise<void> {
    const last = this.#waiting.at(-1);
    if (!last) return Promise.resolve();
    const settled = new Promise<void>((resolve, reject) => {
      last.waiters.push((e) => (e === undefined ? resolve() : reject(e)));
    });
    void this.#drain();
    return settled;
  }
}
