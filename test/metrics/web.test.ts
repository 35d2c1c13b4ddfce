// Web and engagement metrics (KPIS.md "Web and engagement") against values
// worked out by hand. Workspace "web", UTC. Sessions are cut after 30 minutes
// without an on-site event; bots are left out.
//
// v1, 2026-03-02 (no referrer, no UTMs → Direct)
//   S1 10:00:00 page_view /          10:00:30 scroll 40 on /   10:01:00 scroll 80 on /
//      10:02:00 page_view /pricing   10:05:00 purchase W1 100
//      → 2 pageviews, 300 s, not a bounce; scrolled page (S1, /) max 80
//   S2 10:40:00 page_view /          (35 min after 10:05 → new session) → 1 pageview, 0 s, bounce
// v1, 2026-03-03
//   S3 09:00:00 page_view /  09:00:20 video_start vid1  09:01:20 video_complete vid1 → 1 pageview, 80 s, not a bounce
// v2, 2026-03-02
//   S4 12:00:00 page_view /blog, referrer google.com → Organic Search; alone → 0 s, bounce
//   S5 15:00:00 video_start vid2  15:02:00 video_progress vid2 100 %  15:03:00 video_start vid1
//      → 0 pageviews, 180 s, not a bounce (no page_view)
// v3, 2026-03-03 (landing url utm_source=newsletter&utm_medium=email → Email)
//   S6 14:00:00 page_view /a  14:00:10 scroll 30 on /a  14:00:20 page_view /b  14:00:40 scroll 60 on /b
//      14:00:50 scroll 90 on /b  14:01:00 signup → 2 pageviews, 60 s; scrolled pages (S6,/a) 30, (S6,/b) 90
// bot (Googlebot user agent), 2026-03-02: page_view, scroll 100, purchase → all left out
// social, 2026-03-02 (off-site, anonymous s1): social_impression ×4, social_like ×2, social_share ×1, social_comment ×1
// ad_performance 2026-03-02 meta_ads CS: impressions 96, likes 3, shares 2, comments 1
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { column, ev, expectValue, expectValues, openHarness, rowOf, type Harness } from './harness.js';

const WS = 'web';
const SITE = 'https://shop.example';
const BOT_UA = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

