// A year and more of customers for the cohorts view's browser test, and the
// cohort matrices worked out here from those records (not by Beacon).
//
// Shop buyers arrive on a campaign link (Paid Search or Paid Social, a page
// view with the campaign's UTM tags just before their first order) or with
// no touch at all, then buy again at their own rate until they lapse; a few
// repeat orders are refunded or cancelled, and a few buyers have a refunded
// order before their first completed one. Subscribers come from the CRM:
// a `customer` lifecycle stage (Email or Paid Social on their first record),
// a monthly payment while subscribed, a churn at their own monthly churn
// probability (drawn from a beta distribution, as the shifted-beta-geometric
// model assumes) and sometimes a reactivation. The workspace time zone is
// UTC, so a record's date is its timestamp's first ten characters.
import { createSeededRandom } from '../../src/attribution/seeded-random.js';
import { addDays, DASHBOARD_CAMPAIGNS } from './dashboard-data.js';

export interface CohortOrder {
  order_id: string;
  customer_id: string;
  timestamp: string;
  revenue: number;
  status?: 'refunded' | 'cancelled';
}

export interface CohortStage {
  customer_id: string;
  stage: 'lead' | 'customer' | 'churned' | 'reactivated';
  timestamp: string;
  channel?: string;
  mrr?: number;
}

export interface CohortData {
  /** The first day any customer was acquired. */
  start: string;
  orders: CohortOrder[];
  lifecycle: CohortStage[];
  events: Record<string, unknown>[];
  /** Customer id → acquisition channel (null: none). */
  channelOf: Map<string, string | null>;
}

const SOURCES = { google_ads: 'google', meta_ads: 'facebook' } as const;

/** Customers acquired from the first day of the month 13 months before `today`'s up to yesterday. */
export function generateCohortData(today: string, seed = 29): CohortData {
  const next = createSeededRandom(seed);
  const yesterday = addDays(today, -1);
  const start = `${shiftMonth(today.slice(0, 7), -13)}-01`;
  const span = daysFrom(start, yesterday);
  const day = () => addDays(start, Math.floor(next() * (span + 1)));
  const at = (date: string, minutes: number) => `${date}T${String(9 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00Z`;
  const orders: CohortOrder[] = [];
  const lifecycle: CohortStage[] = [];
  const events: Record<string, unknown>[] = [];
  const channelOf = new Map<string, string | null>();

  let repeats = 0;
  for (let i = 0; i < 720; i++) {
    const id = `shop-${i}`;
    const first = day();
    const minute = Math.floor(next() * 600);
    const pick = next();
    const campaign = pick < 0.85 ? DASHBOARD_CAMPAIGNS[Math.floor(next() * DASHBOARD_CAMPAIGNS.length)] : null;
    channelOf.set(id, campaign?.channel ?? null);
    if (campaign) {
      events.push({
        event_id: `${id}-landing`,
        type: 'page_view',
        timestamp: at(first, minute - 5 < 0 ? 0 : minute - 5),
        anonymous_id: `v-${id}`,
        user_id: id,
        url: `https://shop.example/?utm_source=${SOURCES[campaign.platform]}&utm_medium=cpc&utm_campaign=${campaign.id}`,
      });
    }
    // A refunded order a few days before the first completed one is no acquisition.
    if (i % 23 === 0 && first > addDays(start, 5)) orders.push({ order_id: `${id}-refunded`, customer_id: id, timestamp: at(addDays(first, -3), minute), revenue: 40, status: 'refunded' });
    orders.push({ order_id: `${id}-1`, customer_id: id, timestamp: at(first, minute), revenue: round(25 + next() * 150) });
    const perDay = -Math.log(1 - next()) / 35;
    const dropout = 0.08 + next() * 0.5;
    const basket = 30 + next() * 110;
    let date = first;
    for (let n = 2; ; n++) {
      date = addDays(date, 1 + Math.floor(-Math.log(1 - next()) / perDay));
      if (date > yesterday) break;
      repeats++;
      const status = repeats % 41 === 0 ? 'cancelled' : repeats % 17 === 0 ? 'refunded' : undefined;
      orders.push({ order_id: `${id}-${n}`, customer_id: id, timestamp: at(date, Math.floor(next() * 600)), revenue: round(basket * (0.6 + next() * 0.8)), ...(status ? { status } : {}) });
      if (next() < dropout) break;
    }
  }

  for (let i = 0; i < 300; i++) {
    const id = `sub-${i}`;
    const joined = day();
    const channel = next() < 0.6 ? 'Email' : 'Paid Social';
    const mrr = [29, 49, 99][Math.floor(next() * 3)];
    channelOf.set(id, channel);
    if (i % 3 === 0) lifecycle.push({ customer_id: id, stage: 'lead', timestamp: at(addDays(joined, -10), 30), channel });
    lifecycle.push({ customer_id: id, stage: 'customer', timestamp: at(joined, 60), ...(i % 3 === 0 ? {} : { channel }), mrr });
    // Churn probability per month θ ~ Beta(1.4, 4): a draw as the mean of a beta by its gamma parts.
    const theta = betaDraw(next, 1.4, 4);
    const subscribed: [string, string | null][] = [];
    let churnedOn: string | null = null;
    for (let month = 1; ; month++) {
      const renewal = addDays(joined, month * 30);
      if (renewal > yesterday) break;
      if (next() < theta) {
        churnedOn = addDays(joined, (month - 1) * 30 + 1 + Math.floor(next() * 28));
        if (churnedOn > yesterday) churnedOn = null;
        break;
      }
    }
    subscribed.push([joined, churnedOn]);
    if (churnedOn) {
      lifecycle.push({ customer_id: id, stage: 'churned', timestamp: at(churnedOn, 120) });
      const back = addDays(churnedOn, 20 + Math.floor(next() * 70));
      if (i % 6 === 1 && back <= yesterday) {
        lifecycle.push({ customer_id: id, stage: 'reactivated', timestamp: at(back, 180), mrr });
        subscribed.push([back, null]);
      }
    }
    // A payment when the subscription starts and every 30 days while it lasts.
    let n = 0;
    for (const [from, to] of subscribed) {
      for (let date = from; date <= yesterday && (to === null || date < to); date = addDays(date, 30)) {
        orders.push({ order_id: `${id}-${++n}`, customer_id: id, timestamp: at(date, 90), revenue: mrr });
      }
    }
  }
  return { start, orders, lifecycle, events, channelOf };
}

