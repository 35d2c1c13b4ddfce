// Crediting conversions to touches in metric queries (KPIS.md ATTRIBUTION):
// last_non_direct (default), first_touch, last_touch; lookback; identity
// stitching; a path starts after the previous conversion; an ad click and the
// session it opens within 30 minutes are one touch.
//
// Workspace "attr", UTC. Campaign CP "Paid Camp" (google_ads, channel Paid Search).
//   a1:  03-01 10:00 page_view, referrer google.com             → Organic Search
//        03-03 10:00 page_view, utm google/cpc/CP               → Paid Search, CP
//        03-05 10:00 page_view, no referrer                     → Direct
//        03-05 10:05 purchase X1 revenue 90
//   b1:  03-10 10:00 page_view, utm facebook/paid_social        → Paid Social (no campaign)
//        03-10 10:02 signup with user_id U2                     → b1 belongs to U2
//   b2:  03-12 09:00 page_view (user_id U2), no referrer        → Direct
//        03-12 09:05 purchase X2 revenue 40 (user_id U2)
//   q1:  03-20 10:00 page_view, referrer bing.com               → Organic Search
//        03-20 10:05 purchase Q1 revenue 10
//        03-22 10:00 page_view, no referrer                     → Direct
//        03-22 10:05 purchase Q2 revenue 20
//   r1:  03-25 10:00 ad_click campaign_id CP                    → Paid Search, CP
//        03-25 10:05 page_view, no referrer (5 min after the click: the same touch)
//        03-25 10:06 purchase R1 revenue 30
//
// Paths (30-day lookback, after the previous conversion):
//   X1: Organic Search → Paid Search (CP) → Direct
//   X2: Paid Social → Direct                     (b1 and b2 stitched through U2)
//   Q1: Organic Search
//   Q2: Direct                                   (Q1's session is before the previous conversion)
//   R1: Paid Search (CP) click                   (its session is part of the click's touch)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { column, ev, expectValues, openHarness, rowOf, type Harness } from './harness.js';

const WS = 'attr';
const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const SITE = 'https://shop.example/';
const CHECKOUT = 'https://shop.example/checkout';

