import { describe, expect, it } from 'vitest';
import { meanAbsolutePercentageError, median, rootMeanSquaredError, rSquared } from './fit-quality.js';

describe('fit quality', () => {
  it('computes R², RMSE and MAPE by hand', () => {
    // mean 2, SST = 2, SSE = 1.
    expect(rSquared([1, 2, 3], [1, 2, 4])).toBeCloseTo(0.5, 12);
    expect(rootMeanSquaredError([1, 2], [2, 4])).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(meanAbsolutePercentageError([100, 0, 200], [110, 5, 180])).toBeCloseTo(0.1, 12);
  });

  it('never returns NaN on degenerate input', () => {
    expect(rSquared([0, 0, 0], [0, 0, 0])).toBe(1);
    expect(rSquared([2, 2], [1, 3])).toBe(0);
    expect(meanAbsolutePercentageError([0, 0], [1, 1])).toBeNull();
    expect(rootMeanSquaredError([], [])).toBe(0);
    expect(median([])).toBe(0);
  });

  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });
});
