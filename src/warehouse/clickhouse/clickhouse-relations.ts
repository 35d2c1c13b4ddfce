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
import { relationBuild, type ChBuild } from './clickhouse-relations-common.js';
import { adFacts, campaignNames, eventFacts, scrollFacts, sessionFacts, surveyFacts } from '../relations/fact-relations.js';
import { conversionFacts } from './clickhouse-relations-conversions.js';
import { costFacts } from './clickhouse-relations-costs.js';
import { customerFacts, customerStatusFacts, lifecycleFacts, orderFacts, stageProgressFacts } from './clickhouse-relations-customers.js';

export type Literal = (value: Scalar) => string;

const RELATIONS: Record<RelationName, (b: ChBuild) => string> = {
  ad_facts: (b) => adFacts(relationBuild(b.ctx.workspace)),
  event_facts: (b) => eventFacts(relationBuild(b.ctx.workspace), b.ctx),
  session_facts: (b) => sessionFacts(relationBuild(b.ctx.workspace), b.ctx),
  scroll_facts: (b) => scrollFacts(relationBuild(b.ctx.workspace), b.ctx),
  conversion_facts: conversionFacts,
  lifecycle_facts: lifecycleFacts,
  stage_progress_facts: stageProgressFacts,
  customer_facts: customerFacts,
  order_facts: orderFacts,
  cost_facts: costFacts,
  survey_facts: (b) => surveyFacts(relationBuild(b.ctx.workspace)),
  customer_status_facts: customerStatusFacts,
  campaign_names: (b) => campaignNames(relationBuild(b.ctx.workspace)),
};

export function clickhouseRelation(name: RelationName, ctx: RelationContext, literal: Literal): string {
  return RELATIONS[name]({ ctx, ws: literal(ctx.workspace), literal });
}

/** A select over one of the relations, as ClickHouse SQL (values inlined as literals). */
export function renderClickHouseQuery(select: Select, ctx: RelationContext): Statement {
  return renderClickHouseSelect(select, (lit) => clickhouseRelation(select.from.name as RelationName, ctx, lit));
}
