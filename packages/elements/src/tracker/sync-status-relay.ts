import { ObservableValue, type Observable, type SyncStatus } from '@pledgeflow/sync';

/** The tracker's sync status for elements outside it: follows whichever sync is current. */
export class SyncStatusRelay extends ObservableValue<SyncStatus> {
  #stop: (() => void) | undefined;

  constructor() {
    super({ state: 'saved' });
  }

  follow(source: Observable<SyncStatus>): void {
    this.#stop?.();
    this.set(source.value);
    this.#stop = source.subscribe((value) => this.set(value));
  }
}
