// The customer-level relations the metrics planner reads (lifecycle, stage
// progress, orders, new customers, status changes), written once for every
// engine. Each row
// carries its customer's acquisition: the channel and campaign of their first
// touch, else of their first lifecycle record, and that campaign's platform
// and objective. A customer's history travels as an array where a relation
// looks along it (engines without window functions or range joins read it so).
import type { RelationContext } from '../../sql/relations.js';
import { campaignAttributes } from './fact-relations.js';
import type { RelationBuild } from './relation-build.js';
import { touchesSql } from './touches.js';

const DAY_MS = 86_400_000;
/** Stages of a paying customer, and the stages that change whether one is. */
export const ACTIVE_STAGES = ['customer', 'reactivated'];
export const STATUS_STAGES = ['customer', 'reactivated', 'churned'];

/** The acquisition columns as the relations name them. */
const ACQUIRED = 'a_channel AS channel, a_campaign AS campaign_id, a_platform AS platform, a_objective AS objective';

/**
 * Per customer (`a_customer`): acquisition channel and campaign, and that
 * campaign's platform and objective. The touch is the first (setting
 * first_touch), or the last non-direct one up to the first completed order
 * (last_non_direct; all touches for someone who never bought), the first
 * when there is no such touch.
 */
function acquisitionSql(b: RelationBuild, ctx: RelationContext): string {
  const { h } = b;
  const touches = touchesSql(b, { botFiltering: ctx.botFiltering });
  const lifecycle = b.source('lifecycle');
  const at = h.ident('timestamp');
  const order = `${h.epochMs('ts')} * 2 + kind_rank`;
  const firstTouch = `SELECT person_id AS a_customer, ${h.smallInt(1)} AS has_touch, ${h.argMin('channel', order)} AS t_channel,
      ${h.argMin('campaign_id', order)} AS t_campaign
    FROM (${touches}) GROUP BY person_id`;
  const chosenTouch = ctx.acquisitionTouch === 'last_non_direct' ? lastNonDirectTouch(b, touches, firstTouch, order) : firstTouch;
  const firstRecord = `SELECT customer_id AS a_customer, ${h.argMin('channel', at)} AS l_channel, ${h.argMin('campaign_id', at)} AS l_campaign,
      coalesce(${h.argMin('campaign_id', at)}, ${b.value('')}) AS campaign_key
    FROM ${lifecycle} GROUP BY customer_id`;
  const customers = `SELECT a_customer FROM (SELECT person_id AS a_customer FROM (${touches})
      UNION ALL SELECT customer_id AS a_customer FROM ${lifecycle}) GROUP BY a_customer`;
  const withTouch = `SELECT * FROM ${h.leftJoin(customers, chosenTouch, ['a_customer'])}`;
  const withRecord = `SELECT * FROM ${h.leftJoin(withTouch, firstRecord, ['a_customer'])}`;
  const withRecordCampaign = `SELECT * FROM ${h.leftJoin(withRecord, campaignAttributes(b), ['campaign_key'])}`;
  const touched = 'coalesce(has_touch, 0) = 1';
  const campaign = `CASE WHEN ${touched} THEN t_campaign ELSE l_campaign END`;
  const acquired = `SELECT a_customer, CASE WHEN ${touched} THEN t_channel ELSE coalesce(l_channel, c_channel) END AS a_channel,
      ${campaign} AS a_campaign, coalesce(${campaign}, ${b.value('')}) AS campaign_key
    FROM (${withRecordCampaign})`;
  return `SELECT a_customer, a_channel, a_campaign, c_platform AS a_platform, c_objective AS a_objective
    FROM ${h.leftJoin(acquired, campaignAttributes(b), ['campaign_key'])}`;
}

/**
 * Per person with a touch: the channel and campaign of their last touch that
 * is not Direct up to their first completed order (t_channel, t_campaign),
 * else of their first touch.
 */
