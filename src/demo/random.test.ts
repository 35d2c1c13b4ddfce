// The demo's PRNG: reproducible streams, independent sub-streams, and helpers
// whose sample moments match the textbook values of their distributions.

import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed } from './random.js';

const N = 40_000;
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]): number => {
  const m = mean(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
};
const draw = (f: () => number): number[] => Array.from({ length: N }, f);

describe('createRandom', () => {
  it('replays the same stream for the same seed and a different one for another seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const xs = draw(() => a.next()).slice(0, 10);
    expect(draw(() => b.next()).slice(0, 10)).toEqual(xs);
    expect(draw(() => c.next()).slice(0, 10)).not.toEqual(xs);
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = createRandom(1);
    const xs = draw(() => rng.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(mean(xs)).toBeCloseTo(0.5, 2);
    expect(variance(xs)).toBeCloseTo(1 / 12, 2);
  });

  it('matches the moments of normal, lognormal, exponential, Poisson and Gamma draws', () => {
    const rng = createRandom(2);
    const normal = draw(() => rng.normal(3, 2));
    expect(mean(normal)).toBeCloseTo(3, 1);
    expect(Math.sqrt(variance(normal))).toBeCloseTo(2, 1);
    expect(mean(draw(() => rng.lognormal(90, 0.45)))).toBeGreaterThan(88);
    expect(mean(draw(() => rng.lognormal(90, 0.45)))).toBeLessThan(92);
    expect(mean(draw(() => rng.exponential(6)))).toBeCloseTo(6, 0);
    for (const lambda of [0.7, 4, 55]) {
      const xs = draw(() => rng.poisson(lambda));
      expect(Math.abs(mean(xs) - lambda) / lambda).toBeLessThan(0.03); // Poisson: mean = variance = λ
      expect(Math.abs(variance(xs) - lambda) / lambda).toBeLessThan(0.06);
    }
    for (const [shape, scale] of [[0.8, 0.3], [3, 2]] as const) {
      const xs = draw(() => rng.gamma(shape, scale));
      expect(Math.abs(mean(xs) - shape * scale) / (shape * scale)).toBeLessThan(0.03); // mean kθ, variance kθ²
      expect(Math.abs(variance(xs) - shape * scale * scale) / (shape * scale * scale)).toBeLessThan(0.08);
    }
  });

  it('picks by weight in proportion to the weights, never a zero-weight item', () => {
    const rng = createRandom(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < N; i++) counts[rng.weightedIndex([1, 0, 3])]++;
    expect(counts[1]).toBe(0);
    expect(counts[2] / counts[0]).toBeCloseTo(3, 0);
  });
});

describe('deriveSeed', () => {
  // Regression: with seed ^ part mixing, seed 2 / visitor 1 equalled seed 3 / visitor 0,
  // so seeds 2 and 3 generated the same visitors in a different order.
  it('does not let the seed and a part cancel out', () => {
    expect(deriveSeed(2, 1, 1)).not.toBe(deriveSeed(3, 0, 1));
    const streams = new Set<number>();
    for (let seed = 0; seed < 20; seed++) for (let visitor = 0; visitor < 500; visitor++) streams.add(deriveSeed(seed, visitor, 1));
    expect(streams.size).toBeGreaterThan(20 * 500 - 3); // 32-bit birthday collisions: ~0.01 expected
  });

  it('depends on the order of parts', () => {
    expect(deriveSeed(7, 1, 2)).not.toBe(deriveSeed(7, 2, 1));
  });
});
