// ClickHouse customer-level relations (lifecycle, stage progress, orders, new
// customers, status changes), each with the customer's acquisition channel,
// campaign, platform and objective. A customer's history is an array: stage
// progress looks for later stages in it, status changes take differences
// between consecutive entries (DuckDB: lag and last_value IGNORE NULLS).
import { convertedMoney, fxByCurrency, lambdaCall } from './clickhouse-derive-sql.js';
import { dayNumber, localMillis } from '../../sql/clickhouse/clickhouse-time-sql.js';
import { currentRows } from './clickhouse-source-reads.js';
import { ACQUIRED, withAcquisition, type ChBuild } from './clickhouse-relations-common.js';

const ACTIVE = `('customer', 'reactivated')`;
const STATUS = `('customer', 'reactivated', 'churned')`;

export function lifecycleFacts(b: ChBuild): string {
  const rows = `SELECT \`timestamp\` AS ts, customer_id, customer_id AS a_customer, stage, mrr FROM ${currentRows('lifecycle', b.ctx.workspace)}`;
  return `SELECT ts, customer_id, stage, mrr, ${ACQUIRED} FROM (${withAcquisition(b, rows)})`;
}

/** Leads and MQLs with whether the customer reached the customer / SQL stage within the window. */
export function stageProgressFacts(b: ChBuild): string {
  const windowMs = b.literal(b.ctx.stageWindowDays * 86_400_000);
  const stages = `SELECT customer_id AS a_customer, groupArrayIf(\`timestamp\`, stage = 'customer') AS customer_ts,
      groupArrayIf(\`timestamp\`, stage = 'sql') AS sql_ts FROM ${currentRows('lifecycle', b.ctx.workspace)} GROUP BY customer_id`;
  const leads = `SELECT ts, customer_id, customer_id AS a_customer, stage, mrr, channel, campaign_id, platform, objective
    FROM (${lifecycleFacts(b)}) WHERE stage IN ('lead', 'mql')`;
  const reached = (array: string) => lambdaCall('arrayExists', array, 'x', { from: 'ts', width: windowMs }, 'x >= from AND x <= from + width');
  return `SELECT ts, customer_id, stage, mrr, channel, campaign_id, platform, objective,
      ${reached('customer_ts')} AS reached_customer, ${reached('sql_ts')} AS reached_sql
    FROM (${leads}) AS l ANY LEFT JOIN (${stages}) AS r USING a_customer`;
}

/** Completed orders: revenue in the workspace currency (rate of the order's local date) and margin. */
function completedOrders(b: ChBuild): string {
  const cur = b.literal(b.ctx.currency);
  const tz = b.literal(b.ctx.timeZone);
  const orders = `SELECT order_id, customer_id, \`timestamp\` AS ts, revenue AS o_revenue, currency AS o_currency, gross_margin,
      ifNull(currency, '') AS k_currency, ${dayNumber(localMillis('`timestamp`', tz))} AS local_day
    FROM ${currentRows('orders', b.ctx.workspace)} WHERE ifNull(status, 'completed') = 'completed'`;
  return `SELECT order_id, customer_id, ts, ${convertedMoney('o_revenue', 'o_currency', 'fx', 'local_day', cur)} AS revenue,
      ifNull(gross_margin, ${b.literal(b.ctx.grossMargin)}) AS margin
    FROM (${orders}) AS l ANY LEFT JOIN (${fxByCurrency(b.ctx.workspace)}) AS r USING k_currency`;
}

export function orderFacts(b: ChBuild): string {
  const rows = `SELECT ts, order_id, customer_id, customer_id AS a_customer, revenue FROM (${completedOrders(b)})`;
  return `SELECT ts, order_id, customer_id, revenue, ${ACQUIRED} FROM (${withAcquisition(b, rows)})`;
}

/**
 * New customers: the first `customer` stage, or (for customers without any
 * lifecycle record) the first completed order; with their margin over their
 * whole history and over their first 365 days (a double, as in DuckDB).
 */
