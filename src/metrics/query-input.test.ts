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
    expect(failure({ metrics: 'cost,sparkle' })).toMatchObject({ status: 400, message: 'unknown metric "sparkle" (beacon metrics, or GET /v1/catalog, lists every metric)' });
    expect(failure({ metrics: 'cost,conversion' })).toMatchObject({ status: 400, message: expect.stringContaining('unknown metric "conversion"; did you mean conversions or platform_conversions?') });
    expect(failure({ metrics: 'cost', dimensions: 'chanel' })).toMatchObject({ status: 400, message: expect.stringContaining('did you mean channel?') });
    expect(failure({ metrics: 'cost', dimensions: 'colour' })).toMatchObject({ status: 400, message: expect.stringContaining('one of channel, platform') });
    expect(failure({ metrics: 'cost', grain: 'fortnight' })).toMatchObject({ status: 400, message: expect.stringContaining('hour, day, week, month, quarter, year') });
    expect(failure({ metrics: 'cost', from: '2026-02-01' })).toMatchObject({ status: 400, message: 'from (2026-02-01) is after to (2026-01-31)' });
    expect(failure({ metrics: 'cost', to: '2026-02-30' })).toMatchObject({ status: 400, message: expect.stringContaining('to "2026-02-30"') });
    expect(failure({ metrics: 'nps', dimensions: 'device' })).toMatchObject({ status: 422, message: expect.stringContaining('it supports channel, platform, campaign, objective') });
    expect(failure({ metrics: 'cpc', grain: 'hour' })).toMatchObject({ status: 422, message: expect.stringContaining('daily data') });
    expect(failure({ metrics: 'cost', attribution: { model: 'shapley' } })).toMatchObject({ status: 422, message: expect.stringContaining('POST /v1/attribution (beacon attribution) credits conversions under every model') });
    expect(failure({ metrics: 'cost', filters: [{ dimension: 'channel', op: 'eq', values: ['a', 'b'] }] })).toMatchObject({ status: 400, message: expect.stringContaining('exactly one value') });
    expect(failure({ metrics: 'cost', order_by: 'cpa' })).toMatchObject({ status: 400, message: expect.stringContaining('order_by "cpa"') });
    expect(failure({ metrics: 'visitors', grain: 'hour', from: '2020-01-01', to: '2026-01-01' })).toMatchObject({ status: 422, message: expect.stringContaining('coarser grain') });
  });
});

describe('parseQuery bounds what a query may ask for before building anything', () => {
  // Listing every hour of 0001…9999 (87 million labels) before checking never ends within the test's timeout.
  it('regression: a query over 0001…9999 once listed every bucket before the cap and exhausted the server', () => {
    for (const grain of ['day', 'hour'] as const) {
      const err = failure({ metrics: ['sessions'], grain, from: '0001-01-01', to: '9999-12-31' });
      expect(err.status).toBe(422);
      expect(err.message).toBe(`the range 0001-01-01…9999-12-31 has more than 20000 ${grain} buckets; use a coarser grain`);
    }
  });

  it('lets the year grain cover the same range: 9999 buckets', () => {
    expect(parse({ metrics: ['cost'], grain: 'year', from: '0001-01-01', to: '9999-12-31' }).grain).toBe('year');
  });

  it('caps the values of one filter and their length', () => {
    const many = Array.from({ length: 1_001 }, (_, i) => `c${i}`);
    expect(failure({ metrics: ['cost'], filters: [{ dimension: 'campaign', op: 'in', values: many }] }).status).toBe(400);
    expect(failure({ metrics: ['cost'], filters: [{ dimension: 'campaign', op: 'eq', values: ['x'.repeat(2_049)] }] }).status).toBe(400);
    expect(parse({ metrics: ['cost'], filters: [{ dimension: 'campaign', op: 'in', values: many.slice(0, 1_000) }] }).filters[0].values).toHaveLength(1_000);
  });
});

describe('parseQuery keeps comparisons within the calendar', () => {
  it('refuses a comparison or growth window that would start before 0001-01-01', () => {
    // 0001-01-01…0001-12-31 is 365 days: its previous period would be 0000-01-01…0000-12-31.
    const period = failure({ metrics: ['cost'], from: '0001-01-01', to: '0001-12-31', compare: 'previous_period' });
    expect(period.status).toBe(400);
    expect(period.message).toBe('the previous period of 0001-01-01…0001-12-31 would start before 0001-01-01; start the range later');
    expect(failure({ metrics: ['cost'], from: '0001-03-01', to: '0001-03-31', compare: 'previous_year' }).status).toBe(400);
    expect(failure({ metrics: ['revenue_growth'], from: '0001-01-01', to: '0001-01-01' }).status).toBe(400);
    // One day later there is room: the previous period of 0001-01-02 is 0001-01-01.
    expect(parse({ metrics: ['cost'], from: '0001-01-02', to: '0001-01-02', compare: 'previous_period' }).compare).toBe('previous_period');
  });
});
