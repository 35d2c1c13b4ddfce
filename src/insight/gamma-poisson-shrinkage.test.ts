// Gamma–Poisson shrinkage of a cost per conversion: Marshall's moments worked
// out by hand, and the probabilities checked against a numerical integral.
import { describe, expect, it } from 'vitest';
import { shrinkGammaPoisson } from './gamma-poisson-shrinkage.js';
import type { ShrinkageFit } from './shrinkage.js';

/** P(λ < x) for λ ~ Gamma(shape a ≥ 1, rate b), by Simpson's rule on the unnormalised density. */
function gammaCdfByIntegral(x: number, a: number, b: number): number {
  const mode = (a - 1) / b;
  const logAt = (l: number) => (a - 1) * Math.log(l) - b * l;
  const density = (l: number) => (l <= 0 ? 0 : Math.exp(logAt(l) - logAt(mode)));
  const integral = (to: number) => {
    const n = 20_000;
    const h = to / n;
    let total = density(0) + density(to);
    for (let i = 1; i < n; i++) total += density(i * h) * (i % 2 ? 4 : 2);
    return (total * h) / 3;
  };
  return integral(x) / integral((a + 40 * Math.sqrt(a)) / b);
}

describe('shrinkGammaPoisson', () => {
  // CPA = cost / conversions. A: 1000 / 50; B: 1000 / 30; C: 500 / 0; D: nothing. Workspace 2500 / 80 = 31.25.
  const segments = [
    { numerator: 1000, denominator: 50 },
    { numerator: 1000, denominator: 30 },
    { numerator: 500, denominator: 0 },
    { numerator: 0, denominator: 0 },
  ];
  // Conversions per unit of cost: pooled m = 80 / 2500 = 0.032; A 0.05, B 0.03, C 0.
  // Spread: (1000 × 0.018² + 1000 × 0.002² + 500 × 0.032²) / 2500 = 0.84 / 2500 = 3.36e−4.
  // Poisson noise at the mean exposure 2500/3: 0.032 × 3 / 2500 = 3.84e−5. Between: 2.976e−4.
  // β = 0.032 / 2.976e−4 = 107.5269 (cost), α = 0.032 β = 3.44086.
  const beta = 0.032 / 2.976e-4;
  const alpha = 0.032 * beta;

  it('fits the prior by moments and shrinks each CPA by its conversions', () => {
    const fit = shrinkGammaPoisson(segments, { scale: 1, workspace: 31.25, worseWhen: 'higher' }, 'denominator') as ShrinkageFit;
    expect(fit.prior.parameters.beta).toBeCloseTo(beta, 8);
    expect(fit.prior.parameters.alpha).toBeCloseTo(alpha, 8);
    expect(fit.prior.mean).toBeCloseTo(31.25, 10);
    // Shrunk CPA = (β + cost) / (α + conversions): A 1107.53 / 53.44 ≈ 20.72; C 607.53 / 3.44 ≈ 176.6; D β / α = 31.25.
    const shrunk = fit.estimates.map((e) => e.shrunk);
    expect(shrunk[0]).toBeCloseTo((beta + 1000) / (alpha + 50), 8);
    expect(shrunk[1]).toBeCloseTo((beta + 1000) / (alpha + 30), 8);
    expect(shrunk[2]).toBeCloseTo((beta + 500) / alpha, 8);
    expect(shrunk[3]).toBeCloseTo(31.25, 8);
  });

  it('gives the chance that the true CPA is above the workspace’s', () => {
    const fit = shrinkGammaPoisson(segments, { scale: 1, workspace: 31.25, worseWhen: 'higher' }, 'denominator') as ShrinkageFit;
    // Worse means fewer conversions per unit of cost than 1 / 31.25 = 0.032.
    expect(fit.estimates[2].probabilityWorse).toBeGreaterThan(0.9999);
    expect(fit.estimates[1].probabilityWorse).toBeCloseTo(gammaCdfByIntegral(0.032, alpha + 30, beta + 1000), 6);
    // D has no data: its posterior is the prior, whose mean is the workspace rate — about even odds.
    expect(fit.estimates[3].probabilityWorse).toBeCloseTo(gammaCdfByIntegral(0.032, alpha, beta), 6);
    expect(fit.estimates[3].probabilityWorse).toBeGreaterThan(0.5);
    expect(fit.estimates[3].probabilityWorse).toBeLessThan(0.6);
  });

  it('shrinks a count above the line (pages per session)', () => {
    // Pageviews per session: 30 / 10 and 10 / 10, pooled 2. Spread (10 × 1 + 10 × 1) / 20 = 1; noise 2 / 10 = 0.2.
    // Between 0.8: β = 2 / 0.8 = 2.5 sessions, α = 5. Shrunk: (5 + 30) / (2.5 + 10) = 2.8 and (5 + 10) / 12.5 = 1.2.
    const fit = shrinkGammaPoisson([{ numerator: 30, denominator: 10 }, { numerator: 10, denominator: 10 }], { scale: 1, workspace: 2, worseWhen: 'lower' }, 'numerator') as ShrinkageFit;
    expect(fit.estimates.map((e) => e.shrunk)).toEqual([expect.closeTo(2.8, 12), expect.closeTo(1.2, 12)]);
  });

  it('says why it cannot fit', () => {
    expect(shrinkGammaPoisson([{ numerator: 0, denominator: 0 }], { scale: 1, workspace: 1, worseWhen: 'higher' }, 'denominator')).toHaveProperty('problem');
  });
});
