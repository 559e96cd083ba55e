import type { PledgeEvent } from '@pledgeflow/core';

type Listener = (events: PledgeEvent[]) => void;

/**
 * Tells this page's other tabs about events written here, and hears theirs. Events heard
 * before anyone listens are kept for the first listener, so none fall between load and subscribe.
 */
export class EventChannel {
  readonly #channel: BroadcastChannel | undefined;
  readonly #listeners = new Set<Listener>();
  readonly #early: PledgeEvent[][] = [];
  readonly #watchers = new Set<() => void>();

  constructor(name: string, Channel: typeof BroadcastChannel | null | undefined) {
    if (!Channel) return;
    this.#channel = new Channel(name);
    this.#channel.onmessage = (message: MessageEvent<{ events?: unknown }>) => {
      const events = message.data?.events;
      if (!Array.isArray(events)) return;
      this.deliver(events as PledgeEvent[]);
      for (const watcher of this.#watchers) watcher();
    };
  }

  /** Sends events to the other tabs (not to this one). */
  post(events: PledgeEvent[]): void {
    this.#channel?.postMessage({ events });
  }

  /** Hands events to this tab's listeners. */
  deliver(events: PledgeEvent[]): void {
    if (!this.#listeners.size) this.#early.push(events);
    for (const listener of this.#listeners) listener(events);
  }

  listen(listener: Listener): () => void {
    this.#listeners.add(listener);
    for (const events of this.#early.splice(0)) listener(events);
    return () => this.#listeners.delete(listener);
  }

  /** Calls `watcher` whenever another tab posts, without taking the events kept for the first listener. */
  watch(watcher: () => void): void {
    this.#watchers.add(watcher);
  }

  close(): void {
    this.#channel?.close();
  }
}
