/** A fixed-window counter per key (a person, an address): `limit` requests each `windowMs`. */
export class RateLimiter {
  readonly #windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; says how many seconds to wait when over the limit. */
  take(key: string): { ok: true } | { ok: false; retryAfter: number } {
    const now = this.now();
    let w = this.#windows.get(key);
    if (!w || w.resetAt <= now) {
      if (this.#windows.size >= 10_000) this.#prune(now);
      w = { count: 0, resetAt: now + this.windowMs };
      this.#windows.set(key, w);
    }
    w.count += 1;
    if (w.count <= this.limit) return { ok: true };
    return { ok: false, retryAfter: Math.max(1, Math.ceil((w.resetAt - now) / 1000)) };
  }

  #prune(now: number) {
    for (const [key, w] of this.#windows) if (w.resetAt <= now) this.#windows.delete(key);
  }
}
