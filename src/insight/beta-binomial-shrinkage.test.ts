// Beta–binomial shrinkage: the method-of-moments prior and the posteriors
// worked out by hand, and the probability of being worse checked against a
// numerical integral of the posterior density.
import { describe, expect, it } from 'vitest';
import { shrinkBetaBinomial } from './beta-binomial-shrinkage.js';
import type { ShrinkageFit } from './shrinkage.js';

/** P(p < x) for p ~ Beta(a, b), by Simpson's rule on the unnormalised density (a, b ≥ 1). */
function betaCdfByIntegral(x: number, a: number, b: number): number {
  const mode = (a - 1) / (a + b - 2);
  const logAtMode = (a - 1) * Math.log(mode) + (b - 1) * Math.log1p(-mode);
  const density = (p: number) => (p <= 0 || p >= 1 ? 0 : Math.exp((a - 1) * Math.log(p) + (b - 1) * Math.log1p(-p) - logAtMode));
  const integral = (to: number) => {
    const n = 20_000;
    const h = to / n;
    let total = density(0) + density(to);
    for (let i = 1; i < n; i++) total += density(i * h) * (i % 2 ? 4 : 2);
    return (total * h) / 3;
  };
  return integral(x) / integral(1);
}

describe('shrinkBetaBinomial', () => {
  it('fits the prior by moments and shrinks each rate by its trials', () => {
    // A: 30 of 100, B: 10 of 100. Pooled p̄ = 0.2.
    // Spread of the rates: (100 × 0.1² + 100 × 0.1²) / 200 = 0.01; binomial noise at 100 trials: 0.2 × 0.8 / 100 = 0.0016.
    // Between-segment variance 0.0084, so α + β = 0.16 / 0.0084 − 1 = 379/21; α = 0.2 × 379/21 = 75.8/21, β = 303.2/21.
    // A: (75.8/21 + 30) / (379/21 + 100) = 705.8 / 2479; B: 285.8 / 2479.
    const fit = shrinkBetaBinomial([{ numerator: 30, denominator: 100 }, { numerator: 10, denominator: 100 }], { scale: 100, workspace: 20, worseWhen: 'lower' }) as ShrinkageFit;
    expect(fit.prior.mean).toBeCloseTo(20, 12);
    expect(fit.prior.parameters.alpha).toBeCloseTo(75.8 / 21, 10);
    expect(fit.prior.parameters.beta).toBeCloseTo(303.2 / 21, 10);
    expect(fit.prior.capped).toBe(false);
    expect(fit.estimates[0].shrunk).toBeCloseTo((100 * 705.8) / 2479, 10);
    expect(fit.estimates[1].shrunk).toBeCloseTo((100 * 285.8) / 2479, 10);
    // B's posterior is Beta(285.8/21, 2193.2/21); the chance its rate is below the workspace's 20 %:
    expect(fit.estimates[1].probabilityWorse).toBeCloseTo(betaCdfByIntegral(0.2, 285.8 / 21, 2193.2 / 21), 6);
    // Roughly: B's posterior mean 0.1153, sd √(0.1153 × 0.8847 / 119) ≈ 0.029, 2.9 sd below 0.2;
    // A's mean 0.2847, sd ≈ 0.041, 2.0 sd above it.
    expect(fit.estimates[1].probabilityWorse).toBeGreaterThan(0.99);
    expect(fit.estimates[0].probabilityWorse).toBeCloseTo(betaCdfByIntegral(0.2, 705.8 / 21, (2479 - 705.8) / 21), 6);
    expect(fit.estimates[0].probabilityWorse).toBeLessThan(0.05);
  });

  it('judges a lower-is-better rate from the upper tail', () => {
    const fit = shrinkBetaBinomial([{ numerator: 30, denominator: 100 }, { numerator: 10, denominator: 100 }], { scale: 100, workspace: 20, worseWhen: 'higher' }) as ShrinkageFit;
    expect(fit.estimates[0].probabilityWorse).toBeCloseTo(1 - betaCdfByIntegral(0.2, 705.8 / 21, (2479 - 705.8) / 21), 6);
  });

  it('holds the prior at the weight of all trials when the rates spread no more than noise', () => {
    // 2 %, 2.1 %, 1.9 %: spread (5000 × 0.001² × 2) / 20000 = 5e−7, below the noise 0.0196 / (20000/3) = 2.94e−6.
    const fit = shrinkBetaBinomial(
      [{ numerator: 200, denominator: 10000 }, { numerator: 105, denominator: 5000 }, { numerator: 95, denominator: 5000 }],
      { scale: 100, workspace: 2, worseWhen: 'lower' },
    ) as ShrinkageFit;
    expect(fit.prior.capped).toBe(true);
    // α + β = 20000 trials: α = 400, β = 19600. C: (400 + 95) / (20000 + 5000) = 1.98 %.
    expect(fit.prior.parameters.alpha).toBeCloseTo(400, 8);
    expect(fit.estimates[2].shrunk).toBeCloseTo(1.98, 10);
  });

  it('says why it cannot fit', () => {
    expect(shrinkBetaBinomial([{ numerator: 5, denominator: 3 }], { scale: 100, workspace: 1, worseWhen: 'lower' })).toHaveProperty('problem');
    expect(shrinkBetaBinomial([{ numerator: 0, denominator: 3 }, { numerator: 0, denominator: 9 }], { scale: 100, workspace: 0, worseWhen: 'lower' })).toHaveProperty('problem');
  });
});
