// The explain tables' cells, worked out by hand from the answer's numbers.
import { describe, expect, it } from 'vitest';
import type { ExplainDriver, ExplainSegment } from '../../api/client';
import { driverRows, formatPart, formatShare, methodWords, segmentRows } from './explain-format';

const cpa = { unit: 'money' as const, direction: 'down' as const, currency: 'USD' };

describe('formatPart', () => {
  it('signs a part in the KPI unit; a percent KPI in percentage points', () => {
    expect(formatPart(0.2218589, 'money', 'USD')).toBe('+$0.22');
    expect(formatPart(-0.0629, 'money', 'USD')).toBe('−$0.06');
    expect(formatPart(-1234.4, 'money', 'EUR')).toBe('−€1,234');
    expect(formatPart(0.3123, 'percent', 'USD')).toBe('+0.31 pp');
    expect(formatPart(0, 'ratio', 'USD')).toBe('±0.00×');
    expect(formatPart(null, 'money', 'USD')).toBe('—');
  });
});

describe('formatShare', () => {
  it('rounds to whole % and signs a share that worked against the change', () => {
    expect([formatShare(139.6), formatShare(-39.6), formatShare(100), formatShare(null)]).toEqual(['140%', '−40%', '100%', '—']);
  });
});

describe('driverRows', () => {
  const driver = (d: Partial<ExplainDriver>): ExplainDriver => ({ id: 'x', label: 'X', unit: null, previous: null, current: null, change_percent: null, contribution: 0, share_percent: null, summary: '', ...d });

  it('shows each driver in its own unit and its part of a CPA change in dollars, green when it pulled CPA down', () => {
    const rows = driverRows(
      [
        driver({ id: 'cvr', label: 'CVR', unit: 'percent', previous: 11.298, current: 11.0677, change_percent: -2.0397, contribution: 0.2219, share_percent: 139.6 }),
        driver({ id: 'cpc', label: 'CPC', unit: 'money', previous: 1.20737, current: 1.20034, change_percent: -0.5829, contribution: -0.0629, share_percent: -39.6 }),
      ],
      cpa,
    );
    expect(rows.map((r) => [r.id, r.before, r.now, r.ownChange, r.part, r.share, r.tone])).toEqual([
      ['cvr', '11.30%', '11.07%', '−2.0%', '+$0.22', '140%', 'bad'],
      ['cpc', '$1.21', '$1.20', '−0.6%', '−$0.06', '−40%', 'good'],
    ]);
  });

  it('leaves a printed part of the formula without values of its own', () => {
    const [row] = driverRows([driver({ id: '× 100', label: '× 100', unit: null, previous: 100, current: 100, contribution: 0.5 })], { unit: 'percent', direction: 'up', currency: 'USD' });
    expect([row.before, row.now, row.part, row.tone]).toEqual(['—', '—', '+0.50 pp', 'good']);
  });
});

describe('segmentRows', () => {
  const segment = (s: Partial<ExplainSegment>): ExplainSegment => ({ key: 'k', status: 'both', previous: null, current: null, contribution: 0, share_percent: null, mix: null, rate: null, summary: '', ...s });

  it('gives each segment its values, mix and rate, and a bar as long as its part against the largest', () => {
    const rows = segmentRows(
      [
        segment({ key: 'Paid Search', previous: 17.062, current: 14.896, contribution: 2, share_percent: 200, mix: 3, rate: -1 }),
        segment({ key: 'Paid Social', previous: 34.7488, current: 32.6236, contribution: -1, share_percent: -100, mix: 0.25, rate: -1.25 }),
        segment({ key: 'Display', status: 'new', previous: null, current: 5, contribution: 0, share_percent: 0, mix: 0, rate: 0 }),
      ],
      cpa,
    );
    expect(rows.map((r) => [r.key, r.status, r.before, r.now, r.part, r.share, r.mix, r.rate, r.barPercent, r.tone])).toEqual([
      ['Paid Search', 'both', '$17.06', '$14.90', '+$2.00', '200%', '+$3.00', '−$1.00', 100, 'bad'],
      ['Paid Social', 'both', '$34.75', '$32.62', '−$1.00', '−100%', '+$0.25', '−$1.25', 50, 'good'],
      ['Display', 'new', '—', '$5.00', '±$0.00', '0%', '±$0.00', '±$0.00', 0, 'neutral'],
    ]);
  });

  it('draws no bar when no segment moved', () => {
    expect(segmentRows([segment({ contribution: 0 })], cpa)[0].barPercent).toBe(0);
  });
});

describe('methodWords', () => {
  it('says how the change was split', () => {
    expect(methodWords('known-factors', 'CPA')).toBe('Split along the factors CPA is known to be made of; the parts add up to the change.');
    expect(methodWords(null, 'CPA')).toBeNull();
  });
});
