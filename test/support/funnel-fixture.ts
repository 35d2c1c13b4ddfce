// A shop's funnels worked out by hand, for QueryRunner.funnelCounts: the
// events and lifecycle records below, and beside them the counts and median
// times they must give. Workspace zone America/New_York (UTC−5 all of
// February 2026); the period is February 2026 in New York:
// [02-01T05:00Z, 03-01T05:00Z). Times below are UTC.
import type { FunnelCounts, FunnelStepMatch } from '../../src/warehouse/warehouse.js';

export const FUNNEL_ZONE = 'America/New_York';
export const FEBRUARY = { from: '2026-02-01', to: '2026-02-28' };
export const DAY_MS = 86_400_000;

const SHOP = 'https://shop.example';
const SEARCH = `${SHOP}/?utm_source=google&utm_medium=cpc&utm_campaign=C_SEARCH`;
const SOCIAL = `${SHOP}/?utm_source=facebook&utm_medium=paid_social&utm_campaign=C_SOCIAL`;
const BOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

export const FUNNEL_CAMPAIGNS = [
  { campaign_id: 'C_SEARCH', name: 'Search', platform: 'google_ads', channel: 'Paid Search' },
  { campaign_id: 'C_SOCIAL', name: 'Social', platform: 'meta_ads', channel: 'Paid Social' },
];

let seq = 0;
const ev = (anonymous_id: string, type: string, timestamp: string, extra: Record<string, unknown> = {}) => ({
  event_id: `f${++seq}`,
  anonymous_id,
  type,
  timestamp,
  ...extra,
});
const click = (anonymous_id: string, timestamp: string, campaign: 'C_SEARCH' | 'C_SOCIAL', extra: Record<string, unknown> = {}) =>
  ev(anonymous_id, 'ad_click', timestamp, { url: campaign === 'C_SEARCH' ? SEARCH : SOCIAL, campaign_id: campaign, ...extra });
const view = (anonymous_id: string, timestamp: string, extra: Record<string, unknown> = {}) => ev(anonymous_id, 'page_view', timestamp, { url: `${SHOP}/p`, ...extra });
const signup = (anonymous_id: string, timestamp: string, extra: Record<string, unknown> = {}) => ev(anonymous_id, 'signup', timestamp, { url: `${SHOP}/signup`, ...extra });
const purchase = (anonymous_id: string, timestamp: string, order: string, extra: Record<string, unknown> = {}) =>
  ev(anonymous_id, 'purchase', timestamp, { url: `${SHOP}/checkout`, order_id: order, revenue: 50, ...extra });

