// GET /v1/clv over real HTTP, on the user's own path: the CDNOW sample loaded
// as orders through the import route, then the models fitted up to
// 1997-09-30 in weeks must give the published BG/NBD and Gamma-Gamma
// parameters (Fader, Hardie & Lee 2005).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';

const dir = tempDir('http-clv');
let t: TestServer;

/** CDNOW_sample.txt (master_id, customer_id, YYYYMMDD, CDs, dollars) as Beacon orders, one per line. */
function cdnowOrders(): Record<string, unknown>[] {
  const lines = readFileSync(new URL('../../shared/datasets/CDNOW_sample.txt', import.meta.url), 'utf8').trim().split(/\r?\n/);
  return lines.map((line, i) => {
    const [, customer, day, , dollars] = line.trim().split(/\s+/);
    return { order_id: `cdnow-${i + 1}`, customer_id: customer, timestamp: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T00:00:00Z`, revenue: Number(dollars), currency: 'USD' };
  });
}

const clv = (query: string) => call(t.url, 'GET', `/v1/clv?${query}`, { key: t.keys.read });

beforeAll(async () => {
  t = await startTestServer(dir.path);
  const orders = cdnowOrders();
  for (let i = 0; i < orders.length; i += 5000) {
    const answer = await call(t.url, 'POST', '/v1/import/orders', { key: t.keys.ingest, body: JSON.stringify(orders.slice(i, i + 5000)) });
    expect(answer.status).toBe(200);
    expect(answer.body.rejected).toBe(0);
  }
  // Orders that are no purchases, and one dated in the future: the fit must not move, and its notes must count them.
  const odd = [
    { order_id: 'refund-1', customer_id: '0001', timestamp: '1997-03-01T00:00:00Z', revenue: -12.5, currency: 'USD', status: 'refunded' },
    { order_id: 'refund-2', customer_id: '0002', timestamp: '1997-04-01T00:00:00Z', revenue: 20, currency: 'USD', status: 'refunded' },
    { order_id: 'cancel-1', customer_id: '0003', timestamp: '1997-05-01T00:00:00Z', revenue: 30, currency: 'USD', status: 'cancelled' },
    // The start of tomorrow (UTC): within the day of clock skew the import allows, on a day that has not begun.
    { order_id: 'future-1', customer_id: '0004', timestamp: new Date(Math.ceil((Date.now() + 1) / 86_400_000) * 86_400_000).toISOString(), revenue: 30, currency: 'USD' },
  ];
  const answer = await call(t.url, 'POST', '/v1/import/orders', { key: t.keys.ingest, body: JSON.stringify(odd) });
  expect(answer.body).toMatchObject({ accepted: 4, rejected: 0 });
}, 120_000);

/** Each customer's distinct purchase days from the day after `after` through `until` (YYYYMMDD), read from the raw file. */
function purchaseDaysBetween(after: string, until: string): Map<string, number> {
  const days = new Map<string, Set<string>>();
  for (const line of readFileSync(new URL('../../shared/datasets/CDNOW_sample.txt', import.meta.url), 'utf8').trim().split(/\r?\n/)) {
    const [, customer, day] = line.trim().split(/\s+/);
    if (day <= after || day > until) continue;
    days.set(customer, (days.get(customer) ?? new Set()).add(day));
  }
  return new Map([...days].map(([c, set]) => [c, set.size]));
}

afterAll(async () => {
  await t.stop();
  dir.remove();
});

describe('GET /v1/clv', () => {
  it('gives the published CDNOW parameters from the sample loaded as orders (weeks, calibration end 1997-09-30)', async () => {
    const { status, body } = await clv('calibration_end=1997-09-30&time_unit=week&horizon_days=364&discount=0&margin=1&top=5');
    expect(status).toBe(200);
    // Fader, Hardie & Lee (2005): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4.
    expect(body.params.r).toBeCloseTo(0.243, 3);
    expect(body.params.alpha).toBeCloseTo(4.414, 2);
    expect(body.params.a).toBeCloseTo(0.793, 3);
    expect(body.params.b).toBeCloseTo(2.426, 2);
    expect(body.log_likelihood).toBeCloseTo(-9582.4, 1);
    // Gamma-Gamma on the 946 repeat buyers: p = 6.25, q = 3.74, gamma = 15.44.
    expect(body.params.p).toBeCloseTo(6.25, 1);
    expect(body.params.q).toBeCloseTo(3.74, 1);
    expect(Math.abs(body.params.gamma - 15.44)).toBeLessThan(0.02);
    expect(body.summary).toMatchObject({ customers: 2357, repeat_buyers: 946, time_unit: 'week', calibration_end: '1997-09-30', residual: true });
    // 2,357 − 946 = 1,411 one-time buyers stay out of the order-value model; CDNOW shows dropout (a = 0.793).
    expect(body.warnings).toContain('1,411 one-time buyers are left out of the order-value model (they have no repeat order to learn from)');
    expect(body.warnings.filter((w: string) => w.includes('dropout'))).toEqual([]);
    expect(body.customers).toHaveLength(5);
    // Highest value first, and never a NaN.
    const values = body.customers.map((c: { clv: number }) => c.clv);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(JSON.stringify(body)).not.toContain('NaN');
  });

  it('checks the fit on the holdout weeks 40–78 against the purchases in the file, and counts the orders it left out', async () => {
    const { status, body } = await clv('calibration_end=1997-09-30&time_unit=week&holdout_end=1998-06-30&top=3');
    expect(status).toBe(200);
    const actual = purchaseDaysBetween('19970930', '19980630');
    // 1997-10-01 … 1998-06-30 is 273 days: 39 weeks.
    expect(body.holdout.length).toBe(39);
    expect(body.holdout.aggregate.customers).toBe(2357);
    expect(body.holdout.aggregate.actual).toBe([...actual.values()].reduce((a, b) => a + b, 0));
    // BTYD's CDNOW walkthrough: bin sizes 1411, 439, 214, 100, 62, 38, 29, 64 for 0 … 7+ repeat purchases.
    expect(body.holdout.by_frequency.map((b: { customers: number }) => b.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(body.holdout.by_frequency[0].mean_actual).toBeCloseTo(0.2367116, 6);
    for (const c of body.customers) expect(c.holdout.actual).toBe(actual.get(c.id) ?? 0);
    // Three orders that are no purchases and one in the future; the fit is the published one all the same.
    expect(body.orders).toMatchObject({ source: 'orders', completed: 4960, refunded: 2, cancelled: 1, negative_revenue: 1, future: 1 });
    expect(body.notes).toEqual([
      '2 refunded orders and 1 cancelled order are not counted as purchases (1 with negative revenue)',
      `${(6919 - 4960 + 1).toLocaleString('en-US')} completed orders after 1997-09-30 are left out of the fit`,
      '1 order is dated in the future (check the time zone of the timestamps)',
    ]);
    expect(body.params.r).toBeCloseTo(0.243, 3);
    // The histogram holds every customer, and its percentiles are in order.
    expect(body.distribution.bins.reduce((n: number, b: { customers: number }) => n + b.customers, 0)).toBe(2357);
    expect(body.distribution.p50).toBeLessThanOrEqual(body.distribution.p90);
    expect(body.distribution.p90).toBeLessThanOrEqual(body.distribution.p99);
  });

  it("another workspace's key fits nothing of these orders: it has no customers", async () => {
    const other = await call(t.url, 'GET', '/v1/clv?calibration_end=1997-09-30&time_unit=week', { key: t.keys.otherAdmin });
    expect(other.status).toBe(422);
    expect(JSON.stringify(other.body)).not.toContain('0001');
  });

  it('answers a clear error for a bad horizon, time unit or date, and a 422 when there is too little to fit', async () => {
    expect((await clv('horizon_days=0')).body.error.message).toContain('horizon_days must be a number of days above 0');
    expect((await clv('time_unit=month')).status).toBe(400);
    expect((await clv('calibration_end=1997-02-30')).status).toBe(400);
    const early = await clv('calibration_end=1997-01-02&time_unit=week');
    expect(early.status).toBe(422);
    expect(early.body.error.message).toMatch(/customer/);
    const before = await clv('calibration_end=1996-12-31');
    expect(before.status).toBe(422);
    expect(before.body.error.message).toBe('no customer has a completed order on or before 1996-12-31: choose a later calibration_end, or load orders first');
    expect((await clv('calibration_end=1997-09-30&holdout_end=1997-09-30')).body.error.message).toContain('holdout_end 1997-09-30 must be after calibration_end 1997-09-30');
  });
});