export interface RecountCell {
  active: number;
  /** Completed-order revenue of the cohort from its acquisition period through this one. */
  revenue: number;
  /** Subscribers since acquisition who had not churned before this period began. */
  survivors: number;
}

export interface RecountRow {
  /** First date of the acquisition period. */
  cohort: string;
  customers: number;
  /** Per period since acquisition, up to the period holding `today`. */
  cells: RecountCell[];
}

export interface RecountScope {
  by: 'week' | 'month';
  activity: 'purchase' | 'subscription';
  from: string;
  to: string;
  today: string;
  channel?: string;
}

/**
 * The cohorts of a scope, counted from the records: a customer is acquired at
 * their first `customer` stage, or (without any lifecycle record) at their
 * first completed order; purchase activity is a completed order in the
 * period, subscription activity being subscribed (customer or reactivated,
 * not since churned) at some moment of it.
 */
export function recountCohorts(data: CohortData, scope: RecountScope): RecountRow[] {
  const period = (date: string) => (scope.by === 'month' ? monthNumber(date) : weekNumber(date));
  const acquired = new Map<string, string>();
  const withRecords = new Set(data.lifecycle.map((s) => s.customer_id));
  for (const s of [...data.lifecycle].sort((a, b) => a.timestamp.localeCompare(b.timestamp))) {
    if (s.stage === 'customer' && !acquired.has(s.customer_id)) acquired.set(s.customer_id, s.timestamp.slice(0, 10));
  }
  const completed = data.orders.filter((o) => o.status === undefined).sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  for (const o of completed) if (!withRecords.has(o.customer_id) && !acquired.has(o.customer_id)) acquired.set(o.customer_id, o.timestamp.slice(0, 10));

  const members = [...acquired].filter(([id, date]) => date >= scope.from && date <= scope.to && (scope.channel === undefined || (data.channelOf.get(id) ?? '(none)') === scope.channel));
  const now = period(scope.today);
  const rows = new Map<number, { customers: Set<string>; active: Set<string>[]; revenue: number[]; survivors: number[] }>();
  for (let c = period(scope.from); c <= Math.min(period(scope.to), now); c++) {
    const length = now - c + 1;
    rows.set(c, { customers: new Set(), active: Array.from({ length }, () => new Set()), revenue: Array(length).fill(0), survivors: Array(length).fill(0) });
  }
  const cohortOf = new Map<string, number>();
  for (const [id, date] of members) {
    cohortOf.set(id, period(date));
    rows.get(period(date))!.customers.add(id);
  }
  for (const o of completed) {
    const c = cohortOf.get(o.customer_id);
    if (c === undefined) continue;
    const k = period(o.timestamp.slice(0, 10)) - c;
    if (k < 0 || k > now - c) continue;
    const row = rows.get(c)!;
    row.revenue[k] += o.revenue;
    if (scope.activity === 'purchase') row.active[k].add(o.customer_id);
  }
  for (const [id, spans] of subscriptions(data)) {
    const c = cohortOf.get(id);
    if (c === undefined) continue;
    const row = rows.get(c)!;
    for (const [from, to] of spans) {
      // Subscribed from `from` up to the churn (the churn's period included: active when it began).
      for (let p = period(from); p <= (to === null ? now : period(to)); p++) if (scope.activity === 'subscription' && p >= c && p <= now) row.active[p - c].add(id);
    }
    // A survivor of every period up to the one of their first churn (subscribed since their acquisition period).
    const [first, churn] = spans[0];
    if (period(first) !== c) continue;
    for (let k = 0; k <= now - c && (churn === null || c + k <= period(churn)); k++) row.survivors[k]++;
  }
  return [...rows].map(([c, row]) => {
    let total = 0;
    return {
      cohort: periodStartOf(c, scope.by),
      customers: row.customers.size,
      cells: row.active.map((set, k) => {
        total += row.revenue[k];
        return { active: set.size, revenue: total, survivors: row.survivors[k] };
      }),
    };
  });
}

