// DuckDB definitions of the relations the metrics planner reads (their
// columns are documented in metrics/facts.ts). Each is a subquery over the
// stored tables of one workspace; values enter only as parameters.
import type { Scalar } from '../../sql/ast.js';
import type { Select } from '../../sql/ast.js';
import type { Statement } from '../../sql/dialect.js';
import { duckdbDialect } from '../../sql/duckdb/duckdb-dialect.js';
import { duckdbHooks } from '../../sql/duckdb/duckdb-hooks.js';
import type { RelationBuild } from '../relations/relation-build.js';
import { conversionCreditRows } from '../relations/conversion-credits.js';
import { adFacts, campaignNames, eventFacts, scrollFacts, sessionFacts, surveyFacts } from '../relations/fact-relations.js';
import { selectRowsSql } from '../relations/insert-select.js';
import { touchesSql } from '../relations/touches.js';
import { CONVERSION_CREDITS } from '../tables.js';
import type { RelationContext, RelationName } from '../../sql/relations.js';

type Param = (value: Scalar) => string;

export interface Build {
  ctx: RelationContext;
  ws: string;
  p: Param;
}

const ACTIVE_STAGES = `('customer', 'reactivated')`;
const STATUS_STAGES = `('customer', 'reactivated', 'churned')`;

const campaigns = ({ ws }: Build) =>
  `(SELECT campaign_id, name, platform, channel, objective FROM campaigns WHERE workspace_id = ${ws})`;

const fxRates = ({ ws }: Build) => `(SELECT currency, "date", rate FROM fx_rates WHERE workspace_id = ${ws})`;

/**
 * Money in the workspace currency: the amount itself, or amount × the rate of
 * its date (NULL when no rate is known), in decimal arithmetic rounded half
 * away from zero to 6 places, so every engine gets the same cents.
 */
const converted = (amount: string, currency: string, rate: string, cur: string) =>
  `CASE WHEN ${amount} IS NULL THEN NULL WHEN coalesce(${currency}, ${cur}) = ${cur} THEN ${amount}
        ELSE CAST(${amount} * CAST(${rate} AS DECIMAL(38,12)) AS DECIMAL(18,6)) END`;

const localDate = (column: string, tz: string) => `CAST(timezone(${tz}, CAST(${column} AS TIMESTAMPTZ)) AS DATE)`;

/** The shared relations (src/warehouse/relations) built for DuckDB: values as parameters, rows of one workspace. */
export function relationBuild(b: Build): RelationBuild {
  return { h: duckdbHooks, value: b.p, ws: b.ws, source: (name) => `(SELECT * FROM ${name} WHERE workspace_id = ${b.ws})` };
}

function touches(b: Build, personScope = ''): string {
  const people = personScope ? (column: string) => `${column} IN ${personScope}` : undefined;
  return touchesSql(relationBuild(b), { botFiltering: b.ctx.botFiltering, people });
}

/** Credits are stored for the workspace's own lookback; any other lookback is computed on the fly. */
function conversionFacts(b: Build): string {
  const { attribution, storedLookbackDays, botFiltering } = b.ctx;
  if (attribution.lookback_days !== storedLookbackDays) {
    const rows = conversionCreditRows(relationBuild(b), { botFiltering, lookbackDays: attribution.lookback_days, models: [attribution.model] });
    return selectRowsSql(duckdbHooks, CONVERSION_CREDITS, rows, ['workspace_id', 'model']);
  }
  return `SELECT * EXCLUDE (workspace_id, model) FROM conversion_credits WHERE workspace_id = ${b.ws} AND model = ${b.p(b.ctx.attribution.model)}`;
}

