// Segment contributions worked out by hand, and the property that makes them
// trustworthy: the parts add up to the total change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { additiveContributions, firingSegments, ratioContributions, type RatioSegment } from './segment-contributions.js';

describe('additiveContributions', () => {
  // 250 → 310: A +50, B −10, C unchanged, D new with 20.
  const cost = [
    { key: 'A', previous: 100, current: 150 },
    { key: 'B', previous: 100, current: 90 },
    { key: 'C', previous: 50, current: 50 },
    { key: 'D', previous: null, current: 20 },
  ];

  it("ranks each segment's change, largest first, with its share of the total change", () => {
    const report = additiveContributions(cost);
    expect([report.previous, report.current, report.change]).toEqual([250, 310, 60]);
    expect(report.segments.map((s) => [s.key, s.contribution])).toEqual([['A', 50], ['D', 20], ['B', -10]]);
    // 50 + 20 − 10 = 60: the parts add up to the change.
    expect(report.segments.reduce((t, s) => t + s.contribution, 0)).toBe(60);
    // 50 / 60, 20 / 60, −10 / 60.
    expect(report.segments.map((s) => s.sharePercent)).toEqual([(50 / 60) * 100, (20 / 60) * 100, (-10 / 60) * 100]);
    expect(report.segments[1]).toMatchObject({ key: 'D', previous: 0, current: 20 });
  });

  it('has no shares when the whole did not change', () => {
    const report = additiveContributions([{ key: 'A', previous: 100, current: 110 }, { key: 'B', previous: 100, current: 90 }]);
    expect(report.change).toBe(0);
    expect(report.segments.map((s) => [s.key, s.contribution, s.sharePercent])).toEqual([['A', 10, null], ['B', -10, null]]);
  });
});

