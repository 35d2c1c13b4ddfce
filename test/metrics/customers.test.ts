// Funnel and customer metrics (KPIS.md "Funnel and customers") against values
// worked out by hand. Workspace "cust", USD, UTC, default gross margin 0.5.
// Period under test: March 2026 (31 days); all times 12:00Z.
//
// lifecycle
//   A  lead 03-02 (channel Paid Search), lead 03-03 (again), mql 03-05, sql 03-10, opportunity 03-12, customer 03-20 mrr 100
//   B  lead 03-03 (Organic Search), mql 03-06                     — never sql, never customer
//   C  lead 03-04, customer 07-15                                 — 133 days later: outside the 90-day window
//   D  lead 2026-02-10 (channel Email), mql 03-08, sql 03-09, customer 03-25 mrr 50
//   E  customer 01-10 mrr 200, churned 03-15
//   F  customer 01-20 mrr 80                                      — active throughout
//   G  customer 02-05 mrr 30, churned 02-20
//   K  customer 02-10 mrr 40                                      — active throughout
// orders (completed unless said otherwise)
//   A-1 03-21 200 margin 0.4;  A-2 04-10 100 (default margin 0.5)
//   D-1 03-26 100;  D-2 03-27 500 refunded
//   F-0 02-20 80;   F-1 03-05 60
//   H-1 03-10 40;   H-2 03-18 20        — H has no lifecycle: new customer at first completed order 03-10
//   I-0 02-15 10;   I-1 03-12 30        — I has no lifecycle, first order in February
//   J-1 03-13 70 cancelled              — J has no completed order
// events: H page_view 03-09 (user_id H) with referrer bing.com → H's first touch is Organic Search
// ad_performance: 03-10 google_ads C1 impressions 1000 clicks 50 cost 700 (→ Paid Search)
// costs: K1 03-01 salaries 3100 period month (no channel: 100 a day over March);  K2 03-15 tools 200 channel Paid Search
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCustomMetric } from '../../src/metrics/metrics-service.js';
import { column, ev, expectValue, expectValues, openHarness, rowOf, type Harness } from './harness.js';

const WS = 'cust';
const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const at = (date: string) => `${date}T12:00:00Z`;

