// Acquisition cohorts, written once for every engine and aggregated there:
// only (cohort, key, period) aggregates and cohort sizes reach TypeScript.
// A customer's cohort is the period of their acquisition as customer_facts
// defines it (first `customer` stage, else first completed order: the
// relation acquiredCustomers), their key the channel or campaign they were
// acquired through. Each customer
// travels as one row with their orders and lifecycle status records as
// arrays, unrolled into the periods where something happened.
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { periodIndex, periodStart, type PeriodGrain } from '../../core/period-index.js';
import { addDays, isValidDate } from '../../core/time.js';
import { zoneMidnight } from '../../core/zone-midnight.js';
import type { RelationContext } from '../../sql/relations.js';
import type { CohortActivity, CohortQuery, Workspace } from '../warehouse.js';
import { ACTIVE_STAGES, acquiredCustomers, completedOrders, STATUS_STAGES } from './customer-relations.js';
import type { RelationBuild } from './relation-build.js';

/** The key of a customer acquired without a channel or campaign. */
export const NO_KEY = '(none)';

const GRAINS: readonly PeriodGrain[] = ['week', 'month'];
const ACTIVITIES = ['purchase', 'subscription'];
const DIMENSIONS = { channel: 'channel', campaign: 'campaign_id' } as const;
/** A period's orders of a customer, and a lifecycle status record (its period, and 1 when it makes the customer active). */
const ORDER_FIELDS = ['period', 'value'];
const STATUS_FIELDS = ['period', 'active'];
/** Records at the same time sort by stage, as customer_status_facts sorts them. */
const STAGE_ORDER = 'stage';

/**
 * The settings customer_facts and completed orders read, from a workspace the
 * engine found, or a 404 for one it did not. Neither reads the attribution or
 * the stage window: those are the metric queries' defaults.
 */
export function cohortContext(name: string, workspace: Workspace | undefined): RelationContext {
  if (!workspace) throw new NotFoundError(`workspace "${name}" not found`);
  const { settings } = workspace;
  return {
    workspace: name,
    currency: settings.currency,
    timeZone: settings.timezone,
    grossMargin: settings.gross_margin,
    botFiltering: settings.bot_filtering,
    attribution: { model: 'last_non_direct', lookback_days: settings.lookback_days },
    storedLookbackDays: settings.lookback_days,
    stageWindowDays: 90,
    acquisitionTouch: settings.acquisition_touch,
  };
}

/** What a row unrolled from a customer stands for: the customer (in their cohort's period), a period with orders, a later period of a subscriber. */
const MEMBER = 1;
const ORDERS = 2;
const LATER = 3;

/**
 * One row per cohort (c_index), key (d_key) and period since acquisition
 * (period) with any customer active in it: customers (members, counted in
 * period 0), churners (members with a churned record, period 0), purchasers,
 * subscribers, survivors and revenue (a double). Periods run from the
 * cohort's to the one holding `through`.
 */
export function cohortActivitySql(b: RelationBuild, query: CohortQuery, ctx: RelationContext): string {
  const { h } = b;
  checkCohortQuery(query);
  const index = (instant: string) => h.periodIndex(h.localDay(instant, b.value(ctx.timeZone)), query.by);
  const s = (x: string, name: string) => h.field(x, STATUS_FIELDS, name);
  const inStatus = (test: (e: string, p: string) => string) =>
    h.arrayExists(h.arrayOrEmpty('s_entries'), { element: 'e', outer: { at: 'p' }, body: (e, x) => test(e, x.at) });
  const statusBefore = h.arrayAt(h.arrayFilter(h.arrayOrEmpty('s_entries'), { element: 'e', outer: { at: 'p' }, body: (e, x) => `${s(e, 'period')} < ${x.at}` }), '-1');
  const subscribed = `(${inStatus((e, p) => `${s(e, 'period')} = ${p} AND ${s(e, 'active')} = 1`)} OR coalesce(${s(statusBefore, 'active')}, 0) = 1)`;
  const survived = `${h.arrayNotEmpty('s_entries')} AND NOT ${inStatus((e, p) => `${s(e, 'active')} = 0 AND ${s(e, 'period')} < ${p}`)}`;
  const churned = `${h.arrayNotEmpty('s_entries')} AND ${inStatus((e) => `${s(e, 'active')} = 0`)}`;
  const kind = (k: number) => `kind = ${h.smallInt(k)}`;
  const statusRow = `kind <> ${h.smallInt(ORDERS)}`;
  const subscription = query.activity === 'subscription';
  return `SELECT c_index, p - c_index AS period, d_key,
      ${h.countIf(kind(MEMBER))} AS customers,
      ${h.countIf(`${kind(MEMBER)} AND ${churned}`)} AS churners,
      ${h.countIf(kind(ORDERS))} AS purchasers,
      ${subscription ? h.countIf(`${statusRow} AND ${subscribed}`) : '0'} AS subscribers,
      ${subscription ? h.countIf(`${statusRow} AND ${survived}`) : '0'} AS survivors,
      sum(CASE WHEN ${kind(ORDERS)} THEN ${h.arrayAt('o_values', 'i - 1')} ELSE 0 END) AS revenue
    FROM (${unrolledRows(b, query, ctx, index)}) WHERE p >= c_index GROUP BY c_index, period, d_key`;
}

