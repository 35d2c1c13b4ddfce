import { describe, expect, it } from 'vitest';
import { analyticIntervals, totalForecastVariance } from './analytic-intervals.js';
import { percentile, simulatedIntervals, simulatedTotalInterval } from './simulated-intervals.js';
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

describe('simulatedTotalInterval', () => {
  const Z90 = 1.6448536269514722;

  it('agrees with the exact variance of the total where there is one (damped additive Holt-Winters, horizons 3…12)', () => {
    const model: SmoothingModel = { trend: 'damped', season: 'additive', period: 4 };
    const final: SmoothingState = { level: 100, slope: 1, season: [-5, 2, 3, 0], next: 1 };
    const points = pointForecasts(model, PARAMS, final, 12);
    const total = points.slice(2).reduce((a, b) => a + b, 0);
    const half = Z90 * Math.sqrt(totalForecastVariance(model, PARAMS, 4, 3, 12));
    const interval = simulatedTotalInterval(model, PARAMS, final, 4, 3, 12, { level: 0.9, paths: 40_000, seed: 3 });
    expect(Math.abs(interval.lower - (total - half))).toBeLessThan(0.04 * half);
    expect(Math.abs(interval.upper - (total + half))).toBeLessThan(0.04 * half);
  });

  it("is wider than independent errors would make it and narrower than the sum of the points' intervals", () => {
    const model: SmoothingModel = { trend: 'additive', season: 'multiplicative', period: 3 };
    const final: SmoothingState = { level: 200, slope: 2, season: [0.8, 1.3, 0.9], next: 0 };
    const options = { level: 0.9, paths: 20_000, seed: 4 };
    const perPoint = simulatedIntervals(model, PARAMS, final, 9, 9, options);
    const halves = perPoint.map((i) => (i.upper - i.lower) / 2);
    const total = simulatedTotalInterval(model, PARAMS, final, 9, 1, 9, options);
    const half = (total.upper - total.lower) / 2;
    expect(half).toBeLessThan(halves.reduce((a, b) => a + b, 0));
    expect(half).toBeGreaterThan(Math.sqrt(halves.reduce((a, h) => a + h * h, 0)));
  });

  it('one step ahead under multiplicative seasonality is ŷ ± zσ, as for the point', () => {
    const model: SmoothingModel = { trend: 'additive', season: 'multiplicative', period: 3 };
    const final: SmoothingState = { level: 200, slope: 2, season: [0.8, 1.3, 0.9], next: 2 };
    const interval = simulatedTotalInterval(model, PARAMS, final, 9, 1, 1, { level: 0.95, paths: 40_000, seed: 9 });
    const point = (200 + 2) * 0.9;
    const half = 1.959963984540054 * 3;
    expect(Math.abs(interval.lower - (point - half))).toBeLessThan(0.04 * half);
    expect(Math.abs(interval.upper - (point + half))).toBeLessThan(0.04 * half);
  });

  it('collapses onto the total of the point forecasts when σ = 0', () => {
    const model: SmoothingModel = { trend: 'additive', season: 'multiplicative', period: 3 };
    const final: SmoothingState = { level: 200, slope: 2, season: [0.8, 1.3, 0.9], next: 0 };
    // (202·0.8) + (204·1.3) + (206·0.9) + (208·0.8) = 161.6 + 265.2 + 185.4 + 166.4
    const interval = simulatedTotalInterval(model, PARAMS, final, 0, 1, 4, { level: 0.95, paths: 100, seed: 1 });
    expect(interval.lower).toBeCloseTo(778.6, 9);
    expect(interval.upper).toBeCloseTo(778.6, 9);
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