/** Each customer's acquisition channel and campaign: their first touch, else their first lifecycle record. */
function acquisition(b: Build): string {
  return `SELECT coalesce(t.customer_id, l.customer_id) AS customer_id,
      CASE WHEN t.customer_id IS NOT NULL THEN t.channel ELSE coalesce(l.channel, lc.channel) END AS channel,
      CASE WHEN t.customer_id IS NOT NULL THEN t.campaign_id ELSE l.campaign_id END AS campaign_id
    FROM (SELECT person_id AS customer_id, arg_min(channel, epoch_ms(ts) * 2 + kind_rank) AS channel,
            arg_min(campaign_id, epoch_ms(ts) * 2 + kind_rank) AS campaign_id
          FROM (${touches(b)}) GROUP BY person_id) t
    FULL OUTER JOIN (SELECT customer_id, arg_min(channel, "timestamp") AS channel, arg_min(campaign_id, "timestamp") AS campaign_id
          FROM lifecycle WHERE workspace_id = ${b.ws} GROUP BY customer_id) l ON l.customer_id = t.customer_id
    LEFT JOIN ${campaigns(b)} lc ON lc.campaign_id = l.campaign_id`;
}

/** Columns every customer-level relation carries: acquisition channel and campaign, and the campaign's platform and objective. */
const acquiredBy = (alias: string) => `${alias}.channel, ${alias}.campaign_id, ${alias}_c.platform, ${alias}_c.objective`;
const joinAcquisition = (b: Build, key: string, alias = 'a') =>
  `LEFT JOIN (${acquisition(b)}) ${alias} ON ${alias}.customer_id = ${key}
   LEFT JOIN ${campaigns(b)} ${alias}_c ON ${alias}_c.campaign_id = ${alias}.campaign_id`;

function lifecycleFacts(b: Build): string {
  return `SELECT l."timestamp" AS ts, l.customer_id, l.stage, l.mrr, ${acquiredBy('a')}
    FROM lifecycle l ${joinAcquisition(b, 'l.customer_id')}
    WHERE l.workspace_id = ${b.ws}`;
}

/** Leads and MQLs with whether the customer reached the next milestone within the window. */
function stageProgressFacts(b: Build): string {
  const window = `to_days(CAST(${b.p(b.ctx.stageWindowDays)} AS INTEGER))`;
  const reached = (stage: string) =>
    `EXISTS (SELECT 1 FROM lifecycle x WHERE x.workspace_id = ${b.ws} AND x.customer_id = l.customer_id
       AND x.stage = '${stage}' AND x."timestamp" >= l.ts AND x."timestamp" <= l.ts + ${window})`;
  return `SELECT l.*, ${reached('customer')} AS reached_customer, ${reached('sql')} AS reached_sql
    FROM (${lifecycleFacts(b)}) l WHERE l.stage IN ('lead', 'mql')`;
}

/** Completed orders with revenue in the workspace currency and their margin. */
function completedOrders(b: Build): string {
  const cur = b.p(b.ctx.currency);
  const tz = b.p(b.ctx.timeZone);
  return `SELECT o.order_id, o.customer_id, o."timestamp" AS ts,
      ${converted('o.revenue', 'o.currency', 'fx.rate', cur)} AS revenue,
      coalesce(o.gross_margin, ${b.p(b.ctx.grossMargin)}) AS margin
    FROM (SELECT *, ${localDate('"timestamp"', tz)} AS local_date FROM orders
          WHERE workspace_id = ${b.ws} AND coalesce(status, 'completed') = 'completed') o
    ASOF LEFT JOIN ${fxRates(b)} fx ON fx.currency = o.currency AND o.local_date >= fx."date"`;
}

function orderFacts(b: Build): string {
  return `SELECT o.ts, o.order_id, o.customer_id, o.revenue, ${acquiredBy('a')}
    FROM (${completedOrders(b)}) o ${joinAcquisition(b, 'o.customer_id')}`;
}

/**
 * New customers: the first `customer` stage, or (for customers without any
 * lifecycle record) the first completed order; with their margin over their
 * whole history and over their first 365 days.
 */
function customerFacts(b: Build): string {
  return `WITH o AS (${completedOrders(b)}),
    acquired AS (
      SELECT customer_id, min("timestamp") AS ts FROM lifecycle WHERE workspace_id = ${b.ws} AND stage = 'customer' GROUP BY customer_id
      UNION ALL
      SELECT customer_id, min(ts) FROM o
      WHERE customer_id NOT IN (SELECT customer_id FROM lifecycle WHERE workspace_id = ${b.ws}) GROUP BY customer_id
    ),
    value AS (
      SELECT n.customer_id, sum(o.revenue * o.margin) AS lifetime_value,
        coalesce(sum(o.revenue * o.margin) FILTER (WHERE o.ts >= n.ts AND o.ts < n.ts + INTERVAL 365 DAY), 0) AS first_year_value
      FROM acquired n JOIN o ON o.customer_id = n.customer_id GROUP BY n.customer_id
    )
    SELECT n.ts, n.customer_id, coalesce(v.lifetime_value, 0) AS lifetime_value, coalesce(v.first_year_value, 0) AS first_year_value,
      ${acquiredBy('a')}
    FROM acquired n LEFT JOIN value v ON v.customer_id = n.customer_id ${joinAcquisition(b, 'n.customer_id')}`;
}

