// Two hand-built workspaces for acquisition cohorts, with their cohort
// aggregates worked out by hand below each record set.
//
// "months" (America/New_York, USD; EUR at 1.10 from 2026-01-01 and 1.20 from
// 2026-03-01; no GBP rate), cohorts January to March 2026 by month, seen on
// 2026-04-15 (April is the current, incomplete period). New York is UTC−5
// until 2026-03-08, UTC−4 after.
//
// "weeks" (Europe/Berlin, UTC+1, USD), cohorts by week (Monday to Sunday)
// from 2026-02-23 to 2026-03-15, seen on Wednesday 2026-03-18.
import type { CohortActivity, CohortPeriod } from '../../src/warehouse/warehouse.js';

export const MONTHS_SETTINGS = { currency: 'USD', timezone: 'America/New_York' };
export const WEEKS_SETTINGS = { currency: 'USD', timezone: 'Europe/Berlin' };

const order = (order_id: string, customer_id: string, timestamp: string, revenue: number, extra: Record<string, unknown> = {}) => ({
  order_id,
  customer_id,
  timestamp,
  revenue,
  ...extra,
});
const stage = (customer_id: string, name: string, timestamp: string, extra: Record<string, unknown> = {}) => ({ customer_id, stage: name, timestamp, ...extra });

export const MONTHS_DATA = {
  campaigns: [{ campaign_id: 'spring', name: 'Spring sale' }],
  fx_rates: [
    { date: '2026-01-01', currency: 'EUR', rate: 1.1 },
    { date: '2026-03-01', currency: 'EUR', rate: 1.2 },
  ],
  // Ann's first touch: a Google ad click's landing (Paid Search, campaign spring), ten minutes before her first order.
  events: [
    {
      event_id: 'ann-1',
      type: 'page_view',
      timestamp: '2026-01-05T14:50:00Z',
      anonymous_id: 'v-ann',
      user_id: 'c_ann',
      url: 'https://shop.example/?utm_source=google&utm_medium=cpc&utm_campaign=spring',
    },
  ],
  orders: [
    // Ann: January (two orders), February, April.
    order('a1', 'c_ann', '2026-01-05T15:00:00Z', 100),
    order('a2', 'c_ann', '2026-01-20T15:00:00Z', 50),
    order('a3', 'c_ann', '2026-02-10T15:00:00Z', 30),
    order('a4', 'c_ann', '2026-04-02T15:00:00Z', 20),
    // Ben: 22:00 on January 31 in New York (February 1 in UTC): a January customer. 10 EUR on 03-15 at 1.20; a cancelled order.
    order('b1', 'c_ben', '2026-02-01T03:00:00Z', 60),
    order('b2', 'c_ben', '2026-03-15T15:00:00Z', 10, { currency: 'EUR' }),
    order('b3', 'c_ben', '2026-03-20T15:00:00Z', 5, { status: 'cancelled' }),
    // Cat orders in January, before she becomes a customer (February 3): that order is no cohort activity.
    order('c1', 'c_cat', '2026-01-28T15:00:00Z', 25),
    order('c2', 'c_cat', '2026-02-03T16:00:00Z', 40),
    order('c3', 'c_cat', '2026-04-05T15:00:00Z', 15),
    // Eve: 23:30 on February 28 in New York (March 1 in UTC): a February customer; 10 EUR on 03-31 at 1.20.
    order('e1', 'c_eve', '2026-03-01T04:30:00Z', 70),
    order('e2', 'c_eve', '2026-03-31T12:00:00Z', 10, { currency: 'EUR' }),
    // Fay: a refunded order in February is no acquisition; 80 EUR at 1.20 in March is.
    order('f0', 'c_fay', '2026-02-15T15:00:00Z', 20, { status: 'refunded' }),
    order('f1', 'c_fay', '2026-03-10T15:00:00Z', 80, { currency: 'EUR' }),
    // Kim pays in GBP, which has no rate: a purchase in March, worth nothing known.
    order('k1', 'c_kim', '2026-03-05T15:00:00Z', 50, { currency: 'GBP' }),
    // Gus was acquired in December, Hal in April: outside January … March.
    order('g1', 'c_gus', '2025-12-15T15:00:00Z', 20),
    order('g2', 'c_gus', '2026-01-10T15:00:00Z', 20),
    order('h1', 'c_hal', '2026-04-03T15:00:00Z', 33),
    // Ivy has a lifecycle record but never the customer stage: customer_facts does not count her as acquired.
    order('i1', 'c_ivy', '2026-01-15T15:00:00Z', 45),
  ],
  lifecycle: [
    // Cat: a lead from the newsletter, a customer on February 3, churned March 10, back April 1.
    stage('c_cat', 'lead', '2025-12-20T15:00:00Z', { channel: 'Email', campaign_id: 'news' }),
    stage('c_cat', 'customer', '2026-02-03T15:00:00Z'),
    stage('c_cat', 'churned', '2026-03-10T15:00:00Z'),
    stage('c_cat', 'reactivated', '2026-04-01T15:00:00Z'),
    // Dan subscribes on February 14 and churns six days later; he never orders.
    stage('c_dan', 'customer', '2026-02-14T15:00:00Z', { channel: 'Paid Search', campaign_id: 'search', mrr: 50 }),
    stage('c_dan', 'churned', '2026-02-20T15:00:00Z'),
    stage('c_ivy', 'lead', '2026-01-01T15:00:00Z'),
    // Joy: 23:30 on March 31 in New York (April 1 in UTC): a March customer, still subscribed.
    stage('c_joy', 'customer', '2026-04-01T03:30:00Z', { channel: 'Email' }),
  ],
};

