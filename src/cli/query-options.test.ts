import { describe, expect, it } from 'vitest';
import { parseFilterOption, queryBody } from './query-options.js';

describe('beacon query options', () => {
  it('reads the three filter forms', () => {
    expect(parseFilterOption('channel=Paid Search,Email')).toEqual({ dimension: 'channel', op: 'in', values: ['Paid Search', 'Email'] });
    expect(parseFilterOption('channel!=Direct')).toEqual({ dimension: 'channel', op: 'not_in', values: ['Direct'] });
    expect(parseFilterOption('landing_page~/sale')).toEqual({ dimension: 'landing_page', op: 'contains', values: ['/sale'] });
  });

  it('refuses filters it cannot read, saying how to write them', () => {
    expect(() => parseFilterOption('channel')).toThrow(/dim=v1,v2/);
    expect(() => parseFilterOption('channel=')).toThrow(/no values/);
    expect(() => parseFilterOption('channel~')).toThrow(/nothing to look for/);
  });

  it('builds the /v1/query body', () => {
    expect(
      queryBody({ metrics: 'cost,cpa', by: 'channel', grain: 'week', from: '2026-01-01', to: '2026-01-31', filter: ['device=mobile'], compare: 'previous_year', model: 'first_touch', lookback: '7', orderBy: '-cost', limit: '3' }),
    ).toEqual({
      metrics: 'cost,cpa',
      dimensions: 'channel',
      grain: 'week',
      from: '2026-01-01',
      to: '2026-01-31',
      filters: [{ dimension: 'device', op: 'in', values: ['mobile'] }],
      compare: 'previous_year',
      attribution: { model: 'first_touch', lookback_days: 7 },
      order_by: '-cost',
      limit: 3,
    });
    expect(() => queryBody({ metrics: 'cost', from: '2026-01-01', to: '2026-01-02', lookback: 'week' })).toThrow(/--lookback/);
  });

  it('adds the forecast: --forecast N with its model and level', () => {
    const base = { metrics: 'cost', grain: 'day', from: '2026-01-01', to: '2026-01-31' };
    expect(queryBody({ ...base, forecast: '14' }).forecast).toEqual({ horizon: 14 });
    expect(queryBody({ ...base, forecast: '7', forecastModel: 'holt', forecastLevel: '0.8' }).forecast).toEqual({ horizon: 7, model: 'holt', level: 0.8 });
    expect(queryBody(base).forecast).toBeUndefined();
  });

  it('refuses a forecast it cannot read, and its options without it', () => {
    const base = { metrics: 'cost', grain: 'day', from: '2026-01-01', to: '2026-01-31' };
    expect(() => queryBody({ ...base, forecast: 'two weeks' })).toThrow(/--forecast must be a whole number of buckets, got "two weeks"/);
    expect(() => queryBody({ ...base, forecast: '3', forecastLevel: 'high' })).toThrow(/--forecast-level must be a number/);
    expect(() => queryBody({ ...base, forecastModel: 'holt' })).toThrow('--forecast-model goes with --forecast N');
  });
});