describe('attribution in metric queries', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness('attribution');
    await h.workspace(WS, {
      campaigns: [{ campaign_id: 'CP', name: 'Paid Camp', platform: 'google_ads', channel: 'Paid Search' }],
      events: [
        ev('page_view', '2026-03-01T10:00:00Z', 'a1', { url: SITE, referrer: 'https://www.google.com/' }),
        ev('page_view', '2026-03-03T10:00:00Z', 'a1', { url: `${SITE}?utm_source=google&utm_medium=cpc&utm_campaign=CP` }),
        ev('page_view', '2026-03-05T10:00:00Z', 'a1', { url: SITE }),
        ev('purchase', '2026-03-05T10:05:00Z', 'a1', { url: CHECKOUT, order_id: 'X1', revenue: 90 }),

        ev('page_view', '2026-03-10T10:00:00Z', 'b1', { url: `${SITE}?utm_source=facebook&utm_medium=paid_social` }),
        ev('signup', '2026-03-10T10:02:00Z', 'b1', { url: SITE, user_id: 'U2' }),
        ev('page_view', '2026-03-12T09:00:00Z', 'b2', { url: SITE, user_id: 'U2' }),
        ev('purchase', '2026-03-12T09:05:00Z', 'b2', { url: CHECKOUT, user_id: 'U2', order_id: 'X2', revenue: 40 }),

        ev('page_view', '2026-03-20T10:00:00Z', 'q1', { url: SITE, referrer: 'https://www.bing.com/' }),
        ev('purchase', '2026-03-20T10:05:00Z', 'q1', { url: CHECKOUT, order_id: 'Q1', revenue: 10 }),
        ev('page_view', '2026-03-22T10:00:00Z', 'q1', { url: SITE }),
        ev('purchase', '2026-03-22T10:05:00Z', 'q1', { url: CHECKOUT, order_id: 'Q2', revenue: 20 }),

        ev('ad_click', '2026-03-25T10:00:00Z', 'r1', { campaign_id: 'CP' }),
        ev('page_view', '2026-03-25T10:05:00Z', 'r1', { url: SITE }),
        ev('purchase', '2026-03-25T10:06:00Z', 'r1', { url: CHECKOUT, order_id: 'R1', revenue: 30 }),
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  const byChannel = (model?: string, extra: Record<string, unknown> = {}) =>
    h.query(WS, {
      metrics: ['conversions', 'revenue'],
      dimensions: ['channel'],
      ...MARCH,
      ...(model ? { attribution: { model, lookback_days: 30 } } : {}),
      ...extra,
    });

  it('last_non_direct (the default): the last touch that is not Direct', async () => {
    const r = await byChannel();
    expect(column(r, 'channel').sort()).toEqual(['Direct', 'Organic Search', 'Paid Search', 'Paid Social']);
    expectValues(rowOf(r, { channel: 'Paid Search' }), { conversions: 2, revenue: 120 }); // X1 90 + R1 30
    expectValues(rowOf(r, { channel: 'Paid Social' }), { conversions: 1, revenue: 40 }); // X2 via stitched b1
    expectValues(rowOf(r, { channel: 'Organic Search' }), { conversions: 1, revenue: 10 }); // Q1
    expectValues(rowOf(r, { channel: 'Direct' }), { conversions: 1, revenue: 20 }); // Q2: nothing but Direct after Q1
    expectValues(r.totals, { conversions: 5, revenue: 190 }); // 90 + 40 + 10 + 20 + 30
    // Explicitly naming the model gives the same credit.
    const named = await byChannel('last_non_direct');
    expectValues(rowOf(named, { channel: 'Paid Search' }), { conversions: 2, revenue: 120 });
  });

  it('first_touch: the first touch of the path', async () => {
    const r = await byChannel('first_touch');
    expect(column(r, 'channel').sort()).toEqual(['Direct', 'Organic Search', 'Paid Search', 'Paid Social']);
    expectValues(rowOf(r, { channel: 'Organic Search' }), { conversions: 2, revenue: 100 }); // X1 90 + Q1 10
    expectValues(rowOf(r, { channel: 'Paid Social' }), { conversions: 1, revenue: 40 }); // X2
    expectValues(rowOf(r, { channel: 'Direct' }), { conversions: 1, revenue: 20 }); // Q2
    expectValues(rowOf(r, { channel: 'Paid Search' }), { conversions: 1, revenue: 30 }); // R1
    expectValues(r.totals, { conversions: 5, revenue: 190 });
  });

  it('last_touch: the last touch, Direct included; a click and its session are one touch', async () => {
    const r = await byChannel('last_touch');
    expect(column(r, 'channel').sort()).toEqual(['Direct', 'Organic Search', 'Paid Search']);
    expectValues(rowOf(r, { channel: 'Direct' }), { conversions: 3, revenue: 150 }); // X1 90 + X2 40 + Q2 20
    expectValues(rowOf(r, { channel: 'Organic Search' }), { conversions: 1, revenue: 10 }); // Q1
    // R1: the Direct-looking session 5 minutes after the ad click is the click's touch, not a later one.
    expectValues(rowOf(r, { channel: 'Paid Search' }), { conversions: 1, revenue: 30 });
    expectValues(r.totals, { conversions: 5, revenue: 190 });
  });

  it('split by campaign: credit on a touch without campaign goes to (none), rows add up', async () => {
    const r = await h.query(WS, { metrics: ['conversions', 'revenue'], dimensions: ['campaign'], ...MARCH });
    expect(column(r, 'campaign').sort()).toEqual(['(none)', 'CP']);
    const cp = rowOf(r, { campaign: 'CP' });
    expect(cp.campaign_name).toBe('Paid Camp');
    expectValues(cp, { conversions: 2, revenue: 120 }); // X1 (utm_campaign=CP session), R1 (ad_click campaign_id CP)
    expectValues(rowOf(r, { campaign: '(none)' }), { conversions: 3, revenue: 70 }); // X2 40 + Q1 10 + Q2 20
    expectValues(r.totals, { conversions: 5, revenue: 190 }); // 2 + 3, 120 + 70
  });

  it('lookback_days leaves out touches older than the window', async () => {
    // Only X1 (03-05 10:05) converts on 03-05; its touches are 4 days, 2 days and 5 minutes old.
    const day = { from: '2026-03-05', to: '2026-03-05', metrics: ['conversions'], dimensions: ['channel'] };
    const first30 = await h.query(WS, { ...day, attribution: { model: 'first_touch', lookback_days: 30 } });
    expectValues(rowOf(first30, { channel: 'Organic Search' }), { conversions: 1 }); // 03-01 touch within 30 days
    const first3 = await h.query(WS, { ...day, attribution: { model: 'first_touch', lookback_days: 3 } });
    expect(column(first3, 'channel')).toEqual(['Paid Search']); // window from 03-02 10:05: 03-01 is out
    expectValues(first3.totals, { conversions: 1 });
    const lnd1 = await h.query(WS, { ...day, attribution: { model: 'last_non_direct', lookback_days: 1 } });
    expect(column(lnd1, 'channel')).toEqual(['Direct']); // window from 03-04 10:05: only the Direct session is left
    expectValues(lnd1.totals, { conversions: 1 });
  });

  it('identity stitching: two anonymous ids with one user_id form one path', async () => {
    const day = { from: '2026-03-12', to: '2026-03-12', metrics: ['conversions', 'revenue'], dimensions: ['channel'] };
    const first = await h.query(WS, { ...day, attribution: { model: 'first_touch', lookback_days: 30 } });
    expect(column(first, 'channel')).toEqual(['Paid Social']); // b1's session, before b1 was known as U2
    expectValues(first.totals, { conversions: 1, revenue: 40 });
    const last = await h.query(WS, { ...day, attribution: { model: 'last_touch', lookback_days: 30 } });
    expect(column(last, 'channel')).toEqual(['Direct']); // b2's own session
  });
  it('the workspace default model is used when the query names none', async () => {
    // Same path as X1 in a workspace whose default model is first_touch.
    await h.workspace(
      'attr-ft',
      {
        events: [
          ev('page_view', '2026-03-01T10:00:00Z', 'a1', { url: SITE, referrer: 'https://www.google.com/' }),
          ev('page_view', '2026-03-03T10:00:00Z', 'a1', { url: `${SITE}?utm_source=google&utm_medium=cpc` }),
          ev('page_view', '2026-03-05T10:00:00Z', 'a1', { url: SITE }),
          ev('purchase', '2026-03-05T10:05:00Z', 'a1', { url: CHECKOUT, order_id: 'X1', revenue: 90 }),
        ],
      },
      { settings: { attribution_model: 'first_touch' } },
    );
    const r = await h.query('attr-ft', { metrics: ['conversions'], dimensions: ['channel'], from: '2026-03-05', to: '2026-03-05' });
    expect(column(r, 'channel')).toEqual(['Organic Search']); // the first touch, 03-01
  });
  it('an email click is a touch; an ad impression is not (view-through is off by default)', async () => {
    // e1: 03-27 08:00 email_click (newsletter NL), 08:10 page_view without referrer (same touch), 08:15 purchase E1 (5).
    // v1: 03-27 09:00 ad_impression of CP, 09:30 page_view without referrer, 09:35 purchase V1 (7).
    await h.workspace('attr-touches', {
      campaigns: [
        { campaign_id: 'NL', name: 'Newsletter', channel: 'Email' },
        { campaign_id: 'CP', name: 'Paid Camp', platform: 'google_ads', channel: 'Paid Search' },
      ],
      events: [
        ev('email_click', '2026-03-27T08:00:00Z', 'e1', { campaign_id: 'NL', properties: { message_id: 'n1' } }),
        ev('page_view', '2026-03-27T08:10:00Z', 'e1', { url: SITE }),
        ev('purchase', '2026-03-27T08:15:00Z', 'e1', { url: CHECKOUT, order_id: 'E1', revenue: 5 }),
        ev('ad_impression', '2026-03-27T09:00:00Z', 'v1', { campaign_id: 'CP' }),
        ev('page_view', '2026-03-27T09:30:00Z', 'v1', { url: SITE }),
        ev('purchase', '2026-03-27T09:35:00Z', 'v1', { url: CHECKOUT, order_id: 'V1', revenue: 7 }),
      ],
    });
    const q = (model: string) => ({
      metrics: ['conversions', 'revenue'],
      dimensions: ['channel'],
      from: '2026-03-27',
      to: '2026-03-27',
      attribution: { model, lookback_days: 30 },
    });
    for (const model of ['last_non_direct', 'first_touch', 'last_touch']) {
      const r = await h.query('attr-touches', q(model));
      expect(column(r, 'channel').sort(), model).toEqual(['Direct', 'Email']);
      expectValues(rowOf(r, { channel: 'Email' }), { conversions: 1, revenue: 5 }, model); // E1: the click and its session
      expectValues(rowOf(r, { channel: 'Direct' }), { conversions: 1, revenue: 7 }, model); // V1: only its Direct session
    }
    const byCampaign = await h.query('attr-touches', { ...q('last_touch'), dimensions: ['campaign'] });
    expectValues(rowOf(byCampaign, { campaign: 'NL' }), { conversions: 1, revenue: 5 });
    expectValues(rowOf(byCampaign, { campaign: '(none)' }), { conversions: 1, revenue: 7 });
  });
});