function lastNonDirectTouch(b: RelationBuild, touches: string, firstTouch: string, order: string): string {
  const { h } = b;
  const firstOrders = `SELECT customer_id AS person_id, ${h.nullable(`min(${h.ident('timestamp')})`)} AS first_order FROM ${b.source('orders')}
    WHERE coalesce(status, ${b.value('completed')}) = ${b.value('completed')} GROUP BY customer_id`;
  const beforeOrder = `SELECT person_id, ${h.argMax('channel', order)} AS n_channel, ${h.argMax('campaign_id', order)} AS n_campaign, ${h.smallInt(1)} AS has_non_direct
    FROM ${h.leftJoin(`(${touches})`, firstOrders, ['person_id'])}
    WHERE coalesce(channel, ${b.value('Direct')}) <> ${b.value('Direct')} AND (first_order IS NULL OR ts <= first_order)
    GROUP BY person_id`;
  const nonDirect = `SELECT person_id AS a_customer, n_channel, n_campaign, has_non_direct FROM (${beforeOrder})`;
  const both = `SELECT * FROM ${h.leftJoin(firstTouch, nonDirect, ['a_customer'])}`;
  const found = 'coalesce(has_non_direct, 0) = 1';
  return `SELECT a_customer, has_touch, CASE WHEN ${found} THEN n_channel ELSE t_channel END AS t_channel,
      CASE WHEN ${found} THEN n_campaign ELSE t_campaign END AS t_campaign
    FROM (${both})`;
}

/**
 * Survey answers by channel and campaign: the answer's own campaign when it
 * names one, else the respondent's acquisition — the customer_id, else the
 * person their anonymous_id was stitched to, else that anonymous_id.
 */
export function surveyFacts(b: RelationBuild, ctx: RelationContext): string {
  const { h } = b;
  const answers = `SELECT ${h.ident('timestamp')} AS ts, kind, score, customer_id, anonymous_id, campaign_id,
      coalesce(campaign_id, ${b.value('')}) AS campaign_key
    FROM ${b.source('surveys')}`;
  const stitched = `SELECT anonymous_id, user_id AS stitched_user FROM identities WHERE workspace_id = ${b.ws}`;
  const withPerson = `SELECT ts, kind, score, customer_id, campaign_id, campaign_key, coalesce(customer_id, stitched_user, anonymous_id) AS a_customer
    FROM ${h.leftJoin(answers, stitched, ['anonymous_id'])}`;
  const withCampaign = `SELECT * FROM ${h.leftJoin(withPerson, campaignAttributes(b), ['campaign_key'])}`;
  const own = 'campaign_id IS NOT NULL';
  return `SELECT ts, kind, score, customer_id, CASE WHEN ${own} THEN campaign_id ELSE a_campaign END AS campaign_id,
      CASE WHEN ${own} THEN c_channel ELSE a_channel END AS channel, CASE WHEN ${own} THEN c_platform ELSE a_platform END AS platform,
      CASE WHEN ${own} THEN c_objective ELSE a_objective END AS objective
    FROM (${withAcquisition(b, ctx, withCampaign)})`;
}

/** `rows` (customer in column a_customer) with their customer's acquisition. */
function withAcquisition(b: RelationBuild, ctx: RelationContext, rows: string): string {
  return `SELECT * FROM ${b.h.leftJoin(rows, acquisitionSql(b, ctx), ['a_customer'])}`;
}

export function lifecycleFacts(b: RelationBuild, ctx: RelationContext): string {
  const rows = `SELECT ${b.h.ident('timestamp')} AS ts, customer_id, customer_id AS a_customer, stage, mrr FROM ${b.source('lifecycle')}`;
  return `SELECT ts, customer_id, stage, mrr, ${ACQUIRED} FROM (${withAcquisition(b, ctx, rows)})`;
}

