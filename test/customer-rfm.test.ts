// QueryRunner.customerRfm on every engine (DuckDB, a current ClickHouse
// through chdb, ClickHouse 18.16 alone and as a two-shard cluster): RFM
// summaries built from one definition (src/warehouse/relations/customer-rfm.ts)
// and aggregated in the engine. Each engine must give the summaries of a
// hand-built shop (support/rfm-fixture.ts) worked out by hand; on the demo
// shop's orders, clv/rfm.ts buildRfm over the same orders read back and
// converted here (a second method); and on the CDNOW sample, the published
// summary of the BG/NBD paper.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRfm, type Order, type RfmCustomer } from '../src/clv/rfm.js';
import { NotFoundError, ValidationError } from '../src/core/errors.js';
import { localDate } from '../src/core/time.js';
import { generateDemo } from '../src/demo/generate-demo.js';
import type { Row } from '../src/model/validate.js';
import type { RfmQuery, RfmRow, Warehouse } from '../src/warehouse/warehouse.js';
import { everyEngine, type OpenedWarehouse } from './support/every-engine.js';
import { loadWorkspace } from './support/metrics-fixture.js';
import {
  cdnowOrders,
  cdnowSummary,
  RFM_APRIL_10_WEEKS,
  RFM_EVENT_DAYS,
  RFM_EVENTS,
  RFM_FX_RATES,
  RFM_MARCH_1_DAYS,
  RFM_MARCH_COUNTS,
  RFM_MARCH_DAYS,
  RFM_MARCH_WEEKS,
  RFM_ORDERS,
  RFM_SHOP_EVENTS,
  SHOP_SETTINGS,
} from './support/rfm-fixture.js';

const ENGINES = everyEngine('rfm');

/** The 90-day demo shop's orders (4,414 of 3,258 customers; refunded and cancelled ones among them) and its fx rates. */
const DEMO = { days: 90, seed: 1, end: '2026-03-21', visitors: 50_000 };

async function loadAll(w: Warehouse): Promise<void> {
  // The shop's purchase events are left aside: it has orders.
  await loadWorkspace(w, 'shop', { fx_rates: RFM_FX_RATES, orders: RFM_ORDERS, events: RFM_SHOP_EVENTS }, SHOP_SETTINGS);
  await loadWorkspace(w, 'visits', { fx_rates: RFM_FX_RATES, events: RFM_EVENTS });
  const demo = generateDemo(DEMO);
  await loadWorkspace(w, 'demo', { fx_rates: demo.fx_rates, orders: demo.orders });
  await loadWorkspace(w, 'cdnow', { orders: cdnowOrders() });
}

/** Half away from zero to 6 places, as the engines round converted money. */
const round6 = (x: number) => Math.sign(x) * Math.round(Math.abs(x) * 1e6) / 1e6;

/**
 * Completed orders as buildRfm's input, converted here from the stored rows:
 * another currency at the latest rate on or before the order's local date
 * (an order without one left out), negative values (refunds) left out.
 */
function ordersOf(orders: Row[], rates: Row[], settings: { currency: string; timezone: string }): Order[] {
  return orders.flatMap((o) => {
    if ((o.status ?? 'completed') !== 'completed') return [];
    const time = typeof o.timestamp === 'number' ? o.timestamp : Date.parse(String(o.timestamp));
    const currency = String(o.currency ?? settings.currency);
    let value = Number(o.revenue);
    if (currency !== settings.currency) {
      const day = localDate(time, settings.timezone);
      const known = rates.filter((r) => r.currency === currency && String(r.date) <= day).sort((a, b) => (String(a.date) < String(b.date) ? 1 : -1));
      if (known.length === 0) return [];
      value = round6(value * Number(known[0].rate));
    }
    return value < 0 ? [] : [{ customer: String(o.customer_id), time, value }];
  });
}

/** The summaries without the warehouse's extra fields, monetary to 1e-9 relative (decimal sums against a sum of doubles). */
function expectSummaries(found: RfmRow[], expected: RfmCustomer[]): void {
  const strip = ({ id, frequency, recency, T }: RfmCustomer) => ({ id, frequency, recency, T });
  expect(found.map(strip)).toEqual(expected.map(strip));
  found.forEach((f, i) => expect(Math.abs(f.monetary - expected[i].monetary)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected[i].monetary)));
}