export const FUNNEL_EVENTS = [
  // Ann (u_ann): the whole funnel, each step straight after the one before.
  click('ann', '2026-02-03T10:00:00Z', 'C_SEARCH'),
  view('ann', '2026-02-03T10:01:00Z', { url: SEARCH }),
  signup('ann', '2026-02-03T10:05:00Z', { user_id: 'u_ann' }),
  purchase('ann', '2026-02-04T10:05:00Z', 'o_ann', { user_id: 'u_ann' }),
  // Bob: signs up 10 days after his click.
  click('bob', '2026-02-10T12:00:00Z', 'C_SOCIAL'),
  view('bob', '2026-02-10T12:02:00Z', { url: SOCIAL }),
  signup('bob', '2026-02-20T12:00:00Z'),
  // Cat: a visit the day before her click; buys without signing up.
  view('cat', '2026-02-05T09:00:00Z'),
  click('cat', '2026-02-06T09:00:00Z', 'C_SEARCH'),
  view('cat', '2026-02-06T09:03:00Z', { url: SEARCH }),
  purchase('cat', '2026-02-06T09:30:00Z', 'o_cat'),
  // Dan: clicks at 23:00 on 02-28 in New York (03-01 in UTC), buys 4 days later.
  click('dan', '2026-03-01T04:00:00Z', 'C_SOCIAL'),
  view('dan', '2026-03-01T04:01:00Z', { url: SOCIAL }),
  signup('dan', '2026-03-01T04:10:00Z'),
  purchase('dan', '2026-03-05T04:10:00Z', 'o_dan'),
  // Eve: a click at 23:30 on 01-31 in New York (before the period), one in it; signs up exactly 7 days after it.
  click('eve', '2026-02-01T04:30:00Z', 'C_SOCIAL'),
  click('eve', '2026-02-02T15:00:00Z', 'C_SEARCH'),
  view('eve', '2026-02-02T15:01:00Z', { url: SEARCH }),
  signup('eve', '2026-02-09T15:00:00Z'),
  // Fay: her page view has her click's very instant; signs up 7 days and 1 second after the click.
  click('fay', '2026-02-12T08:00:00Z', 'C_SOCIAL'),
  view('fay', '2026-02-12T08:00:00Z', { url: SOCIAL }),
  signup('fay', '2026-02-19T08:00:01Z'),
  // Hal: two page views before signing up.
  click('hal', '2026-02-15T10:00:00Z', 'C_SEARCH'),
  view('hal', '2026-02-15T10:01:00Z', { url: SEARCH }),
  view('hal', '2026-02-15T10:02:00Z'),
  signup('hal', '2026-02-15T10:03:00Z'),
  // Ivy (u_ivy): clicks on her phone, signs up and buys on her laptop; stitched by her user_id (on a two-shard cluster sipHash64 puts the two on different shards).
  click('ivy-phone', '2026-02-20T10:00:00Z', 'C_SOCIAL'),
  view('ivy-phone', '2026-02-20T10:05:00Z', { url: SOCIAL, user_id: 'u_ivy' }),
  signup('ivy-laptop', '2026-02-21T10:00:00Z', { user_id: 'u_ivy' }),
  purchase('ivy-laptop', '2026-02-21T10:10:00Z', 'o_ivy', { user_id: 'u_ivy' }),
  // Jo only looks.
  view('jo', '2026-02-14T12:00:00Z'),
  // Kim buys as a guest, then signs up.
  purchase('kim', '2026-02-16T10:00:00Z', 'o_kim'),
  signup('kim', '2026-02-16T10:30:00Z'),
  // A bot that does everything.
  click('gus', '2026-02-25T10:00:00Z', 'C_SEARCH', { user_agent: BOT }),
  view('gus', '2026-02-25T10:00:30Z', { url: SEARCH, user_agent: BOT }),
  signup('gus', '2026-02-25T10:01:00Z', { user_agent: BOT }),
  purchase('gus', '2026-02-25T10:02:00Z', 'o_gus', { user_agent: BOT }),
];

export const FUNNEL_LIFECYCLE = [
  { customer_id: 'u_ann', stage: 'lead', timestamp: '2026-02-03T10:06:00Z', channel: 'Paid Search' },
  { customer_id: 'u_ann', stage: 'mql', timestamp: '2026-02-05T00:00:00Z' },
  { customer_id: 'u_ann', stage: 'sql', timestamp: '2026-02-10T00:00:00Z' },
  { customer_id: 'u_ann', stage: 'customer', timestamp: '2026-02-20T00:00:00Z' },
  // Lead and MQL at one instant, as CRM exports often have them; customer 32 days after the lead.
  { customer_id: 'u_ivy', stage: 'lead', timestamp: '2026-02-21T10:00:00Z', campaign_id: 'C_SOCIAL' },
  { customer_id: 'u_ivy', stage: 'mql', timestamp: '2026-02-21T10:00:00Z' },
  { customer_id: 'u_ivy', stage: 'sql', timestamp: '2026-03-10T00:00:00Z' },
  { customer_id: 'u_ivy', stage: 'customer', timestamp: '2026-03-25T00:00:00Z' },
  { customer_id: 'c_lee', stage: 'lead', timestamp: '2026-02-26T00:00:00Z', channel: 'Events' },
  { customer_id: 'c_lee', stage: 'customer', timestamp: '2026-03-01T00:00:00Z' },
  // A lead of January: their MQL in February does not enter them.
  { customer_id: 'c_old', stage: 'lead', timestamp: '2026-01-15T00:00:00Z' },
  { customer_id: 'c_old', stage: 'mql', timestamp: '2026-02-02T00:00:00Z' },
  // A lead at 23:59:59 on 02-28 in New York.
  { customer_id: 'c_late', stage: 'lead', timestamp: '2026-03-01T04:59:59Z' },
  { customer_id: 'c_late', stage: 'mql', timestamp: '2026-03-02T00:00:00Z' },
];