export function customerFacts(b: ChBuild): string {
  const lifecycle = currentRows('lifecycle', b.ctx.workspace);
  const acquired = `SELECT customer_id AS a_customer, min(\`timestamp\`) AS ts FROM ${lifecycle} WHERE stage = 'customer' GROUP BY customer_id
    UNION ALL
    SELECT customer_id AS a_customer, min(ts) AS ts FROM (${completedOrders(b)})
    WHERE customer_id NOT IN (SELECT customer_id FROM ${lifecycle}) GROUP BY customer_id`;
  const values = `SELECT customer_id AS a_customer, groupArray(tuple(ts, toFloat64(assumeNotNull(revenue)) * margin)) AS order_values,
      toUInt8(1) AS has_orders
    FROM (${completedOrders(b)}) WHERE isNotNull(revenue) GROUP BY customer_id`;
  const withValues = `SELECT * FROM (${acquired}) AS l ANY LEFT JOIN (${values}) AS r USING a_customer`;
  const firstYear = lambdaCall('arrayFilter', 'order_values', 'o', { start: 'ts' }, 'tupleElement(o, 1) >= start AND tupleElement(o, 1) < start + 31536000000');
  const valued = `SELECT ts, a_customer, if(has_orders = 1, arraySum(arrayMap(o -> tupleElement(o, 2), order_values)), 0) AS lifetime_value,
      if(has_orders = 1, arraySum(arrayMap(o -> tupleElement(o, 2), ${firstYear})), 0) AS first_year_value
    FROM (${withValues})`;
  return `SELECT ts, a_customer AS customer_id, lifetime_value, first_year_value, ${ACQUIRED} FROM (${withAcquisition(b, valued)})`;
}

/** Changes of each customer's status (active or not) and MRR, as deltas at the time of the change. */
export function customerStatusFacts(b: ChBuild): string {
  const entry = `tuple(\`timestamp\`, stage, mrr)`;
  const perCustomer = `SELECT customer_id AS a_customer, arraySort(e -> (tupleElement(e, 1), tupleElement(e, 2)), groupArray(${entry})) AS entries
    FROM ${currentRows('lifecycle', b.ctx.workspace)} WHERE stage IN ${STATUS} GROUP BY customer_id`;
  const mrrs = `arrayMap(e -> toNullable(CAST(tupleElement(e, 3) AS Nullable(Decimal(18, 6)))), entries)`;
  const lastKnown = lambdaCall('arrayMap', 'arrayEnumerate(entries)', 'i', { m: mrrs },
    `ifNull(arrayElement(arrayFilter(v -> isNotNull(v), arraySlice(m, 1, i)), -1), toDecimal64(0, 6))`);
  const series = `SELECT a_customer, entries,
      arrayMap(e -> toInt64(tupleElement(e, 2) IN ${ACTIVE}), entries) AS active_now,
      arrayMap((e, known) -> if(tupleElement(e, 2) IN ${ACTIVE}, known, toDecimal64(0, 6)), entries, ${lastKnown}) AS mrr_now
    FROM (${perCustomer})`;
  const deltas = `SELECT a_customer, tupleElement(entry, 1) AS ts, mrr_cur - mrr_prev AS mrr_delta, active_cur - active_prev AS active_delta
    FROM (SELECT a_customer, entries, active_now, mrr_now,
            arrayPopBack(arrayPushFront(active_now, toInt64(0))) AS active_before,
            arrayPopBack(arrayPushFront(mrr_now, toDecimal64(0, 6))) AS mrr_before
          FROM (${series}))
    ARRAY JOIN entries AS entry, active_now AS active_cur, active_before AS active_prev, mrr_now AS mrr_cur, mrr_before AS mrr_prev`;
  return `SELECT ts, a_customer AS customer_id, ${ACQUIRED}, mrr_delta, active_delta FROM (${withAcquisition(b, deltas)})`;
}
