// A shop's orders with their RFM summaries worked out by hand, for
// QueryRunner.customerRfm; a second workspace without orders whose purchase
// events stand in for them; and the CDNOW sample read as orders.
// Workspace currency USD, zone America/New_York (UTC−5 until 2026-03-08):
// fx rates are read at an order's New York date, purchase days are UTC days.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RfmCounts, RfmRow } from '../../src/warehouse/warehouse.js';

export const SHOP_SETTINGS = { currency: 'USD', timezone: 'America/New_York' };

export const RFM_FX_RATES = [
  { date: '2026-03-01', currency: 'EUR', rate: 1.1 },
  { date: '2026-03-02', currency: 'EUR', rate: 1.2 },
];

const order = (order_id: string, customer_id: string, timestamp: string, revenue: number, extra: Record<string, unknown> = {}) => ({
  order_id,
  customer_id,
  timestamp,
  revenue,
  ...extra,
});

export const RFM_ORDERS = [
  // Alice: 03-01, then two orders on 03-08 (one purchase of 35.50), a refund, and an order after March.
  order('a1', 'c_alice', '2026-03-01T10:00:00Z', 50),
  order('a2', 'c_alice', '2026-03-08T09:00:00Z', 20),
  order('a3', 'c_alice', '2026-03-08T21:30:00Z', 15.5),
  order('a4', 'c_alice', '2026-03-15T12:00:00Z', 30, { status: 'refunded' }),
  order('a5', 'c_alice', '2026-04-10T12:00:00Z', 99),
  // Bob buys once.
  order('b1', 'c_bob', '2026-03-20T08:00:00Z', 42),
  // Carla pays in EUR. k1 is 22:00 on 03-01 in New York (rate 1.10 → 110.00 USD) and 03-02 in UTC (her first purchase day);
  // k2 and k4 take 03-02's rate 1.20 (12.00 and 39.996 USD); k3 was cancelled.
  order('k1', 'c_carla', '2026-03-02T03:00:00Z', 100, { currency: 'EUR' }),
  order('k2', 'c_carla', '2026-03-05T12:00:00Z', 10, { currency: 'EUR' }),
  order('k3', 'c_carla', '2026-03-05T14:00:00Z', 5, { status: 'cancelled' }),
  order('k4', 'c_carla', '2026-03-12T12:00:00Z', 33.33, { currency: 'EUR' }),
  // Dan's only order is in May: after the calibration end, and after "today" (2026-04-15).
  order('d1', 'c_dan', '2026-05-01T12:00:00Z', 60),
  // Erin's only order was refunded (negative revenue).
  order('e1', 'c_erin', '2026-03-10T12:00:00Z', -25, { status: 'refunded' }),
  // Fay's EUR order of 02-20 predates every rate: left out, not guessed; her USD order of 03-03 counts.
  order('f1', 'c_fay', '2026-02-20T12:00:00Z', 10, { currency: 'EUR' }),
  order('f2', 'c_fay', '2026-03-03T12:00:00Z', 25),
];

const row = (id: string, frequency: number, recency: number, T: number, monetary: number, first_purchase: string, orders: number): RfmRow => ({
  id,
  frequency,
  recency,
  T,
  monetary,
  first_purchase,
  orders,
});

/**
 * Calibration end 2026-03-31, in days. Alice: purchase days 03-01 and 03-08
 * (20 + 15.50), 30 days old. Bob: 03-20, 11 days. Carla: 03-02, 03-05, 03-12;
 * recency 10, T 29, monetary (12 + 39.996) / 2. Fay: 03-03, 28 days. Dan and
 * Erin have no purchase in the period.
 */
export const RFM_MARCH_DAYS: RfmRow[] = [
  row('c_alice', 1, 7, 30, 35.5, '2026-03-01', 3),
  row('c_bob', 0, 0, 11, 0, '2026-03-20', 1),
  row('c_carla', 2, 10, 29, 25.998, '2026-03-02', 3),
  row('c_fay', 0, 0, 28, 0, '2026-03-03', 1),
];

/** The same in weeks: every time divided by 7. */
export const RFM_MARCH_WEEKS: RfmRow[] = [
  row('c_alice', 1, 1, 30 / 7, 35.5, '2026-03-01', 3),
  row('c_bob', 0, 0, 11 / 7, 0, '2026-03-20', 1),
  row('c_carla', 2, 10 / 7, 29 / 7, 25.998, '2026-03-02', 3),
  row('c_fay', 0, 0, 4, 0, '2026-03-03', 1),
];

/** Calibration end 2026-04-10 (inclusive), in weeks: Alice's a5 is a third purchase day, 40 days after her first, worth 99. */
export const RFM_APRIL_10_WEEKS: RfmRow[] = [
  row('c_alice', 2, 40 / 7, 40 / 7, (35.5 + 99) / 2, '2026-03-01', 4),
  row('c_bob', 0, 0, 3, 0, '2026-03-20', 1),
  row('c_carla', 2, 10 / 7, 39 / 7, 25.998, '2026-03-02', 3),
  row('c_fay', 0, 0, 38 / 7, 0, '2026-03-03', 1),
];

