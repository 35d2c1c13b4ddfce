import { describe, expect, it } from 'vitest';
import type { CohortRow } from './cohort-matrix.js';
import { fitRetentionModel } from './retention-model.js';

// Fader & Hardie (2007), "How to Project Customer Retention", Table 1: of a cohort of 1,000 regular
// customers, those still there at the start of years 1 … 13. Their estimates on years 1–7: α = 0.704, β = 1.182.
const REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173];

/** A cohort whose cells hold these survivor counts, then `unseen` null cells. */
function row(survivors: readonly number[], unseen = 0): CohortRow {
  const cells = survivors.map((n, period) => ({ period, customers: survivors[0], active: n, revenue: 0, value: null, complete: true, survivors: n }));
  return { cohort: '2026-01-01', end: '2026-01-31', customers: survivors[0], cells: [...cells, ...Array<null>(unseen).fill(null)] };
}

/** The paper's likelihood with its beta functions written out as products, summed over cohorts. */
function directLogLikelihood(alpha: number, beta: number, cohorts: readonly number[][]): number {
  const survival = (t: number) => Array.from({ length: t }, (_, i) => (beta + i) / (alpha + beta + i)).reduce((a, b) => a * b, 1);
  const churnAt = (t: number) => (survival(t - 1) * alpha) / (alpha + beta + t - 1);
  return cohorts.reduce((ll, n) => {
    let sum = n[n.length - 1] * Math.log(survival(n.length - 1));
    for (let t = 1; t < n.length; t++) sum += (n[t - 1] - n[t]) * Math.log(churnAt(t));
    return ll + sum;
  }, 0);
}

describe('fitRetentionModel', () => {
  it('recovers the published α and β from the regular cohort’s first seven years, and projects the next six within 5 % of what happened', () => {
    const { model, warnings } = fitRetentionModel([row(REGULAR.slice(0, 8), 3)], 6);
    expect(model!.alpha).toBeCloseTo(0.704, 3);
    expect(model!.beta).toBeCloseTo(1.182, 3);
    expect(model).toMatchObject({ model: 'sbg', cohorts: 1, subscribers: 1000, observed_periods: 7, expected_lifetime: null, median_lifetime: 2 });
    expect(model!.projection.map((p) => p.period)).toEqual([8, 9, 10, 11, 12, 13]);
    for (const p of model!.projection.slice(0, 5)) expect(Math.abs(10 * p.retention - REGULAR[p.period]) / REGULAR[p.period]).toBeLessThan(0.05);
    expect(warnings).toEqual(['the retention model rests on 1 cohort and 1000 subscribers: treat its projection with care']);
  });

  it('maximises the summed likelihood of cohorts observed for different lengths', () => {
    const cohorts = [REGULAR.slice(0, 8), REGULAR.slice(0, 4).map((n) => n / 2), [400, 250, 190]];
    const { model, warnings } = fitRetentionModel(cohorts.map((s) => row(s)), 3);
    const { alpha, beta } = model!;
    expect(model!.log_likelihood).toBeCloseTo(directLogLikelihood(alpha, beta, cohorts), 8);
    for (const [da, db] of [
      [1e-3, 0],
      [-1e-3, 0],
      [0, 1e-3],
      [0, -1e-3],
    ]) {
      expect(directLogLikelihood(alpha + da, beta + db, cohorts)).toBeLessThan(model!.log_likelihood);
    }
    expect(model).toMatchObject({ cohorts: 3, subscribers: 1900, observed_periods: 7 + 3 + 2 });
    expect(warnings).toEqual([]);
  });

  it('gives the same fit for a cohort counted twice, and leaves out cohorts without subscribers', () => {
    const once = fitRetentionModel([row(REGULAR.slice(0, 8))], 1).model!;
    const twice = fitRetentionModel([row(REGULAR.slice(0, 8)), row(REGULAR.slice(0, 8)), row([0, 0, 0])], 1).model!;
    expect(twice.alpha).toBeCloseTo(once.alpha, 4);
    expect(twice.beta).toBeCloseTo(once.beta, 4);
    expect(twice.cohorts).toBe(2);
  });

  it('gives the mean lifetime (α + β − 1) / (α − 1) when α > 1', () => {
    // Half of a large cohort leaves each period for three periods: θ concentrates at ½ (α, β large and equal), mean lifetime near 2.
    const { model } = fitRetentionModel([row([80_000, 40_000, 20_000, 10_000])], 2);
    expect(model!.alpha).toBeGreaterThan(1);
    expect(model!.expected_lifetime).toBeCloseTo((model!.alpha + model!.beta - 1) / (model!.alpha - 1), 12);
    expect(model!.expected_lifetime!).toBeCloseTo(2, 1);
    expect(model!.projection.map((p) => Number(p.retention.toFixed(1)))).toEqual([6.3, 3.1]);
  });

  it.each([
    [[row([10])], 'too few periods to fit the retention model: no cohort with subscribers has a period after its first, at least 2 are needed'],
    [[row([10, 8]), row([5, 4])], 'too few periods to fit the retention model: the longest cohort has 1 period of churn observed, at least 2 are needed'],
    [[row([0, 0, 0])], 'too few periods to fit the retention model: no cohort with subscribers has a period after its first, at least 2 are needed'],
    [[row([10, 10, 10]), row([3, 3])], 'nobody churned, so the retention model cannot estimate a churn rate'],
    [[row([10, 0, 0]), row([3, 0])], 'every subscriber churned in the first period, so the retention model cannot project retention'],
  ])('explains why it cannot fit %#', (rows, warning) => {
    expect(fitRetentionModel(rows, 6)).toEqual({ model: null, warnings: [warning] });
  });
});
