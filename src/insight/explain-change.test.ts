// Explaining a change end to end: the headline, the formula drivers in words,
// the segments, and the periods where the KPI has no value.
import { describe, expect, it } from 'vitest';
import { CATALOG_BY_ID } from '../metrics/catalog.js';
import { explainChange } from './explain-change.js';

const metric = (id: string) => CATALOG_BY_ID.get(id)!;

describe('explainChange', () => {
  it('explains a CPA rise by CPC and CVR, in words', () => {
    // CPA 20 → 25: CPC 1 → 1.1 gives 47/22 ≈ 2.14, CVR 5 % → 4.4 % gives 63/22 ≈ 2.86 (see formula-drivers.test).
    const explanation = explainChange(metric('cpa'), { previous: { cost: 100, clicks: 100, conversions: 5 }, current: { cost: 110, clicks: 100, conversions: 4.4 } });
    expect(explanation.previous).toBe(20);
    expect(explanation.current).toBeCloseTo(25, 12);
    expect(explanation.changePercent).toBeCloseTo(25, 10);
    expect(explanation.summary).toBe('CPA rose 25 %, from 20.00 to 25.00');
    expect(explanation.drivers.map((d) => d.summary)).toEqual(['CVR fell 12 %: +2.86 of the +5.00 CPA change', 'CPC rose 10 %: +2.14 of the +5.00 CPA change']);
    expect(explanation.notes).toEqual([]);
  });

  it('explains a change from 0 without a percentage', () => {
    const explanation = explainChange(metric('revenue'), { previous: { revenue: null }, current: { revenue: 80 } });
    expect([explanation.previous, explanation.change, explanation.changePercent]).toEqual([0, 80, null]);
    expect(explanation.summary).toBe('Revenue rose by 80.00, from 0.00 to 80.00');
    expect(explanation.drivers[0].summary).toBe('Revenue went from 0 to 80.00: +80.00 of the +80.00 Revenue change');
  });

  it('says why there is no split when the KPI has no value in a period, and never gives NaN', () => {
    const explanation = explainChange(metric('cpa'), { previous: { cost: 50, conversions: 0 }, current: { cost: 100, conversions: 4 } });
    expect(explanation).toMatchObject({ previous: null, current: 25, change: null, changePercent: null, method: null, drivers: [] });
    expect(explanation.notes).toEqual(['CPA has no value in the previous period (its denominator is 0): the change is not split']);
  });

  it('adds the segments, and says when they do not add up to the workspace', () => {
    // CPC by channel: A 100 / 100 → 100 / 50, B 100 / 100 → 100 / 100; the workspace also had unassigned cost.
    const explanation = explainChange(
      metric('cpc'),
      { previous: { cost: 220, clicks: 200, impressions: 10000 }, current: { cost: 220, clicks: 150, impressions: 10000 } },
      {
        dimension: 'channel',
        segments: [
          { key: 'A', previous: { cost: 100, clicks: 100 }, current: { cost: 100, clicks: 50 } },
          { key: 'B', previous: { cost: 100, clicks: 100 }, current: { cost: 100, clicks: 100 } },
        ],
      },
    );
    // The segments: 200 / 200 = 1 → 200 / 150 = 4/3.
    expect(explanation.segments!.change).toBeCloseTo(1 / 3, 12);
    expect(explanation.segments!.segments.map((s) => s.key)).toEqual(['A', 'B']);
    expect(explanation.notes[0]).toBe(
      "the channel segments add up to 1.00 → 1.33, not the workspace's 1.10 → 1.47 (distinct counts, or rows without a value for the dimension): their parts add up to their own change",
    );
    // The workspace: CPC 1.1 → 1.4667 from CPM 22 → 22 and CTR 2 % → 1.5 %: all of it is CTR.
    expect(explanation.method).toBe('known-factors');
    expect(explanation.drivers.find((d) => d.id === 'ctr')!.contribution).toBeCloseTo(220 / 150 - 1.1, 12);
    expect(explanation.drivers.find((d) => d.id === 'cpm')!.contribution).toBeCloseTo(0, 12);
  });
});
