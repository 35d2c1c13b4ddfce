// Paid media metrics (KPIS.md "Paid media") against values worked out by hand.
//
// Data set (workspace "paid", USD, UTC):
//   campaigns  C1 "Spring Search" google_ads, channel Paid Search
//              C2 "Brand Social"  meta_ads (no channel → platform default Paid Social)
//   ad_performance
//     2026-03-02 google_ads C1 (campaign grain)  impr 1000 clicks 30 cost 60  pconv 3 pvalue 150 reach 800
//     2026-03-03 google_ads C1 (campaign grain)  impr 1000 clicks 10 cost 40  pconv 1 pvalue  50 reach 700
//     2026-03-02 meta_ads   C2 (campaign grain)  impr 2000 clicks 20 cost 100                  reach 1500
//     2026-03-03 meta_ads   C2 (campaign grain)  impr 3000 clicks 30 cost 100                  reach 2500  ← superseded
//     2026-03-03 meta_ads   C2 G1/A1 (ad grain)  impr 1000 clicks 10 cost 30                   reach 600
//     2026-03-03 meta_ads   C2 G1/A2 (ad grain)  impr 2000 clicks 20 cost 60                   reach 1200
//     (C2 on 03-03 has rows at two grains: only the ad rows count.)
//     nothing on 2026-03-04.
//   events
//     ad_impression: u1 ×2 on 03-02, u1 ×1 and u2 ×1 on 03-03
//     p1: page_view 03-02 10:00 utm google/cpc/C1 → Paid Search, C1; purchase 10:05 O1 revenue 120
//     p3: page_view 03-02 14:00 referrer facebook.com, no UTMs → Organic Social, no campaign; purchase 14:02 O3 revenue 50
//     p2: page_view 03-03 11:00 utm google/cpc/C1; purchase 11:05 O2 revenue 80, sent again 11:06 (same order O2)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { column, ev, expectValue, expectValues, openHarness, rowOf, type Harness } from './harness.js';

const WS = 'paid';
const FULL = { from: '2026-03-02', to: '2026-03-04' };
const C1_URL = 'https://shop.example/?utm_source=google&utm_medium=cpc&utm_campaign=C1';

