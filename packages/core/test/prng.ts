/**
 * mulberry32: a small seeded pseudo-random generator, so that generated data (and any
 * failure it leads to) can be replayed from its seed. Shared by tests, benchmarks and the
 * example-log script.
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
