// The stats body of a readout from the warehouse: the control first, a rate
// or a mean, CUPED only where the days before exposure explain enough of the
// metric (pooled ρ², worked out here by hand), and the errors of data that
// cannot be read out.
import { describe, expect, it } from 'vitest';
import { QueryError, ValidationError } from '../core/errors.js';
import type { ExperimentVariantSums } from '../warehouse/warehouse.js';
import { experimentMetric, type ExperimentMetric } from './experiment-metrics.js';
import { parseExposureRequest } from './exposure-request.js';
import { exposureStats, pooledExplained } from './exposure-stats.js';

const metric = (id: string) => experimentMetric(id, new Set(['purchase', 'signup'])) as ExperimentMetric;
const request = (extra: Record<string, unknown> = {}) => parseExposureRequest({ experiment: 'hero', metric: 'conversions', ...extra });
const sums = (variant: string, people: number, ys: number[], xs: number[]): ExperimentVariantSums => {
  const values = Array.from({ length: people }, (_, i) => [ys[i] ?? 0, xs[i] ?? 0]);
  return {
    variant,
    people,
    sum: values.reduce((t, [y]) => t + y, 0),
    sumSquares: values.reduce((t, [y]) => t + y * y, 0),
    preSum: values.reduce((t, [, x]) => t + x, 0),
    preSumSquares: values.reduce((t, [, x]) => t + x * x, 0),
    crossSum: values.reduce((t, [y, x]) => t + x * y, 0),
  };
};
const result = (variants: ExperimentVariantSums[]) => ({ variants, multipleVariants: 0, firstExposure: 0, lastExposure: 0 });

describe('pooledExplained', () => {
  it('is the squared correlation of y and x over every person', () => {
    // y = 1, 2, 3, 4 and x = 1, 2, 3, 5: ȳ 2.5, x̄ 2.75; Σ(y−ȳ)(x−x̄) = 6.5, Σ(y−ȳ)² = 5, Σ(x−x̄)² = 8.75 → ρ² = 6.5² / (5 · 8.75) = 42.25 / 43.75.
    const a = sums('A', 2, [1, 2], [1, 2]);
    const b = sums('B', 2, [3, 4], [3, 5]);
    expect(pooledExplained([a, b])).toBeCloseTo(42.25 / 43.75, 12);
  });

  it('is 0 when the covariate or the metric does not vary', () => {
    expect(pooledExplained([sums('A', 3, [1, 0, 1], [0, 0, 0]), sums('B', 3, [1, 1, 0], [0, 0, 0])])).toBe(0);
    expect(pooledExplained([sums('A', 3, [1, 1, 1], [0, 1, 2]), sums('B', 3, [1, 1, 1], [2, 1, 0])])).toBe(0);
  });
});

describe('exposureStats', () => {
  it('puts a variant named control first, the rest by name, as a rate without covariate', () => {
    const stats = exposureStats(result([sums('blue', 4, [1], []), sums('control', 4, [1, 1], []), sums('amber', 4, [], [])]), metric('visitor_cvr'), request());
    expect(stats.body).toEqual({
      kind: 'rate',
      control: 'control',
      variants: [
        { name: 'control', n: 4, conversions: 2 },
        { name: 'amber', n: 4, conversions: 0 },
        { name: 'blue', n: 4, conversions: 1 },
      ],
    });
    expect([stats.cuped, stats.notes]).toEqual([false, ['CUPED was not applied: no exposed person had visitor_cvr in the 14 days before their first exposure']]);
  });

  it('applies CUPED to a mean whose days before explain enough, with the planned split by name', () => {
    const [a, b] = [sums('A', 2, [1, 2], [1, 2]), sums('B', 2, [3, 4], [3, 5])];
    const stats = exposureStats(result([a, b]), metric('conversions'), request({ planned_split: { B: 0.7, A: 0.3 } }));
    expect(stats.cuped).toBe(true);
    expect(stats.body).toEqual({
      kind: 'mean',
      control: 'A',
      planned_split: [0.3, 0.7],
      variants: [
        { name: 'A', n: 2, sum: 3, sum_squares: 5, covariate_sum: 3, covariate_sum_squares: 5, cross_sum: 5 },
        { name: 'B', n: 2, sum: 7, sum_squares: 25, covariate_sum: 8, covariate_sum_squares: 34, cross_sum: 29 },
      ],
    });
  });

  it('leaves CUPED out under 1 % explained and says how much it was; a rate with CUPED is a mean and says so', () => {
    // Everyone pooled: y = 1, 0, 1, 0 and x = 1, 1, 0, 0, uncorrelated (Σ(y−ȳ)(x−x̄) = 0).
    const flat = exposureStats(result([sums('A', 2, [1, 0], [1, 1]), sums('B', 2, [1, 0], [0, 0])]), metric('conversions'), request());
    expect(flat.cuped).toBe(false);
    expect(flat.notes).toEqual(['CUPED was not applied: conversions in the 14 days before exposure explains 0.0 % of its variance after, under the 1 % worth adjusting for']);
    const rate = exposureStats(result([sums('A', 3, [1, 0, 0], [1, 0, 0]), sums('B', 3, [1, 1, 0], [1, 0, 0])]), metric('signup'), request());
    expect([rate.body.kind, rate.cuped]).toEqual(['mean', true]);
    expect(rate.notes[0]).toMatch(/^signup is compared as the mean of a 1-or-0 outcome so that CUPED can adjust it/);
    const off = exposureStats(result([sums('A', 3, [1, 0, 0], [1, 0, 0]), sums('B', 3, [1, 1, 0], [1, 0, 0])]), metric('signup'), request({ cuped: false }));
    expect([off.body.kind, off.notes]).toEqual(['rate', []]);
  });

  it('refuses one variant, a mean with a variant of one person, an unknown control and a split that does not fit', () => {
    expect(() => exposureStats(result([sums('A', 5, [1], [])]), metric('conversions'), request())).toThrow(QueryError);
    expect(() => exposureStats(result([sums('A', 5, [1], []), sums('B', 1, [1], [])]), metric('revenue'), request())).toThrow(/variant "B" has 1 exposed person; a mean needs at least 2/);
    expect(() => exposureStats(result([sums('A', 5, [1], []), sums('B', 5, [1], [])]), metric('conversions'), request({ control: 'C' }))).toThrow(ValidationError);
    expect(() => exposureStats(result([sums('A', 5, [1], []), sums('B', 5, [1], [])]), metric('conversions'), request({ planned_split: { A: 1 } }))).toThrow(/planned_split.B is missing/);
  });
});
