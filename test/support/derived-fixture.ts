// A small hand-built data set for comparing the derived view of two engines,
// written in three steps (each followed by a refresh): first data; then late
// events only (an identity learned later, a late event joining a session);
// then a new fx rate (a full rebuild). Workspace time zone America/New_York.
//
// What it holds: sessions split by 30 minutes of inactivity, an explicit
// session_id spanning an hour, campaigns resolved by utm_id and by name (any
// case), an ad click followed by a session (one touch; ad_id from
// utm_content), EUR revenue on a day without a rate (the latest earlier rate
// applies, and the local date, not the UTC one, picks it), GBP without any
// rate, a bot, a second device of the same customer, events across both
// daylight-saving changes, and ad rows at two grains.
import { DEFAULT_SETTINGS, type WorkspaceSettings } from '../../src/model/settings.js';

export const SETTINGS: WorkspaceSettings = { ...DEFAULT_SETTINGS, timezone: 'America/New_York' };

const SHOP = 'https://shop.example';
const GOOGLE_AD = `${SHOP}/?utm_source=google&utm_medium=cpc&utm_id=cmp_search&utm_content=ad_1`;
const BOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

const ev = (event_id: string, anonymous_id: string, type: string, timestamp: string, extra: Record<string, unknown> = {}) => ({
  event_id,
  anonymous_id,
  type,
  timestamp,
  ...extra,
});

export const CAMPAIGNS = [
  { campaign_id: 'cmp_search', name: 'Spring Sale', platform: 'google_ads', objective: 'conversion' },
  { campaign_id: 'cmp_social', name: 'Retarget', platform: 'meta_ads', channel: 'Paid Social', objective: 'retention' },
  { campaign_id: 'news_1', name: 'Newsletter', channel: 'Email' },
];

const ad = (date: string, platform: string, campaign_id: string, extra: Record<string, unknown>) => ({
  date, platform, campaign_id, impressions: 100, clicks: 5, cost: 10, ...extra,
});

export const AD_ROWS = [
  // Campaign grain and ad grain on the same day: the ad rows are the finest.
  ad('2026-03-01', 'google_ads', 'cmp_search', { impressions: 1000, clicks: 50, cost: 60 }),
  ad('2026-03-01', 'google_ads', 'cmp_search', { ad_group_id: 'g1', ad_id: 'ad_1', impressions: 600, clicks: 30, cost: 35 }),
  ad('2026-03-01', 'google_ads', 'cmp_search', { ad_group_id: 'g1', ad_id: 'ad_2', impressions: 400, clicks: 20, cost: 25 }),
  ad('2026-03-02', 'meta_ads', 'cmp_social', { cost: 30, currency: 'EUR', platform_conversions: 2, platform_conversion_value: 80 }),
  // Before the first EUR rate: no cost in the workspace currency.
  ad('2026-02-27', 'meta_ads', 'cmp_social', { cost: 12, currency: 'EUR' }),
  ad('2026-03-02', 'tiktok_ads', 'cmp_other', { campaign_name: 'Other', cost: 7.5 }),
  ad('2026-03-02', 'newsletter_ads', 'cmp_x', { cost: 1 }),
];

export const FX_RATES = [
  { date: '2026-03-01', currency: 'EUR', rate: 1.1 },
  { date: '2026-03-04', currency: 'EUR', rate: 1.2 },
];

/** The rate that arrives in step three: EUR on 2026-03-03. */
export const LATE_FX_RATES = [{ date: '2026-03-03', currency: 'EUR', rate: 1.15 }];