export const MONTHS_QUERY = { by: 'month', from: '2026-01-01', to: '2026-03-31', through: '2026-04-15' } as const;

const size = (cohort: string, customers: number, churners = 0, key: string | null = null) => ({ cohort, key, customers, churners });
const cell = (cohort: string, period: number, purchasers: number, revenue: number, more: Partial<CohortPeriod> = {}): CohortPeriod => ({
  cohort,
  key: null,
  period,
  purchasers,
  subscribers: 0,
  survivors: 0,
  revenue,
  ...more,
});

/**
 * Purchase activity. January: Ann and Ben (2); purchasers 2, 1 (Ann), 1 (Ben),
 * 1 (Ann, April); revenue 100 + 50 + 60, 30, 12 (10 EUR × 1.20), 20.
 * February: Cat, Dan, Eve (3; Cat and Dan have churned records); Cat and Eve
 * buy in February (40 + 70), Eve in March (12), Cat in April (15); Cat's
 * January order is before her cohort. March: Fay, Kim, Joy (3); Fay (96) and
 * Kim (no rate: a purchase, no revenue) buy in March; nobody in April, so
 * April has no row. Ivy, Gus and Hal are in no cohort.
 */
export const MONTHS_PURCHASE: CohortActivity = {
  cohorts: [size('2026-01-01', 2), size('2026-02-01', 3, 2), size('2026-03-01', 3)],
  periods: [
    cell('2026-01-01', 0, 2, 210),
    cell('2026-01-01', 1, 1, 30),
    cell('2026-01-01', 2, 1, 12),
    cell('2026-01-01', 3, 1, 20),
    cell('2026-02-01', 0, 2, 110),
    cell('2026-02-01', 1, 1, 12),
    cell('2026-02-01', 2, 1, 15),
    cell('2026-03-01', 0, 2, 96),
  ],
};

/**
 * Subscription activity: the same purchases and revenue, and every period to
 * April for customers with status records (Cat, Dan, Joy). February:
 * subscribed in February Cat and Dan; in March Cat (active when it began,
 * churned on the 10th); in April Cat (reactivated). Survivors (no churn
 * before the period began): 2, 1 (Dan churned in February), 0 (Cat churned in
 * March). March: Joy subscribed and surviving in March and April. Dan's and
 * Joy's later periods without an order have rows of their own.
 */
export const MONTHS_SUBSCRIPTION: CohortActivity = {
  cohorts: MONTHS_PURCHASE.cohorts,
  periods: [
    cell('2026-01-01', 0, 2, 210),
    cell('2026-01-01', 1, 1, 30),
    cell('2026-01-01', 2, 1, 12),
    cell('2026-01-01', 3, 1, 20),
    cell('2026-02-01', 0, 2, 110, { subscribers: 2, survivors: 2 }),
    cell('2026-02-01', 1, 1, 12, { subscribers: 1, survivors: 1 }),
    cell('2026-02-01', 2, 1, 15, { subscribers: 1, survivors: 0 }),
    cell('2026-03-01', 0, 2, 96, { subscribers: 1, survivors: 1 }),
    cell('2026-03-01', 1, 0, 0, { subscribers: 1, survivors: 1 }),
  ],
};