const event = (type: string): FunnelStepMatch => ({ kind: 'event', type });
const stage = (name: string): FunnelStepMatch => ({ kind: 'stage', stage: name });
export const STEPS = {
  webShop: [event('ad_click'), event('page_view'), event('signup'), event('purchase')],
  signupPurchase: [event('signup'), event('purchase')],
  lifecycle: [stage('lead'), stage('mql'), stage('sql'), stage('customer')],
  mixed: [event('ad_click'), event('signup'), stage('customer')],
  sessions: [{ kind: 'session_start' } as const, event('signup')],
};

const S = 1000;
const counts = (key: string | null, entered: number, reached: number[], seconds: (number | null)[]): FunnelCounts => ({
  key,
  entered,
  reached,
  medianMs: [null, ...seconds.map((s) => (s === null ? null : s * S))],
});

/**
 * Ordered, 7 days, bots left out. Entered by a click in February (New York):
 * Ann, Bob, Cat, Dan, Eve (her January click does not count), Fay, Hal, Ivy.
 * Page view after the click: all 8 (Ann 60 s, Bob 120, Cat 180, Dan 60, Eve
 * 60, Fay 0, Hal 60, Ivy 300: median of 0 60 60 60 | 60 120 180 300 = 60).
 * Signup within 7 days: Ann 240, Dan 540, Eve 604,740 (7 days after her
 * click, to the second), Hal 120, Ivy 86,100 (median 540); Bob (10 days) and
 * Fay (7 days and 1 s) are too late. Purchase: Ann 86,400, Dan 345,600, Ivy
 * 600 (median 86,400).
 */
export const WEB_ORDERED: FunnelCounts = counts(null, 8, [8, 8, 5, 3], [60, 540, 86_400]);

/**
 * The same by the channel of the entering click: Paid Search (Ann, Cat, Eve,
 * Hal) page views 60 60 180 60 → 60, signups 240 604,740 120 → 240, purchase
 * 86,400; Paid Social (Bob, Dan, Fay, Ivy) page views 120 60 0 300 → (60 +
 * 120) / 2 = 90, signups 540 86,100 → 43,320, purchases 345,600 600 → 173,100.
 */
export const WEB_BY_CHANNEL: FunnelCounts[] = [
  WEB_ORDERED,
  counts('Paid Search', 4, [4, 4, 3, 1], [60, 240, 86_400]),
  counts('Paid Social', 4, [4, 4, 2, 2], [90, 43_320, 173_100]),
];
export const WEB_BY_CAMPAIGN: FunnelCounts[] = [
  WEB_ORDERED,
  counts('C_SEARCH', 4, [4, 4, 3, 1], [60, 240, 86_400]),
  counts('C_SOCIAL', 4, [4, 4, 2, 2], [90, 43_320, 173_100]),
];

/**
 * Strict: the next funnel-step event after each step must be the next step.
 * Cat's next after her page view is her purchase, Hal's a second page view:
 * both stop at step 2 (Bob and Fay as before). Signups: Ann 240, Dan 540, Eve
 * 604,740, Ivy 86,100 → (540 + 86,100) / 2 = 43,320; purchases as ordered.
 */
export const WEB_STRICT: FunnelCounts = counts(null, 8, [8, 8, 4, 3], [60, 43_320, 86_400]);

