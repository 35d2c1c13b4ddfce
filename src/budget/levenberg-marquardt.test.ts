import { describe, expect, it } from 'vitest';
import { levenbergMarquardt } from './levenberg-marquardt.js';

describe('levenbergMarquardt', () => {
  const xs = [0, 1, 2, 3, 4, 5, 6];
  const model = ([logA, k]: readonly number[]) => ({
    values: xs.map((x) => Math.exp(logA - k * x)),
    jacobian: xs.map((x) => [Math.exp(logA - k * x), -x * Math.exp(logA - k * x)]),
  });

  it('recovers y = 5·e^(−0.3x) from exact data, far from the start', () => {
    const ys = xs.map((x) => 5 * Math.exp(-0.3 * x));
    const fit = levenbergMarquardt(ys, model, [0, 1], { lower: [-10, -5], upper: [10, 5] });
    expect(Math.exp(fit.point[0])).toBeCloseTo(5, 6);
    expect(fit.point[1]).toBeCloseTo(0.3, 6);
    expect(fit.sse).toBeLessThan(1e-12);
    expect(fit.converged).toBe(true);
  });

  it('matches the linear least-squares slope when the model is linear', () => {
    // y = b·x through (1, 1), (2, 3), (3, 2): b = Σxy/Σx² = (1 + 6 + 6)/14.
    const fit = levenbergMarquardt([1, 3, 2], ([b]) => ({ values: [b, 2 * b, 3 * b], jacobian: [[1], [2], [3]] }), [0], { lower: [-100], upper: [100] });
    expect(fit.point[0]).toBeCloseTo(13 / 14, 10);
    expect(fit.normalMatrix[0][0]).toBeCloseTo(14, 10);
  });

  it('stays inside its box', () => {
    const ys = xs.map((x) => 5 * Math.exp(-0.3 * x));
    const fit = levenbergMarquardt(ys, model, [0, 0.05], { lower: [-10, 0], upper: [10, 0.1] });
    expect(fit.point[1]).toBeLessThanOrEqual(0.1);
    expect(fit.point[1]).toBeCloseTo(0.1, 12);
  });
});