/**
 * By acquisition channel: Ann's first touch is Paid Search (campaign spring);
 * Cat's first lifecycle record is Email (campaign news), Dan's Paid Search
 * (campaign search), Joy's Email (no campaign); the others have neither.
 */
export const MONTHS_BY_CHANNEL_SIZES = [
  size('2026-01-01', 1, 0, '(none)'),
  size('2026-01-01', 1, 0, 'Paid Search'),
  size('2026-02-01', 1, 0, '(none)'),
  size('2026-02-01', 1, 1, 'Email'),
  size('2026-02-01', 1, 1, 'Paid Search'),
  size('2026-03-01', 2, 0, '(none)'),
  size('2026-03-01', 1, 0, 'Email'),
];

export const MONTHS_BY_CAMPAIGN_SIZES = [
  size('2026-01-01', 1, 0, '(none)'),
  size('2026-01-01', 1, 0, 'spring'),
  size('2026-02-01', 1, 0, '(none)'),
  size('2026-02-01', 1, 1, 'news'),
  size('2026-02-01', 1, 1, 'search'),
  size('2026-03-01', 3, 0, '(none)'),
];

/** Only Email customers: Cat (February) and Joy (March); January has none, so no row. */
export const MONTHS_EMAIL_SUBSCRIPTION: CohortActivity = {
  cohorts: [size('2026-02-01', 1, 1), size('2026-03-01', 1)],
  periods: [
    cell('2026-02-01', 0, 1, 40, { subscribers: 1, survivors: 1 }),
    cell('2026-02-01', 1, 0, 0, { subscribers: 1, survivors: 1 }),
    cell('2026-02-01', 2, 1, 15, { subscribers: 1, survivors: 0 }),
    cell('2026-03-01', 0, 0, 0, { subscribers: 1, survivors: 1 }),
    cell('2026-03-01', 1, 0, 0, { subscribers: 1, survivors: 1 }),
  ],
};

export const WEEKS_DATA = {
  orders: [
    // Sun: 23:30 on Sunday March 1 in Berlin, then 00:30 on Monday March 2 (March 1 in UTC): the next week. Again in the week of 03-16.
    order('s1', 'w_sun', '2026-03-01T22:30:00Z', 10),
    order('s2', 'w_sun', '2026-03-01T23:30:00Z', 20),
    order('s3', 'w_sun', '2026-03-16T10:00:00Z', 40),
    // Mon: 00:15 on Monday March 2 in Berlin (Sunday in UTC); 23:59 on Sunday March 8 is the same week; 00:01 on March 9 the next.
    order('m1', 'w_mon', '2026-03-01T23:15:00Z', 5),
    order('m2', 'w_mon', '2026-03-08T22:59:00Z', 6),
    order('m3', 'w_mon', '2026-03-08T23:01:00Z', 7),
    // Tue: once, on Tuesday March 10.
    order('t1', 'w_tue', '2026-03-10T12:00:00Z', 9),
    // A customer of the week of 03-16, after the range.
    order('x1', 'w_late', '2026-03-16T12:00:00Z', 99),
  ],
};

export const WEEKS_QUERY = { by: 'week', from: '2026-02-23', to: '2026-03-15', through: '2026-03-18' } as const;

/**
 * Cohort weeks of 02-23 (Sun), 03-02 (Mon) and 03-09 (Tue), one customer
 * each. Sun: periods 0, 1 and 3 (10, 20, 40). Mon: periods 0 (5 + 6) and 1
 * (7). Tue: period 0 (9).
 */
export const WEEKS_PURCHASE: CohortActivity = {
  cohorts: [size('2026-02-23', 1), size('2026-03-02', 1), size('2026-03-09', 1)],
  periods: [
    cell('2026-02-23', 0, 1, 10),
    cell('2026-02-23', 1, 1, 20),
    cell('2026-02-23', 3, 1, 40),
    cell('2026-03-02', 0, 1, 11),
    cell('2026-03-02', 1, 1, 7),
    cell('2026-03-09', 0, 1, 9),
  ],
};
