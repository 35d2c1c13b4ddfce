// Seeded uniform draws for the models that sample or split (Markov order
// selection, Shapley permutation sampling): a seed reproduces every result.

/**
 * A deterministic stream of uniform draws in [0, 1) (mulberry32).
 *
 * @example const next = createSeededRandom(7); next() // the same number on every run
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