describe('ratioContributions', () => {
  // CPA = cost / conversions. A: 100 / 10 = 10, then 150 / 10 = 15. B: 100 / 5 = 20, then 100 / 10 = 10.
  // The whole: 200 / 15 = 13.33, then 250 / 20 = 12.5, a change of −5/6.
  const cpa: RatioSegment[] = [
    { key: 'A', previous: { numerator: 100, denominator: 10 }, current: { numerator: 150, denominator: 10 } },
    { key: 'B', previous: { numerator: 100, denominator: 5 }, current: { numerator: 100, denominator: 10 } },
  ];

  it('splits each part into mix and rate effects that add up to the change', () => {
    const report = ratioContributions(cpa);
    expect(report.previous).toBeCloseTo(40 / 3, 12);
    expect(report.current).toBe(12.5);
    expect(report.change).toBeCloseTo(-5 / 6, 12);
    const [b, a] = report.segments;
    // B: 100/20 − 100/15 = −5/3. Its share of conversions went 1/3 → 1/2 at a mean rate of 15: mix +2.5;
    // its CPA went 20 → 10 at a mean share of 5/12: rate −25/6. It is 200 % of the change.
    expect(b.key).toBe('B');
    expect(b.contribution).toBeCloseTo(-5 / 3, 12);
    expect(b.mix).toBeCloseTo(2.5, 12);
    expect(b.rate).toBeCloseTo(-25 / 6, 12);
    expect(b.sharePercent).toBeCloseTo(200, 10);
    expect([b.previous, b.current]).toEqual([20, 10]);
    // A: 150/20 − 100/15 = +5/6. Share 2/3 → 1/2 at a mean rate of 12.5: mix −25/12; CPA 10 → 15 at a mean share of 7/12: rate +35/12.
    expect(a.key).toBe('A');
    expect(a.contribution).toBeCloseTo(5 / 6, 12);
    expect(a.mix).toBeCloseTo(-25 / 12, 12);
    expect(a.rate).toBeCloseTo(35 / 12, 12);
    expect(a.sharePercent).toBeCloseTo(-100, 10);
    // −5/3 + 5/6 = −5/6: the parts add up to the change.
    expect(a.contribution + b.contribution).toBeCloseTo(-5 / 6, 12);
  });

  it('counts a segment that came or went as mix only', () => {
    // A stays at 100 / 10 = 10; C arrives with 60 / 2 = 30. The whole: 10 → 160 / 12 = 13.33.
    const report = ratioContributions([
      { key: 'A', previous: { numerator: 100, denominator: 10 }, current: { numerator: 100, denominator: 10 } },
      { key: 'C', previous: { numerator: null, denominator: null }, current: { numerator: 60, denominator: 2 } },
    ]);
    expect(report.change).toBeCloseTo(10 / 3, 12);
    const [c, a] = report.segments;
    // C: 60/12 − 0 = 5, all mix; A: 100/12 − 100/10 = −5/3, all mix (its rate did not move).
    expect([c.key, c.previous, c.current, c.rate]).toEqual(['C', null, 30, 0]);
    expect(c.contribution).toBeCloseTo(5, 12);
    expect(c.mix).toBeCloseTo(5, 12);
    expect(c.sharePercent).toBeCloseTo(150, 10);
    expect(a.contribution).toBeCloseTo(-5 / 3, 12);
    expect(a.rate).toBe(0);
  });

  it('applies the scale of a percentage ratio', () => {
    // CTR = clicks / impressions × 100: A 1 % → 2 % on half the impressions, B stays at 3 %. The whole: 2 % → 2.5 %.
    const report = ratioContributions(
      [
        { key: 'A', previous: { numerator: 10, denominator: 1000 }, current: { numerator: 20, denominator: 1000 } },
        { key: 'B', previous: { numerator: 30, denominator: 1000 }, current: { numerator: 30, denominator: 1000 } },
      ],
      100,
    );
    expect([report.previous, report.current]).toEqual([2, 2.5]);
    expect(report.segments).toHaveLength(1);
    expect(report.segments[0]).toMatchObject({ key: 'A', previous: 1, current: 2, mix: 0, sharePercent: 100 });
    expect(report.segments[0].contribution).toBeCloseTo(0.5, 12);
  });

  it('has no breakdown when the ratio has no value in a period', () => {
    const report = ratioContributions([{ key: 'A', previous: { numerator: 5, denominator: 0 }, current: { numerator: 100, denominator: 10 } }]);
    expect(report).toEqual({ previous: null, current: 10, change: null, segments: [], note: 'the ratio has no value in the previous period (its denominator is 0)' });
  });

  it('gives parts that add up to the total change, and shares to 100 %, for any segments', () => {
    const parts = fc.record({ numerator: fc.integer({ min: 0, max: 100_000 }), denominator: fc.integer({ min: 0, max: 10_000 }) });
    const segments = fc.array(fc.record({ previous: parts, current: parts }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(segments, (drawn) => {
        const input = drawn.map((s, i) => ({ key: `s${i}`, ...s }));
        const report = ratioContributions(input);
        const D0 = drawn.reduce((t, s) => t + s.previous.denominator, 0);
        const D1 = drawn.reduce((t, s) => t + s.current.denominator, 0);
        if (D0 === 0 || D1 === 0) return report.change === null;
        // The change from the totals, computed without the segments.
        const change = drawn.reduce((t, s) => t + s.current.numerator, 0) / D1 - drawn.reduce((t, s) => t + s.previous.numerator, 0) / D0;
        const scale = Math.max(1, Math.abs(change));
        const total = report.segments.reduce((t, s) => t + s.contribution, 0);
        expect(Math.abs(total - change)).toBeLessThan(1e-9 * scale);
        for (const s of report.segments) expect(Math.abs(s.mix! + s.rate! - s.contribution)).toBeLessThan(1e-9 * scale);
        if (Math.abs(change) > 1e-6) expect(report.segments.reduce((t, s) => t + s.sharePercent!, 0)).toBeCloseTo(100, 6);
        return true;
      }),
    );
  });
});

describe('firingSegments', () => {
  it('lists the segments that moved as a firing carries them', () => {
    const report = additiveContributions([
      { key: 'A', previous: 100, current: 150 },
      { key: 'B', previous: 100, current: 90 },
      { key: 'D', previous: 0, current: 20 },
    ]);
    // 50 / 60 = 83.3 %, 20 / 60 = 33.3 %, −10 / 60 = −16.7 %.
    expect(firingSegments('campaign', report)).toEqual([
      { dimension: 'campaign', value: 'A', metric_value: 150, contribution_percent: 83.3 },
      { dimension: 'campaign', value: 'D', metric_value: 20, contribution_percent: 33.3 },
      { dimension: 'campaign', value: 'B', metric_value: 90, contribution_percent: -16.7 },
    ]);
    expect(firingSegments('campaign', report, 1).map((s) => s.value)).toEqual(['A']);
  });

  it('lists none when the whole did not change', () => {
    expect(firingSegments('channel', additiveContributions([{ key: 'A', previous: 1, current: 2 }, { key: 'B', previous: 2, current: 1 }]))).toEqual([]);
  });
});
