/**
 * mulberry32: a small seeded PRNG for generated data (benchmarks, evaluation
 * distractors, test fixtures). Never Math.random there: the same seed must give
 * the same data on every machine, or numbers cannot be compared.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
