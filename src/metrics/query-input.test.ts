import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../model/settings.js';
import { CATALOG_BY_ID } from './catalog.js';
import { parseQuery } from './query-input.js';

const parse = (body: Record<string, unknown>, settings = DEFAULT_SETTINGS) =>
  parseQuery({ from: '2026-01-01', to: '2026-01-31', ...body }, CATALOG_BY_ID, settings);
const failure = (body: Record<string, unknown>) => {
  try {
    parse(body);
  } catch (err) {
    return err as { status: number; message: string };
  }
  throw new Error('expected the query to be refused');
};

describe('parseQuery', () => {
  it('fills defaults: no grain, no dimensions, the workspace attribution', () => {
    expect(parse({ metrics: 'cost, cpa' })).toEqual({
      metrics: ['cost', 'cpa'],
      dimensions: [],
      grain: null,
      from: '2026-01-01',
      to: '2026-01-31',
      filters: [],
      compare: null,
      attribution: { model: 'last_non_direct', lookback_days: 30 },
      order_by: [],
      limit: null,
    });
    const settings = { ...DEFAULT_SETTINGS, attribution_model: 'first_touch' as const, lookback_days: 7 };
    expect(parse({ metrics: ['cost'] }, settings).attribution).toEqual({ model: 'first_touch', lookback_days: 7 });
    // A workspace default the metrics layer does not compute falls back to last_non_direct.
    expect(parse({ metrics: ['cost'] }, { ...DEFAULT_SETTINGS, attribution_model: 'markov' }).attribution.model).toBe('last_non_direct');
  });

  it('reads order_by text with a leading minus for descending', () => {
    expect(parse({ metrics: 'cost', dimensions: 'channel', order_by: '-cost,channel' }).order_by).toEqual([
      { field: 'cost', direction: 'desc' },
      { field: 'channel', direction: 'asc' },
    ]);
  });

  it('names the culprit and the choices', () => {
    expect(failure({ metrics: 'cost,sparkle' })).toMatchObject({ status: 400, message: expect.stringContaining('unknown metric "sparkle"; known metrics: impressions, clicks') });
    expect(failure({ metrics: 'cost', dimensions: 'colour' })).toMatchObject({ status: 400, message: expect.stringContaining('one of channel, platform') });
    expect(failure({ metrics: 'cost', grain: 'fortnight' })).toMatchObject({ status: 400, message: expect.stringContaining('hour, day, week, month, quarter, year') });
    expect(failure({ metrics: 'cost', from: '2026-02-01' })).toMatchObject({ status: 400, message: 'from (2026-02-01) is after to (2026-01-31)' });
    expect(failure({ metrics: 'cost', to: '2026-02-30' })).toMatchObject({ status: 400, message: expect.stringContaining('to "2026-02-30"') });
    expect(failure({ metrics: 'nps', dimensions: 'device' })).toMatchObject({ status: 422, message: expect.stringContaining('it supports channel, platform, campaign, objective') });
    expect(failure({ metrics: 'cpc', grain: 'hour' })).toMatchObject({ status: 422, message: expect.stringContaining('daily data') });
    expect(failure({ metrics: 'cost', attribution: { model: 'shapley' } })).toMatchObject({ status: 422, message: expect.stringContaining('POST /v1/attribution') });
    expect(failure({ metrics: 'cost', filters: [{ dimension: 'channel', op: 'eq', values: ['a', 'b'] }] })).toMatchObject({ status: 400, message: expect.stringContaining('exactly one value') });
    expect(failure({ metrics: 'cost', order_by: 'cpa' })).toMatchObject({ status: 400, message: expect.stringContaining('order_by "cpa"') });
    expect(failure({ metrics: 'predicted_clv' })).toMatchObject({ status: 422, message: expect.stringContaining('CLV model') });
    expect(failure({ metrics: 'visitors', grain: 'hour', from: '2020-01-01', to: '2026-01-01' })).toMatchObject({ status: 422, message: expect.stringContaining('coarser grain') });
  });
});
