// The data-quality audit on every engine, over a workspace crafted so that
// each check finds exactly what the comments below count by hand, beside a
// clean workspace in which the audit finds nothing. Dates are relative to
// today (ingestion refuses events more than a day ahead).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalBackend } from '../src/cli/local-backend.js';
import { localDate } from '../src/core/time.js';
import { predictedValues } from '../src/clv/predicted-values.js';
import type { QualityFinding } from '../src/quality/quality-findings.js';
import { qualityReport, type QualityReport } from '../src/quality/quality-service.js';
import { DeriveScheduler } from '../src/warehouse/derive-scheduler.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { everyEngine, type OpenedWarehouse } from './support/every-engine.js';
import { loadWorkspace } from './support/metrics-fixture.js';

const DAY_MS = 86_400_000;
const NOW = Date.now();
const TODAY = localDate(NOW, 'UTC');
/** The day `n` days before today (YYYY-MM-DD). */
const ago = (n: number) => new Date(Date.parse(TODAY) - n * DAY_MS).toISOString().slice(0, 10);
const at = (day: string, hour: number, minute = 0) => `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;
const GOOGLE = (campaign: string) => `https://shop.example/?utm_source=google&utm_medium=cpc&utm_campaign=${campaign}`;

let seq = 0;
const ev = (type: string, timestamp: string, anonymous_id: string, extra: Record<string, unknown> = {}) => ({ event_id: `q${++seq}`, type, timestamp, anonymous_id, ...extra });

/**
 * Page views: 35 days back to yesterday, 10 a day (one visitor each) — except
 * 4 days ago, a day with 1 (90 % below its weekday's median of 10: a tracking
 * gap, an error since ≥ 80 %). One day's visitor lands from campaign GHOST,
 * which no campaign or ad row knows, twice: 1 unknown campaign id standing for 2 events.
 */
function traffic(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let d = 35; d >= 1; d--) {
    const views = d === 4 ? 1 : 10;
    for (let i = 0; i < views; i++) out.push(ev('page_view', at(ago(d), 9, i), `t${d}-${i}`, { url: 'https://shop.example/' }));
  }
  out.push(ev('page_view', at(ago(2), 15), 'ghost', { url: 'https://shop.example/?utm_source=news&utm_medium=email&utm_campaign=GHOST' }));
  out.push(ev('page_view', at(ago(2), 17), 'ghost', { url: 'https://shop.example/p/1?utm_source=news&utm_medium=email&utm_campaign=GHOST' }));
  return out;
}

/**
 * Conversions: 5 buyers from Google campaign C1, 5 to 9 days ago (a
 * page view, then a purchase in USD) — Beacon credits 5 conversions to
 * google_ads, which itself reports 50 (10×: a mismatch). One of the five pays
 * in EUR, for which there is no fx rate. One purchase arrives with no page
 * view in its session (a server-side sale).
 */
function conversions(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < 5; i++) {
    const day = ago(5 + i);
    out.push(ev('page_view', at(day, 11), `b${i}`, { url: GOOGLE('C1') }));
    out.push(ev('purchase', at(day, 11, 5), `b${i}`, { url: 'https://shop.example/checkout', order_id: `o${i}`, revenue: 40, ...(i === 0 ? { currency: 'EUR' } : {}) }));
  }
  out.push(ev('purchase', at(ago(2), 18), 'server-side', { order_id: 'o-server', revenue: 90 }));
  return out;
}

function shop() {
  const adDay = (d: number, extra: Record<string, unknown> = {}) => ({ date: ago(d), platform: 'google_ads', campaign_id: 'C1', impressions: 1000, clicks: 20, cost: 30, platform_conversions: 10, ...extra });
  return {
    campaigns: [{ campaign_id: 'C1', name: 'Brand', platform: 'google_ads' }],
    fx_rates: [{ date: ago(60), currency: 'CAD', rate: 0.7 }],
    // Five days of C1 reporting 10 conversions each (50 in all); 3 days ago 150 clicks on 100 impressions; 2 days ago 25 spent on no impressions.
    ad_performance: [
      adDay(7), adDay(6), adDay(5),
      adDay(3, { impressions: 100, clicks: 150 }),
      adDay(2, { impressions: 0, clicks: 0, cost: 25 }),
      // A platform that bills in SEK, with no SEK rate: its cost is left out.
      { date: ago(1), platform: 'meta_ads', campaign_id: 'M1', impressions: 500, clicks: 5, cost: 100, currency: 'SEK' },
    ],
    // Two orders in GBP, which has no rate; one in USD.
    orders: [
      { order_id: 'x1', customer_id: 'c1', timestamp: at(ago(3), 10), revenue: 80, currency: 'GBP' },
      { order_id: 'x2', customer_id: 'c2', timestamp: at(ago(2), 10), revenue: 20, currency: 'GBP' },
      { order_id: 'x3', customer_id: 'c3', timestamp: at(ago(2), 11), revenue: 50 },
    ],
    // Survey answers stopped 10 days ago: a stale source (an error from 8 days).
    surveys: [{ response_id: 's1', kind: 'nps', score: 9, timestamp: at(ago(10), 12) }],
    events: [...traffic(), ...conversions()],
  };
}