export const EVENTS = [
  // anon-a: an ad click, then a session 10 minutes later (one touch), a new session after 35 minutes, a purchase in EUR.
  ev('a1', 'anon-a', 'ad_click', '2026-03-02T14:00:00Z', { url: GOOGLE_AD }),
  ev('a2', 'anon-a', 'page_view', '2026-03-02T14:10:00Z', { url: GOOGLE_AD, properties: { device: 'mobile', country: 'US' } }),
  ev('a3', 'anon-a', 'scroll', '2026-03-02T14:30:00Z', { url: `${SHOP}/`, properties: { percent: 75 } }),
  ev('a4', 'anon-a', 'page_view', '2026-03-02T15:05:00Z', { url: `${SHOP}/p2` }),
  ev('a5', 'anon-a', 'purchase', '2026-03-02T15:10:00Z', { url: `${SHOP}/checkout`, revenue: 100, currency: 'EUR', order_id: 'o1' }),
  // anon-b: an explicit session over an hour (campaign by name, other case), then an organic visit.
  ev('b1', 'anon-b', 'page_view', '2026-03-02T20:00:00Z', { session_id: 's1', url: `${SHOP}/?utm_source=facebook&utm_medium=paid_social&utm_campaign=RETARGET` }),
  ev('b2', 'anon-b', 'video_start', '2026-03-02T21:00:00Z', { session_id: 's1', url: `${SHOP}/v`, properties: { video_id: 'v9' } }),
  ev('b3', 'anon-b', 'page_view', '2026-03-02T21:10:00Z', { url: `${SHOP}/`, referrer: 'https://www.bing.com/' }),
  // 03:00 UTC on 03-04 is 22:00 on 03-03 in New York: the local day picks the rate.
  ev('b4', 'anon-b', 'purchase', '2026-03-04T03:00:00Z', { url: `${SHOP}/checkout`, revenue: 49.99, currency: 'EUR', order_id: 'o2' }),
  ev('b5', 'anon-b', 'purchase', '2026-03-04T03:05:00Z', { url: `${SHOP}/checkout`, revenue: 49.99, currency: 'EUR', order_id: 'o2' }),
  // anon-c: an email click, a session 20 minutes later, a purchase in a currency without rates.
  ev('c1', 'anon-c', 'email_click', '2026-03-05T09:00:00Z', { campaign_id: 'news_1', utm_source: 'newsletter', utm_medium: 'email', properties: { message_id: 'm1' } }),
  ev('c2', 'anon-c', 'page_view', '2026-03-05T09:20:00Z', { url: `${SHOP}/?utm_source=newsletter&utm_medium=email` }),
  ev('c3', 'anon-c', 'purchase', '2026-03-05T09:25:00Z', { url: `${SHOP}/checkout`, revenue: 20, currency: 'GBP', order_id: 'o3' }),
  // A bot that buys: its events are kept and flagged, its conversion is not credited.
  ev('x1', 'anon-bot', 'page_view', '2026-03-05T10:00:00Z', { url: `${SHOP}/`, user_agent: BOT }),
  ev('x2', 'anon-bot', 'purchase', '2026-03-05T10:01:00Z', { url: `${SHOP}/checkout`, revenue: 5, order_id: 'o4', user_agent: BOT }),
  // anon-d: across the spring-forward hour (01:30 EST, then 03:10 EDT) and the fall-back hour (01:30 EDT, then 01:20 EST).
  ev('d1', 'anon-d', 'page_view', '2026-03-08T06:30:00.123Z', { url: `${SHOP}/` }),
  ev('d2', 'anon-d', 'page_view', '2026-03-08T07:10:00Z', { url: `${SHOP}/` }),
  ev('d3', 'anon-d', 'lead', '2026-11-01T05:30:00Z', { url: `${SHOP}/form` }),
  ev('d4', 'anon-d', 'page_view', '2026-11-01T06:20:00Z', { url: `${SHOP}/` }),
];

/** Step two: anon-a's customer id learned later, the same customer on a second device, a late event joining anon-b's visit. */
export const LATE_EVENTS = [
  ev('a6', 'anon-a', 'signup', '2026-03-03T10:00:00Z', { url: `${SHOP}/signup`, user_id: 'cus_a' }),
  ev('e1', 'anon-e', 'page_view', '2026-03-06T12:00:00Z', { url: `${SHOP}/?gclid=abc`, user_id: 'cus_a' }),
  ev('e2', 'anon-e', 'purchase', '2026-03-06T12:05:00Z', { url: `${SHOP}/checkout`, user_id: 'cus_a', revenue: 30, order_id: 'o5' }),
  ev('b6', 'anon-b', 'page_view', '2026-03-02T21:30:00Z', { url: `${SHOP}/p3` }),
];
