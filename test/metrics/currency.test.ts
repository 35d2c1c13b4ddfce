// Multi-currency money (DATA.md fx_rates): converted at the rate of the date,
// else the latest earlier rate; with no rate the amount is left out.
//
// Workspace "fx", currency USD, UTC. fx_rates: EUR 2026-03-01 → 1.2, EUR 2026-03-03 → 1.1 (no GBP rate).
//   ad_performance (google_ads, campaign X; 100 impressions, 10 clicks each)
//     2026-02-28  40 EUR   no EUR rate on or before 02-28 → left out
//     2026-03-02  50 EUR   latest earlier rate 03-01 (1.2) → 60
//     2026-03-03 100 EUR   rate of the day 1.1               → 110
//     2026-03-04  20 (no currency = USD)                      → 20
//     2026-03-05  70 GBP   no GBP rate                        → left out
//   orders (customer K)
//     K1 2026-03-02 50 USD → 50;  K2 2026-03-03 100 EUR → 110;  K3 2026-03-04 30 GBP → left out
//     K4 2026-03-03 999 EUR refunded → not revenue
//   purchase events
//     q1 2026-03-02 purchase 10 EUR → 12 (rate 1.2 of 03-01);  q2 2026-03-04 purchase 25 USD → 25
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ev, expectValue, expectValues, openHarness, rowOf, type Harness } from './harness.js';

const WS = 'fx';

describe('currency conversion with fx_rates', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness('fx');
    const ad = (date: string, cost: number, currency?: string) => ({
      date,
      platform: 'google_ads',
      campaign_id: 'X',
      impressions: 100,
      clicks: 10,
      cost,
      ...(currency ? { currency } : {}),
    });
    await h.workspace(WS, {
      fx_rates: [
        { date: '2026-03-01', currency: 'EUR', rate: 1.2 },
        { date: '2026-03-03', currency: 'EUR', rate: 1.1 },
      ],
      ad_performance: [ad('2026-02-28', 40, 'EUR'), ad('2026-03-02', 50, 'EUR'), ad('2026-03-03', 100, 'EUR'), ad('2026-03-04', 20), ad('2026-03-05', 70, 'GBP')],
      orders: [
        { order_id: 'K1', customer_id: 'K', timestamp: '2026-03-02T12:00:00Z', revenue: 50 },
        { order_id: 'K2', customer_id: 'K', timestamp: '2026-03-03T12:00:00Z', revenue: 100, currency: 'EUR' },
        { order_id: 'K3', customer_id: 'K', timestamp: '2026-03-04T12:00:00Z', revenue: 30, currency: 'GBP' },
        { order_id: 'K4', customer_id: 'K', timestamp: '2026-03-03T13:00:00Z', revenue: 999, currency: 'EUR', status: 'refunded' },
      ],
      events: [
        ev('purchase', '2026-03-02T12:00:00Z', 'q1', { url: 'https://shop.example/checkout', order_id: 'Q1', revenue: 10, currency: 'EUR' }),
        ev('purchase', '2026-03-04T12:00:00Z', 'q2', { url: 'https://shop.example/checkout', order_id: 'Q2', revenue: 25 }),
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('converts ad spend at the rate of the day or the latest earlier one, and leaves out amounts without a rate', async () => {
    const r = await h.query(WS, { metrics: ['cost', 'impressions'], grain: 'day', from: '2026-02-28', to: '2026-03-05' });
    expectValue(rowOf(r, { date: '2026-03-02' }).cost, 60); // 50 EUR × 1.2 (rate of 03-01, latest before 03-02)
    expectValue(rowOf(r, { date: '2026-03-03' }).cost, 110); // 100 EUR × 1.1 (rate of 03-03)
    expectValue(rowOf(r, { date: '2026-03-04' }).cost, 20); // USD as is
    expectValue(rowOf(r, { date: '2026-03-05' }).cost, 0); // 70 GBP: no rate → left out, nothing guessed
    expectValue(rowOf(r, { date: '2026-02-28' }).cost, 0); // 40 EUR before the first EUR rate → left out
    expectValue(r.totals.cost, 190); // 60 + 110 + 20
    // Delivery is not money: every row's impressions count.
    expectValue(r.totals.impressions, 500); // 5 × 100
  });

  it('converts order revenue; refunded orders and orders without a rate add nothing', async () => {
    const r = await h.query(WS, { metrics: ['orders', 'order_revenue'], from: '2026-03-01', to: '2026-03-31' });
    expectValues(r.totals, {
      orders: 3, // K1, K2, K3 completed (K4 refunded)
      order_revenue: 160, // 50 + 100 EUR × 1.1 = 110; K3 in GBP has no rate → left out
    });
  });

  it('converts the revenue of conversion events', async () => {
    const r = await h.query(WS, { metrics: ['conversions', 'revenue', 'aov'], from: '2026-03-01', to: '2026-03-31' });
    expectValues(r.totals, {
      conversions: 2, // Q1, Q2
      revenue: 37, // 10 EUR × 1.2 = 12, + 25 USD
      aov: 18.5, // 37 / 2
    });
  });

  it('a workspace in EUR converts nothing that is already in EUR', async () => {
    await h.workspace('fx-eur', {
      ad_performance: [{ date: '2026-03-02', platform: 'google_ads', campaign_id: 'Y', impressions: 10, clicks: 1, cost: 42.5, currency: 'EUR' }],
    }, { currency: 'EUR' });
    const r = await h.query('fx-eur', { metrics: ['cost'], from: '2026-03-02', to: '2026-03-02' });
    expect(r.totals.cost).toBeCloseTo(42.5, 6); // same currency as the workspace: no rate needed
  });
});