/**
 * Any order: entered by any step's event in February — the 8 above, Jo
 * (only page views) and Kim (a purchase and a signup, no click); Cat enters
 * at her page view of 02-05, so her click (a day later) completes steps 1–2
 * at once (0 s). Step 1 (a click in the window): 8; steps 1–2: 8 (0 0 60 60
 * 60 60 120 300 → 60); 1–3: Ann, Dan, Eve, Hal, Ivy (240 540 604,740 120
 * 86,100 → 540); 1–4: Ann, Dan, Ivy.
 */
export const WEB_ANY: FunnelCounts = counts(null, 10, [8, 8, 5, 3], [60, 540, 86_400]);

/** Ordered, bots counted: Gus adds 30 s, 30 s and 60 s (page views → 60; signups 30 120 240 | 540 … → 390; purchases 60 600 | 86,400 345,600 → 43,500). */
export const WEB_WITH_BOTS: FunnelCounts = counts(null, 9, [9, 9, 6, 4], [60, 390, 43_500]);

/**
 * Signup → purchase, 7 days. Ordered: entered by a signup in February (Ann,
 * Bob, Dan, Eve, Fay, Hal, Ivy, Kim); a purchase after it: Ann 86,400, Dan
 * 345,600, Ivy 600 (Kim bought before signing up). Any order: Cat (a purchase)
 * enters too but never signs up; Kim counts (0 s): 0 600 | 86,400 345,600.
 */
export const SIGNUP_PURCHASE_ORDERED: FunnelCounts = counts(null, 8, [8, 3], [86_400]);
export const SIGNUP_PURCHASE_ANY: FunnelCounts = counts(null, 9, [8, 4], [43_500]);

/**
 * Lifecycle stages, 30 days. Entered by a lead in February: Ann, Ivy, Lee,
 * Late (the January lead does not enter). MQL: Ann 136,440 s (1 d 13 h 54
 * min), Ivy 0 (the same instant, after her lead), Late 68,401 → 68,401. SQL:
 * Ann 432,000, Ivy 1,432,800 (16 d 14 h) → 932,400. Customer: Ann 864,000;
 * Ivy's comes 32 days after her lead.
 */
export const LIFECYCLE_ORDERED: FunnelCounts = counts(null, 4, [4, 3, 2, 1], [68_401, 932_400, 864_000]);

/** By the channel a lead came with: its own, else its campaign's (Ivy's C_SOCIAL), else (none). */
export const LIFECYCLE_BY_CHANNEL: FunnelCounts[] = [
  LIFECYCLE_ORDERED,
  counts('(none)', 1, [1, 1, 0, 0], [68_401, null, null]),
  counts('Events', 1, [1, 0, 0, 0], [null, null, null]),
  counts('Paid Search', 1, [1, 1, 1, 1], [136_440, 432_000, 864_000]),
  counts('Paid Social', 1, [1, 1, 1, 0], [0, 1_432_800, null]),
];

/**
 * Click → signup → the customer stage, 30 days: events and lifecycle records
 * of one person (u_ann, u_ivy). Signups after the click: Ann 300, Bob
 * 864,000, Dan 600, Eve 604,800, Fay 604,801, Hal 180, Ivy 86,400 → 86,400.
 * Customer within 30 days of the click: Ann, 1,432,500 s after her signup.
 */
export const MIXED_ORDERED: FunnelCounts = counts(null, 8, [8, 7, 1], [86_400, 1_432_500]);

/**
 * A session start → signup within a day: sessions starting in February (Ann,
 * Bob, Cat, Dan, Eve, Fay, Hal, Ivy, Jo, Kim; the bot's are left out); a
 * signup within a day of the first: Ann 240, Dan 540, Hal 120, Ivy 86,100
 * (on her other device), Kim 1,800 → 540.
 */
export const SESSION_SIGNUP: FunnelCounts = counts(null, 10, [10, 5], [540]);

/** Nobody enters a period without data. */
export const EMPTY: FunnelCounts = counts(null, 0, [0, 0, 0, 0], [null, null, null]);