/** Leads and MQLs with whether the customer reached the customer / SQL stage within the window. */
export function stageProgressFacts(b: RelationBuild, ctx: RelationContext): string {
  const { h } = b;
  const at = h.ident('timestamp');
  const stages = `SELECT customer_id AS a_customer, ${h.arrayAggIf(at, `stage = ${b.value('customer')}`)} AS customer_ts,
      ${h.arrayAggIf(at, `stage = ${b.value('sql')}`)} AS sql_ts
    FROM ${b.source('lifecycle')} GROUP BY customer_id`;
  const leads = `SELECT ts, customer_id, customer_id AS a_customer, stage, mrr, channel, campaign_id, platform, objective
    FROM (${lifecycleFacts(b, ctx)}) WHERE stage IN (${b.value('lead')}, ${b.value('mql')})`;
  const reached = (array: string) =>
    h.arrayExists(array, {
      outer: { from: 'ts' },
      body: (x, o) => `${x} >= ${o.from} AND ${h.minusMs(x, b.value(ctx.stageWindowDays * DAY_MS))} <= ${o.from}`,
    });
  return `SELECT ts, customer_id, stage, mrr, channel, campaign_id, platform, objective,
      ${reached('customer_ts')} AS reached_customer, ${reached('sql_ts')} AS reached_sql
    FROM ${h.leftJoin(leads, stages, ['a_customer'])}`;
}

/** Completed orders: revenue in the workspace currency (at the rate of the order's local date) and margin. */
export function completedOrders(b: RelationBuild, ctx: Pick<RelationContext, 'currency' | 'timeZone' | 'grossMargin'>): string {
  const { h } = b;
  const orders = `SELECT order_id, customer_id, ${h.ident('timestamp')} AS ts, revenue AS o_revenue, currency AS o_currency, gross_margin
    FROM ${b.source('orders')} WHERE coalesce(status, ${b.value('completed')}) = ${b.value('completed')}`;
  const withRate = h.latestAtOrBefore(
    orders,
    `SELECT * FROM ${b.source('fx_rates')}`,
    { leftKey: 'o_currency', rightKey: 'currency', leftTime: h.localDay('ts', b.value(ctx.timeZone)), rightTime: h.day(h.ident('date')) },
    'rate',
    'fx_rate',
  );
  return `SELECT order_id, customer_id, ts, ${h.convertMoney('o_revenue', 'o_currency', 'fx_rate', b.value(ctx.currency))} AS revenue,
      coalesce(gross_margin, ${b.value(ctx.grossMargin)}) AS margin
    FROM (${withRate})`;
}

export function orderFacts(b: RelationBuild, ctx: RelationContext): string {
  const rows = `SELECT ts, order_id, customer_id, customer_id AS a_customer, revenue FROM (${completedOrders(b, ctx)})`;
  return `SELECT ts, order_id, customer_id, revenue, ${ACQUIRED} FROM (${withAcquisition(b, ctx, rows)})`;
}

/**
 * New customers: the first `customer` stage, or (for customers without any
 * lifecycle record) the first completed order; with their margin (a double)
 * over their whole history and over their first 365 days.
 */
export function customerFacts(b: RelationBuild, ctx: RelationContext): string {
  const { h } = b;
  const orders = completedOrders(b, ctx);
  const acquired = acquisitionTimes(b);
  const fields = ['ts', 'value'];
  const orderValue = h.pack(fields, (name) => (name === 'ts' ? 'ts' : `${h.toDouble(h.notNull('revenue'))} * margin`));
  const values = `SELECT customer_id AS a_customer, ${h.arrayAgg(orderValue, [])} AS order_values
    FROM (${orders}) WHERE revenue IS NOT NULL GROUP BY customer_id`;
  const withValues = `SELECT * FROM ${h.leftJoin(acquired, values, ['a_customer'])}`;
  const at = (o: string) => h.field(o, fields, 'ts');
  const firstYear = h.arrayFilter('order_values', {
    outer: { start: 'ts' },
    body: (o, x) => `${at(o)} >= ${x.start} AND ${h.minusMs(at(o), b.value(365 * DAY_MS))} < ${x.start}`,
  });
  const total = (array: string) => `coalesce(${h.arraySum(h.arrayMap(array, { body: (o) => h.field(o, fields, 'value') }))}, 0)`;
  const valued = `SELECT ts, a_customer, ${total('order_values')} AS lifetime_value, ${total(firstYear)} AS first_year_value FROM (${withValues})`;
  return `SELECT ts, a_customer AS customer_id, lifetime_value, first_year_value, ${ACQUIRED} FROM (${withAcquisition(b, ctx, valued)})`;
}

/**
 * New customers as customer_facts counts them (ts, customer_id and their
 * acquisition), without the value of their orders: what cohorts group.
 */
