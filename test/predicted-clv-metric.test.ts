// predicted_clv and predicted_ltv_cac as metrics (POST /v1/query) over real
// HTTP: a shop of 40 customers acquired through two channels, their orders
// over the last 200 days. The expected values are worked out in the test by a
// second route: RFM summaries built in TypeScript from the same orders (not by
// the warehouse), the models fitted on them, and each channel's and month's
// customers averaged by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discountRatePerPeriod, estimateClv } from '../src/clv/clv.js';
import { buildRfm, type Order } from '../src/clv/rfm.js';
import { addDays, utcDate } from '../src/core/time.js';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';

const dir = tempDir('predicted-clv-metric');
let t: TestServer;

const today = utcDate(Date.now());
const day = (daysAgo: number) => addDays(today, -daysAgo);
const CUSTOMERS = 40;
/** The workspace default gross margin (DATA.md settings). */
const MARGIN = 0.5;

interface ShopOrder {
  customer: string;
  date: string;
  revenue: number;
}

/** Customer i: first order 180 − 4i days ago, 1–5 orders every 6–16 days (those up to yesterday), acquired by Email (even i) or Paid Search (odd i). */
function shopOrders(): ShopOrder[] {
  const orders: ShopOrder[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const count = 1 + ((i * 7) % 5);
    const gap = 6 + ((i * 3) % 11);
    for (let k = 0; k < count; k++) {
      const ago = 180 - 4 * i - k * gap;
      if (ago >= 1) orders.push({ customer: `c${i}`, date: day(ago), revenue: 20 + ((i * 13) % 30) + 2 * k });
    }
  }
  return orders;
}
const channelOf = (customer: string) => (Number(customer.slice(1)) % 2 === 0 ? 'Email' : 'Paid Search');

/** Each customer's predicted value, fitted as the metric's defaults say: up to yesterday, days, 365 days ahead, 10 % a year, the margin. */
function expectedValues(orders: ShopOrder[]): Map<string, number> {
  const asOrders: Order[] = orders.map((o) => ({ customer: o.customer, time: Date.parse(`${o.date}T12:00:00Z`), value: o.revenue }));
  const customers = buildRfm(asOrders, { calibrationEnd: Date.parse(`${day(1)}T00:00:00Z`), timeUnit: 'day' });
  const { clv } = estimateClv(customers, { horizon: 365, periodLength: 30, discountRate: discountRatePerPeriod(0.1, 30, 'day'), margin: MARGIN });
  return new Map(clv.customers.map((c) => [c.id, c.clv]));
}
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

const orders = shopOrders();
const query = (body: unknown) => call(t.url, 'POST', '/v1/query', { key: t.keys.read, body: JSON.stringify(body) });

beforeAll(async () => {
  t = await startTestServer(dir.path);
  const firsts = new Map<string, string>();
  for (const o of orders) if (!firsts.has(o.customer)) firsts.set(o.customer, o.date);
  // One visit an hour before each customer's first order: their first touch, and so their acquisition channel.
  const events = [...firsts].map(([customer, date]) => ({
    event_id: `visit-${customer}`,
    type: 'page_view',
    timestamp: `${date}T11:00:00Z`,
    anonymous_id: `anon-${customer}`,
    user_id: customer,
    channel: channelOf(customer),
    url: 'https://shop.example/',
  }));
  const stored = [
    await call(t.url, 'POST', '/v1/events', { key: t.keys.ingest, body: JSON.stringify(events) }),
    await call(t.url, 'POST', '/v1/import/orders', {
      key: t.keys.ingest,
      body: JSON.stringify(orders.map((o, i) => ({ order_id: `o${i}`, customer_id: o.customer, timestamp: `${o.date}T12:00:00Z`, revenue: o.revenue, currency: 'USD' }))),
    }),
    await call(t.url, 'POST', '/v1/import/costs', { key: t.keys.ingest, body: JSON.stringify([{ cost_id: 'team', date: day(100), category: 'salaries', amount: 1000 }]) }),
  ];
  for (const answer of stored) expect(answer.body).toMatchObject({ rejected: 0 });
}, 60_000);

afterAll(async () => {
  await t.stop();
  dir.remove();
});

describe('predicted_clv in metric queries', () => {
  it('is the mean predicted value of the customers each acquisition channel brought, and of all of them in the totals', async () => {
    const values = expectedValues(orders);
    expect(values.size).toBe(CUSTOMERS);
    const { status, body } = await query({ metrics: ['new_customers', 'predicted_clv'], dimensions: ['channel'], from: day(200), to: day(1) });
    expect(status).toBe(200);
    const byChannel = new Map(body.rows.map((r: Record<string, unknown>) => [r.channel, r]));
    for (const channel of ['Email', 'Paid Search']) {
      const ids = [...values.keys()].filter((id) => channelOf(id) === channel);
      expect(byChannel.get(channel)).toMatchObject({ new_customers: 20 });
      expect((byChannel.get(channel) as { predicted_clv: number }).predicted_clv).toBeCloseTo(mean(ids.map((id) => values.get(id)!)), 2);
    }
    expect(body.totals.predicted_clv).toBeCloseTo(mean([...values.values()]), 2);
    expect(body.notes.join(' ')).toContain('predicted_clv is residual value');
  });

  it('splits by month of acquisition', async () => {
    const values = expectedValues(orders);
    const { body } = await query({ metrics: ['predicted_clv'], grain: 'month', from: day(200), to: day(1) });
    const firsts = new Map<string, string>();
    for (const o of orders) if (!firsts.has(o.customer)) firsts.set(o.customer, o.date);
    for (const row of body.rows as { date: string; predicted_clv: number | null }[]) {
      const month = row.date.slice(0, 7);
      const ids = [...firsts].filter(([, date]) => date.slice(0, 7) === month).map(([id]) => id);
      if (ids.length === 0) expect(row.predicted_clv).toBeNull();
      else expect(row.predicted_clv).toBeCloseTo(mean(ids.map((id) => values.get(id)!)), 2);
    }
  });

  it('predicted_ltv_cac: historical margin plus predicted value of the customers acquired, over every cost', async () => {
    const values = expectedValues(orders);
    const { body } = await query({ metrics: ['predicted_ltv_cac', 'ltv_cac'], from: day(200), to: day(1) });
    const margin = MARGIN * orders.reduce((s, o) => s + o.revenue, 0);
    const predicted = [...values.values()].reduce((s, v) => s + v, 0);
    // The only cost is the 1,000 of salaries (non-media, unallocated: in the totals).
    expect(body.totals.predicted_ltv_cac).toBeCloseTo((margin + predicted) / 1000, 6);
    expect(body.totals.ltv_cac).toBeCloseTo(margin / 1000, 6);
  });

  it('answers null with the reason where the models cannot be fitted, in a workspace without orders', async () => {
    const { status, body } = await call(t.url, 'POST', '/v1/query', {
      key: t.keys.otherAdmin,
      body: JSON.stringify({ metrics: ['predicted_clv'], from: day(200), to: day(1) }),
    });
    expect(status).toBe(200);
    expect(body.totals.predicted_clv).toBeNull();
    expect(body.notes).toContain(`predicted_clv: no customer has a completed order up to ${day(1)}`);
  });
});