describe('paid media metrics', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness('paid');
    await h.workspace(WS, {
      campaigns: [
        { campaign_id: 'C1', name: 'Spring Search', platform: 'google_ads', channel: 'Paid Search', objective: 'conversion' },
        { campaign_id: 'C2', name: 'Brand Social', platform: 'meta_ads', objective: 'awareness' },
      ],
      ad_performance: [
        { date: '2026-03-02', platform: 'google_ads', campaign_id: 'C1', impressions: 1000, clicks: 30, cost: 60, platform_conversions: 3, platform_conversion_value: 150, reach: 800 },
        { date: '2026-03-03', platform: 'google_ads', campaign_id: 'C1', impressions: 1000, clicks: 10, cost: 40, platform_conversions: 1, platform_conversion_value: 50, reach: 700 },
        { date: '2026-03-02', platform: 'meta_ads', campaign_id: 'C2', impressions: 2000, clicks: 20, cost: 100, reach: 1500 },
        { date: '2026-03-03', platform: 'meta_ads', campaign_id: 'C2', ad_group_id: '', ad_id: '', impressions: 3000, clicks: 30, cost: 100, reach: 2500 },
        { date: '2026-03-03', platform: 'meta_ads', campaign_id: 'C2', ad_group_id: 'G1', ad_id: 'A1', impressions: 1000, clicks: 10, cost: 30, reach: 600 },
        { date: '2026-03-03', platform: 'meta_ads', campaign_id: 'C2', ad_group_id: 'G1', ad_id: 'A2', impressions: 2000, clicks: 20, cost: 60, reach: 1200 },
      ],
      events: [
        ev('ad_impression', '2026-03-02T08:00:00Z', 'u1', { campaign_id: 'C2' }),
        ev('ad_impression', '2026-03-02T09:00:00Z', 'u1', { campaign_id: 'C2' }),
        ev('ad_impression', '2026-03-03T08:00:00Z', 'u1', { campaign_id: 'C2' }),
        ev('ad_impression', '2026-03-03T08:30:00Z', 'u2', { campaign_id: 'C2' }),
        ev('page_view', '2026-03-02T10:00:00Z', 'p1', { url: C1_URL }),
        ev('purchase', '2026-03-02T10:05:00Z', 'p1', { url: 'https://shop.example/checkout', order_id: 'O1', revenue: 120 }),
        ev('page_view', '2026-03-02T14:00:00Z', 'p3', { url: 'https://shop.example/', referrer: 'https://www.facebook.com/' }),
        ev('purchase', '2026-03-02T14:02:00Z', 'p3', { url: 'https://shop.example/checkout', order_id: 'O3', revenue: 50 }),
        ev('page_view', '2026-03-03T11:00:00Z', 'p2', { url: C1_URL }),
        ev('purchase', '2026-03-03T11:05:00Z', 'p2', { url: 'https://shop.example/checkout', order_id: 'O2', revenue: 80 }),
        ev('purchase', '2026-03-03T11:06:00Z', 'p2', { url: 'https://shop.example/checkout', order_id: 'O2', revenue: 80 }),
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('totals of every paid media metric over the period', async () => {
    const r = await h.query(WS, {
      metrics: [
        'impressions', 'clicks', 'cost', 'ctr', 'cpc', 'cpm', 'reach', 'frequency', 'platform_reach', 'conversions',
        'cvr', 'cpa', 'revenue', 'roas', 'roi', 'aov', 'platform_conversions', 'platform_roas',
      ],
      ...FULL,
    });
    expectValues(r.totals, {
      impressions: 7000, // 1000 + 1000 + 2000 + (C2 03-03 ad rows 1000 + 2000; campaign row 3000 ignored)
      clicks: 90, // 30 + 10 + 20 + 10 + 20
      cost: 290, // 60 + 40 + 100 + 30 + 60 (not + 100 of the superseded campaign-grain row)
      ctr: (90 / 7000) * 100, // 1.2857… %
      cpc: 290 / 90, // 3.2222…
      cpm: (290 / 7000) * 1000, // 41.4285…
      reach: 2, // distinct anonymous_id with ad_impression: u1, u2
      frequency: 2, // 4 ad_impression events / reach 2
      platform_reach: 4800, // 800 + 700 + 1500 + 600 + 1200 (superseded 2500 left out)
      conversions: 3, // O1, O3, O2 (O2 sent twice, one conversion)
      cvr: (3 / 90) * 100, // 3.333… %
      cpa: 290 / 3, // 96.666…
      revenue: 250, // 120 + 50 + 80 (O2 once)
      roas: 250 / 290, // 0.862…
      roi: ((250 - 290) / 290) * 100, // −13.79… %
      aov: 250 / 3, // 83.333…
      platform_conversions: 4, // 3 + 1
      platform_roas: 200 / 290, // (150 + 50) / 290 = 0.6896…
    });
    // No grain and no dimension: the single row is the whole period.
    expect(r.rows).toHaveLength(1);
    expectValues(r.rows[0], { cost: 290, conversions: 3 });
  });

  it('platform_reach carries the upper-bound note', async () => {
    const r = await h.query(WS, { metrics: ['platform_reach'], dimensions: ['campaign'], ...FULL });
    expectValue(rowOf(r, { campaign: 'C1' }).platform_reach, 1500); // 800 + 700
    expectValue(rowOf(r, { campaign: 'C2' }).platform_reach, 3300); // 1500 + 600 + 1200
    expect((r.notes ?? []).some((n) => /upper bound/.test(n))).toBe(true);
  });

  it('grain day: every day of the range, a day without data has zero counts and null ratios', async () => {
    const r = await h.query(WS, {
      metrics: ['impressions', 'clicks', 'cost', 'ctr', 'conversions', 'revenue', 'cpa', 'roas', 'reach', 'frequency'],
      grain: 'day',
      ...FULL,
    });
    expect(column(r, 'date')).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    expectValues(rowOf(r, { date: '2026-03-02' }), {
      impressions: 3000, // C1 1000 + C2 2000
      clicks: 50, // 30 + 20
      cost: 160, // 60 + 100
      ctr: (50 / 3000) * 100, // 1.666… %
      conversions: 2, // O1 10:05, O3 14:02
      revenue: 170, // 120 + 50
      cpa: 80, // 160 / 2
      roas: 170 / 160, // 1.0625
      reach: 1, // u1
      frequency: 2, // 2 impressions / 1 person
    });
    expectValues(rowOf(r, { date: '2026-03-03' }), {
      impressions: 4000, // C1 1000 + A1 1000 + A2 2000
      clicks: 40, // 10 + 10 + 20
      cost: 130, // 40 + 30 + 60
      ctr: 1, // 40 / 4000 × 100
      conversions: 1, // O2 (twice sent)
      revenue: 80,
      cpa: 130, // 130 / 1
      roas: 80 / 130,
      reach: 2, // u1, u2
      frequency: 1, // 2 impressions / 2 people
    });
    expectValues(rowOf(r, { date: '2026-03-04' }), {
      impressions: 0,
      clicks: 0,
      cost: 0,
      ctr: null, // 0 / 0
      conversions: 0,
      revenue: 0,
      cpa: null, // 0 / 0
      roas: null, // 0 / 0
      reach: 0,
      frequency: null, // 0 / 0
    });
    // Distinct over the period: u1 was reached on both days, so total reach is 2, not 1 + 2 = 3.
    expectValue(r.totals.reach, 2);
  });

  it('split by campaign: spend without conversions, and a conversion without campaign in a (none) row', async () => {
    const r = await h.query(WS, {
      metrics: ['cost', 'conversions', 'revenue', 'cpa', 'roas'],
      dimensions: ['campaign'],
      ...FULL,
    });
    expect(r.rows).toHaveLength(3);
    const c1 = rowOf(r, { campaign: 'C1' });
    expect(c1.campaign_name).toBe('Spring Search');
    expectValues(c1, {
      cost: 100, // 60 + 40
      conversions: 2, // O1 and O2 credited to their utm_campaign=C1 sessions
      revenue: 200, // 120 + 80
      cpa: 50, // 100 / 2
      roas: 2, // 200 / 100
    });
    const c2 = rowOf(r, { campaign: 'C2' });
    expect(c2.campaign_name).toBe('Brand Social');
    expectValues(c2, {
      cost: 190, // 100 + 30 + 60
      conversions: 0,
      revenue: 0,
      cpa: null, // 190 / 0
      roas: 0, // 0 / 190
    });
    const none = rowOf(r, { campaign: '(none)' });
    expectValues(none, {
      cost: 0,
      conversions: 1, // O3, credited to an Organic Social session without campaign
      revenue: 50,
      cpa: 0, // 0 / 1
      roas: null, // 50 / 0
    });
    // Rows add up to the totals.
    expectValue(
      r.rows.reduce((s, row) => s + (row.conversions as number), 0),
      3, // 2 + 0 + 1
    );
    expectValue(
      r.rows.reduce((s, row) => s + (row.revenue as number), 0),
      250, // 200 + 0 + 50
    );
    expectValues(r.totals, { conversions: 3, revenue: 250, cost: 290 });
  });

  it('split by channel: spend by campaign channel or platform default, conversions by credited session', async () => {
    const r = await h.query(WS, { metrics: ['cost', 'clicks', 'conversions', 'cvr'], dimensions: ['channel'], ...FULL });
    expectValues(rowOf(r, { channel: 'Paid Search' }), {
      cost: 100, // C1 (channel Paid Search): 60 + 40
      clicks: 40, // 30 + 10
      conversions: 2, // O1, O2
      cvr: 5, // 2 / 40 × 100
    });
    expectValues(rowOf(r, { channel: 'Paid Social' }), {
      cost: 190, // C2 meta_ads → Paid Social
      clicks: 50, // 20 + 10 + 20
      conversions: 0,
      cvr: 0, // 0 / 50
    });
    expectValues(rowOf(r, { channel: 'Organic Social' }), {
      cost: 0,
      clicks: 0, // organic channels have no clicks
      conversions: 1, // O3
      cvr: null, // 1 / 0
    });
  });

  it('grain day split by campaign: every bucket for every campaign seen', async () => {
    const r = await h.query(WS, { metrics: ['cost', 'conversions', 'cpa'], dimensions: ['campaign'], grain: 'day', ...FULL });
    expect(r.rows).toHaveLength(9); // 3 campaigns (C1, C2, (none)) × 3 days
    expectValues(rowOf(r, { date: '2026-03-02', campaign: 'C1' }), { cost: 60, conversions: 1, cpa: 60 }); // O1
    expectValues(rowOf(r, { date: '2026-03-03', campaign: 'C1' }), { cost: 40, conversions: 1, cpa: 40 }); // O2
    expectValues(rowOf(r, { date: '2026-03-04', campaign: 'C1' }), { cost: 0, conversions: 0, cpa: null });
    expectValues(rowOf(r, { date: '2026-03-03', campaign: 'C2' }), { cost: 90, conversions: 0, cpa: null }); // 30 + 60
    expectValues(rowOf(r, { date: '2026-03-02', campaign: '(none)' }), { cost: 0, conversions: 1, cpa: 0 }); // O3
    expectValues(rowOf(r, { date: '2026-03-03', campaign: '(none)' }), { cost: 0, conversions: 0, cpa: null });
    expect(rowOf(r, { date: '2026-03-04', campaign: 'C2' }).campaign_name).toBe('Brand Social');
  });

  it('rows at two grains on one day: the finest grain only, spend not doubled', async () => {
    const r = await h.query(WS, {
      metrics: ['cost', 'impressions', 'clicks'],
      dimensions: ['ad'],
      from: '2026-03-03',
      to: '2026-03-03',
    });
    expectValues(rowOf(r, { ad: 'A1' }), { cost: 30, impressions: 1000, clicks: 10 });
    expectValues(rowOf(r, { ad: 'A2' }), { cost: 60, impressions: 2000, clicks: 20 });
    // Only C1's campaign-grain row is without an ad: C2's campaign-grain row is superseded by its ad rows.
    expectValues(rowOf(r, { ad: '(none)' }), { cost: 40, impressions: 1000, clicks: 10 });
    expectValues(r.totals, {
      cost: 130, // 40 + 30 + 60, not 40 + 100 + 30 + 60 = 230
      impressions: 4000, // 1000 + 1000 + 2000
      clicks: 40, // 10 + 10 + 20
    });
  });

  it('zero denominators are null, never 0, Infinity or NaN', async () => {
    const r = await h.query(WS, {
      metrics: ['impressions', 'cost', 'conversions', 'ctr', 'cpc', 'cpm', 'cvr', 'cpa', 'roas', 'roi', 'aov', 'frequency', 'platform_roas'],
      from: '2026-02-01',
      to: '2026-02-01',
    });
    expectValues(r.totals, {
      impressions: 0,
      cost: 0,
      conversions: 0,
      ctr: null,
      cpc: null,
      cpm: null,
      cvr: null,
      cpa: null,
      roas: null,
      roi: null,
      aov: null,
      frequency: null,
      platform_roas: null,
    });
  });

  it('a filter on campaign narrows spend and credited conversions', async () => {
    const r = await h.query(WS, {
      metrics: ['cost', 'conversions', 'revenue', 'roi', 'aov'],
      filters: [{ dimension: 'campaign', op: 'eq', values: ['C1'] }],
      ...FULL,
    });
    expectValues(r.totals, {
      cost: 100, // 60 + 40
      conversions: 2, // O1, O2
      revenue: 200, // 120 + 80
      roi: 100, // (200 − 100) / 100 × 100
      aov: 100, // 200 / 2
    });
  });
  it('order_by and limit sort the rows', async () => {
    const r = await h.query(WS, { metrics: ['cost'], dimensions: ['campaign'], order_by: '-cost', limit: 2, ...FULL });
    expect(column(r, 'campaign')).toEqual(['C2', 'C1']); // 190 > 100 > 0 ((none)), the top two
    expect(column(r, 'cost')).toEqual([190, 100]);
    expectValue(r.totals.cost, 290); // totals stay those of the whole result
  });
});
