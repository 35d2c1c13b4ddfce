// A shop's journeys worked out by hand, for QueryRunner.journeyPaths: the
// events below and, beside them, the distinct paths they must aggregate to.
// Workspace zone America/New_York (UTC−5 all of February 2026), currency USD,
// conversions 'purchase' and 'offline_purchase' (off-site: no session, no touch).
// The period is February 2026 in New York: [02-01T05:00Z, 03-01T05:00Z).
import type { WorkspaceSettings } from '../../src/model/settings.js';
import type { JourneyPath } from '../../src/warehouse/warehouse.js';

export const JOURNEY_SETTINGS: Partial<WorkspaceSettings> = {
  timezone: 'America/New_York',
  conversion_types: ['purchase', 'offline_purchase'],
};
export const FEBRUARY = { from: '2026-02-01', to: '2026-02-28', timeZone: 'America/New_York', botFiltering: true };

const SHOP = 'https://shop.example';
const SEARCH = `${SHOP}/?utm_source=google&utm_medium=cpc&utm_campaign=C_SEARCH`;
const SOCIAL = `${SHOP}/?utm_source=facebook&utm_medium=paid_social&utm_campaign=C_SOCIAL`;
const MAIL = `${SHOP}/?utm_source=newsletter&utm_medium=email&utm_campaign=N1`;
const BOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

export const JOURNEY_CAMPAIGNS = [
  { campaign_id: 'C_SEARCH', name: 'Search', platform: 'google_ads', channel: 'Paid Search' },
  { campaign_id: 'C_SOCIAL', name: 'Social', platform: 'meta_ads', channel: 'Paid Social' },
  { campaign_id: 'N1', name: 'Newsletter', channel: 'Email' },
];

const ev = (event_id: string, anonymous_id: string, type: string, timestamp: string, extra: Record<string, unknown> = {}) => ({
  event_id,
  anonymous_id,
  type,
  timestamp,
  ...extra,
});
const mailClick = { campaign_id: 'N1', utm_source: 'newsletter', utm_medium: 'email', properties: { message_id: 'm1' } };

