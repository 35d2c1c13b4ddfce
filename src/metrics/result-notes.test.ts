import { describe, expect, it } from 'vitest';
import type { FreshnessRow } from '../warehouse/warehouse.js';
import { CATALOG_BY_ID } from './catalog.js';
import { dataNotes, markPartialBuckets, roundMoneyIn } from './result-notes.js';
import type { QueryResult } from './types.js';

const metric = (id: string) => CATALOG_BY_ID.get(id)!;
const ad = (platform: string, latest: string): FreshnessRow => ({ source: 'ad_performance', platform, latest_date: latest, rows: 10 });
const events = (latest: string | null, rows = 10): FreshnessRow => ({ source: 'events', platform: null, latest_date: latest, rows });
const NOVEMBER = { filters: [], from: '2026-11-01', to: '2026-11-30' };

describe('data notes', () => {
  it('names an ad platform whose data stops inside the range', () => {
    const loaded = [ad('google_ads', '2026-11-30'), ad('tiktok_ads', '2026-11-18')];
    expect(dataNotes({ metrics: [metric('cost')], ...NOVEMBER }, loaded)).toEqual(['no ad data after 2026-11-18 for tiktok_ads']);
  });

  it('says when a source has nothing in the range, and when it was last loaded', () => {
    const loaded = [ad('google_ads', '2026-10-12'), events('2026-11-30')];
    expect(dataNotes({ metrics: [metric('cpa')], ...NOVEMBER }, loaded)).toEqual(['no ad data in 2026-11-01…2026-11-30; the last is from 2026-10-12']);
  });

  it('says when nothing of a source has been loaded at all', () => {
    expect(dataNotes({ metrics: [metric('sessions')], ...NOVEMBER }, [events(null, 0)])).toEqual(['no event data has been loaded']);
  });

  it('looks only at the platforms a filter keeps', () => {
    const loaded = [ad('google_ads', '2026-11-30'), ad('tiktok_ads', '2026-11-18')];
    const filters = [{ dimension: 'platform' as const, op: 'in' as const, values: ['google_ads'] }];
    expect(dataNotes({ metrics: [metric('cost')], filters, from: '2026-11-01', to: '2026-11-30' }, loaded)).toEqual([]);
  });

  it('says nothing when every source reaches the end of the range', () => {
    expect(dataNotes({ metrics: [metric('roas')], ...NOVEMBER }, [ad('google_ads', '2026-12-02'), events('2026-11-30')])).toEqual([]);
  });
});

describe('partial buckets', () => {
  const rows = [{ date: '2026-10-26', cost: 1 }, { date: '2026-11-02', cost: 2 }, { date: '2026-11-09', cost: 3 }];
  it('marks the weeks the range cuts at its edges, and the week still running', () => {
    // 2026-10-28 is a Wednesday, 2026-11-12 a Thursday: the first and last weeks are cut.
    const marked = markPartialBuckets(rows, 'week', '2026-10-28', '2026-11-12', '2026-12-07');
    expect(marked.map((r) => r.partial === true)).toEqual([true, false, true]);
    const running = markPartialBuckets(rows, 'week', '2026-10-26', '2026-11-15', '2026-11-04');
    expect(running.map((r) => r.partial === true)).toEqual([false, true, false]);
  });

  it('leaves days of past ranges and queries without a grain alone', () => {
    expect(markPartialBuckets([{ date: '2026-11-02', cost: 1 }], 'day', '2026-11-01', '2026-11-30', '2026-12-07')[0].partial).toBeUndefined();
    expect(markPartialBuckets([{ cost: 1 }], null, '2026-11-01', '2026-11-30', '2026-12-07')[0].partial).toBeUndefined();
  });
});

describe('money in answers', () => {
  it('is rounded to the currency minor unit; ratios and counts are left alone', () => {
    const result: QueryResult = {
      columns: [],
      rows: [{ channel: 'Email', revenue: 0.1 + 0.2, roas: 1 / 3, conversions: 3 }],
      totals: { revenue: 33954.78000000002, roas: 1 / 3, conversions: 3 },
      comparison: { from: 'a', to: 'b', rows: [{ channel: 'Email', revenue: 1.005 }], totals: { revenue: 2.675, roas: 0.5 }, change: { rows: [], totals: {} } },
    };
    const rounded = roundMoneyIn(result, [metric('revenue'), metric('roas'), metric('conversions')], 'USD');
    expect(rounded.rows[0]).toEqual({ channel: 'Email', revenue: 0.3, roas: 1 / 3, conversions: 3 });
    expect(rounded.totals.revenue).toBe(33954.78);
    expect(rounded.comparison!.rows[0].revenue).toBe(1.01);
    expect(rounded.comparison!.totals.revenue).toBe(2.68);
    expect(roundMoneyIn(result, [metric('revenue')], 'JPY').totals.revenue).toBe(33955);
  });
});

describe('partial buckets at the end of the calendar', () => {
  it('regression: the year 9999 bucket has an end (its next bucket has five digits), and a query to 9999-12-31 answered 500', () => {
    const rows = [{ date: '9998-01-01', cost: 0 }, { date: '9999-01-01', cost: 0 }];
    expect(markPartialBuckets(rows, 'year', '9998-01-01', '9999-12-31', '2026-12-07').map((r) => r.partial === true)).toEqual([false, false]);
  });
});