/** Clean: two days of ads and visits that end in purchases, all in USD. */
function clean() {
  return {
    campaigns: [{ campaign_id: 'K1', name: 'Clean', platform: 'google_ads' }],
    ad_performance: [1, 2].map((d) => ({ date: ago(d), platform: 'google_ads', campaign_id: 'K1', impressions: 1000, clicks: 20, cost: 30, platform_conversions: 1 })),
    orders: [{ order_id: 'k1', customer_id: 'k', timestamp: at(ago(1), 10), revenue: 50 }],
    events: [1, 2].flatMap((d) => [
      ev('page_view', at(ago(d), 10), `k${d}`, { url: GOOGLE('K1') }),
      ev('purchase', at(ago(d), 10, 5), `k${d}`, { url: 'https://shop.example/checkout', order_id: `ko${d}`, revenue: 50 }),
    ]),
  };
}

const SHOP = shop();
const CLEAN = clean();
const byCheck = (report: QualityReport) => new Map<string, QualityFinding>(report.findings.map((f) => [f.check, f]));

for (const engine of everyEngine('quality').filter((e) => e.available)) {
  describe(`the data-quality audit on ${engine.name}`, () => {
    let opened: OpenedWarehouse;
    let dir: string;
    let w: Warehouse;
    let report: QualityReport;
    const audit = async (name: string) => {
      const services = { warehouse: w, derived: new DeriveScheduler(w), customerValues: predictedValues(w) };
      return qualityReport(services, (await w.getWorkspace(name))!, NOW);
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'beacon-quality-'));
      opened = await engine.open(dir);
      w = opened.warehouse;
      await loadWorkspace(w, 'shop', SHOP, { currency: 'USD', timezone: 'UTC' });
      // Two of the page views sent again: duplicates, ignored and counted.
      const again = SHOP.events.slice(0, 2).map((value, index) => ({ index, value }));
      const summary = await new LocalBackend(w, 'shop', 'test').importRecords({ source: 'events', records: again, origin: 'test' });
      expect(summary.duplicates).toBe(2);
      await loadWorkspace(w, 'clean', CLEAN, { currency: 'USD', timezone: 'UTC' });
      report = await audit('shop');
    }, 240_000);
    afterAll(async () => {
      await opened?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('finds ad rows with more clicks than impressions, and spend without impressions', () => {
      const found = byCheck(report);
      expect(found.get('clicks_over_impressions')).toMatchObject({ severity: 'error', count: 1, from: ago(3), to: ago(3) });
      expect(found.get('clicks_over_impressions')!.examples).toEqual([expect.objectContaining({ day: ago(3), platform: 'google_ads', campaign_id: 'C1', clicks: 150, impressions: 100 })]);
      expect(found.get('spend_without_impressions')).toMatchObject({ severity: 'warning', count: 1, from: ago(2), to: ago(2) });
    });

    it('finds money without an fx rate: 2 GBP orders, 1 EUR purchase, 1 SEK ad row', () => {
      const found = byCheck(report);
      expect(found.get('orders_without_fx_rate')).toMatchObject({ severity: 'error', count: 2, from: ago(3), to: ago(2) });
      expect(found.get('orders_without_fx_rate')!.examples.map((e) => e.order_id)).toEqual(['x2', 'x1']);
      expect(found.get('revenue_events_without_fx_rate')).toMatchObject({ count: 1, from: ago(5), to: ago(5) });
      expect(found.get('ad_cost_without_fx_rate')).toMatchObject({ count: 1, from: ago(1) });
    });

    it('finds the conversion with no visit before it, and the campaign id nothing knows', () => {
      const found = byCheck(report);
      expect(found.get('conversions_without_session')).toMatchObject({ count: 1, from: ago(2) });
      expect(found.get('conversions_without_session')!.examples).toEqual([expect.objectContaining({ order_id: 'o-server', anonymous_id: 'server-side' })]);
      expect(found.get('unknown_utm_campaigns')).toMatchObject({ count: 1, records: 2 });
      expect(found.get('unknown_utm_campaigns')!.examples).toEqual([expect.objectContaining({ campaign_id: 'GHOST', records: 2 })]);
    });

    it('finds the day tracking fell 90 %, the platform reporting 10× what was tracked, the duplicates and the stale surveys', () => {
      const found = byCheck(report);
      expect(found.get('tracking_gaps')).toMatchObject({ severity: 'error', count: 1, from: ago(4), to: ago(4) });
      expect(found.get('tracking_gaps')!.examples).toEqual([{ day: ago(4), events: 1, expected: 10, drop_percent: 90 }]);
      expect(found.get('platform_conversions_mismatch')!.examples).toEqual([{ platform: 'google_ads', platform_reported: 50, tracked: 5, ratio: 10 }]);
      expect(found.get('duplicates_rejected')).toMatchObject({ severity: 'info', count: 2 });
      expect(found.get('stale_sources')).toMatchObject({ severity: 'error', count: 1 });
      expect(found.get('stale_sources')!.examples).toEqual([{ source: 'surveys', latest_date: ago(10), days_old: 10 }]);
    });

    it('finds no events from the future here, lists every check, and puts errors first', () => {
      expect(byCheck(report).has('future_events')).toBe(false);
      expect(report.checks).toHaveLength(12);
      const severities = report.findings.map((f) => f.severity);
      expect(severities).toEqual([...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)));
      expect(report.summary).toEqual({ error: 6, warning: 4, info: 1 });
    });

    it('finds nothing in a clean workspace', async () => {
      const cleanReport = await audit('clean');
      expect(cleanReport.findings).toEqual([]);
      expect(cleanReport.checks.every((c) => c.status === 'ok')).toBe(true);
    });
  });
}