export const JOURNEY_EVENTS = [
  // Anna: two devices (anna-1, anna-2: on a two-shard cluster sipHash64 puts them on different shards) stitched by user_id u_anna; two orders, then one more visit.
  ev('an1', 'anna-1', 'page_view', '2026-02-01T15:00:00Z', { url: SOCIAL }), // T1 Paid Social, 8d23h before o1
  ev('an2', 'anna-1', 'ad_impression', '2026-02-05T12:00:00Z', { campaign_id: 'C_SEARCH', ad_id: 'A1' }), // 5d2h before o1
  ev('an3', 'anna-1', 'ad_click', '2026-02-06T15:00:00Z', { url: SEARCH, campaign_id: 'C_SEARCH', ad_group_id: 'G1', ad_id: 'A1' }), // T2, 3d23h before o1
  ev('an4', 'anna-1', 'page_view', '2026-02-06T15:05:00Z', { url: SEARCH, user_id: 'u_anna' }), // T2's session
  ev('an5', 'anna-2', 'page_view', '2026-02-10T13:50:00Z', { url: `${SHOP}/`, user_id: 'u_anna' }), // T3 Direct, o1's own session
  ev('an6', 'anna-2', 'purchase', '2026-02-10T14:00:00Z', { url: `${SHOP}/checkout`, order_id: 'o1', revenue: 100, user_id: 'u_anna' }),
  ev('an7', 'anna-2', 'purchase', '2026-02-10T14:05:00Z', { url: `${SHOP}/checkout`, order_id: 'o1', revenue: 100, user_id: 'u_anna' }), // o1 again
  ev('an8', 'anna-1', 'email_click', '2026-02-20T12:00:00Z', mailClick), // T4 Email, 20 min before o2
  ev('an9', 'anna-1', 'page_view', '2026-02-20T12:10:00Z', { url: MAIL }), // T4's session
  ev('an10', 'anna-1', 'purchase', '2026-02-20T12:20:00Z', { url: `${SHOP}/checkout`, order_id: 'o2', revenue: 40 }),
  ev('an11', 'anna-2', 'page_view', '2026-02-25T16:00:00Z', { url: SEARCH }), // T5 Paid Search, after her last order
  // Ben never buys: one visit before the period, two in it, an impression in it.
  ev('bn1', 'bn-b1', 'page_view', '2026-01-25T10:00:00Z', { url: SEARCH }),
  ev('bn2', 'bn-b1', 'page_view', '2026-02-03T10:00:00Z', { url: SOCIAL }),
  ev('bn3', 'bn-b1', 'page_view', '2026-02-12T18:00:00Z', { url: `${SHOP}/` }),
  ev('bn4', 'bn-b1', 'ad_impression', '2026-02-14T08:00:00Z', { campaign_id: 'C_SEARCH' }),
  // Cara buys in the shop: an off-site conversion without any touch.
  ev('cn1', 'cn-c1', 'offline_purchase', '2026-02-14T17:00:00Z', { order_id: 'o3', revenue: 25.5 }),
  // Dan: a search visit, an impression, an ad click; buys at 22:00 on 02-28 in New York (03-01 in UTC).
  ev('dn1', 'dn-d1', 'page_view', '2026-02-27T15:00:00Z', { url: SEARCH }), // 1d12h before o4
  ev('dn2', 'dn-d1', 'ad_impression', '2026-02-28T20:00:00Z', { campaign_id: 'C_SOCIAL', ad_id: 'S1' }), // 7h before o4
  ev('dn3', 'dn-d1', 'ad_click', '2026-03-01T02:30:00Z', { url: SOCIAL, campaign_id: 'C_SOCIAL', ad_group_id: 'G9', ad_id: 'S1' }),
  ev('dn4', 'dn-d1', 'page_view', '2026-03-01T02:35:00Z', { url: SOCIAL }),
  ev('dn5', 'dn-d1', 'purchase', '2026-03-01T03:00:00Z', { url: `${SHOP}/checkout`, order_id: 'o4', revenue: 80 }),
  // Eve: a visit in the period, then buys at 00:30 on 03-01 in New York (after the period).
  ev('en1', 'en-e1', 'page_view', '2026-02-27T10:00:00Z', { url: MAIL }),
  ev('en2', 'en-e1', 'page_view', '2026-03-01T05:20:00Z', { url: `${SHOP}/` }),
  ev('en3', 'en-e1', 'purchase', '2026-03-01T05:30:00Z', { url: `${SHOP}/checkout`, order_id: 'o5', revenue: 60 }),
  // Fay buys at 23:00 on 01-31 in New York (02-01 in UTC: before the period), then comes back from a blog.
  ev('fn1', 'fn-f1', 'page_view', '2026-02-01T03:55:00Z', { url: `${SHOP}/` }),
  ev('fn2', 'fn-f1', 'purchase', '2026-02-01T04:00:00Z', { url: `${SHOP}/checkout`, order_id: 'o6', revenue: 30 }),
  ev('fn3', 'fn-f1', 'page_view', '2026-02-05T09:00:00Z', { url: `${SHOP}/`, referrer: 'https://blog.example.org/post' }),
  // Gus: the newsletter, then an order (Anna's second order took the same path).
  ev('gn1', 'gn-g1', 'email_click', '2026-02-16T09:00:00Z', mailClick),
  ev('gn2', 'gn-g1', 'page_view', '2026-02-16T09:10:00Z', { url: MAIL }),
  ev('gn3', 'gn-g1', 'purchase', '2026-02-16T09:15:00Z', { url: `${SHOP}/checkout`, order_id: 'o7', revenue: 19.99 }),
  // A bot that buys: neither its conversion nor its visit counts.
  ev('xn1', 'xn-bot', 'page_view', '2026-02-15T10:00:00Z', { url: SEARCH, user_agent: BOT }),
  ev('xn2', 'xn-bot', 'purchase', '2026-02-15T10:05:00Z', { url: `${SHOP}/checkout`, order_id: 'o8', revenue: 999, user_agent: BOT }),
];

