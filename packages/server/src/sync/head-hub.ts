/** What a live stream is told: the plan's head moved, or the plan has a new version. */
export type PlanChange = { kind: 'head'; head: number } | { kind: 'plan'; version: number };

/** Tells live streams of a plan that it changed. */
export class HeadHub {
  readonly #listeners = new Map<string, Set<(change: PlanChange) => void>>();
  readonly #closers = new Set<() => void>();

  subscribe(planId: string, listener: (change: PlanChange) => void): () => void {
    let set = this.#listeners.get(planId);
    if (!set) this.#listeners.set(planId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size) this.#listeners.delete(planId);
    };
  }

  publish(planId: string, change: PlanChange): void {
    for (const listener of this.#listeners.get(planId) ?? []) listener(change);
  }

  /** Streams register how to end themselves, so that a shutdown does not wait for them. */
  onClose(close: () => void): () => void {
    this.#closers.add(close);
    return () => this.#closers.delete(close);
  }

  closeAll(): void {
    for (const close of [...this.#closers]) close();
  }

  get streams(): number {
    return this.#closers.size;
  }
}
