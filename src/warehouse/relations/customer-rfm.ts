// Customers' recency-frequency-monetary summaries (the input of the BG/NBD and
// Gamma-Gamma models), written once for every engine and aggregated there:
// only one row per customer reaches TypeScript. The definition is clv/rfm.ts
// buildRfm's: one purchase per UTC calendar day, times in days or weeks.
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { isValidDate, utcDate } from '../../core/time.js';
import type { RelationContext } from '../../sql/relations.js';
import type { RfmCounts, RfmCountsQuery, RfmQuery, RfmRow, RfmTimeUnit, Workspace } from '../warehouse.js';
import { CONVERSION_FIELDS, conversionsSql } from './conversion-credits.js';
import { completedOrders } from './customer-relations.js';
import type { RelationBuild } from './relation-build.js';

const DAY_MS = 86_400_000;
const DAYS_PER_UNIT: Record<RfmTimeUnit, number> = { day: 1, week: 7 };

/** The workspace settings the summaries read: money is converted as order_facts converts it, bots' conversions are left out. */
export type RfmSettings = Pick<RelationContext, 'currency' | 'timeZone' | 'grossMargin' | 'botFiltering'>;

/** The settings of a workspace the engine found, or a 404 for one it did not. */
export function rfmSettings(name: string, workspace: Workspace | undefined): RfmSettings {
  if (!workspace) throw new NotFoundError(`workspace "${name}" not found`);
  const { settings } = workspace;
  return { currency: settings.currency, timeZone: settings.timezone, grossMargin: settings.gross_margin, botFiltering: settings.bot_filtering };
}

/** Where purchases are read from: completed orders, or (a workspace without any order) conversion events with revenue. */
export type RfmSource = 'orders' | 'events';

/**
 * The summaries of a workspace, with `run` running a statement built for the
 * engine: from its orders; only when they give none (no orders at all, or
 * none up to the calibration end), from its conversion events, whose
 * statement yields nothing where the workspace has orders. The usual answer
 * is one statement that never reads events.
 */
export async function readCustomerRfm(
  run: (statement: (b: RelationBuild) => string) => Promise<Record<string, unknown>[]>,
  query: RfmQuery,
  settings: RfmSettings,
): Promise<RfmRow[]> {
  const fromOrders = await run((b) => customerRfmSql(b, query, settings, 'orders'));
  if (fromOrders.length > 0) return customerRfmOf(fromOrders);
  return customerRfmOf(await run((b) => customerRfmSql(b, query, settings, 'events')));
}

/**
 * One row per customer with a purchase (of `source`) on or before the
 * calibration end: p_customer, frequency, recency, age (T), monetary,
 * first_day (days since 1970-01-01) and orders. A purchase day's value is the
 * sum of its orders; monetary is the mean of the repeat days' values (exact
 * decimal sums, one division as a double), 0 for one-time buyers.
 */
export function customerRfmSql(b: RelationBuild, query: RfmQuery, settings: RfmSettings, source: RfmSource): string {
  const { h } = b;
  checkRfmQuery(query);
  const end = b.value(dayNumber(query.calibrationEnd));
  const unit = String(DAYS_PER_UNIT[query.timeUnit]);
  const purchases = source === 'orders' ? orderPurchases(b, settings) : eventPurchases(b, settings);
  const days = `SELECT p_customer, p_day, sum(p_value) AS day_value, ${h.countRows()} AS day_orders
    FROM (${purchases}) WHERE p_day <= ${end} GROUP BY p_customer, p_day`;
  const customers = `SELECT p_customer, min(p_day) AS first_day, max(p_day) AS last_day, ${h.countRows()} AS purchase_days,
      sum(day_value) AS total_value, ${h.argMin('day_value', 'p_day')} AS first_value, sum(day_orders) AS orders
    FROM (${days}) GROUP BY p_customer`;
  return `SELECT p_customer, purchase_days - 1 AS frequency, ${h.toDouble('last_day - first_day')} / ${unit} AS recency,
      ${h.toDouble(`${end} - first_day`)} / ${unit} AS age,
      CASE WHEN purchase_days > 1 THEN ${h.toDouble('total_value - first_value')} / ${h.toDouble('purchase_days - 1')} ELSE 0 END AS monetary,
      first_day, orders
    FROM (${customers})`;
}

const utcDay = (b: RelationBuild, ms: string) => b.h.intDiv(ms, String(DAY_MS));

/**
 * Completed orders as purchases (p_customer: customer_id, p_day: the UTC day
 * number, p_value ≥ 0), converted as order_facts converts them; money
 * without an fx rate is left out rather than guessed (DATA.md).
 */
function orderPurchases(b: RelationBuild, settings: RfmSettings): string {
  const { h } = b;
  return `SELECT customer_id AS p_customer, ${utcDay(b, h.epochMs('ts'))} AS p_day, ${h.notNull('revenue')} AS p_value
    FROM (${completedOrders(b, settings)}) WHERE revenue IS NOT NULL AND revenue >= 0`;
}

