export interface BackoffOptions {
  /** The first wait, in ms (1,000 by default). */
  base?: number;
  /** The longest wait, in ms (30,000 by default). */
  max?: number;
  /** A number in [0, 1): `Math.random` unless given (tests give their own). */
  random?: () => number;
}

/**
 * How long to wait before try number `failures` (1 after the first failure): "full jitter",
 * a random time up to an exponentially growing cap, so that many clients that lost the
 * server at once do not all come back at once. A server's `Retry-After` is a floor.
 */
export function backoffDelay(failures: number, options: BackoffOptions = {}, retryAfterMs = 0): number {
  const base = options.base ?? 1000;
  const max = options.max ?? 30_000;
  const cap = Math.min(max, base * 2 ** Math.max(0, failures - 1));
  const jittered = Math.round((options.random ?? Math.random)() * cap);
  return Math.max(retryAfterMs, jittered, Math.min(base, cap) / 10);
}

/** `Retry-After` in ms: seconds or an HTTP date; 0 when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (!header) return 0;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? 0 : Math.max(0, date - now);
}