/**
 * Each cohort customer unrolled into rows (p: a period, kind, i: the row's
 * place): one for the customer in their cohort's period, one per period of
 * their orders (their value at o_values[i − 1]), and with subscription
 * activity, for a customer with status records, one per later period to `through`.
 */
function unrolledRows(b: RelationBuild, query: CohortQuery, ctx: RelationContext, index: (instant: string) => string): string {
  const { h } = b;
  const first = b.value(periodIndex(query.from, query.by));
  const last = b.value(periodIndex(query.through, query.by));
  const o = (x: string, name: string) => h.field(x, ORDER_FIELDS, name);
  const customers = `SELECT * FROM (${acquired(b, query, ctx, index)}) WHERE c_index <= ${last}`;
  const orderPeriods = `SELECT a_customer, o_period, sum(o_value) AS o_value
    FROM (SELECT customer_id AS a_customer, ${index('ts')} AS o_period,
            CASE WHEN revenue IS NULL THEN 0 ELSE ${h.toDouble(h.notNull('revenue'))} END AS o_value
          FROM (${completedOrders(b, ctx)}))
    WHERE o_period >= ${first} AND o_period <= ${last} GROUP BY a_customer, o_period`;
  const orders = `SELECT a_customer, ${h.arrayAgg(h.pack(ORDER_FIELDS, (n) => (n === 'period' ? 'o_period' : 'o_value')), [])} AS o_entries
    FROM (${orderPeriods}) GROUP BY a_customer`;
  const at = h.ident('timestamp');
  const list = (stages: readonly string[]) => stages.map((stage) => b.value(stage)).join(', ');
  const statusOf = (name: string) => (name === 'period' ? index(at) : `CASE WHEN stage IN (${list(ACTIVE_STAGES)}) THEN 1 ELSE 0 END`);
  const statuses = `SELECT customer_id AS a_customer, ${h.arrayAgg(h.pack(STATUS_FIELDS, statusOf), [at, STAGE_ORDER])} AS s_entries
    FROM ${b.source('lifecycle')} WHERE stage IN (${list(STATUS_STAGES)}) GROUP BY customer_id`;
  const joined = `SELECT * FROM ${h.leftJoin(`SELECT * FROM ${h.leftJoin(customers, orders, ['a_customer'])}`, statuses, ['a_customer'])}`;
  const entries = h.arrayOrEmpty('o_entries');
  const split = `SELECT c_index, d_key, s_entries, ${h.arrayMap(entries, { element: 'e', body: (e) => o(e, 'period') })} AS o_periods,
      ${h.arrayMap(entries, { element: 'e', body: (e) => o(e, 'value') })} AS o_values
    FROM (${joined})`;
  let periods = h.arrayConcat(h.arrayOf(['c_index']), 'o_periods');
  let kinds = h.arrayConcat(h.arrayOf([h.smallInt(MEMBER)]), h.arrayMap('o_periods', { element: 'x', body: () => h.smallInt(ORDERS) }));
  if (query.activity === 'subscription') {
    const count = `CASE WHEN ${h.arrayNotEmpty('s_entries')} THEN ${last} - c_index ELSE 0 END`;
    const later = h.arrayMap(h.arrayRange(count), { element: 'k', outer: { c: 'c_index' }, body: (k, x) => `${x.c} + 1 + ${k}` });
    periods = h.arrayConcat(periods, later);
    kinds = h.arrayConcat(kinds, h.arrayMap(later, { element: 'x', body: () => h.smallInt(LATER) }));
  }
  const spread = `SELECT c_index, d_key, s_entries, o_values, ${periods} AS periods, ${kinds} AS kinds FROM (${split})`;
  return h.arrayJoin(spread, ['c_index', 'd_key', 's_entries', 'o_values'], { p: 'periods', kind: 'kinds', i: h.arrayIndexes('periods') });
}

