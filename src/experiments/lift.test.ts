import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../attribution/seeded-random.js';
import { estimateLift } from './lift.js';

describe('estimateLift', () => {
  it('gives the absolute lift with its unpooled standard error and the relative lift with the delta method’s', () => {
    // 100/1000 against 120/1000, by hand: √(0.1·0.9/1000 + 0.12·0.88/1000) = 0.0139857;
    // Var(r) = 0.12·0.88/(0.1²·1000) + 0.1·0.9·0.12²/(0.1⁴·1000) = 0.01056 + 0.01296 = 0.02352, √ = 0.1533623.
    const lift = estimateLift({ n: 1000, mean: 0.1, variance: 0.09 }, { n: 1000, mean: 0.12, variance: 0.1056 });
    expect(lift.absolute).toBeCloseTo(0.02, 15);
    expect(lift.absoluteSe).toBeCloseTo(0.013985706989637671, 14);
    expect(lift.relative).toBeCloseTo(0.2, 14);
    expect(lift.relativeSe).toBeCloseTo(Math.sqrt(0.02352), 14);
  });

  it('matches the spread of μ_T/μ_C − 1 over simulated experiments (delta method, first order)', () => {
    // 4000 experiments of two normal means, μ_C = 10, μ_T = 11, σ = 4, n = 400 each: the means are N(μ, σ²/n).
    const random = gaussian(11);
    const lifts: number[] = [];
    for (let i = 0; i < 4000; i++) lifts.push((11 + random() * 0.2) / (10 + random() * 0.2) - 1);
    const mean = lifts.reduce((a, b) => a + b, 0) / lifts.length;
    const sd = Math.sqrt(lifts.reduce((s, x) => s + (x - mean) ** 2, 0) / (lifts.length - 1));
    const { relativeSe } = estimateLift({ n: 400, mean: 10, variance: 16 }, { n: 400, mean: 11, variance: 16 });
    expect(sd / relativeSe!).toBeGreaterThan(0.96);
    expect(sd / relativeSe!).toBeLessThan(1.04);
  });

  it('has no relative lift when the control’s value is 0', () => {
    expect(estimateLift({ n: 100, mean: 0, variance: 0 }, { n: 100, mean: 0.05, variance: 0.0475 })).toMatchObject({ relative: null, relativeSe: null, absolute: 0.05 });
  });
});

/** Standard normal draws (Box–Muller over seeded uniforms). */
function gaussian(seed: number): () => number {
  const uniform = createSeededRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}