/** Each subscriber's subscribed spans [first day, churn day or null]. */
function subscriptions(data: CohortData): Map<string, [string, string | null][]> {
  const spans = new Map<string, [string, string | null][]>();
  for (const s of [...data.lifecycle].sort((a, b) => a.timestamp.localeCompare(b.timestamp))) {
    const list = spans.get(s.customer_id) ?? [];
    const date = s.timestamp.slice(0, 10);
    if (s.stage === 'customer' || s.stage === 'reactivated') list.push([date, null]);
    else if (s.stage === 'churned' && list.length > 0) list[list.length - 1][1] = date;
    spans.set(s.customer_id, list);
  }
  return spans;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A draw from Beta(a, b): X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b) (Marsaglia and Tsang, boosted for shapes below 1). */
function betaDraw(next: () => number, a: number, b: number): number {
  const x = gammaDraw(next, a);
  return x / (x + gammaDraw(next, b));
}

function gammaDraw(next: () => number, shape: number): number {
  if (shape < 1) return gammaDraw(next, shape + 1) * Math.pow(next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const u1 = next() || 1e-12;
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * next());
    const v = Math.pow(1 + c * z, 3);
    if (v > 0 && Math.log(next() || 1e-12) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "2026-03" shifted by `months`. */
function shiftMonth(month: string, months: number): string {
  const n = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

function monthNumber(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** Weeks run Monday to Sunday, numbered from the week of Monday 1970-01-05 (day 4 since the epoch). */
function weekNumber(date: string): number {
  const time = new Date(`${date}T00:00:00Z`);
  const monday = Math.round(time.getTime() / 86_400_000) - ((time.getUTCDay() + 6) % 7);
  return (monday - 4) / 7;
}

function periodStartOf(n: number, by: 'week' | 'month'): string {
  if (by === 'month') return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-01`;
  return new Date((n * 7 + 4) * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday of a date's week. */
export function mondayOf(date: string): string {
  return periodStartOf(weekNumber(date), 'week');
}

/** The first day of the month `months` before the month of `date`. */
export function monthStart(date: string, months = 0): string {
  return `${shiftMonth(date.slice(0, 7), -months)}-01`;
}