/** The customers acquired in the query's dates (and channel): a_customer, c_index (their cohort) and d_key. */
function acquired(b: RelationBuild, query: CohortQuery, ctx: RelationContext, index: (instant: string) => string): string {
  const { h } = b;
  const ms = h.epochMs('ts');
  const start = b.value(zoneMidnight(query.from, ctx.timeZone));
  const end = b.value(zoneMidnight(addDays(query.to, 1), ctx.timeZone));
  const keyOf = (column: string) => `coalesce(${column}, ${b.value(NO_KEY)})`;
  const key = query.dimension ? keyOf(DIMENSIONS[query.dimension]) : b.value('');
  const channel = query.channel === undefined || query.channel === null ? '' : ` AND ${keyOf('channel')} = ${b.value(query.channel)}`;
  return `SELECT customer_id AS a_customer, ${index('ts')} AS c_index, ${key} AS d_key
    FROM (${acquiredCustomers(b, ctx)}) WHERE ${ms} >= ${start} AND ${ms} < ${end}${channel}`;
}

/** A query the statement can be built from; the caller's fault otherwise. */
function checkCohortQuery(query: CohortQuery): void {
  const problems: string[] = [];
  if (!GRAINS.includes(query.by)) problems.push(`by must be one of ${GRAINS.join(', ')}`);
  if (![query.from, query.to, query.through].every((d) => typeof d === 'string' && isValidDate(d))) problems.push('from, to and through must be dates (YYYY-MM-DD)');
  else if (query.from > query.to) problems.push('from must not be after to');
  if (!ACTIVITIES.includes(query.activity)) problems.push(`activity must be one of ${ACTIVITIES.join(', ')}`);
  if (query.dimension !== undefined && query.dimension !== null && !Object.hasOwn(DIMENSIONS, query.dimension)) {
    problems.push(`dimension must be one of ${Object.keys(DIMENSIONS).join(', ')}`);
  }
  if (query.channel !== undefined && query.channel !== null && typeof query.channel !== 'string') problems.push('channel must be text');
  if (problems.length > 0) throw new ValidationError(`invalid cohort query: ${problems.join('; ')}`, { problems });
}

/** The statement's rows as cohort sizes and periods (64-bit integers may come as text), sorted by cohort, key and period. */
export function cohortActivityOf(rows: readonly Record<string, unknown>[], query: Pick<CohortQuery, 'by' | 'dimension'>): CohortActivity {
  const keyed = rows.map((row) => ({
    cohort: periodStart(Number(row.c_index), query.by),
    key: query.dimension ? String(row.d_key) : null,
    period: Number(row.period),
    row,
  }));
  keyed.sort((x, y) => compare(x.cohort, y.cohort) || compare(x.key ?? '', y.key ?? '') || x.period - y.period);
  const n = (row: Record<string, unknown>, name: string) => Number(row[name] ?? 0);
  return {
    cohorts: keyed.filter((r) => r.period === 0).map(({ cohort, key, row }) => ({ cohort, key, customers: n(row, 'customers'), churners: n(row, 'churners') })),
    periods: keyed.map(({ cohort, key, period, row }) => ({
      cohort,
      key,
      period,
      purchasers: n(row, 'purchasers'),
      subscribers: n(row, 'subscribers'),
      survivors: n(row, 'survivors'),
      revenue: n(row, 'revenue'),
    })),
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
