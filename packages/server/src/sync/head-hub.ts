/** Tells live streams of a plan that its head moved. */
export class HeadHub {
  readonly #listeners = new Map<string, Set<(head: number) => void>>();
  readonly #closers = new Set<() => void>();

  subscribe(planId: string, listener: (head: number) => void): () => void {
    let set = this.#listeners.get(planId);
    if (!set) this.#listeners.set(planId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size) this.#listeners.delete(planId);
    };
  }

  publish(planId: string, head: number): void {
    for (const listener of this.#listeners.get(planId) ?? []) listener(head);
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
