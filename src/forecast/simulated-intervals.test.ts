import { describe, expect, it } from 'vitest';
import { analyticIntervals } from './analytic-intervals.js';
import { percentile, simulatedIntervals } from './simulated-intervals.js';
import type { SmoothingModel, SmoothingParams, SmoothingState } from './smoothing.js';
import { pointForecasts } from './smoothing.js';

const PARAMS: SmoothingParams = { alpha: 0.3, beta: 0.4, gamma: 0.2, phi: 0.9 };

describe('simulatedIntervals', () => {
  it('agrees with the exact variance where there is one (damped additive Holt-Winters)', () => {
    const model: SmoothingModel = { trend: 'damped', season: 'additive', period: 4 };
    const final: SmoothingState = { level: 100, slope: 1, season: [-5, 2, 3, 0], next: 1 };
    const points = pointForecasts(model, PARAMS, final, 10);
    const exact = analyticIntervals(model, PARAMS, 4, points, 0.9);
    const simulated = simulatedIntervals(model, PARAMS, final, 4, 10, { level: 0.9, paths: 40_000, seed: 3 });
    simulated.forEach((interval, h) => {
      const half = (exact[h].upper - exact[h].lower) / 2;
      // 40,000 paths: a 5 % quantile is within about 1 % of the half-width; allow 4 %.
      expect(Math.abs(interval.lower - exact[h].lower)).toBeLessThan(0.04 * half);
      expect(Math.abs(interval.upper - exact[h].upper)).toBeLessThan(0.04 * half);
    });
  });

  it('one step ahead under multiplicative seasonality is still ŷ ± zσ (the states have not moved yet)', () => {
    const model: SmoothingModel = { trend: 'additive', season: 'multiplicative', period: 3 };
    const final: SmoothingState = { level: 200, slope: 2, season: [0.8, 1.3, 0.9], next: 2 };
    const [first] = simulatedIntervals(model, PARAMS, final, 9, 5, { level: 0.95, paths: 40_000, seed: 9 });
    const point = (200 + 2) * 0.9;
    const half = 1.959963984540054 * 3;
    expect(Math.abs(first.lower - (point - half))).toBeLessThan(0.04 * half);
    expect(Math.abs(first.upper - (point + half))).toBeLessThan(0.04 * half);
  });

  it('is reproduced by its seed and changed by another', () => {
    const model: SmoothingModel = { trend: 'additive', season: 'multiplicative', period: 3 };
    const final: SmoothingState = { level: 200, slope: 2, season: [0.8, 1.3, 0.9], next: 0 };
    const run = (seed: number) => simulatedIntervals(model, PARAMS, final, 9, 6, { level: 0.8, paths: 500, seed });
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });

  it('collapses onto the point forecasts when σ = 0', () => {
    const model: SmoothingModel = { trend: 'additive', season: 'multiplicative', period: 3 };
    const final: SmoothingState = { level: 200, slope: 2, season: [0.8, 1.3, 0.9], next: 0 };
    const points = pointForecasts(model, PARAMS, final, 4);
    simulatedIntervals(model, PARAMS, final, 0, 4, { level: 0.95, paths: 100, seed: 1 }).forEach((interval, h) => {
      expect(interval.lower).toBeCloseTo(points[h], 10);
      expect(interval.upper).toBeCloseTo(points[h], 10);
    });
  });
});

describe('percentile (R type 7)', () => {
  it('interpolates between order statistics', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(percentile([1, 2, 3, 4], 1)).toBe(4);
    expect(percentile([7], 0.3)).toBe(7);
  });
});
