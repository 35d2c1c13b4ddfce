import { describe, expect, it } from 'vitest';
import { parseViewState } from '../../frame/url-state';
import { chartKeys, compareQuery, dimensionOf, tableQuery } from './attribution-queries';

const state = parseViewState('?from=2026-11-01&to=2026-11-30', '2026-12-07').state;

describe('the attribution view asks', () => {
  it('for every model side by side, and for one model with its intervals', () => {
    expect(compareQuery(state, 'channel')).toEqual({ model: 'compare', dimension: 'channel', from: '2026-11-01', to: '2026-11-30' });
    expect(tableQuery(state, 'campaign', 'shapley')).toEqual({ model: 'shapley', dimension: 'campaign', from: '2026-11-01', to: '2026-11-30', intervals: true });
  });

  it('by channel unless the address names campaign', () => {
    expect(dimensionOf(null)).toBe('channel');
    expect(dimensionOf('ad')).toBe('channel');
    expect(dimensionOf('campaign')).toBe('campaign');
  });

  it('charts the keys any model credits most, leaving out those none credits', () => {
    const models = [
      { rows: [{ key: 'Email', conversions: 5 }, { key: 'Direct', conversions: 1 }, { key: 'Display', conversions: 0 }] },
      { rows: [{ key: 'Direct', conversions: 7 }, { key: 'Email', conversions: 2 }] },
    ];
    expect(chartKeys(models)).toEqual(['Direct', 'Email']);
    expect(chartKeys(models, 1)).toEqual(['Direct']);
  });
});