/** Changes of each customer's status (active or not) and MRR, as deltas at the time of the change. */
function customerStatusFacts(b: Build): string {
  return `SELECT ts, customer_id, channel, campaign_id, platform, objective,
      mrr_now - coalesce(lag(mrr_now) OVER w, 0) AS mrr_delta,
      active_now - coalesce(lag(active_now) OVER w, 0) AS active_delta
    FROM (SELECT *, CASE WHEN stage IN ${ACTIVE_STAGES} THEN 1 ELSE 0 END AS active_now,
            CASE WHEN stage IN ${ACTIVE_STAGES}
                 THEN coalesce(last_value(mrr IGNORE NULLS) OVER (PARTITION BY customer_id ORDER BY ts, stage
                        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), 0)
                 ELSE 0 END AS mrr_now
          FROM (${lifecycleFacts(b)}) WHERE stage IN ${STATUS_STAGES})
    WINDOW w AS (PARTITION BY customer_id ORDER BY ts, stage)`;
}

/** Non-media costs per day in the workspace currency; a monthly amount is spread evenly over the month from its date. */
function costFacts(b: Build): string {
  const cur = b.p(b.ctx.currency);
  return `SELECT d.day, ${converted('d.amount', 'd.currency', 'fx.rate', cur)} AS amount,
      coalesce(d.channel, c.channel) AS channel, d.campaign_id, c.platform, c.objective
    FROM (SELECT CAST(s.day AS DATE) AS day, k.currency, k.channel, k.campaign_id,
            CASE WHEN k.period = 'month'
                 THEN CAST(k.amount AS DECIMAL(38,10)) / date_diff('day', k."date", CAST(k."date" + INTERVAL 1 MONTH AS DATE))
                 ELSE k.amount END AS amount
          FROM costs k, LATERAL (SELECT unnest(generate_series(k."date",
            CASE WHEN k.period = 'month' THEN CAST(k."date" + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) ELSE k."date" END,
            INTERVAL 1 DAY)) AS day) s
          WHERE k.workspace_id = ${b.ws}) d
    LEFT JOIN ${campaigns(b)} c ON c.campaign_id = d.campaign_id
    ASOF LEFT JOIN ${fxRates(b)} fx ON fx.currency = d.currency AND d.day >= fx."date"`;
}

const RELATIONS: Record<RelationName, (b: Build) => string> = {
  ad_facts: (b) => adFacts(relationBuild(b)),
  event_facts: (b) => eventFacts(relationBuild(b), b.ctx),
  session_facts: (b) => sessionFacts(relationBuild(b), b.ctx),
  scroll_facts: (b) => scrollFacts(relationBuild(b), b.ctx),
  conversion_facts: conversionFacts,
  lifecycle_facts: lifecycleFacts,
  stage_progress_facts: stageProgressFacts,
  customer_facts: customerFacts,
  order_facts: orderFacts,
  cost_facts: costFacts,
  survey_facts: (b) => surveyFacts(relationBuild(b)),
  customer_status_facts: customerStatusFacts,
  campaign_names: (b) => campaignNames(relationBuild(b)),
};

export function duckdbRelation(name: RelationName, ctx: RelationContext, p: Param): string {
  return RELATIONS[name](build(ctx, p));
}

/** A select over one of the relations, as DuckDB SQL with its parameters. */
export function renderDuckDbQuery(select: Select, ctx: RelationContext): Statement {
  return duckdbDialect.render(select, (p) => duckdbRelation(select.from.name as RelationName, ctx, p));
}

export function build(ctx: RelationContext, p: Param): Build {
  return { ctx, ws: p(ctx.workspace), p };
}
