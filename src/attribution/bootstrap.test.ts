import { describe, expect, it } from 'vitest';
import { QueryError, ValidationError } from '../core/errors.js';
import { bootstrapIntervals, countConvertingJourneys, fewPaths } from './bootstrap.js';
import { creditHeuristic } from './heuristic-models.js';
import type { AggregatedPath } from './paths.js';

const linear = (paths: AggregatedPath[]) => creditHeuristic('linear', paths);
const lastTouch = (paths: AggregatedPath[]) => creditHeuristic('last_touch', paths);

/** Paths from a small linear congruential generator, so the data do not come from the code under test. */
function makePaths(count: number): AggregatedPath[] {
  const keys = ['Search', 'Email', 'Social', 'Display', 'Direct'];
  let state = 12345;
  const next = (m: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % m;
  };
  return Array.from({ length: count }, () => {
    const touches = Array.from({ length: 1 + next(4) }, () => keys[next(keys.length)]);
    const conversions = next(30);
    return { touches, conversions, revenue: conversions * (10 + next(90)), nulls: next(120) };
  });
}

describe('bootstrapIntervals', () => {
  it('gives the same intervals for the same seed and others for another seed', () => {
    const paths = makePaths(60);
    const a = bootstrapIntervals(paths, linear, { seed: 11, resamples: 50 });
    const b = bootstrapIntervals(paths, linear, { seed: 11, resamples: 50 });
    const c = bootstrapIntervals(paths, linear, { seed: 12, resamples: 50 });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('hands the model resamples of as many journeys, converting ones at their path’s mean revenue', () => {
    const paths: AggregatedPath[] = [
      { touches: ['Search'], conversions: 4, revenue: 200, nulls: 6 }, // 50 per conversion
      { touches: ['Email', 'Search'], conversions: 1, revenue: 30, nulls: 9 }, // 30 per conversion
      { touches: ['Display'], conversions: 0, revenue: 0, nulls: 5 },
    ];
    const journeys = 4 + 6 + 1 + 9 + 5;
    let calls = 0;
    bootstrapIntervals(
      paths,
      (resampled) => {
        calls++;
        expect(resampled.reduce((sum, p) => sum + p.conversions + p.nulls, 0)).toBe(journeys);
        for (const p of resampled) {
          const perConversion = p.touches.length === 1 && p.touches[0] === 'Search' ? 50 : 30;
          expect(p.revenue).toBeCloseTo(p.conversions * perConversion, 9);
        }
        return lastTouch(resampled);
      },
      { seed: 3, resamples: 25 },
    );
    expect(calls).toBe(25);
  });

  it('covers each key’s point estimate', () => {
    const paths = makePaths(150);
    for (const credit of [linear, lastTouch]) {
      const estimate = credit(paths);
      const intervals = bootstrapIntervals(paths, credit, { seed: 7 });
      expect([...intervals.keys()].sort()).toEqual([...estimate.keys()].sort());
      for (const [key, point] of estimate) {
        const interval = intervals.get(key)!;
        expect(interval.conversions.low, key).toBeLessThanOrEqual(point.conversions);
        expect(interval.conversions.high, key).toBeGreaterThanOrEqual(point.conversions);
        expect(interval.revenue.low, key).toBeLessThanOrEqual(point.revenue);
        expect(interval.revenue.high, key).toBeGreaterThanOrEqual(point.revenue);
        expect(interval.conversions.high).toBeGreaterThan(interval.conversions.low);
      }
    }
  });

  it('matches the binomial spread when a channel’s credit is one binomial count', () => {
    // 2,000 journeys: 300 convert after Search (40 each), 100 after Direct, 1,600 do not.
    // Under last_touch Search's resampled credit is the count of (Search, converted)
    // journeys: Binomial(2000, 0.15), σ = √(2000 · 0.15 · 0.85) = √255 ≈ 15.97.
    const paths: AggregatedPath[] = [
      { touches: ['Search'], conversions: 300, revenue: 12_000, nulls: 700 },
      { touches: ['Direct'], conversions: 100, revenue: 1_000, nulls: 900 },
    ];
    const resamples = 10_000;
    const { conversions, revenue } = bootstrapIntervals(paths, lastTouch, { seed: 2024, resamples, level: 0.9 }).get('Search')!;
    const sigma = Math.sqrt(2000 * 0.15 * 0.85);
    const z = 1.6448536; // standard normal 95th percentile
    const expectedWidth = 2 * z * sigma; // ≈ 52.5
    // A sample 5 % or 95 % quantile of R draws has sd √(0.05 · 0.95 / R) / f, f = φ(z)/σ the density
    // there (asymptotic order statistics); the width's sd is about √2 times that. Four of those, plus
    // 1 for the integer steps of a count.
    const phi = Math.exp(-(z * z) / 2) / Math.sqrt(2 * Math.PI);
    const quantileSd = Math.sqrt((0.05 * 0.95) / resamples) / (phi / sigma);
    const tolerance = 4 * Math.SQRT2 * quantileSd + 1; // ≈ 2.9 (a Poisson spread, width ≈ 57, would fail)
    expect(Math.abs(conversions.high - conversions.low - expectedWidth)).toBeLessThan(tolerance);
    // The interval sits around 300 (its middle within the same tolerance).
    expect(Math.abs((conversions.high + conversions.low) / 2 - 300)).toBeLessThan(tolerance);
    // Each resampled Search conversion carries 12,000 / 300 = 40.
    expect(revenue.low).toBeCloseTo(40 * conversions.low, 6);
    expect(revenue.high).toBeCloseTo(40 * conversions.high, 6);
  });

  it('flags keys with fewer than 30 converting journeys', () => {
    const paths: AggregatedPath[] = [
      { touches: ['Search'], conversions: 80, revenue: 800, nulls: 100 },
      { touches: ['Podcast', 'Search'], conversions: 12, revenue: 120, nulls: 30 },
    ];
    const intervals = bootstrapIntervals(paths, linear, { seed: 1, resamples: 20 });
    expect(intervals.get('Search')).toMatchObject({ convertingJourneys: 92, fewPaths: false });
    expect(intervals.get('Podcast')).toMatchObject({ convertingJourneys: 12, fewPaths: true });
    // Fewer than the minimum is flagged; exactly the minimum is not.
    expect(bootstrapIntervals(paths, linear, { seed: 1, resamples: 20, minJourneys: 13 }).get('Podcast')!.fewPaths).toBe(true);
    expect(bootstrapIntervals(paths, linear, { seed: 1, resamples: 20, minJourneys: 12 }).get('Podcast')!.fewPaths).toBe(false);
  });

  it('refuses bad options (400) and journey counts that are not whole (422)', () => {
    const paths: AggregatedPath[] = [{ touches: ['A'], conversions: 1, revenue: 1, nulls: 1 }];
    expect(() => bootstrapIntervals(paths, linear, { seed: 1, resamples: 0 })).toThrow(ValidationError);
    expect(() => bootstrapIntervals(paths, linear, { seed: 1, level: 1 })).toThrow(ValidationError);
    const fractional: AggregatedPath[] = [{ touches: ['A'], conversions: 1.5, revenue: 1, nulls: 1 }];
    expect(() => bootstrapIntervals(fractional, linear, { seed: 1 })).toThrow(QueryError);
  });
});

describe('countConvertingJourneys and fewPaths', () => {
  // A: 20 (A > B) + 5 (A) + 10 (A > A, once per journey) = 35; B: 20 + 15 = 35;
  // C: only on a path without conversions → 0; Direct: the touchless 3.
  const paths: AggregatedPath[] = [
    { touches: ['A', 'B'], conversions: 20, revenue: 0, nulls: 0 },
    { touches: ['B'], conversions: 15, revenue: 0, nulls: 4 },
    { touches: ['A'], conversions: 5, revenue: 0, nulls: 100 },
    { touches: ['A', 'A'], conversions: 10, revenue: 0, nulls: 0 },
    { touches: ['C'], conversions: 0, revenue: 0, nulls: 500 },
    { touches: [], conversions: 3, revenue: 0, nulls: 0 },
  ];

  it('counts each converting journey once per key on its path', () => {
    expect(countConvertingJourneys(paths)).toEqual(
      new Map([
        ['A', 35],
        ['B', 35],
        ['Direct', 3],
      ]),
    );
  });

  it('flags keys under the minimum', () => {
    expect(fewPaths(paths, 'A')).toBe(false);
    expect(fewPaths(paths, 'A', 36)).toBe(true);
    expect(fewPaths(paths, 'C')).toBe(true);
    expect(fewPaths(paths, 'Direct')).toBe(true);
    expect(fewPaths(paths, 'Direct', 3)).toBe(false);
  });
});