describe('funnel and customer metrics', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness('customers');
    const stage = (customer_id: string, s: string, date: string, extra: Record<string, unknown> = {}) => ({
      customer_id,
      stage: s,
      timestamp: at(date),
      ...extra,
    });
    const order = (order_id: string, customer_id: string, date: string, revenue: number, extra: Record<string, unknown> = {}) => ({
      order_id,
      customer_id,
      timestamp: at(date),
      revenue,
      ...extra,
    });
    await h.workspace(WS, {
      lifecycle: [
        stage('A', 'lead', '2026-03-02', { channel: 'Paid Search' }),
        stage('A', 'lead', '2026-03-03', { channel: 'Paid Search' }),
        stage('A', 'mql', '2026-03-05'),
        stage('A', 'sql', '2026-03-10'),
        stage('A', 'opportunity', '2026-03-12'),
        stage('A', 'customer', '2026-03-20', { mrr: 100 }),
        stage('B', 'lead', '2026-03-03', { channel: 'Organic Search' }),
        stage('B', 'mql', '2026-03-06'),
        stage('C', 'lead', '2026-03-04'),
        stage('C', 'customer', '2026-07-15'),
        stage('D', 'lead', '2026-02-10', { channel: 'Email' }),
        stage('D', 'mql', '2026-03-08'),
        stage('D', 'sql', '2026-03-09'),
        stage('D', 'customer', '2026-03-25', { mrr: 50 }),
        stage('E', 'customer', '2026-01-10', { mrr: 200 }),
        stage('E', 'churned', '2026-03-15'),
        stage('F', 'customer', '2026-01-20', { mrr: 80 }),
        stage('G', 'customer', '2026-02-05', { mrr: 30 }),
        stage('G', 'churned', '2026-02-20'),
        stage('K', 'customer', '2026-02-10', { mrr: 40 }),
      ],
      orders: [
        order('A-1', 'A', '2026-03-21', 200, { gross_margin: 0.4 }),
        order('A-2', 'A', '2026-04-10', 100),
        order('D-1', 'D', '2026-03-26', 100),
        order('D-2', 'D', '2026-03-27', 500, { status: 'refunded' }),
        order('F-0', 'F', '2026-02-20', 80),
        order('F-1', 'F', '2026-03-05', 60),
        order('H-1', 'H', '2026-03-10', 40),
        order('H-2', 'H', '2026-03-18', 20),
        order('I-0', 'I', '2026-02-15', 10),
        order('I-1', 'I', '2026-03-12', 30),
        order('J-1', 'J', '2026-03-13', 70, { status: 'cancelled' }),
      ],
      events: [ev('page_view', '2026-03-09T12:00:00Z', 'h-device', { user_id: 'H', url: 'https://shop.example/', referrer: 'https://www.bing.com/' })],
      ad_performance: [{ date: '2026-03-10', platform: 'google_ads', campaign_id: 'C1', impressions: 1000, clicks: 50, cost: 700 }],
      costs: [
        { cost_id: 'K1', date: '2026-03-01', category: 'salaries', amount: 3100, period: 'month' },
        { cost_id: 'K2', date: '2026-03-15', category: 'tools', amount: 200, channel: 'Paid Search' },
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('funnel stages and stage conversion rates', async () => {
    const r = await h.query(WS, {
      metrics: ['leads', 'mqls', 'sqls', 'opportunities', 'new_customers', 'lead_to_customer_rate', 'mql_to_sql_rate'],
      ...MARCH,
    });
    expectValues(r.totals, {
      leads: 3, // A (twice, counted once), B, C — D's lead was in February
      mqls: 3, // A 03-05, B 03-06, D 03-08
      sqls: 2, // A 03-10, D 03-09
      opportunities: 1, // A
      new_customers: 3, // lifecycle: A 03-20, D 03-25; order-only: H (first order 03-10); not I (first order Feb), not J (cancelled only)
      lead_to_customer_rate: (1 / 3) * 100, // of leads A, B, C only A became customer within 90 days (C after 133 days) → 33.333… %
      mql_to_sql_rate: (2 / 3) * 100, // of MQLs A, B, D: A (5 days), D (1 day) reached sql → 66.666… %
    });
  });

  it('orders and order revenue count completed orders only', async () => {
    const r = await h.query(WS, { metrics: ['orders', 'order_revenue'], ...MARCH });
    expectValues(r.totals, {
      orders: 6, // A-1, D-1, F-1, H-1, H-2, I-1 (D-2 refunded, J-1 cancelled, A-2 in April)
      order_revenue: 450, // 200 + 100 + 60 + 40 + 20 + 30
    });
  });

  it('acquisition cost, MER, CLV and payback', async () => {
    const r = await h.query(WS, { metrics: ['cost', 'cac', 'paid_cac', 'mer', 'clv', 'ltv_cac', 'cac_payback_months'], ...MARCH });
    const fullCost = 700 + 3100 + 200; // media + salaries spread over March (31 × 100) + tools = 4000
    const cac = fullCost / 3; // 1333.333…
    // Margin over the whole history of the customers acquired in March:
    //   A: 200 × 0.4 + 100 × 0.5 = 130;  D: 100 × 0.5 = 50 (refund left out);  H: (40 + 20) × 0.5 = 30  → 210
    const clv = 210 / 3; // 70
    expectValues(r.totals, {
      cost: 700,
      cac, // 4000 / 3
      paid_cac: 700 / 3, // 233.333…
      mer: 450 / fullCost, // 0.1125
      clv,
      ltv_cac: clv / cac, // 70 / 1333.33 = 0.0525
      // First-year margin per new customer: all of the above orders fall within 365 days of acquisition → 210;
      // monthly = 210 / 12 / 3 = 5.8333…; payback = 1333.33 / 5.8333 = 228.571… months
      cac_payback_months: cac / (210 / 12 / 3),
    });
  });

  it('churn, retention and MRR of March', async () => {
    const r = await h.query(WS, { metrics: ['churn_rate', 'retention_rate', 'mrr'], ...MARCH });
    expectValues(r.totals, {
      churn_rate: (1 / 3) * 100, // active on 03-01: E, F, K (G churned in Feb); churned in March: E → 33.333… %
      retention_rate: 100 - (1 / 3) * 100, // 66.666… %
      mrr: 270, // end of March: F 80 + K 40 + A 100 + D 50 (E churned)
    });
  });

  it('MRR is a snapshot at the end of each bucket, never summed', async () => {
    const r = await h.query(WS, { metrics: ['mrr'], grain: 'month', from: '2026-01-01', to: '2026-03-31' });
    expect(column(r, 'date')).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expectValue(rowOf(r, { date: '2026-01-01' }).mrr, 280); // E 200 + F 80
    expectValue(rowOf(r, { date: '2026-02-01' }).mrr, 320); // 280 + K 40 (G's 30 came and went)
    expectValue(rowOf(r, { date: '2026-03-01' }).mrr, 270); // 320 − E 200 + A 100 + D 50
    expectValue(r.totals.mrr, 270); // end of the period, not 280 + 320 + 270
  });

  it('MRR on single days around a churn', async () => {
    const r = await h.query(WS, { metrics: ['mrr'], grain: 'day', from: '2026-03-14', to: '2026-03-15' });
    expectValue(rowOf(r, { date: '2026-03-14' }).mrr, 320); // E 200 + F 80 + K 40
    expectValue(rowOf(r, { date: '2026-03-15' }).mrr, 120); // E churned at noon: F 80 + K 40
  });

  it('revenue growth against the previous period', async () => {
    // Previous period of March (31 days): 2026-01-29 … 2026-02-28, orders F-0 80 + I-0 10 = 90.
    const r = await h.query(WS, { metrics: ['revenue_growth', 'order_revenue'], ...MARCH });
    expectValue(r.totals.order_revenue, 450);
    expectValue(r.totals.revenue_growth, 400); // (450 − 90) / 90 × 100
  });

  it('new customers and CAC by acquisition channel; unallocated costs only in totals', async () => {
    const r = await h.query(WS, { metrics: ['new_customers', 'cac', 'paid_cac'], dimensions: ['channel'], ...MARCH });
    // A: no touch, first lifecycle record says Paid Search; D: first lifecycle record (lead 02-10) says Email;
    // H: first touch (stitched through user_id H) is an Organic Search session.
    expectValues(rowOf(r, { channel: 'Paid Search' }), {
      new_customers: 1, // A
      cac: 900, // (700 media + 200 tools) / 1
      paid_cac: 700, // 700 / 1
    });
    expectValues(rowOf(r, { channel: 'Email' }), { new_customers: 1, cac: 0, paid_cac: 0 });
    expectValues(rowOf(r, { channel: 'Organic Search' }), { new_customers: 1, cac: 0, paid_cac: 0 });
    expectValues(r.totals, { new_customers: 3, cac: 4000 / 3, paid_cac: 700 / 3 }); // salaries 3100 count in totals
  });

  it('costs without a channel appear in totals and in no channel row (DATA.md costs)', async () => {
    const r = await h.query(WS, { metrics: ['new_customers', 'order_revenue', 'cac', 'mer'], dimensions: ['channel'], ...MARCH });
    // Rows: the acquisition channels of A (Paid Search), D (Email), H (Organic Search), the customers without one
    // (F, I → "(none)", they have orders), and the media cost's channel (Paid Search). The 3100 of salaries has
    // no channel: it counts in the totals and must not form a row of its own.
    expect(column(r, 'channel')).not.toContain('(unallocated)');
    expect(column(r, 'channel').sort()).toEqual(['(none)', 'Email', 'Organic Search', 'Paid Search']);
    expectValues(rowOf(r, { channel: 'Paid Search' }), {
      order_revenue: 200,
      mer: 200 / 900, // 200 / (700 media + 200 tools)
    });
    expectValues(rowOf(r, { channel: '(none)' }), {
      new_customers: 0,
      order_revenue: 90, // F-1 60 + I-1 30
      mer: null, // no cost
    });
    expectValue(r.totals.cac, 4000 / 3, 'cac', 'cac'); // (700 + 3100 + 200) / 3, to the cent
    expectValue(r.totals.mer, 450 / 4000); // 0.1125
  });

  it('zero denominators: no new customers and nobody active → null', async () => {
    const r = await h.query(WS, {
      metrics: ['new_customers', 'cac', 'paid_cac', 'clv', 'ltv_cac', 'cac_payback_months', 'churn_rate', 'retention_rate', 'mer', 'lead_to_customer_rate', 'mql_to_sql_rate', 'mrr'],
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expectValues(r.totals, {
      new_customers: 0,
      cac: null,
      paid_cac: null,
      clv: null,
      ltv_cac: null,
      cac_payback_months: null,
      churn_rate: null, // nobody active on 2025-12-01
      retention_rate: null,
      mer: null, // no cost at all
      lead_to_customer_rate: null,
      mql_to_sql_rate: null,
      mrr: 0,
    });
  });
  it('a user-defined metric is evaluated on the aggregated components', async () => {
    await saveCustomMetric(h.warehouse, WS, { id: 'cost_per_lead', formula: 'cost / leads', unit: 'money', direction: 'down' });
    const r = await h.query(WS, { metrics: ['cost_per_lead', 'cost', 'leads'], ...MARCH });
    expectValues(r.totals, {
      cost: 700,
      leads: 3, // A, B, C
      cost_per_lead: 700 / 3, // 233.333…
    });
  });

  it('monthly non-media costs are spread over the month starting at their date', async () => {
    // Workspace "spread": cost 3100 per month from 2026-01-15 → 31 days (01-15 … 02-14) at 100 a day;
    // customer N acquired 2026-02-05 (lifecycle) with order N-1 2026-02-05 revenue 700.
    await h.workspace('spread', {
      costs: [{ cost_id: 'S1', date: '2026-01-15', category: 'agency', amount: 3100, period: 'month' }],
      lifecycle: [{ customer_id: 'N', stage: 'customer', timestamp: '2026-02-05T12:00:00Z' }],
      orders: [{ order_id: 'N-1', customer_id: 'N', timestamp: '2026-02-05T12:00:00Z', revenue: 700 }],
    });
    const feb = await h.query('spread', { metrics: ['cac', 'mer'], from: '2026-02-01', to: '2026-02-28' });
    expectValues(feb.totals, {
      cac: 1400, // 02-01 … 02-14 = 14 days × 100, one new customer
      mer: 0.5, // 700 / 1400
    });
    const firstWeek = await h.query('spread', { metrics: ['mer'], from: '2026-02-01', to: '2026-02-07' });
    expectValue(firstWeek.totals.mer, 1); // 700 / (7 × 100)
    const jan = await h.query('spread', { metrics: ['cac', 'mer'], from: '2026-01-01', to: '2026-01-31' });
    expectValues(jan.totals, { cac: null, mer: 0 }); // 1700 of cost (17 days), no new customer, no revenue
  });
  it('MRR follows reactivations and upgrades; churn of each month; payback counts the first 12 months only', async () => {
    // Workspace "mrr2":
    //   R customer 2025-01-05 mrr 100, churned 2025-02-10, reactivated 2025-03-03 mrr 120
    //   S customer 2025-01-05 mrr 50, customer again 2025-02-15 mrr 80 (upgrade)
    //   P (no lifecycle) orders 2025-01-10 100 and 2026-03-01 100 (more than 12 months later); margin 0.5
    //   ad cost 2025-01-10 120
    await h.workspace('mrr2', {
      lifecycle: [
        { customer_id: 'R', stage: 'customer', timestamp: '2025-01-05T12:00:00Z', mrr: 100 },
        { customer_id: 'R', stage: 'churned', timestamp: '2025-02-10T12:00:00Z' },
        { customer_id: 'R', stage: 'reactivated', timestamp: '2025-03-03T12:00:00Z', mrr: 120 },
        { customer_id: 'S', stage: 'customer', timestamp: '2025-01-05T12:00:00Z', mrr: 50 },
        { customer_id: 'S', stage: 'customer', timestamp: '2025-02-15T12:00:00Z', mrr: 80 },
      ],
      orders: [
        { order_id: 'P-1', customer_id: 'P', timestamp: '2025-01-10T12:00:00Z', revenue: 100 },
        { order_id: 'P-2', customer_id: 'P', timestamp: '2026-03-01T12:00:00Z', revenue: 100 },
      ],
      ad_performance: [{ date: '2025-01-10', platform: 'google_ads', campaign_id: 'Q', impressions: 100, clicks: 10, cost: 120 }],
    });
    const months = await h.query('mrr2', {
      metrics: ['mrr', 'new_customers', 'churn_rate', 'retention_rate'],
      grain: 'month',
      from: '2025-01-01',
      to: '2025-03-31',
    });
    expectValues(rowOf(months, { date: '2025-01-01' }), {
      mrr: 150, // R 100 + S 50
      new_customers: 3, // R, S (lifecycle), P (first order)
      churn_rate: null, // nobody active on 01-01
      retention_rate: null,
    });
    expectValues(rowOf(months, { date: '2025-02-01' }), {
      mrr: 80, // R churned; S upgraded to 80
      new_customers: 0, // S's second customer record is not a first one
      churn_rate: 50, // active on 02-01: R, S; churned: R
      retention_rate: 50,
    });
    expectValues(rowOf(months, { date: '2025-03-01' }), {
      mrr: 200, // R reactivated at 120 + S 80
      new_customers: 0, // a reactivation is not a new customer
      churn_rate: 0, // active on 03-01: S; nobody churned
      retention_rate: 100,
    });
    const jan = await h.query('mrr2', { metrics: ['cac', 'clv', 'cac_payback_months'], from: '2025-01-01', to: '2025-01-31' });
    expectValues(jan.totals, {
      cac: 40, // 120 / 3
      clv: 100 / 3, // P's whole history (100 + 100) × 0.5 = 100, over R, S, P
      // first-year margin: P-1 only, 50 (P-2 is 415 days after P's acquisition) → 50 / 12 / 3 a month per customer
      cac_payback_months: 40 / (50 / 12 / 3), // 28.8
    });
  });
});

// The acquisition_touch setting. Touches (page views with an explicit channel, days apart: one session each) and orders:
//   P  Email 03-01, Paid Search 03-05, Direct 03-08, order 03-09, Display 03-12 (after the order)
//   Q  Direct 03-02, order 03-04                           — only Direct before the order
//   R  Organic Search 03-03, order 03-06, Paid Social 03-10 (after the order)
//   S  Email 03-01, Referral 03-07, lead 03-05, no order    — never bought: every touch counts
// first_touch:     P Email, Q Direct, R Organic Search, S Email
// last_non_direct: P Paid Search (the last non-Direct touch up to the order), Q Direct (no other: the first touch),
//                  R Organic Search (Paid Social came after the order), S Referral
describe('acquisition by first touch or by last non-direct touch before the first order', () => {
  let h: Harness;
  const visit = (person: string, date: string, channel: string) =>
    ev('page_view', at(date), `${person}-device`, { user_id: person, channel, url: 'https://shop.example/' });
  const data = {
    events: [
      visit('P', '2026-03-01', 'Email'),
      visit('P', '2026-03-05', 'Paid Search'),
      visit('P', '2026-03-08', 'Direct'),
      visit('P', '2026-03-12', 'Display'),
      visit('Q', '2026-03-02', 'Direct'),
      visit('R', '2026-03-03', 'Organic Search'),
      visit('R', '2026-03-10', 'Paid Social'),
      visit('S', '2026-03-01', 'Email'),
      visit('S', '2026-03-07', 'Referral'),
    ],
    orders: [
      { order_id: 'P-1', customer_id: 'P', timestamp: at('2026-03-09'), revenue: 50 },
      { order_id: 'Q-1', customer_id: 'Q', timestamp: at('2026-03-04'), revenue: 20 },
      { order_id: 'R-1', customer_id: 'R', timestamp: at('2026-03-06'), revenue: 30 },
    ],
    lifecycle: [{ customer_id: 'S', stage: 'lead', timestamp: at('2026-03-05') }],
  };

  beforeAll(async () => {
    h = await openHarness('acquisition-touch');
    await h.workspace('acq-first', data);
    await h.workspace('acq-lnd', data, { settings: { acquisition_touch: 'last_non_direct' } });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  const byChannel = async (workspace: string, metric: string) => {
    const r = await h.query(workspace, { metrics: [metric], dimensions: ['channel'], ...MARCH });
    return Object.fromEntries(r.rows.filter((row) => (row[metric] as number) > 0).map((row) => [row.channel, row[metric]]));
  };

  it('first touch (the default): the channel of each customer’s first touch', async () => {
    expect(await byChannel('acq-first', 'new_customers')).toEqual({ Email: 1, Direct: 1, 'Organic Search': 1 });
    expect(await byChannel('acq-first', 'leads')).toEqual({ Email: 1 });
  });

  it('last non-direct: the last touch other than Direct up to the first order, else the first touch', async () => {
    expect(await byChannel('acq-lnd', 'new_customers')).toEqual({ 'Paid Search': 1, Direct: 1, 'Organic Search': 1 });
    expect(await byChannel('acq-lnd', 'leads')).toEqual({ Referral: 1 });
    expect(await byChannel('acq-lnd', 'order_revenue')).toEqual({ 'Paid Search': 50, Direct: 20, 'Organic Search': 30 });
  });
});
