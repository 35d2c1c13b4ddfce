// ClickHouse definitions of the relations the metrics planner reads, with the
// columns and meaning of duckdb-relations.ts (listed in metrics/facts.ts).
// Each is a subquery over the stored tables of one workspace, values inlined
// through the literal function. Wall-clock times (local_ts) are Int64
// milliseconds of the wall clock read as UTC, instants (ts) Int64 epoch
// milliseconds, money Decimal. The SQL runs on 18.16: no window functions or
// CTEs, one JOIN per SELECT (joins nest), per-row history through arrays. It
// runs on later servers too: both sides of a join are aliased subqueries
// (`(…) AS l ANY LEFT JOIN (…) AS r USING key`), as 20.x and later require.
import type { Scalar } from '../../sql/ast.js';
import type { Select } from '../../sql/ast.js';
import { renderClickHouseSelect } from '../../sql/clickhouse/clickhouse-dialect.js';
import type { Statement } from '../../sql/dialect.js';
import type { RelationContext, RelationName } from '../../sql/relations.js';
import { CAMPAIGN_COLUMNS, currentCampaigns, type ChBuild } from './clickhouse-relations-common.js';
import { conversionFacts } from './clickhouse-relations-conversions.js';
import { costFacts } from './clickhouse-relations-costs.js';
import { customerFacts, customerStatusFacts, lifecycleFacts, orderFacts, stageProgressFacts } from './clickhouse-relations-customers.js';
import { currentRows } from './clickhouse-source-reads.js';

export type Literal = (value: Scalar) => string;

const bots = (b: ChBuild, alias = '') => (b.ctx.botFiltering ? ` AND ${alias}is_bot = 0` : '');

function adFacts(b: ChBuild): string {
  return `SELECT * FROM ad_facts WHERE workspace_id = ${b.ws}`;
}

function eventFacts(b: ChBuild): string {
  return `SELECT event_id, ts, local_ts, type, type AS conversion_type, anonymous_id, person_id, session_key,
      is_onsite, is_conversion, channel, source, medium, campaign_id, ad_group_id, ad_id,
      landing_page, url, device, country, message_id, video_id, percent, order_id,
      revenue_converted AS revenue, platform, objective
    FROM event_facts WHERE workspace_id = ${b.ws}${bots(b)}`;
}

function sessionFacts(b: ChBuild): string {
  return `SELECT started_at AS ts, local_started_at AS local_ts, anonymous_id, person_id, session_key,
      (ended_at - started_at) / 1000.0 AS duration_s,
      pageviews, onsite_events, is_bounce, channel, source, medium, campaign_id,
      landing_page, device, country, platform, objective
    FROM sessions WHERE workspace_id = ${b.ws}${bots(b)}`;
}

/** One row per session and URL scrolled: the deepest scroll, attributes of the first scroll event. */
function scrollFacts(b: ChBuild): string {
  // Inputs are renamed e_*: an alias hides the column of its name everywhere in the SELECT on 18.16.
  const attributes = ['channel', 'source', 'medium', 'campaign_id', 'landing_page', 'device', 'country', 'platform', 'objective'];
  return `SELECT min(e_ts) AS ts, min(e_local_ts) AS local_ts, session_key, url, max(percent) AS max_percent,
      ${attributes.map((c) => `argMin(e_${c}, e_ts) AS ${c}`).join(', ')}
    FROM (SELECT ts AS e_ts, local_ts AS e_local_ts, session_key, url, percent, ${attributes.map((c) => `${c} AS e_${c}`).join(', ')}
          FROM event_facts WHERE workspace_id = ${b.ws}${bots(b)} AND type = 'scroll' AND isNotNull(percent) AND isNotNull(session_key))
    GROUP BY session_key, url`;
}

function surveyFacts(b: ChBuild): string {
  return `SELECT ts, kind, score, customer_id, campaign_id, ${CAMPAIGN_COLUMNS}
    FROM (SELECT \`timestamp\` AS ts, kind, score, customer_id, campaign_id, ifNull(campaign_id, '') AS k_campaign
          FROM ${currentRows('surveys', b.ctx.workspace)}) AS l
    ANY LEFT JOIN (${currentCampaigns(b)}) AS r USING k_campaign`;
}

function campaignNames(b: ChBuild): string {
  const campaigns = currentRows('campaigns', b.ctx.workspace);
  return `SELECT campaign_id, toNullable(name) AS campaign_name FROM ${campaigns}
    UNION ALL
    SELECT campaign_id, toNullable(max(assumeNotNull(ad_name))) AS campaign_name
    FROM (SELECT campaign_id, campaign_name AS ad_name FROM ${currentRows('ad_performance', b.ctx.workspace)})
    WHERE isNotNull(ad_name) AND campaign_id NOT IN (SELECT campaign_id FROM ${campaigns})
    GROUP BY campaign_id`;
}

const RELATIONS: Record<RelationName, (b: ChBuild) => string> = {
  ad_facts: adFacts,
  event_facts: eventFacts,
  session_facts: sessionFacts,
  scroll_facts: scrollFacts,
  conversion_facts: conversionFacts,
  lifecycle_facts: lifecycleFacts,
  stage_progress_facts: stageProgressFacts,
  customer_facts: customerFacts,
  order_facts: orderFacts,
  cost_facts: costFacts,
  survey_facts: surveyFacts,
  customer_status_facts: customerStatusFacts,
  campaign_names: campaignNames,
};

export function clickhouseRelation(name: RelationName, ctx: RelationContext, literal: Literal): string {
  return RELATIONS[name]({ ctx, ws: literal(ctx.workspace), literal });
}

/** A select over one of the relations, as ClickHouse SQL (values inlined as literals). */
export function renderClickHouseQuery(select: Select, ctx: RelationContext): Statement {
  return renderClickHouseSelect(select, (lit) => clickhouseRelation(select.from.name as RelationName, ctx, lit));
}
