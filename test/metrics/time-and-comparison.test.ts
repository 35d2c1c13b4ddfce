// Time buckets (KPIS.md "Time"): ISO weeks, the workspace time zone (DST-aware),
// hour grain, and comparison windows with % change worked out by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { column, ev, expectValue, expectValues, openHarness, rowOf, type Harness } from './harness.js';

const PAGE = { url: 'https://shop.example/' };

describe('time buckets', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness('time');
    // Workspace "weeks" (UTC): one page_view each on Sun 03-01, Mon 03-02, Sun 03-08, Mon 03-09 (2026).
    await h.workspace('weeks', {
      events: [
        ev('page_view', '2026-03-01T12:00:00Z', 'w1', PAGE),
        ev('page_view', '2026-03-02T12:00:00Z', 'w2', PAGE),
        ev('page_view', '2026-03-08T12:00:00Z', 'w3', PAGE),
        ev('page_view', '2026-03-09T12:00:00Z', 'w4', PAGE),
      ],
    });
    // Workspace "ny" (America/New_York; EST = UTC−5 until DST starts 2026-03-08 02:00 local, then EDT = UTC−4).
    //   n1 2026-03-02T03:00Z → 2026-03-01 22:00 EST
    //   n2 2026-03-02T06:00Z → 2026-03-02 01:00 EST
    //   n3 2026-03-08T04:30Z → 2026-03-07 23:30 EST
    //   n4 2026-03-09T04:30Z → 2026-03-09 00:30 EDT (it would be 03-08 23:30 at a fixed −5)
    //   n1 also buys at 2026-03-02T03:10Z (order N1, 15)          → 03-01 22:10
    //   orders NO1 2026-03-02T03:00Z 10 → 03-01;  NO2 2026-03-02T06:00Z 20 → 03-02 (customer NC, no lifecycle)
    //   lifecycle L1 customer 2026-03-02T04:00Z → 03-01 23:00;  survey (nps 10) 2026-03-02T04:59Z → 03-01 23:59
    await h.workspace(
      'ny',
      {
        events: [
          ev('page_view', '2026-03-02T03:00:00Z', 'n1', PAGE),
          ev('page_view', '2026-03-02T06:00:00Z', 'n2', PAGE),
          ev('page_view', '2026-03-08T04:30:00Z', 'n3', PAGE),
          ev('page_view', '2026-03-09T04:30:00Z', 'n4', PAGE),
          ev('purchase', '2026-03-02T03:10:00Z', 'n1', { url: 'https://shop.example/checkout', order_id: 'N1', revenue: 15 }),
        ],
        orders: [
          { order_id: 'NO1', customer_id: 'NC', timestamp: '2026-03-02T03:00:00Z', revenue: 10 },
          { order_id: 'NO2', customer_id: 'NC', timestamp: '2026-03-02T06:00:00Z', revenue: 20 },
        ],
        lifecycle: [{ customer_id: 'L1', stage: 'customer', timestamp: '2026-03-02T04:00:00Z' }],
        surveys: [{ response_id: 'NS1', kind: 'nps', score: 10, timestamp: '2026-03-02T04:59:00Z' }],
        ad_performance: [{ date: '2026-03-01', platform: 'google_ads', campaign_id: 'T', impressions: 10, clicks: 1, cost: 5 }],
      },
      { timezone: 'America/New_York' },
    );
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('week grain: ISO weeks starting on Monday', async () => {
    const r = await h.query('weeks', { metrics: ['pageviews'], grain: 'week', from: '2026-03-01', to: '2026-03-09' });
    // Sun 03-01 belongs to the week of Mon 02-23; Mon 03-02 … Sun 03-08 is one week; Mon 03-09 starts the next.
    expect(column(r, 'date')).toEqual(['2026-02-23', '2026-03-02', '2026-03-09']);
    expect(column(r, 'pageviews')).toEqual([1, 2, 1]);
    expectValue(r.totals.pageviews, 4);
  });

  it('month, quarter and year grains label the bucket start', async () => {
    const month = await h.query('weeks', { metrics: ['pageviews'], grain: 'month', from: '2026-02-15', to: '2026-03-31' });
    expect(column(month, 'date')).toEqual(['2026-02-01', '2026-03-01']);
    expect(column(month, 'pageviews')).toEqual([0, 4]);
    const quarter = await h.query('weeks', { metrics: ['pageviews'], grain: 'quarter', from: '2026-01-01', to: '2026-04-30' });
    expect(column(quarter, 'date')).toEqual(['2026-01-01', '2026-04-01']);
    expect(column(quarter, 'pageviews')).toEqual([4, 0]);
    const year = await h.query('weeks', { metrics: ['pageviews'], grain: 'year', from: '2026-01-01', to: '2026-12-31' });
    expect(column(year, 'date')).toEqual(['2026-01-01']);
    expect(column(year, 'pageviews')).toEqual([4]);
  });

  it('a workspace in America/New_York buckets by local date', async () => {
    const r = await h.query('ny', { metrics: ['pageviews'], grain: 'day', from: '2026-03-01', to: '2026-03-02' });
    expectValue(rowOf(r, { date: '2026-03-01' }).pageviews, 1); // n1: 03:00Z is 22:00 on 03-01 in New York
    expectValue(rowOf(r, { date: '2026-03-02' }).pageviews, 1); // n2
    // from/to are local midnights: 03-02 alone starts at 05:00Z and leaves n1 out.
    const one = await h.query('ny', { metrics: ['pageviews'], from: '2026-03-02', to: '2026-03-02' });
    expectValue(one.totals.pageviews, 1); // n2 only
  });

  it('every kind of fact is bucketed by the local date of its time', async () => {
    const r = await h.query('ny', {
      metrics: ['pageviews', 'sessions', 'visitors', 'conversions', 'revenue', 'orders', 'order_revenue', 'new_customers', 'survey_responses'],
      grain: 'day',
      from: '2026-03-01',
      to: '2026-03-02',
    });
    expectValues(rowOf(r, { date: '2026-03-01' }), {
      pageviews: 1, // n1 22:00
      sessions: 1, // n1's session (22:00–22:10)
      visitors: 1, // n1
      conversions: 1, // N1 at 22:10
      revenue: 15,
      orders: 1, // NO1 22:00
      order_revenue: 10,
      new_customers: 2, // L1 (customer stage 23:00) and NC (first order NO1 22:00)
      survey_responses: 1, // 23:59
    });
    expectValues(rowOf(r, { date: '2026-03-02' }), {
      pageviews: 1, // n2 01:00
      sessions: 1,
      visitors: 1, // n2
      conversions: 0,
      revenue: 0,
      orders: 1, // NO2 01:00
      order_revenue: 20,
      new_customers: 0,
      survey_responses: 0,
    });
  });

  it('around the DST change the offset of each date is used', async () => {
    const r = await h.query('ny', { metrics: ['pageviews'], grain: 'day', from: '2026-03-07', to: '2026-03-09' });
    expect(column(r, 'date')).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
    expect(column(r, 'pageviews')).toEqual([1, 0, 1]); // n3 on 03-07 (EST), n4 on 03-09 (EDT)
  });

  it('hour grain: local hours, 23 of them on the day DST starts', async () => {
    const r = await h.query('ny', { metrics: ['pageviews'], grain: 'hour', from: '2026-03-01', to: '2026-03-01' });
    expect(r.rows).toHaveLength(24);
    expect(r.rows[0].date).toBe('2026-03-01T00:00');
    expectValue(rowOf(r, { date: '2026-03-01T22:00' }).pageviews, 1); // n1
    expectValue(r.totals.pageviews, 1);
    const dst = await h.query('ny', { metrics: ['pageviews'], grain: 'hour', from: '2026-03-08', to: '2026-03-08' });
    expect(dst.rows).toHaveLength(23); // 00:00, 01:00, then 03:00 … 23:00 (02:00 does not exist)
    expect(column(dst, 'date')).not.toContain('2026-03-08T02:00');
  });

  it('hour grain on a spend metric is refused (ad_performance is daily)', async () => {
    await expect(h.query('ny', { metrics: ['cost'], grain: 'hour', from: '2026-03-01', to: '2026-03-01' })).rejects.toMatchObject({
      status: 422,
    });
    // The same metric at day grain works: 5 spent on 03-01.
    const day = await h.query('ny', { metrics: ['cost'], grain: 'day', from: '2026-03-01', to: '2026-03-01' });
    expectValue(rowOf(day, { date: '2026-03-01' }).cost, 5);
  });
});

