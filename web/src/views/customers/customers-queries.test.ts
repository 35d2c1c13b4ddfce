import { describe, expect, it } from 'vitest';
import { parseViewState } from '../../frame/url-state';
import { askableMetrics, binLabel, calibrationEndOf, channelValueQuery, clvParams, lastOrderDate, ratioTone, sortChannels } from './customers-queries';

const state = parseViewState('?from=2026-11-01&to=2026-11-30&channel=Paid+Search', '2026-12-07').state;

describe('the customers view asks', () => {
  it('for the value metrics per channel over the range, with the filters', () => {
    expect(channelValueQuery(state, ['new_customers', 'cac'])).toEqual({
      metrics: ['new_customers', 'cac'],
      dimensions: ['channel'],
      from: '2026-11-01',
      to: '2026-11-30',
      filters: [{ dimension: 'channel', op: 'in', values: ['Paid Search'] }],
    });
  });

  it('only for the metrics the catalog has and can answer, in table order', () => {
    const catalog = [{ id: 'cac' }, { id: 'ltv_cac' }, { id: 'new_customers' }, { id: 'predicted_clv', available: false }, { id: 'roas' }];
    expect(askableMetrics(catalog)).toEqual(['new_customers', 'cac', 'ltv_cac']);
    expect(askableMetrics([...catalog, { id: 'predicted_ltv_cac' }, { id: 'paid_cac' }])).toEqual(['new_customers', 'paid_cac', 'cac', 'ltv_cac', 'predicted_ltv_cac']);
  });

  it('the CLV fit at the calibration end of the address, else at the server default', () => {
    expect(clvParams(null)).toEqual({ top: 20 });
    expect(clvParams('2026-11-15')).toEqual({ calibration_end: '2026-11-15', top: 20 });
    expect(calibrationEndOf(null)).toEqual({ value: null, problem: null });
    expect(calibrationEndOf('2026-11-15')).toEqual({ value: '2026-11-15', problem: null });
    expect(calibrationEndOf('2026-02-30').problem).toContain('"2026-02-30" is not a date');
    expect(calibrationEndOf('2026-02-30').value).toBeNull();
  });
});

describe('the customers view shows', () => {
  it('LTV:CAC below 1 as bad and from 3 as healthy', () => {
    expect(ratioTone(0.8)).toBe('bad');
    expect(ratioTone(1)).toBe('neutral');
    expect(ratioTone(2.99)).toBe('neutral');
    expect(ratioTone(3)).toBe('healthy');
    expect(ratioTone(null)).toBe('neutral');
  });

  it('channels with the most new customers first', () => {
    const rows = [
      { channel: 'Email', new_customers: 3 },
      { channel: 'Direct', new_customers: null },
      { channel: 'Paid Search', new_customers: 9 },
      { channel: 'Affiliate', new_customers: 3 },
    ];
    expect(sortChannels(rows).map((r) => r.channel)).toEqual(['Paid Search', 'Affiliate', 'Email', 'Direct']);
  });

  it('histogram bars by their edges, the open last one as "≥ from"', () => {
    const money = (v: number) => `$${v}`;
    expect(binLabel({ from: 20, to: 40 }, money)).toBe('$20–$40');
    expect(binLabel({ from: 120, to: null }, money)).toBe('≥ $120');
  });

  it('the last order of a customer, counted back from the calibration end', () => {
    expect(lastOrderDate({ calibration_end: '2026-11-30', time_unit: 'day' }, { T: 40, recency: 30 })).toBe('2026-11-20');
    expect(lastOrderDate({ calibration_end: '2026-11-30', time_unit: 'day' }, { T: 0, recency: 0 })).toBe('2026-11-30');
    expect(lastOrderDate({ calibration_end: '2026-11-30', time_unit: 'week' }, { T: 6, recency: 4 })).toBe('2026-11-16');
  });
});
