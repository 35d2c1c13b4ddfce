// Segment drivers on hand-built channels: mix and rate worked out by hand,
// segments that came or went, and a segment with no denominator.
import { describe, expect, it } from 'vitest';
import { CATALOG_BY_ID } from '../metrics/catalog.js';
import { segmentDrivers } from './segment-drivers.js';

const metric = (id: string) => CATALOG_BY_ID.get(id)!;

describe('segmentDrivers', () => {
  it('splits a ratio into mix and rate effects per channel', () => {
    // CPA by channel. Search: 400 / 40 = 10 → 600 / 40 = 15. Social: 600 / 20 = 30 → 400 / 40 = 10.
    // The whole: 1000 / 60 = 16.67 → 1000 / 80 = 12.5, a change of −25/6.
    const report = segmentDrivers(metric('cpa'), {
      dimension: 'channel',
      segments: [
        { key: 'Search', previous: { cost: 400, conversions: 40 }, current: { cost: 600, conversions: 40 } },
        { key: 'Social', previous: { cost: 600, conversions: 20 }, current: { cost: 400, conversions: 40 } },
      ],
    });
    expect(report.kind).toBe('ratio');
    expect(report.change).toBeCloseTo(-25 / 6, 12);
    const [social, search] = report.segments;
    // Social: 400/80 − 600/60 = −5. Its share of conversions went 1/3 → 1/2 at a mean CPA of 20: mix +10/3;
    // its CPA went 30 → 10 at a mean share of 5/12: rate −25/3.
    expect(social.key).toBe('Social');
    expect(social.contribution).toBeCloseTo(-5, 12);
    expect(social.mix).toBeCloseTo(10 / 3, 12);
    expect(social.rate).toBeCloseTo(-25 / 3, 12);
    expect(social.summary).toBe('Social: -5.00 of the -4.17 CPA change (rate -8.33, mix +3.33)');
    // Search: 600/80 − 400/60 = +5/6. Share 2/3 → 1/2 at a mean CPA of 12.5: mix −25/12; CPA 10 → 15 at a mean share of 7/12: rate +35/12.
    expect(search.contribution).toBeCloseTo(5 / 6, 12);
    expect(search.mix).toBeCloseTo(-25 / 12, 12);
    expect(search.rate).toBeCloseTo(35 / 12, 12);
    // −5 + 5/6 = −25/6: the parts add up to the change.
    expect(social.contribution + search.contribution).toBeCloseTo(-25 / 6, 12);
    expect(report.segments.every((s) => s.status === 'both')).toBe(true);
  });

  it('adds up the changes of an additive metric, with segments that came and went', () => {
    // Cost: A 100 → 150, B 80 → gone, C new with 40. 180 → 190.
    const report = segmentDrivers(metric('cost'), {
      dimension: 'campaign',
      segments: [
        { key: 'A', previous: { cost: 100 }, current: { cost: 150 } },
        { key: 'B', previous: { cost: 80 } },
        { key: 'C', current: { cost: 40 } },
      ],
    });
    expect(report.kind).toBe('additive');
    expect([report.previous, report.current, report.change]).toEqual([180, 190, 10]);
    expect(report.segments.map((s) => [s.key, s.status, s.contribution])).toEqual([['B', 'gone', -80], ['A', 'both', 50], ['C', 'new', 40]]);
    expect(report.segments[0].summary).toBe('B (gone): -80.00 of the +10.00 Cost change');
  });

  it('counts a new segment and a segment without a denominator as mix only', () => {
    // CTR: A 10 / 1000 both times; N new with 30 / 1000; Z has 5 clicks on no impressions now.
    // The whole: 10 / 1000 = 1 % → 45 / 2000 = 2.25 %.
    // N: 100 × 30/2000 = 1.5; Z: 100 × 5/2000 = 0.25; A: 100 × (10/2000 − 10/1000) = −0.5. Sum 1.25.
    const report = segmentDrivers(metric('ctr'), {
      dimension: 'campaign',
      segments: [
        { key: 'A', previous: { clicks: 10, impressions: 1000 }, current: { clicks: 10, impressions: 1000 } },
        { key: 'N', current: { clicks: 30, impressions: 1000 } },
        { key: 'Z', previous: { clicks: 0, impressions: 0 }, current: { clicks: 5, impressions: 0 } },
      ],
    });
    expect(report.change).toBeCloseTo(1.25, 12);
    const byKey = Object.fromEntries(report.segments.map((s) => [s.key, s]));
    expect(byKey.N).toMatchObject({ status: 'new', previous: null, current: 3, rate: 0 });
    expect(byKey.N.contribution).toBeCloseTo(1.5, 12);
    expect(byKey.Z).toMatchObject({ status: 'new', previous: null, current: null, rate: 0 });
    expect(byKey.Z.contribution).toBeCloseTo(0.25, 12);
    expect(byKey.A.contribution).toBeCloseTo(-0.5, 12);
    expect(byKey.A.rate).toBe(0);
    for (const s of report.segments) expect(Number.isNaN(s.contribution) || Number.isNaN(s.mix!)).toBe(false);
  });

  it('does not split a formula that is neither a sum nor a ratio of sums', () => {
    const report = segmentDrivers(metric('retention_rate'), { dimension: 'campaign', segments: [{ key: 'A', previous: { churned_customers: 1, active_at_start: 10 } }] });
    expect(report.kind).toBe('none');
    expect(report.segments).toEqual([]);
    expect(report.notes[0]).toMatch(/not split by campaign/);
  });
});
