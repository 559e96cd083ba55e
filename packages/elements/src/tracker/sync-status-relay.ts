import type { Observable, SyncStatus } from '@pledgeflow/sync';

/** The tracker's sync status for elements outside it: follows whichever sync is current. */
export class SyncStatusRelay implements Observable<SyncStatus> {
  #value: SyncStatus = { state: 'saved' };
  #stop: (() => void) | undefined;
  readonly #listeners = new Set<(value: SyncStatus) => void>();

  get value(): SyncStatus {
    return this.#value;
  }

  follow(source: Observable<SyncStatus>): void {
    this.#stop?.();
    this.#set(source.value);
    this.#stop = source.subscribe((value) => this.#set(value));
  }

  #set(value: SyncStatus) {
    this.#value = value;
    for (const listener of this.#listeners) listener(value);
  }

  subscribe(listener: (value: SyncStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