// Workspace "cmp" (UTC). Period 2026-03-08 … 2026-03-14 (7 days).
//   orders:  2026-03-09 100, 2026-03-12 50            (current)
//            2026-03-03 100                           (previous period 2026-03-01 … 2026-03-07)
//            2025-03-10 300                           (previous year 2025-03-08 … 2025-03-14)
//   ad spend (google_ads G): 2026-03-10 60, 2026-03-04 50, 2025-03-11 100
describe('comparison windows', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness('compare');
    const order = (order_id: string, timestamp: string, revenue: number) => ({ order_id, customer_id: 'Z', timestamp, revenue });
    const spend = (date: string, cost: number) => ({ date, platform: 'google_ads', campaign_id: 'G', impressions: 100, clicks: 10, cost });
    await h.workspace('cmp', {
      orders: [
        order('c1', '2026-03-09T12:00:00Z', 100),
        order('c2', '2026-03-12T12:00:00Z', 50),
        order('p1', '2026-03-03T12:00:00Z', 100),
        order('y1', '2025-03-10T12:00:00Z', 300),
      ],
      ad_performance: [spend('2026-03-10', 60), spend('2026-03-04', 50), spend('2025-03-11', 100)],
    });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  const METRICS = ['orders', 'order_revenue', 'cost', 'mer'];
  const PERIOD = { from: '2026-03-08', to: '2026-03-14' };

  it('previous_period: the same number of days just before from', async () => {
    const r = await h.query('cmp', { metrics: METRICS, ...PERIOD, compare: 'previous_period' });
    expectValues(r.totals, { orders: 2, order_revenue: 150, cost: 60, mer: 2.5 }); // 150 / 60
    const c = r.comparison!;
    expect(c.from).toBe('2026-03-01'); // 7 days before 03-08
    expect(c.to).toBe('2026-03-07');
    expectValues(c.totals, { orders: 1, order_revenue: 100, cost: 50, mer: 2 }); // 100 / 50
    expectValues(c.change.totals, {
      orders: 100, // (2 − 1) / 1 × 100
      order_revenue: 50, // (150 − 100) / 100 × 100
      cost: 20, // (60 − 50) / 50 × 100
      mer: 25, // (2.5 − 2) / 2 × 100
    });
  });

  it('previous_year: the same dates one year earlier', async () => {
    const r = await h.query('cmp', { metrics: METRICS, ...PERIOD, compare: 'previous_year' });
    const c = r.comparison!;
    expect(c.from).toBe('2025-03-08');
    expect(c.to).toBe('2025-03-14');
    expectValues(c.totals, { orders: 1, order_revenue: 300, cost: 100, mer: 3 }); // 300 / 100
    expectValues(c.change.totals, {
      orders: 100, // (2 − 1) / 1
      order_revenue: -50, // (150 − 300) / 300 × 100
      cost: -40, // (60 − 100) / 100 × 100
      mer: ((2.5 - 3) / 3) * 100, // −16.666… %
    });
  });

  it('comparison rows line up bucket by bucket; a change from 0 is null', async () => {
    const r = await h.query('cmp', { metrics: ['orders', 'order_revenue'], grain: 'day', ...PERIOD, compare: 'previous_period' });
    const c = r.comparison!;
    expect(column(r, 'date')).toEqual(['2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14']);
    expect(c.rows).toHaveLength(7);
    expect(c.rows[0].date).toBe('2026-03-01');
    // 03-09 (1 order, 100) against 03-02 (nothing): no % change from 0.
    expectValues(r.rows[1], { orders: 1, order_revenue: 100 });
    expectValues(c.rows[1], { orders: 0, order_revenue: 0 });
    expectValues(c.change.rows[1], { orders: null, order_revenue: null });
    // 03-10 (nothing) against 03-03 (1 order, 100): −100 %.
    expectValues(c.rows[2], { orders: 1, order_revenue: 100 });
    expectValues(c.change.rows[2], { orders: -100, order_revenue: -100 });
  });
  it('week grain on daily spend and on orders', async () => {
    const r = await h.query('cmp', { metrics: ['cost', 'order_revenue'], grain: 'week', from: '2026-03-01', to: '2026-03-14' });
    expect(column(r, 'date')).toEqual(['2026-02-23', '2026-03-02', '2026-03-09']);
    expect(column(r, 'cost')).toEqual([0, 50, 60]); // Sun 03-01 alone; Wed 03-04 50; Tue 03-10 60
    expect(column(r, 'order_revenue')).toEqual([0, 100, 150]); // Tue 03-03 100; Mon 03-09 100 + Thu 03-12 50
  });
});
