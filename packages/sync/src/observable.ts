/** A value that can be read now and watched: what the status and the refused list are. */
export interface Observable<T> {
  readonly value: T;
  /** Calls `listener` with each new value (not the current one); returns a function that stops it. */
  subscribe(listener: (value: T) => void): () => void;
}

/** An Observable whose owner can set it. Setting an equal value (by `same`) tells no one. */
export class ObservableValue<T> implements Observable<T> {
  #value: T;
  readonly #listeners = new Set<(value: T) => void>();

  constructor(value: T, private readonly same: (a: T, b: T) => boolean = Object.is) {
    this.#value = value;
  }

  get value(): T {
    return this.#value;
  }

  set(value: T): void {
    if (this.same(this.#value, value)) return;
    this.#value = value;
    for (const listener of [...this.#listeners]) {
      try {
        listener(value);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  subscribe(listener: (value: T) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** Two plain JSON-like values with the same content. */
export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