describe('web and engagement metrics', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness('web');
    await h.workspace(WS, {
      ad_performance: [{ date: '2026-03-02', platform: 'meta_ads', campaign_id: 'CS', impressions: 96, clicks: 0, cost: 10, likes: 3, shares: 2, comments: 1 }],
      events: [
        // v1, S1
        ev('page_view', '2026-03-02T10:00:00Z', 'v1', { url: `${SITE}/` }),
        ev('scroll', '2026-03-02T10:00:30Z', 'v1', { url: `${SITE}/`, properties: { percent: 40 } }),
        ev('scroll', '2026-03-02T10:01:00Z', 'v1', { url: `${SITE}/`, properties: { percent: 80 } }),
        ev('page_view', '2026-03-02T10:02:00Z', 'v1', { url: `${SITE}/pricing` }),
        ev('purchase', '2026-03-02T10:05:00Z', 'v1', { url: `${SITE}/checkout`, order_id: 'W1', revenue: 100 }),
        // v1, S2
        ev('page_view', '2026-03-02T10:40:00Z', 'v1', { url: `${SITE}/` }),
        // v1, S3
        ev('page_view', '2026-03-03T09:00:00Z', 'v1', { url: `${SITE}/` }),
        ev('video_start', '2026-03-03T09:00:20Z', 'v1', { url: `${SITE}/`, properties: { video_id: 'vid1' } }),
        ev('video_complete', '2026-03-03T09:01:20Z', 'v1', { url: `${SITE}/`, properties: { video_id: 'vid1' } }),
        // v2, S4
        ev('page_view', '2026-03-02T12:00:00Z', 'v2', { url: `${SITE}/blog`, referrer: 'https://www.google.com/' }),
        // v2, S5
        ev('video_start', '2026-03-02T15:00:00Z', 'v2', { properties: { video_id: 'vid2' } }),
        ev('video_progress', '2026-03-02T15:02:00Z', 'v2', { properties: { video_id: 'vid2', percent: 100 } }),
        ev('video_start', '2026-03-02T15:03:00Z', 'v2', { properties: { video_id: 'vid1' } }),
        // v3, S6
        ev('page_view', '2026-03-03T14:00:00Z', 'v3', { url: `${SITE}/a?utm_source=newsletter&utm_medium=email` }),
        ev('scroll', '2026-03-03T14:00:10Z', 'v3', { url: `${SITE}/a`, properties: { percent: 30 } }),
        ev('page_view', '2026-03-03T14:00:20Z', 'v3', { url: `${SITE}/b` }),
        ev('scroll', '2026-03-03T14:00:40Z', 'v3', { url: `${SITE}/b`, properties: { percent: 60 } }),
        ev('scroll', '2026-03-03T14:00:50Z', 'v3', { url: `${SITE}/b`, properties: { percent: 90 } }),
        ev('signup', '2026-03-03T14:01:00Z', 'v3', { url: `${SITE}/b` }),
        // a crawler
        ev('page_view', '2026-03-02T11:00:00Z', 'bot1', { url: `${SITE}/`, user_agent: BOT_UA }),
        ev('scroll', '2026-03-02T11:00:05Z', 'bot1', { url: `${SITE}/`, user_agent: BOT_UA, properties: { percent: 100 } }),
        ev('purchase', '2026-03-02T11:00:10Z', 'bot1', { url: `${SITE}/checkout`, user_agent: BOT_UA, order_id: 'B1', revenue: 5 }),
        // organic social activity (off-site)
        ...[0, 1, 2, 3].map((i) => ev('social_impression', `2026-03-02T16:0${i}:00Z`, 's1')),
        ev('social_like', '2026-03-02T16:10:00Z', 's1'),
        ev('social_like', '2026-03-02T16:11:00Z', 's1'),
        ev('social_share', '2026-03-02T16:12:00Z', 's1'),
        ev('social_comment', '2026-03-02T16:13:00Z', 's1'),
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  const ALL = [
    'visitors', 'sessions', 'pageviews', 'pages_per_session', 'avg_session_duration', 'bounce_rate', 'visitor_cvr',
    'engagements', 'engagement_rate', 'avg_scroll_depth', 'video_completion_rate',
  ];

  it('totals of every web metric over the period', async () => {
    const r = await h.query(WS, { metrics: ALL, from: '2026-03-02', to: '2026-03-03' });
    expectValues(r.totals, {
      visitors: 3, // v1, v2, v3 (bot1 excluded, s1 only off-site)
      sessions: 6, // S1…S6
      pageviews: 7, // v1 2 + 1 + 1, v2 1, v3 2
      pages_per_session: 7 / 6, // 1.1666…
      avg_session_duration: (300 + 0 + 80 + 0 + 180 + 60) / 6, // 620 / 6 = 103.333… s
      bounce_rate: (2 / 6) * 100, // S2 and S4 → 33.333… %
      visitor_cvr: (1 / 3) * 100, // v1 bought → 33.333… %
      engagements: 10, // events 2 + 1 + 1, ads 3 + 2 + 1
      engagement_rate: 10, // 10 / (96 ad impressions + 4 social_impression) × 100
      avg_scroll_depth: (80 + 30 + 90) / 3, // pages (S1,/) 80, (S6,/a) 30, (S6,/b) 90 → 66.666… %
      video_completion_rate: (2 / 3) * 100, // completers (v1,vid1), (v2,vid2 at 100 %) / starters (v1,vid1), (v2,vid2), (v2,vid1)
    });
  });

  it('visitors by traffic attributes (visitor days) and by an event attribute (the events) count each visitor once', async () => {
    // Direct: v1 (S1–S3) and v2 (S5, video events without a referrer); Organic Search: v2 (S4); Email: v3.
    const byChannel = await h.query(WS, { metrics: ['visitors'], dimensions: ['channel'], grain: 'week', from: '2026-03-02', to: '2026-03-03' });
    expectValues(rowOf(byChannel, { date: '2026-03-02', channel: 'Direct' }), { visitors: 2 });
    expectValues(rowOf(byChannel, { date: '2026-03-02', channel: 'Organic Search' }), { visitors: 1 });
    expectValues(rowOf(byChannel, { date: '2026-03-02', channel: 'Email' }), { visitors: 1 });
    expectValue(byChannel.totals.visitors, 3);
    const direct = await h.query(WS, { metrics: ['visitors'], filters: [{ dimension: 'channel', op: 'eq', values: ['Direct'] }], from: '2026-03-02', to: '2026-03-03' });
    expectValue(direct.totals.visitors, 2);
    // No on-site event carries an ad: all three visitors under "(none)".
    const byAd = await h.query(WS, { metrics: ['visitors'], dimensions: ['ad'], from: '2026-03-02', to: '2026-03-03' });
    expectValues(rowOf(byAd, { ad: '(none)' }), { visitors: 3 });
  });

  it('grain day: daily values, and distinct visitors over the period are not the sum of the days', async () => {
    const r = await h.query(WS, {
      metrics: ['visitors', 'sessions', 'pageviews', 'avg_session_duration', 'bounce_rate', 'visitor_cvr', 'engagement_rate'],
      grain: 'day',
      from: '2026-03-02',
      to: '2026-03-04',
    });
    expect(column(r, 'date')).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    expectValues(rowOf(r, { date: '2026-03-02' }), {
      visitors: 2, // v1, v2
      sessions: 4, // S1, S2, S4, S5
      pageviews: 4, // 2 + 1 + 1 + 0
      avg_session_duration: 120, // (300 + 0 + 0 + 180) / 4
      bounce_rate: 50, // S2, S4 of 4
      visitor_cvr: 50, // v1 of v1, v2
      engagement_rate: 10, // 10 / 100 × 100
    });
    expectValues(rowOf(r, { date: '2026-03-03' }), {
      visitors: 2, // v1, v3
      sessions: 2, // S3, S6
      pageviews: 3, // 1 + 2
      avg_session_duration: 70, // (80 + 60) / 2
      bounce_rate: 0, // 0 of 2
      visitor_cvr: 0, // nobody bought
      engagement_rate: null, // no impressions of any kind
    });
    expectValues(rowOf(r, { date: '2026-03-04' }), {
      visitors: 0,
      sessions: 0,
      pageviews: 0,
      avg_session_duration: null,
      bounce_rate: null,
      visitor_cvr: null,
      engagement_rate: null,
    });
    // v1 visited on both days: 2 + 2 daily, but 3 distinct visitors in the period.
    expectValue(r.totals.visitors, 3);
  });

  it('sessions split by channel of their first event', async () => {
    const r = await h.query(WS, { metrics: ['sessions', 'pageviews', 'bounce_rate'], dimensions: ['channel'], from: '2026-03-02', to: '2026-03-03' });
    expectValues(rowOf(r, { channel: 'Direct' }), {
      sessions: 4, // S1, S2, S3, S5
      bounce_rate: 25, // S2 of 4
    });
    expectValues(rowOf(r, { channel: 'Organic Search' }), {
      sessions: 1, // S4: referrer google.com, no UTMs
      bounce_rate: 100,
    });
    expectValues(rowOf(r, { channel: 'Email' }), {
      sessions: 1, // S6: utm_medium=email
      pageviews: 2, // /a, /b: the later page_view inherits its session's channel
      bounce_rate: 0,
    });
  });

  it('bots count again when bot filtering is off', async () => {
    // Same events in a workspace that does not filter bots: bot1 adds a visitor, a session and a pageview.
    await h.workspace('web-bots', {
      events: [
        ev('page_view', '2026-03-02T10:00:00Z', 'v1', { url: `${SITE}/` }),
        ev('page_view', '2026-03-02T11:00:00Z', 'bot1', { url: `${SITE}/`, user_agent: BOT_UA }),
      ],
    }, { settings: { bot_filtering: false } });
    const off = await h.query('web-bots', { metrics: ['visitors', 'pageviews'], from: '2026-03-02', to: '2026-03-02' });
    expectValues(off.totals, { visitors: 2, pageviews: 2 }); // v1 + bot1
  });
  it('a session across midnight: the visitor counts on both days they were on the site', async () => {
    // v5: page_view 2026-03-03 23:50Z, purchase 2026-03-04 00:10Z (20 min later: one session, started on 03-03).
    await h.workspace('web-midnight', {
      events: [
        ev('page_view', '2026-03-03T23:50:00Z', 'v5', { url: `${SITE}/` }),
        ev('purchase', '2026-03-04T00:10:00Z', 'v5', { url: `${SITE}/checkout`, order_id: 'M1', revenue: 10 }),
      ],
    });
    const r = await h.query('web-midnight', {
      metrics: ['visitors', 'sessions', 'visitor_cvr'],
      grain: 'day',
      from: '2026-03-03',
      to: '2026-03-04',
    });
    // Visitors: distinct anonymous_id with an on-site event — v5 had one on each day.
    expectValues(rowOf(r, { date: '2026-03-03' }), { visitors: 1, sessions: 1, visitor_cvr: 0 }); // no conversion on 03-03
    expectValues(rowOf(r, { date: '2026-03-04' }), { visitors: 1, sessions: 0, visitor_cvr: 100 }); // 1 converting / 1 visitor
    expectValues(r.totals, { visitors: 1, sessions: 1, visitor_cvr: 100 });
    // The 4th alone: v5 was on the site (the purchase), and converted.
    const day4 = await h.query('web-midnight', { metrics: ['visitors', 'visitor_cvr'], from: '2026-03-04', to: '2026-03-04' });
    expectValues(day4.totals, { visitors: 1, visitor_cvr: 100 });
  });
  it('explicit session_id keeps events together regardless of gaps', async () => {
    // k1: page_views 10:00 and 12:00 with session_id "abc" → one session of 7200 s.
    // k2: page_views 10:00 and 12:00 without session_id → two sessions (2 h of inactivity), each a bounce of 0 s.
    await h.workspace('web-sid', {
      events: [
        ev('page_view', '2026-03-02T10:00:00Z', 'k1', { url: `${SITE}/`, session_id: 'abc' }),
        ev('page_view', '2026-03-02T12:00:00Z', 'k1', { url: `${SITE}/x`, session_id: 'abc' }),
        ev('page_view', '2026-03-02T10:00:00Z', 'k2', { url: `${SITE}/` }),
        ev('page_view', '2026-03-02T12:00:00Z', 'k2', { url: `${SITE}/x` }),
      ],
    });
    const r = await h.query('web-sid', {
      metrics: ['sessions', 'pages_per_session', 'avg_session_duration', 'bounce_rate'],
      from: '2026-03-02',
      to: '2026-03-02',
    });
    expectValues(r.totals, {
      sessions: 3, // k1: 1, k2: 2
      pages_per_session: 4 / 3, // 4 pageviews / 3 sessions
      avg_session_duration: 2400, // (7200 + 0 + 0) / 3
      bounce_rate: (2 / 3) * 100, // k2's two one-page sessions
    });
  });

  it('channel grouping of sessions from UTM tags, click ids and referrers', async () => {
    // One session per visitor; the first event decides the channel (DATA.md channel grouping).
    const cases: [string, Record<string, unknown>, string][] = [
      ['g1', { url: `${SITE}/?gclid=abc` }, 'Paid Search'], // gclid → google / cpc
      ['g2', { url: `${SITE}/?utm_source=google&utm_medium=cpc` }, 'Paid Search'],
      ['g3', { url: `${SITE}/?utm_source=youtube&utm_medium=cpc` }, 'Paid Video'],
      ['g4', { url: `${SITE}/?utm_source=linkedin&utm_medium=paid` }, 'Paid Social'], // paid.* is a paid medium
      ['g5', { url: `${SITE}/?utm_medium=display` }, 'Display'],
      ['g6', { url: `${SITE}/?utm_source=foo&utm_medium=cpc` }, 'Paid Other'],
      ['g7', { url: `${SITE}/?utm_source=newsletter&utm_medium=email` }, 'Email'],
      ['g8', { url: `${SITE}/?utm_source=partner&utm_medium=affiliate` }, 'Affiliates'],
      ['g9', { url: `${SITE}/`, referrer: 'https://duckduckgo.com/' }, 'Organic Search'],
      ['g10', { url: `${SITE}/`, referrer: 'https://www.youtube.com/watch?v=1' }, 'Organic Video'],
      ['g11', { url: `${SITE}/?fbclid=abc` }, 'Organic Social'], // fbclid → facebook / social (not a paid medium)
      ['g12', { url: `${SITE}/`, referrer: 'https://news.example.org/story' }, 'Referral'],
      ['g13', { url: `${SITE}/` }, 'Direct'],
      ['g14', { url: `${SITE}/?utm_source=foo&utm_medium=bar` }, 'Unassigned'],
    ];
    await h.workspace('web-channels', {
      events: cases.map(([who, fields], i) => ev('page_view', `2026-03-02T${String(10 + i).padStart(2, '0')}:00:00Z`, who, fields)),
    });
    const r = await h.query('web-channels', { metrics: ['sessions'], dimensions: ['channel'], from: '2026-03-02', to: '2026-03-02' });
    const expected = new Map<string, number>();
    for (const [, , channel] of cases) expected.set(channel, (expected.get(channel) ?? 0) + 1);
    expect(Object.fromEntries(r.rows.map((row) => [row.channel, row.sessions]))).toEqual(Object.fromEntries(expected));
    expectValue(r.totals.sessions, 14);
  });
});
