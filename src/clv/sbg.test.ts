import { describe, expect, it } from 'vitest';
import { QueryError, ValidationError } from '../core/errors.js';
import { discountedExpectedLifetime, expectedLifetime, fitSbg, logLikelihoodSbg, retentionRate, survivalCurve } from './sbg.js';
import type { SbgParams } from './sbg.js';

// Fader & Hardie (2007), "How to Project Customer Retention", Table 1: customers
// of a cohort of 1,000 still active at the start of years 1…13.
const REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173];
const HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394];

/**
 * The paper's likelihood written with beta functions expanded into products:
 * P(T = t) = B(α+1, β+t−1)/B(α, β) = α/(α+β+t−1) · Π_{i<t−1} (β+i)/(α+β+i),
 * S(t) = B(α, β+t)/B(α, β) = Π_{i<t} (β+i)/(α+β+i).
 */
function survival({ alpha, beta }: SbgParams, t: number): number {
  let s = 1;
  for (let i = 0; i < t; i++) s *= (beta + i) / (alpha + beta + i);
  return s;
}
function churnAt(params: SbgParams, t: number): number {
  return (survival(params, t - 1) * params.alpha) / (params.alpha + params.beta + t - 1);
}
function directLogLikelihood(params: SbgParams, counts: number[]): number {
  let ll = 0;
  for (let t = 1; t < counts.length; t++) ll += (counts[t - 1] - counts[t]) * Math.log(churnAt(params, t));
  return ll + counts[counts.length - 1] * Math.log(survival(params, counts.length - 1));
}

describe('fitSbg on the paper’s cohorts (first 8 values: 7 years of churn)', () => {
  // The paper's Table 1 labels: the regular cohort keeps 63 % after year 1, the high-end cohort 87 %.
  // Its estimates are α = 0.704, β = 1.182 (regular) and α = 0.668, β = 3.806 (high end).
  const regular = fitSbg(REGULAR.slice(0, 8));
  const highEnd = fitSbg(HIGH_END.slice(0, 8));

  it('recovers the published α and β to three decimals', () => {
    expect(regular.params.alpha).toBeCloseTo(0.704, 3);
    expect(regular.params.beta).toBeCloseTo(1.182, 3);
    expect(highEnd.params.alpha).toBeCloseTo(0.668, 3);
    expect(highEnd.params.beta).toBeCloseTo(3.806, 3);
  });

  it('reports the log-likelihood that the direct formula gives, and no better point nearby', () => {
    for (const [fit, counts] of [
      [regular, REGULAR.slice(0, 8)],
      [highEnd, HIGH_END.slice(0, 8)],
    ] as const) {
      expect(fit.logLikelihood).toBeCloseTo(directLogLikelihood(fit.params, [...counts]), 8);
      for (const [da, db] of [
        [1e-3, 0],
        [-1e-3, 0],
        [0, 1e-3],
        [0, -1e-3],
      ]) {
        const moved = { alpha: fit.params.alpha + da, beta: fit.params.beta + db };
        expect(directLogLikelihood(moved, [...counts])).toBeLessThan(fit.logLikelihood);
      }
      expect(fit.fit.converged).toBe(true);
      expect(fit.periods).toBe(7);
    }
  });

  it('projects years 8–12 close to what happened (within 5 % of the cohort still there)', () => {
    for (const [fit, counts] of [
      [regular, REGULAR],
      [highEnd, HIGH_END],
    ] as const) {
      const curve = survivalCurve(fit.params, 12);
      for (let t = 8; t <= 12; t++) expect(Math.abs(1000 * curve[t] - counts[t]) / counts[t]).toBeLessThan(0.05);
    }
  });

  it('has an infinite mean lifetime when α < 1 and reports the median instead', () => {
    expect(regular.expectedLifetime).toBeNull();
    expect(highEnd.expectedLifetime).toBeNull();
    // As in the data: fewer than half of the regular cohort remain after year 2 (468 of 1,000, 631 after year 1),
    // of the high-end cohort after year 7 (491; 517 after year 6).
    expect(regular.medianLifetime).toBe(2);
    expect(highEnd.medianLifetime).toBe(7);
  });
});

describe('sBG curves', () => {
  const params: SbgParams = { alpha: 0.704, beta: 1.182 };

  it('gives the survival and retention of the product formula', () => {
    const curve = survivalCurve(params, 12);
    curve.forEach((s, t) => expect(s).toBeCloseTo(survival(params, t), 14));
    for (let t = 1; t <= 12; t++) expect(retentionRate(params, t)).toBeCloseTo(curve[t] / curve[t - 1], 14);
    expect(retentionRate(params, 12)).toBeGreaterThan(retentionRate(params, 1));
  });

  it('sums survival to the closed-form mean lifetime (α+β−1)/(α−1) when α > 1', () => {
    const finite: SbgParams = { alpha: 3, beta: 2 };
    expect(expectedLifetime(finite)).toBeCloseTo(4 / 2, 14);
    // S(t) decays like t^−3 here; 10⁵ periods leave a tail below 1e-9.
    expect(expectedLifetime(finite, 100_000)).toBeCloseTo(2, 8);
    expect(expectedLifetime(params, 3)).toBeCloseTo(1 + survival(params, 1) + survival(params, 2), 14);
  });

  it('discounts survival into the expected lifetime value: Σ S(t)/(1+d)ᵗ', () => {
    for (const d of [0.05, 0.1, 0.3]) {
      let sum = 0;
      for (let t = 0; t < 5000; t++) sum += survival(params, t) / Math.pow(1 + d, t);
      expect(discountedExpectedLifetime(params, d)).toBeCloseTo(sum, 9);
    }
    expect(() => discountedExpectedLifetime(params, 0)).toThrow(ValidationError);
  });
});

describe('fitSbg input', () => {
  it('refuses counts that rise, are not whole or start at 0 (400)', () => {
    expect(() => fitSbg([100, 80, 90])).toThrow(ValidationError);
    expect(() => fitSbg([100, 80.5, 60])).toThrow(ValidationError);
    expect(() => fitSbg([0, 0, 0])).toThrow(ValidationError);
  });

  it('refuses data that cannot identify the model (422)', () => {
    expect(() => fitSbg([100, 60])).toThrow(QueryError);
    expect(() => fitSbg([100, 100, 100])).toThrow(/nobody churned/);
    expect(() => fitSbg([100, 0, 0])).toThrow(/everybody churned/);
  });

  it('computes the same log-likelihood as the direct formula at any point', () => {
    const counts = REGULAR.slice(0, 8);
    for (const p of [
      { alpha: 0.5, beta: 0.5 },
      { alpha: 2, beta: 7 },
    ]) {
      expect(logLikelihoodSbg(p, counts)).toBeCloseTo(directLogLikelihood(p, counts), 9);
    }
  });
});
