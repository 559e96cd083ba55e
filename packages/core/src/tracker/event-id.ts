const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base 32, as ULIDs use

/** The last id made with the built-in randomness: the next one in the same millisecond follows it. */
let last: { ms: number; digits: number[] } | undefined;

function timePart(ms: number): string {
  let time = '';
  let t = ms;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return time;
}

/**
 * A unique, time-sortable event id (ULID layout: 10 characters of milliseconds, 16 random).
 * Time and randomness are arguments so that callers and tests control them. With the
 * built-in randomness, ids made in the same millisecond increase (a monotonic ULID): two
 * steps a page takes on one item within a millisecond keep their order on every replay,
 * since events with the same time are ordered by id.
 */
export function createEventId(nowMs: number, randomBytes?: (n: number) => Uint8Array): string {
  const ms = Math.floor(nowMs);
  let digits: number[];
  if (!randomBytes && last && last.ms === ms && last.digits.some((d) => d < 31)) {
    digits = [...last.digits];
    let i = digits.length - 1;
    while (digits[i] === 31) digits[i--] = 0;
    digits[i]!++;
  } else {
    const bytes = (randomBytes ?? ((n: number) => crypto.getRandomValues(new Uint8Array(n))))(16);
    digits = Array.from(bytes.subarray(0, 16), (b) => b % 32);
  }
  if (!randomBytes) last = { ms, digits };
  return timePart(ms) + digits.map((d) => ALPHABET[d]).join('');
}