const path = (touches: string[], daysBefore: number[], conversions: number, revenue: number, nulls: number): JourneyPath => ({
  touches,
  daysBefore,
  conversions,
  revenue,
  nulls,
});

/**
 * By channel, 7-day lookback. Converting: o1 (T1 is 8d23h old: cut), o2 and
 * o7 (after o1, only the email click), o4 (in the period by the New York
 * date), o3 without a touch. o5 and o6 fall outside the period. Null: Anna
 * after o2, Ben's two visits in the period (9d8h apart), Fay after o6; Eve's
 * visit led to o5, so it is no null journey.
 */
export const CHANNEL_PATHS_7D: JourneyPath[] = [
  path(['Email'], [0], 2, 59.99, 0),
  path(['Paid Search', 'Direct'], [3, 0], 1, 100, 0),
  path(['Paid Search', 'Paid Social'], [1, 0], 1, 80, 0),
  path([], [], 1, 25.5, 0),
  path(['Paid Search'], [0], 0, 0, 1),
  path(['Paid Social', 'Direct'], [9, 0], 0, 0, 1),
  path(['Referral'], [0], 0, 0, 1),
];

/** The same by campaign: sessions without a campaign and the blog visit are (none). */
export const CAMPAIGN_PATHS_7D: JourneyPath[] = [
  path(['N1'], [0], 2, 59.99, 0),
  path(['C_SEARCH', '(none)'], [3, 0], 1, 100, 0),
  path(['C_SEARCH', 'C_SOCIAL'], [1, 0], 1, 80, 0),
  path([], [], 1, 25.5, 0),
  path(['(none)'], [0], 0, 0, 1),
  path(['C_SEARCH'], [0], 0, 0, 1),
  path(['C_SOCIAL', '(none)'], [9, 0], 0, 0, 1),
];

/** By channel with a 30-day lookback: o1's path keeps T1 (8 whole days before it); nothing else changes. */
export const CHANNEL_PATHS_30D: JourneyPath[] = CHANNEL_PATHS_7D.map((p) =>
  p.touches.join() === 'Paid Search,Direct' ? path(['Paid Social', 'Paid Search', 'Direct'], [8, 3, 0], 1, 100, 0) : p,
);

/**
 * By channel, 7-day lookback, impressions with a 1-day lookback: Dan's
 * impression (7 h before o4) joins his path; Anna's (5 days before o1) does
 * not. Ben's impression is the last touch of his null journey now (days
 * counted to it: 10d22h, 1d14h, 0).
 */
export const CHANNEL_PATHS_VIEW_THROUGH: JourneyPath[] = [
  path(['Email'], [0], 2, 59.99, 0),
  path(['Paid Search', 'Direct'], [3, 0], 1, 100, 0),
  path(['Paid Search', 'Paid Social', 'Paid Social'], [1, 0, 0], 1, 80, 0),
  path([], [], 1, 25.5, 0),
  path(['Paid Search'], [0], 0, 0, 1),
  path(['Paid Social', 'Direct', 'Paid Search'], [10, 1, 0], 0, 0, 1),
  path(['Referral'], [0], 0, 0, 1),
];

/** By ad group, 7-day lookback: only the ad clicks carry one, so Anna's and Fay's null journeys take one path. */
export const AD_GROUP_PATHS_7D: JourneyPath[] = [
  path(['(none)'], [0], 2, 59.99, 2),
  path(['G1', '(none)'], [3, 0], 1, 100, 0),
  path(['(none)', 'G9'], [1, 0], 1, 80, 0),
  path([], [], 1, 25.5, 0),
  path(['(none)', '(none)'], [9, 0], 0, 0, 1),
];
