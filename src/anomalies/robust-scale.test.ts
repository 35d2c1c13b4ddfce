// The median, the MAD and the σ they stand for, worked out by hand on small samples.
import { describe, expect, it } from 'vitest';
import { median, robustSpread, sigmaFloor } from './robust-scale.js';

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([7, 1, 3])).toBe(3);
    expect(median([5, 1, 4, 2])).toBe(3);
    expect(() => median([])).toThrow();
  });
});

describe('robustSpread', () => {
  it('σ = 1.4826 × MAD, which one wild value does not move', () => {
    // 1, 2, 3, 4, 100: median 3; |x − 3| = 2, 1, 0, 1, 97 → MAD 1.
    expect(robustSpread([1, 2, 3, 4, 100])).toEqual({ median: 3, mad: 1, sigma: 1.4826, basis: 'mad' });
    // The same with 1,000,000 instead of 100.
    expect(robustSpread([1, 2, 3, 4, 1_000_000]).sigma).toBe(1.4826);
  });

  it('falls back on √(π/2) × the mean absolute deviation when over half the values equal the median', () => {
    // 5, 5, 5, 5, 6, 7, 5: median 5, |x − 5| = 0, 0, 0, 0, 1, 2, 0 → MAD 0; mean deviation 3/7.
    const spread = robustSpread([5, 5, 5, 5, 6, 7, 5]);
    expect(spread).toMatchObject({ median: 5, mad: 0, basis: 'mean_deviation' });
    expect(spread.sigma).toBeCloseTo(1.2533141373155 * (3 / 7), 12);
  });

  it('takes the floor, 1e-6 × the mean magnitude, when nothing varies', () => {
    const flat = robustSpread([10, 10, 10]);
    expect(flat).toMatchObject({ median: 10, mad: 0, basis: 'floor' });
    expect(flat.sigma).toBeCloseTo(1e-5, 15);
    expect(robustSpread([0, 0, 0]).sigma).toBe(1e-6);
    expect(sigmaFloor([100, -300])).toBeCloseTo(2e-4, 15);
  });
});