/** Conversions with revenue (one per order_id, bots' left out) as purchases of their person, in a workspace without orders. */
function eventPurchases(b: RelationBuild, settings: RfmSettings): string {
  const { h } = b;
  const conv = (name: (typeof CONVERSION_FIELDS)[number]) => h.field('conv', CONVERSION_FIELDS, name);
  // Where the workspace has orders, its conversions are nobody's (the condition sits in the scan of event_facts).
  const nobodyWithOrders = () => `(SELECT ${h.countRows()} FROM ${b.source('orders')}) = 0`;
  return `SELECT person_id AS p_customer, ${utcDay(b, h.epochMs(conv('ts')))} AS p_day, ${h.notNull(conv('revenue'))} AS p_value
    FROM (${conversionsSql(b, { botFiltering: settings.botFiltering, people: nobodyWithOrders })})
    WHERE ${conv('revenue')} IS NOT NULL AND ${conv('revenue')} >= 0`;
}

/**
 * One row counting the workspace's orders by what became of them: counted as
 * purchases, left out as refunded or cancelled, with negative revenue, without
 * an fx rate, after the calibration end, dated after `today` (UTC days).
 */
export function customerRfmCountsSql(b: RelationBuild, query: RfmCountsQuery, settings: RfmSettings): string {
  const { h } = b;
  checkRfmQuery({ calibrationEnd: query.calibrationEnd, timeUnit: 'day' });
  if (!isValidDate(query.today)) throw new ValidationError('invalid RFM query: today must be a date (YYYY-MM-DD)', { today: query.today });
  const end = b.value(dayNumber(query.calibrationEnd));
  const all = `SELECT order_id, coalesce(status, ${b.value('completed')}) AS o_status, ${utcDay(b, h.epochMs(h.ident('timestamp')))} AS o_day,
      revenue AS o_revenue
    FROM ${b.source('orders')}`;
  const converted = `SELECT order_id, revenue AS c_revenue FROM (${completedOrders(b, settings)})`;
  const completed = `o_status = ${b.value('completed')}`;
  const inPeriod = `o_day <= ${end}`;
  return `SELECT ${h.countRows()} AS orders,
      ${h.countIf(`${completed} AND ${inPeriod} AND c_revenue IS NOT NULL AND c_revenue >= 0`)} AS completed,
      ${h.countIf(`o_status = ${b.value('refunded')} AND ${inPeriod}`)} AS refunded,
      ${h.countIf(`o_status = ${b.value('cancelled')} AND ${inPeriod}`)} AS cancelled,
      ${h.countIf(`o_revenue < 0 AND ${inPeriod}`)} AS negative_revenue,
      ${h.countIf(`${completed} AND ${inPeriod} AND c_revenue IS NULL`)} AS without_rate,
      ${h.countIf(`${completed} AND o_day > ${end}`)} AS after_calibration_end,
      ${h.countIf(`o_day > ${b.value(dayNumber(query.today))}`)} AS future
    FROM ${h.leftJoin(all, converted, ['order_id'])}`;
}

/** The days since 1970-01-01 of a YYYY-MM-DD date. */
function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** A query the statement can be built from; the caller's fault otherwise. */
function checkRfmQuery(query: RfmQuery): void {
  const problems: string[] = [];
  if (typeof query.calibrationEnd !== 'string' || !isValidDate(query.calibrationEnd)) problems.push('calibrationEnd must be a date (YYYY-MM-DD)');
  if (!Object.hasOwn(DAYS_PER_UNIT, query.timeUnit)) problems.push(`timeUnit must be one of ${Object.keys(DAYS_PER_UNIT).join(', ')}`);
  if (problems.length > 0) throw new ValidationError(`invalid RFM query: ${problems.join('; ')}`, { problems });
}

/** The statement's rows as summaries, sorted by id as buildRfm sorts them (64-bit integers and decimals may come as text). */
export function customerRfmOf(rows: readonly Record<string, unknown>[]): RfmRow[] {
  const customers = rows.map((row) => ({
    id: String(row.p_customer),
    frequency: Number(row.frequency),
    recency: Number(row.recency),
    T: Number(row.age),
    monetary: Number(row.monetary),
    first_purchase: utcDate(Number(row.first_day) * DAY_MS),
    orders: Number(row.orders),
  }));
  return customers.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** The counts statement's row; purchases come from events when the workspace has no orders. */
export function customerRfmCountsOf(row: Record<string, unknown>): RfmCounts {
  const n = (name: string) => Number(row[name] ?? 0);
  return {
    source: n('orders') > 0 ? 'orders' : 'events',
    completed: n('completed'),
    refunded: n('refunded'),
    cancelled: n('cancelled'),
    negative_revenue: n('negative_revenue'),
    without_rate: n('without_rate'),
    after_calibration_end: n('after_calibration_end'),
    future: n('future'),
  };
}