export function acquiredCustomers(b: RelationBuild, ctx: RelationContext): string {
  return `SELECT ts, a_customer AS customer_id, ${ACQUIRED} FROM (${withAcquisition(b, ctx, acquisitionTimes(b))})`;
}

/** When each customer was acquired (a_customer, ts): the first `customer` stage, or without lifecycle records the first completed order. */
function acquisitionTimes(b: RelationBuild): string {
  const { h } = b;
  const lifecycle = b.source('lifecycle');
  const at = h.ident('timestamp');
  return `SELECT customer_id AS a_customer, min(${at}) AS ts FROM ${lifecycle} WHERE stage = ${b.value('customer')} GROUP BY customer_id
    UNION ALL
    SELECT customer_id AS a_customer, min(${at}) AS ts FROM ${b.source('orders')}
    WHERE coalesce(status, ${b.value('completed')}) = ${b.value('completed')} AND customer_id NOT IN (SELECT customer_id FROM ${lifecycle})
    GROUP BY customer_id`;
}

/**
 * Changes of each customer's status (active or not) and MRR, as deltas at the
 * time of each lifecycle record: a customer's records sorted by time and
 * stage, their MRR the last one known up to each active record (0 when
 * inactive), each compared with the record before it.
 */
export function customerStatusFacts(b: RelationBuild, ctx: RelationContext): string {
  const { h } = b;
  const list = (stages: readonly string[]) => stages.map((s) => b.value(s)).join(', ');
  const active = (stage: string) => `CASE WHEN ${stage} IN (${list(ACTIVE_STAGES)}) THEN 1 ELSE 0 END`;
  const fields = ['ts', 'stage', 'mrr'];
  const at = h.ident('timestamp');
  const perCustomer = `SELECT customer_id AS a_customer, ${h.arrayAgg(h.pack(fields, (n) => (n === 'ts' ? at : n)), [at, 'stage'])} AS entries
    FROM ${b.source('lifecycle')} WHERE stage IN (${list(STATUS_STAGES)}) GROUP BY customer_id`;
  const stageOf = (entry: string) => h.field(entry, fields, 'stage');
  const lastKnownMrr = (entries: string, i: string) => {
    const mrrs = h.arrayMap(entries, { element: 'm', body: (e) => h.field(e, fields, 'mrr') });
    const known = h.arrayFilter(h.arrayHead(mrrs, i), { element: 'v', body: (v) => `${v} IS NOT NULL` });
    return `coalesce(${h.arrayAt(known, '-1')}, ${h.zeroMoney()})`;
  };
  const mrrNow = h.arrayMap(h.arrayIndexes('entries'), {
    element: 'i',
    outer: { es: 'entries' },
    body: (i, o) => `CASE WHEN ${active(stageOf(h.arrayAt(o.es, i)))} = 1 THEN ${lastKnownMrr(o.es, i)} ELSE ${h.zeroMoney()} END`,
  });
  const series = `SELECT a_customer, entries, ${h.arrayMap('entries', { element: 'e', body: (e) => active(stageOf(e)) })} AS active_now,
      ${mrrNow} AS mrr_now
    FROM (${perCustomer})`;
  const shifted = `SELECT a_customer, entries, active_now, mrr_now, ${h.arrayShiftRight('active_now', '0')} AS active_before,
      ${h.arrayShiftRight('mrr_now', h.zeroMoney())} AS mrr_before
    FROM (${series})`;
  const rows = h.arrayJoin(shifted, ['a_customer'], {
    entry: 'entries',
    active_cur: 'active_now',
    active_prev: 'active_before',
    mrr_cur: 'mrr_now',
    mrr_prev: 'mrr_before',
  });
  const deltas = `SELECT a_customer, ${h.field('entry', fields, 'ts')} AS ts, mrr_cur - mrr_prev AS mrr_delta, active_cur - active_prev AS active_delta
    FROM (${rows})`;
  return `SELECT ts, a_customer AS customer_id, ${ACQUIRED}, mrr_delta, active_delta FROM (${withAcquisition(b, ctx, deltas)})`;
}
