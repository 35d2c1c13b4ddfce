// Late or corrected data changes the derived view (DATA.md "Raw records are
// kept as sent … late or corrected data (an event arriving a day late, an
// identity learned later, a new fx rate) changes the derived view"), and so do
// settings that shape it. Each scenario loads, refreshes and queries, then
// adds or corrects data (or a setting), refreshes again and queries again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateSettings } from '../../src/access/workspaces.js';
import { LocalBackend } from '../../src/cli/local-backend.js';
import { refreshWorkspace } from '../../src/warehouse/derive-scheduler.js';
import type { SourceName } from '../../src/model/sources.js';
import { column, ev, expectValue, expectValues, openHarness, rowOf, type Harness } from './harness.js';

const SITE = 'https://shop.example/';
const CHECKOUT = 'https://shop.example/checkout';

describe('late and corrected data', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness('late');
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  /** Loads more records into an existing workspace and refreshes it; returns the import summary. */
  async function more(workspace: string, source: SourceName, records: Record<string, unknown>[]) {
    const summary = await new LocalBackend(h.warehouse, workspace, 'test').importRecords({
      source,
      records: records.map((value, index) => ({ index, value })),
      origin: 'test',
    });
    await refreshWorkspace(h.warehouse, workspace);
    return summary;
  }

  it('a new fx rate converts money that had no rate before', async () => {
    // 2026-03-02: ad cost 100 EUR, purchase 50 EUR; no EUR rate yet.
    await h.workspace('late-fx', {
      ad_performance: [{ date: '2026-03-02', platform: 'google_ads', campaign_id: 'L', impressions: 10, clicks: 1, cost: 100, currency: 'EUR' }],
      events: [ev('purchase', '2026-03-02T12:00:00Z', 'f1', { url: CHECKOUT, order_id: 'LF1', revenue: 50, currency: 'EUR' })],
    });
    const q = { metrics: ['cost', 'revenue', 'conversions'], from: '2026-03-02', to: '2026-03-02' };
    const before = await h.query('late-fx', q);
    expectValues(before.totals, { cost: 0, revenue: 0, conversions: 1 }); // amounts left out, the conversion still counts
    await more('late-fx', 'fx_rates', [{ date: '2026-03-01', currency: 'EUR', rate: 1.5 }]);
    const after = await h.query('late-fx', q);
    expectValues(after.totals, {
      cost: 150, // 100 EUR × 1.5 (latest rate on or before 03-02)
      revenue: 75, // 50 EUR × 1.5
      conversions: 1,
    });
  });

  it('an event arriving late adds an earlier touch to a conversion path', async () => {
    // t1: 03-05 10:00 Direct session, 10:05 purchase LT1 (20).
    await h.workspace('late-touch', {
      events: [
        ev('page_view', '2026-03-05T10:00:00Z', 't1', { url: SITE }),
        ev('purchase', '2026-03-05T10:05:00Z', 't1', { url: CHECKOUT, order_id: 'LT1', revenue: 20 }),
      ],
    });
    const q = (model: string) => ({ metrics: ['conversions'], dimensions: ['channel'], from: '2026-03-05', to: '2026-03-05', attribution: { model, lookback_days: 30 } });
    expect(column(await h.query('late-touch', q('last_non_direct')), 'channel')).toEqual(['Direct']); // nothing else in the path
    // The day before, t1 had come from a Google ad — that event arrives late.
    await more('late-touch', 'events', [ev('page_view', '2026-03-04T10:00:00Z', 't1', { url: `${SITE}?utm_source=google&utm_medium=cpc` })]);
    expect(column(await h.query('late-touch', q('last_non_direct')), 'channel')).toEqual(['Paid Search']);
    expect(column(await h.query('late-touch', q('first_touch')), 'channel')).toEqual(['Paid Search']);
    expect(column(await h.query('late-touch', q('last_touch')), 'channel')).toEqual(['Direct']); // the converting session
  });

  it('an identity learned later joins an earlier anonymous path', async () => {
    // i1: 03-10 Paid Social session (anonymous). i2 (user U9): 03-12 09:00 Direct session, 09:05 purchase LI1 (40).
    await h.workspace('late-id', {
      events: [
        ev('page_view', '2026-03-10T10:00:00Z', 'i1', { url: `${SITE}?utm_source=facebook&utm_medium=paid_social` }),
        ev('page_view', '2026-03-12T09:00:00Z', 'i2', { url: SITE, user_id: 'U9' }),
        ev('purchase', '2026-03-12T09:05:00Z', 'i2', { url: CHECKOUT, user_id: 'U9', order_id: 'LI1', revenue: 40 }),
      ],
    });
    const q = { metrics: ['conversions', 'revenue'], dimensions: ['channel'], from: '2026-03-12', to: '2026-03-12' };
    const before = await h.query('late-id', q);
    expect(column(before, 'channel')).toEqual(['Direct']); // i1 is somebody else, as far as we know
    // On 03-13 i1 logs in as U9: its earlier session belongs to U9's path.
    await more('late-id', 'events', [ev('signup', '2026-03-13T10:00:00Z', 'i1', { url: SITE, user_id: 'U9' })]);
    const after = await h.query('late-id', q);
    expect(column(after, 'channel')).toEqual(['Paid Social']); // last non-direct touch of U9 before 03-12 09:05
    expectValues(rowOf(after, { channel: 'Paid Social' }), { conversions: 1, revenue: 40 });
  });

  it('a corrected ad row replaces the stored one; a corrected campaign moves its spend', async () => {
    await h.workspace('late-ad', {
      campaigns: [{ campaign_id: 'A', name: 'Alpha', platform: 'google_ads', channel: 'Paid Search' }],
      ad_performance: [{ date: '2026-03-02', platform: 'google_ads', campaign_id: 'A', impressions: 100, clicks: 10, cost: 100 }],
    });
    const q = { metrics: ['cost', 'cpc'], dimensions: ['channel'], from: '2026-03-02', to: '2026-03-02' };
    expectValues(rowOf(await h.query('late-ad', q), { channel: 'Paid Search' }), { cost: 100, cpc: 10 });
    const summary = await more('late-ad', 'ad_performance', [
      { date: '2026-03-02', platform: 'google_ads', campaign_id: 'A', impressions: 100, clicks: 10, cost: 80 },
    ]);
    expect(summary).toMatchObject({ accepted: 0, updated: 1 }); // same key, changed row
    const corrected = await h.query('late-ad', q);
    expectValues(rowOf(corrected, { channel: 'Paid Search' }), { cost: 80, cpc: 8 }); // 80, not 100 + 80
    await more('late-ad', 'campaigns', [{ campaign_id: 'A', name: 'Alpha', platform: 'google_ads', channel: 'Display' }]);
    const moved = await h.query('late-ad', q);
    expect(column(moved, 'channel')).toEqual(['Display']);
    expectValues(rowOf(moved, { channel: 'Display' }), { cost: 80, cpc: 8 });
  });

  it('changing the workspace time zone re-buckets what was loaded', async () => {
    // 2026-03-02T03:00Z: a page view and an order (10). In UTC that is 03-02; in New York 03-01 22:00.
    await h.workspace('late-tz', {
      events: [ev('page_view', '2026-03-02T03:00:00Z', 'z1', { url: SITE })],
      orders: [{ order_id: 'Z1', customer_id: 'Z', timestamp: '2026-03-02T03:00:00Z', revenue: 10 }],
    });
    const q = { metrics: ['pageviews', 'sessions', 'order_revenue'], grain: 'day', from: '2026-03-01', to: '2026-03-02' };
    const utc = await h.query('late-tz', q);
    expectValues(rowOf(utc, { date: '2026-03-01' }), { pageviews: 0, sessions: 0, order_revenue: 0 });
    expectValues(rowOf(utc, { date: '2026-03-02' }), { pageviews: 1, sessions: 1, order_revenue: 10 });
    await updateSettings(h.warehouse, 'late-tz', { timezone: 'America/New_York' });
    await refreshWorkspace(h.warehouse, 'late-tz');
    const ny = await h.query('late-tz', q);
    expectValues(rowOf(ny, { date: '2026-03-01' }), { pageviews: 1, sessions: 1, order_revenue: 10 });
    expectValues(rowOf(ny, { date: '2026-03-02' }), { pageviews: 0, sessions: 0, order_revenue: 0 });
  });

  it('changing the default lookback changes the default credit', async () => {
    // l1: 03-01 10:00 Paid Search session; 03-10 10:00 Direct session, 10:05 purchase LL1.
    await h.workspace('late-lb', {
      events: [
        ev('page_view', '2026-03-01T10:00:00Z', 'l1', { url: `${SITE}?utm_source=google&utm_medium=cpc` }),
        ev('page_view', '2026-03-10T10:00:00Z', 'l1', { url: SITE }),
        ev('purchase', '2026-03-10T10:05:00Z', 'l1', { url: CHECKOUT, order_id: 'LL1', revenue: 10 }),
      ],
    });
    const q = { metrics: ['conversions'], dimensions: ['channel'], from: '2026-03-10', to: '2026-03-10' };
    expect(column(await h.query('late-lb', q), 'channel')).toEqual(['Paid Search']); // default 30 days reach back to 03-01
    await updateSettings(h.warehouse, 'late-lb', { lookback_days: 7 });
    await refreshWorkspace(h.warehouse, 'late-lb');
    expect(column(await h.query('late-lb', q), 'channel')).toEqual(['Direct']); // 7 days: 03-01 is 9 days before
    // A query can still ask for 30 days.
    expect(column(await h.query('late-lb', { ...q, attribution: { model: 'last_non_direct', lookback_days: 30 } }), 'channel')).toEqual(['Paid Search']);
  });

  it('changing the conversion types counts the new types as conversions', async () => {
    // c1: 03-02 10:00 signup, 10:10 purchase LC1 (30).
    await h.workspace('late-conv', {
      events: [
        ev('signup', '2026-03-02T10:00:00Z', 'c1', { url: SITE }),
        ev('purchase', '2026-03-02T10:10:00Z', 'c1', { url: CHECKOUT, order_id: 'LC1', revenue: 30 }),
      ],
    });
    const q = { metrics: ['conversions', 'revenue', 'visitor_cvr'], from: '2026-03-02', to: '2026-03-02' };
    expectValues((await h.query('late-conv', q)).totals, { conversions: 1, revenue: 30, visitor_cvr: 100 });
    await updateSettings(h.warehouse, 'late-conv', { conversion_types: ['purchase', 'signup'] });
    await refreshWorkspace(h.warehouse, 'late-conv');
    const after = await h.query('late-conv', q);
    expectValues(after.totals, {
      conversions: 2, // the signup and the purchase
      revenue: 30, // the signup carries no revenue
      visitor_cvr: 100, // still one converting visitor of one
    });
    const byType = await h.query('late-conv', { ...q, metrics: ['conversions'], dimensions: ['conversion_type'] });
    expectValue(rowOf(byType, { conversion_type: 'signup' }).conversions, 1);
    expectValue(rowOf(byType, { conversion_type: 'purchase' }).conversions, 1);
  });
});