/** Calibration end 2026-03-01: only Alice's first order (Fay's of 02-20 has no rate). */
export const RFM_MARCH_1_DAYS: RfmRow[] = [row('c_alice', 0, 0, 0, 0, '2026-03-01', 1)];

/**
 * The orders to 2026-03-31 seen from 2026-04-15: a1 a2 a3 b1 k1 k2 k4 f2
 * counted; a4 and e1 refunded (e1 negative); k3 cancelled; f1 without a
 * rate; a5 and d1 after the end; d1 in the future.
 */
export const RFM_MARCH_COUNTS: RfmCounts = {
  source: 'orders',
  completed: 8,
  refunded: 2,
  cancelled: 1,
  negative_revenue: 1,
  without_rate: 1,
  after_calibration_end: 2,
  future: 1,
};

const ev = (event_id: string, anonymous_id: string, type: string, timestamp: string, extra: Record<string, unknown> = {}) => ({
  event_id,
  anonymous_id,
  type,
  timestamp,
  url: 'https://shop.example/checkout',
  ...extra,
});
const BOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

/** A workspace (USD, UTC, RFM_FX_RATES) without orders: its purchase events are the purchases. */
export const RFM_EVENTS = [
  // u1 on two devices (stitched by user_id): order x1 (sent twice: one purchase), then x2 (20 EUR at 03-02's 1.20) and x3 on 03-04.
  ev('p1', 'v1', 'purchase', '2026-03-01T10:00:00Z', { user_id: 'u1', order_id: 'x1', revenue: 30 }),
  ev('p2', 'v1', 'purchase', '2026-03-01T10:05:00Z', { user_id: 'u1', order_id: 'x1', revenue: 30 }),
  ev('p3', 'v1', 'purchase', '2026-03-04T10:00:00Z', { order_id: 'x2', revenue: 20, currency: 'EUR' }),
  ev('p4', 'v2', 'purchase', '2026-03-04T15:00:00Z', { user_id: 'u1', order_id: 'x3', revenue: 8 }),
  // An anonymous buyer, once.
  ev('p5', 'v3', 'purchase', '2026-03-10T12:00:00Z', { order_id: 'x4', revenue: 50 }),
  // A bot's purchase, a purchase without revenue, and one after March: none of them counts.
  ev('p6', 'v9', 'purchase', '2026-03-11T12:00:00Z', { order_id: 'x5', revenue: 999, user_agent: BOT }),
  ev('p7', 'v4', 'purchase', '2026-03-12T12:00:00Z', { order_id: 'x6' }),
  ev('p8', 'v5', 'purchase', '2026-04-05T12:00:00Z', { order_id: 'x7', revenue: 10 }),
];

/** A purchase event in the shop before any order it counts: the shop has orders, so it is no purchase (to 02-28 the shop has none). */
export const RFM_SHOP_EVENTS = [...RFM_EVENTS, ev('p0', 'v0', 'purchase', '2026-02-25T12:00:00Z', { order_id: 'x0', revenue: 5 })];

/** From the events, calibration end 2026-03-31, in days: u1 buys on 03-01 (30) and 03-04 (24 + 8); v3 on 03-10. */
export const RFM_EVENT_DAYS: RfmRow[] = [
  row('u1', 1, 3, 30, 32, '2026-03-01', 3),
  row('v3', 0, 0, 21, 0, '2026-03-10', 1),
];

const CDNOW_SAMPLE = fileURLToPath(new URL('../../../shared/datasets/CDNOW_sample.txt', import.meta.url));
const CDNOW_SUMMARY = fileURLToPath(new URL('../../../shared/datasets/cdnow_customers_summary_with_transactions.csv', import.meta.url));

/**
 * The CDNOW sample (../shared/datasets/README.md) as orders: one per line,
 * customer_id the sample's customer number without its zeros (the ID of the
 * published summary), at midnight UTC of its date, worth its dollar value.
 */
export function cdnowOrders(): Record<string, unknown>[] {
  const lines = readFileSync(CDNOW_SAMPLE, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.map((line, i) => {
    const [, customer, date, , dollars] = line.trim().split(/\s+/);
    const day = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
    return { order_id: `cd${i + 1}`, customer_id: String(Number(customer)), timestamp: `${day}T00:00:00Z`, revenue: Number(dollars) };
  });
}

/** The published per-customer summary (weeks, calibration end 1997-09-30, two decimals): ID, x, t_x, T, zbar. */
export function cdnowSummary(): { id: string; frequency: number; recency: number; T: number; monetary: number }[] {
  const [, ...lines] = readFileSync(CDNOW_SUMMARY, 'utf8').trim().split(/\r?\n/);
  return lines.map((line) => {
    const [id, x, tx, T, zbar] = line.split(',');
    return { id, frequency: Number(x), recency: Number(tx), T: Number(T), monetary: Number(zbar) };
  });
}
