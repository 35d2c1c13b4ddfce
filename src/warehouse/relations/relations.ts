// Every relation the metrics planner reads (sql/relations.ts; columns in
// metrics/facts.ts), defined once for every engine over the stored tables of
// one workspace. An engine supplies its RelationBuild (hooks, values, source
// rows) and renders a select over the relation in its dialect.
import type { RelationContext, RelationName } from '../../sql/relations.js';
import { CONVERSION_CREDITS } from '../tables.js';
import { conversionCreditRows } from './conversion-credits.js';
import { costFacts } from './cost-facts.js';
import { customerFacts, customerStatusFacts, lifecycleFacts, orderFacts, stageProgressFacts, surveyFacts } from './customer-relations.js';
import { adFacts, campaignNames, eventFacts, scrollFacts, sessionFacts, visitorDayFacts } from './fact-relations.js';
import { selectRowsSql } from './insert-select.js';
import type { RelationBuild } from './relation-build.js';

const CREDIT_COLUMNS = CONVERSION_CREDITS.columns.map((c) => c.name).filter((c) => c !== 'workspace_id' && c !== 'model');

/** Credits are stored for the workspace's own lookback; any other lookback is computed in the query. */
function conversionFacts(b: RelationBuild, ctx: RelationContext): string {
  const { h } = b;
  const { attribution, storedLookbackDays, botFiltering } = ctx;
  const credits =
    attribution.lookback_days === storedLookbackDays
      ? `SELECT * FROM conversion_credits WHERE workspace_id = ${b.ws} AND model = ${b.value(attribution.model)}`
      : selectRowsSql(h, CONVERSION_CREDITS, conversionCreditRows(b, { botFiltering, lookbackDays: attribution.lookback_days, models: [attribution.model] }), []);
  const columns = CREDIT_COLUMNS.map((c) => (c === 'credit' ? `${h.creditFactor('credit')} AS credit` : h.ident(c)));
  return `SELECT ${columns.join(', ')} FROM (${credits})`;
}

const RELATIONS: Record<RelationName, (b: RelationBuild, ctx: RelationContext) => string> = {
  ad_facts: adFacts,
  event_facts: eventFacts,
  visitor_day_facts: visitorDayFacts,
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

/** The SQL of one relation for the workspace of `ctx`, built with the engine's `b`. */
export function relationSql(name: RelationName, b: RelationBuild, ctx: RelationContext): string {
  return RELATIONS[name](b, ctx);
}
