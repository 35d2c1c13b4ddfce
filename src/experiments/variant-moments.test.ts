import { describe, expect, it } from 'vitest';
import { meanMoments, rateMoments } from './variant-moments.js';

describe('rateMoments and meanMoments', () => {
  it('give a rate p and the Bernoulli variance p(1 − p)', () => {
    expect(rateMoments({ name: 'A', n: 200, conversions: 50 })).toEqual({ n: 200, mean: 0.25, variance: 0.1875 });
    expect(rateMoments({ name: 'A', n: 10, conversions: 0 })).toEqual({ n: 10, mean: 0, variance: 0 });
  });

  it('give a mean and its sample variance from the sums, as from the values themselves', () => {
    const values = [4.5, -1, 3, 8.25, 0, 2];
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (values.length - 1);
    const moments = meanMoments({ n: values.length, sum: values.reduce((a, b) => a + b, 0), sumSquares: values.reduce((s, x) => s + x * x, 0) });
    expect(moments.mean).toBeCloseTo(mean, 14);
    expect(moments.variance).toBeCloseTo(variance, 12);
  });

  it('never gives a negative variance for sums that round below (Σx)²/n', () => {
    expect(meanMoments({ n: 3, sum: 0.1 + 0.1 + 0.1, sumSquares: 0.01 + 0.01 + 0.01 }).variance).toBeGreaterThanOrEqual(0);
  });
});
