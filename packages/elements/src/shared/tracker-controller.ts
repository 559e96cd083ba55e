import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Tracker, TrackerChange } from '@pledgeflow/core';

/**
 * Keeps an element in step with its tracker: subscribes when connected (and when the
 * tracker is swapped), asks the host to re-render on every change, unsubscribes when gone.
 * `streams` narrows the updates to changes to those items (an item view, say); `changed`
 * hears each change that asks for an update, before the update (which items changed).
 */
export class TrackerController implements ReactiveController {
  #tracker: Tracker | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly streams: () => readonly string[] | undefined = () => undefined,
    private readonly changed: (change: TrackerChange) => void = () => {},
  ) {
    host.addController(this);
  }

  /** Call from the host's `willUpdate` with its current tracker. */
  set tracker(tracker: Tracker | undefined) {
    if (tracker === this.#tracker) return;
    this.#tracker = tracker;
    if (this.#connected) this.#subscribe();
  }

  get tracker(): Tracker | undefined {
    return this.#tracker;
  }

  #subscribe() {
    this.#unsubscribe?.();
    this.#unsubscribe = this.#tracker?.subscribe((change) => {
      const only = this.streams();
      if (only && !change.streams.some((s) => only.includes(s))) return;
      this.changed(change);
      this.host.requestUpdate();
    });
  }

  hostConnected() {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected() {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