for (const engine of ENGINES) {
  describe.skipIf(!engine.available && !process.env.CI)(`customer RFM on ${engine.name}`, () => {
    let dir: string;
    let opened: OpenedWarehouse;
    let w: Warehouse;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'beacon-rfm-'));
      opened = await engine.open(dir);
      w = opened.warehouse;
      await loadAll(w);
    }, 600_000);

    afterAll(async () => {
      await opened?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('the hand-built shop in days: same-day orders are one purchase; refunds, cancellations, orders without a rate and purchase events left out', async () => {
      expect(await w.customerRfm('shop', { calibrationEnd: '2026-03-31', timeUnit: 'day' })).toEqual(RFM_MARCH_DAYS);
    });

    it('in weeks', async () => {
      expect(await w.customerRfm('shop', { calibrationEnd: '2026-03-31', timeUnit: 'week' })).toEqual(RFM_MARCH_WEEKS);
    });

    it('the calibration end is inclusive', async () => {
      expect(await w.customerRfm('shop', { calibrationEnd: '2026-04-10', timeUnit: 'week' })).toEqual(RFM_APRIL_10_WEEKS);
      expect(await w.customerRfm('shop', { calibrationEnd: '2026-03-01', timeUnit: 'day' })).toEqual(RFM_MARCH_1_DAYS);
      // No order counts by 02-28 (f1 has no rate), yet the shop has orders: its purchase event of 02-25 stays out.
      expect(await w.customerRfm('shop', { calibrationEnd: '2026-02-28', timeUnit: 'day' })).toEqual([]);
    });

    it('counts what became of the orders', async () => {
      expect(await w.customerRfmCounts('shop', { calibrationEnd: '2026-03-31', today: '2026-04-15' })).toEqual(RFM_MARCH_COUNTS);
    });

    it('is buildRfm over the same orders, converted apart', async () => {
      const orders = ordersOf(await w.readRows('shop', 'orders'), await w.readRows('shop', 'fx_rates'), SHOP_SETTINGS);
      for (const query of [{ calibrationEnd: '2026-03-31', timeUnit: 'day' }, { calibrationEnd: '2026-04-10', timeUnit: 'week' }] as RfmQuery[]) {
        const expected = buildRfm(orders, { calibrationEnd: Date.parse(`${query.calibrationEnd}T12:00:00Z`), timeUnit: query.timeUnit });
        expectSummaries(await w.customerRfm('shop', query), expected);
      }
    });

    it('a workspace without orders: conversions with revenue per person, one per order_id, bots left out', async () => {
      expect(await w.customerRfm('visits', { calibrationEnd: '2026-03-31', timeUnit: 'day' })).toEqual(RFM_EVENT_DAYS);
      expect(await w.customerRfmCounts('visits', { calibrationEnd: '2026-03-31', today: '2026-04-15' })).toEqual({
        source: 'events', completed: 0, refunded: 0, cancelled: 0, negative_revenue: 0, without_rate: 0, after_calibration_end: 0, future: 0,
      });
    });

    it.each([
      ['2026-02-15', 'day'],
      ['2026-03-21', 'week'],
    ] as const)('the demo shop to %s in %ss is buildRfm over its orders', async (calibrationEnd, timeUnit) => {
      const settings = (await w.getWorkspace('demo'))!.settings;
      const orders = ordersOf(await w.readRows('demo', 'orders'), await w.readRows('demo', 'fx_rates'), settings);
      const expected = buildRfm(orders, { calibrationEnd: Date.parse(`${calibrationEnd}T00:00:00Z`), timeUnit });
      expect(expected.filter((c) => c.frequency > 0).length).toBeGreaterThan(100);
      const found = await w.customerRfm('demo', { calibrationEnd, timeUnit });
      expectSummaries(found, expected);
      const counted = orders.filter((o) => o.time < Date.parse(`${calibrationEnd}T00:00:00Z`) + 86_400_000).length;
      expect(found.reduce((n, c) => n + c.orders, 0)).toBe(counted);
    });

    it('the CDNOW sample to 1997-09-30 in weeks is the published summary (two decimals) of its 2,357 customers', async () => {
      const found = await w.customerRfm('cdnow', { calibrationEnd: '1997-09-30', timeUnit: 'week' });
      const published = cdnowSummary().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      expect(found.map((c) => c.id)).toEqual(published.map((c) => c.id));
      const off = found.filter((c, i) => {
        const p = published[i];
        return c.frequency !== p.frequency || [c.recency - p.recency, c.T - p.T, c.monetary - p.monetary].some((d) => Math.abs(d) > 0.005 + 1e-9);
      });
      expect(off).toEqual([]);
      // 946 repeat buyers, as in the Gamma-Gamma fit of Fader, Hardie & Lee.
      expect(found.filter((c) => c.frequency > 0).length).toBe(946);
      expect(found.every((c) => c.first_purchase >= '1997-01-01' && c.first_purchase <= '1997-03-31')).toBe(true);
    });

    it('refuses a query it cannot build (400), and an unknown workspace (404)', async () => {
      const error = await w.customerRfm('shop', { calibrationEnd: '2026-02-30', timeUnit: 'month' as 'day' }).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toBe('invalid RFM query: calibrationEnd must be a date (YYYY-MM-DD); timeUnit must be one of day, week');
      await expect(w.customerRfm('nowhere', { calibrationEnd: '2026-03-31', timeUnit: 'day' })).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
