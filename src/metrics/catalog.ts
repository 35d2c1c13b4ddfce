// The KPI catalog (KPIS.md) as data. Each metric's `compute` is a formula over
// measures (metrics/facts.ts), evaluated on aggregates — so every ratio is a
// ratio of sums — and from its measures follow the facts it reads and the
// dimensions it can be split by.
import { formulaMetricIds, parseFormula, type FormulaNode } from './formula.js';
import { FACTS, MEASURE_FACT, type FactId } from './facts.js';
import { DIMENSIONS, type Dimension, type Direction, type Unit } from './types.js';

export type MetricGroup = 'paid_media' | 'web' | 'email' | 'customers' | 'feedback' | 'custom';

interface MetricSpec {
  id: string;
  label: string;
  /** The definition as people read it. */
  formula: string;
  unit: Unit;
  direction: Direction;
  group: MetricGroup;
  /** The same definition over measure ids, as the engine computes it. */
  compute: string;
  /** % change of this measure against the previous period (revenue_growth). */
  growthOf?: string;
  note?: string;
}

export interface CatalogMetric extends MetricSpec {
  node: FormulaNode;
  measures: string[];
  facts: FactId[];
  dimensions: Dimension[];
  /** Sums and counts add up over time (goals pace them); ratios and levels do not. */
  cumulative: boolean;
  custom: boolean;
}

const SPECS: MetricSpec[] = [
  // Paid media
  { id: 'impressions', label: 'Impressions', formula: 'Σ impressions', unit: 'count', direction: 'up', group: 'paid_media', compute: 'impressions' },
  { id: 'clicks', label: 'Clicks', formula: 'Σ clicks (platform-reported)', unit: 'count', direction: 'up', group: 'paid_media', compute: 'clicks' },
  { id: 'cost', label: 'Cost', formula: 'Σ media cost', unit: 'money', direction: 'neutral', group: 'paid_media', compute: 'cost' },
  { id: 'ctr', label: 'CTR', formula: 'clicks / impressions × 100', unit: 'percent', direction: 'up', group: 'paid_media', compute: 'clicks / impressions * 100' },
  { id: 'cpc', label: 'CPC', formula: 'cost / clicks', unit: 'money', direction: 'down', group: 'paid_media', compute: 'cost / clicks' },
  { id: 'cpm', label: 'CPM', formula: 'cost / impressions × 1000', unit: 'money', direction: 'down', group: 'paid_media', compute: 'cost / impressions * 1000' },
  { id: 'reach', label: 'Reach', formula: 'distinct anonymous_id with an ad_impression event', unit: 'count', direction: 'up', group: 'paid_media', compute: 'reach' },
  { id: 'frequency', label: 'Frequency', formula: 'ad_impression events / reach', unit: 'ratio', direction: 'neutral', group: 'paid_media', compute: 'ad_impression_events / reach' },
  {
    id: 'platform_reach',
    label: 'Platform reach',
    formula: 'Σ platform-reported reach',
    unit: 'count',
    direction: 'up',
    group: 'paid_media',
    compute: 'platform_reach',
    note: 'platform_reach is exact only at the rows’ own grain (one campaign or ad on one day); summed over days or campaigns it is an upper bound',
  },
  { id: 'conversions', label: 'Conversions', formula: 'count of conversions (attributed when split)', unit: 'count', direction: 'up', group: 'paid_media', compute: 'conversions' },
  { id: 'cvr', label: 'Conversion rate (per click)', formula: 'conversions / clicks × 100', unit: 'percent', direction: 'up', group: 'paid_media', compute: 'conversions / clicks * 100' },
  { id: 'cpa', label: 'CPA', formula: 'cost / conversions', unit: 'money', direction: 'down', group: 'paid_media', compute: 'cost / conversions' },
  { id: 'revenue', label: 'Revenue', formula: 'Σ revenue of conversions (attributed when split)', unit: 'money', direction: 'up', group: 'paid_media', compute: 'revenue' },
  { id: 'roas', label: 'ROAS', formula: 'revenue / cost', unit: 'ratio', direction: 'up', group: 'paid_media', compute: 'revenue / cost' },
  { id: 'roi', label: 'ROI', formula: '(revenue − cost) / cost × 100', unit: 'percent', direction: 'up', group: 'paid_media', compute: '(revenue - cost) / cost * 100' },
  { id: 'aov', label: 'AOV', formula: 'revenue / conversions', unit: 'money', direction: 'up', group: 'paid_media', compute: 'revenue / conversions' },
  { id: 'platform_conversions', label: 'Platform conversions', formula: 'Σ platform_conversions', unit: 'count', direction: 'up', group: 'paid_media', compute: 'platform_conversions' },
  { id: 'platform_roas', label: 'Platform ROAS', formula: 'Σ platform_conversion_value / cost', unit: 'ratio', direction: 'up', group: 'paid_media', compute: 'platform_conversion_value / cost' },
  // Web and engagement
  { id: 'visitors', label: 'Visitors', formula: 'distinct anonymous_id with an on-site event', unit: 'count', direction: 'up', group: 'web', compute: 'visitors' },
  { id: 'sessions', label: 'Sessions', formula: 'number of sessions', unit: 'count', direction: 'up', group: 'web', compute: 'sessions' },
  { id: 'pageviews', label: 'Pageviews', formula: 'count of page_view', unit: 'count', direction: 'up', group: 'web', compute: 'pageviews' },
  { id: 'pages_per_session', label: 'Pages per session', formula: 'pageviews / sessions', unit: 'ratio', direction: 'up', group: 'web', compute: 'session_pageviews / sessions' },
  { id: 'avg_session_duration', label: 'Avg session duration', formula: 'mean over sessions of (last on-site event − first), seconds', unit: 'seconds', direction: 'up', group: 'web', compute: 'session_seconds / sessions' },
  { id: 'bounce_rate', label: 'Bounce rate', formula: 'sessions with one page_view and no other on-site event / sessions × 100', unit: 'percent', direction: 'down', group: 'web', compute: 'bounced_sessions / sessions * 100' },
  { id: 'visitor_cvr', label: 'Conversion rate (per visitor)', formula: 'visitors with ≥ 1 conversion / visitors × 100', unit: 'percent', direction: 'up', group: 'web', compute: 'converting_visitors / visitors * 100' },
  {
    id: 'engagements',
    label: 'Engagements',
    formula: 'social_like + social_share + social_comment events + likes + shares + comments from ad_performance',
    unit: 'count',
    direction: 'up',
    group: 'web',
    compute: 'social_engagement_events + ad_likes + ad_shares + ad_comments',
  },
  {
    id: 'engagement_rate',
    label: 'Engagement rate',
    formula: 'engagements / (impressions + social_impression events) × 100',
    unit: 'percent',
    direction: 'up',
    group: 'web',
    compute: '(social_engagement_events + ad_likes + ad_shares + ad_comments) / (impressions + social_impressions) * 100',
  },
  { id: 'avg_scroll_depth', label: 'Avg scroll depth', formula: 'mean over page views with scroll events of the max percent reached', unit: 'percent', direction: 'up', group: 'web', compute: 'scroll_percent_sum / scrolled_pages' },
  {
    id: 'video_completion_rate',
    label: 'Video completion rate',
    formula: 'distinct (anonymous_id, video_id) completing / starting × 100',
    unit: 'percent',
    direction: 'up',
    group: 'web',
    compute: 'video_completers / video_starters * 100',
  },
  // Email
  { id: 'emails_sent', label: 'Emails sent', formula: 'count email_sent', unit: 'count', direction: 'neutral', group: 'email', compute: 'emails_sent' },
  { id: 'emails_delivered', label: 'Emails delivered', formula: 'email_delivered, or sent − bounced when no delivery events exist', unit: 'count', direction: 'up', group: 'email', compute: 'emails_delivered' },
  { id: 'email_open_rate', label: 'Open rate', formula: 'unique opens / delivered × 100', unit: 'percent', direction: 'up', group: 'email', compute: 'email_unique_opens / emails_delivered * 100' },
  { id: 'email_click_rate', label: 'Click rate', formula: 'unique clicks / delivered × 100', unit: 'percent', direction: 'up', group: 'email', compute: 'email_unique_clicks / emails_delivered * 100' },
  { id: 'email_click_to_open_rate', label: 'Click-to-open rate', formula: 'unique clicks / unique opens × 100', unit: 'percent', direction: 'up', group: 'email', compute: 'email_unique_clicks / email_unique_opens * 100' },
  { id: 'email_bounce_rate', label: 'Bounce rate (email)', formula: 'bounces / sent × 100', unit: 'percent', direction: 'down', group: 'email', compute: 'email_bounces / emails_sent * 100' },
  { id: 'email_unsubscribe_rate', label: 'Unsubscribe rate', formula: 'unsubscribes / delivered × 100', unit: 'percent', direction: 'down', group: 'email', compute: 'email_unsubscribes / emails_delivered * 100' },
  // Funnel and customers
  { id: 'leads', label: 'Leads', formula: 'distinct customers entering lead', unit: 'count', direction: 'up', group: 'customers', compute: 'leads' },
  { id: 'mqls', label: 'MQLs', formula: 'distinct customers entering mql', unit: 'count', direction: 'up', group: 'customers', compute: 'mqls' },
  { id: 'sqls', label: 'SQLs', formula: 'distinct customers entering sql', unit: 'count', direction: 'up', group: 'customers', compute: 'sqls' },
  { id: 'opportunities', label: 'Opportunities', formula: 'distinct customers entering opportunity', unit: 'count', direction: 'up', group: 'customers', compute: 'opportunities' },
  { id: 'new_customers', label: 'New customers', formula: 'distinct customers whose first customer stage (else first completed order) falls in the period', unit: 'count', direction: 'up', group: 'customers', compute: 'new_customers' },
  { id: 'lead_to_customer_rate', label: 'Lead → customer rate', formula: 'leads of the period reaching customer within 90 days / leads × 100', unit: 'percent', direction: 'up', group: 'customers', compute: 'leads_won / lead_cohort * 100' },
  { id: 'mql_to_sql_rate', label: 'MQL → SQL rate', formula: 'MQLs of the period reaching sql within 90 days / MQLs × 100', unit: 'percent', direction: 'up', group: 'customers', compute: 'mqls_to_sql / mql_cohort * 100' },
  { id: 'orders', label: 'Orders', formula: 'completed orders', unit: 'count', direction: 'up', group: 'customers', compute: 'orders' },
  { id: 'order_revenue', label: 'Order revenue', formula: 'Σ revenue of completed orders', unit: 'money', direction: 'up', group: 'customers', compute: 'order_revenue' },
  { id: 'cac', label: 'CAC (fully loaded)', formula: '(media cost + non-media costs) / new_customers', unit: 'money', direction: 'down', group: 'customers', compute: '(cost + non_media_cost) / new_customers' },
  { id: 'paid_cac', label: 'CAC (media only)', formula: 'media cost / new_customers', unit: 'money', direction: 'down', group: 'customers', compute: 'cost / new_customers' },
  { id: 'mer', label: 'MER', formula: 'order_revenue / (media cost + non-media costs)', unit: 'ratio', direction: 'up', group: 'customers', compute: 'order_revenue / (cost + non_media_cost)' },
  { id: 'clv', label: 'CLV (historical)', formula: 'Σ completed-order revenue × margin of customers acquired in the period, whole history / those customers', unit: 'money', direction: 'up', group: 'customers', compute: 'customer_lifetime_margin / new_customers' },
  {
    id: 'predicted_clv',
    label: 'CLV (predicted)',
    formula:
      'mean over the customers acquired in the period of BG/NBD expected purchases × Gamma-Gamma expected order value × margin over the next 365 days, discounted 10 %/year (residual: purchases after yesterday)',
    unit: 'money',
    direction: 'up',
    group: 'customers',
    compute: 'predicted_clv_sum / predicted_customers',
    note: 'predicted_clv is residual value: what the customers are expected to spend (× margin) in the next 365 days, from BG/NBD and Gamma-Gamma fitted on every completed order up to yesterday (GET /v1/clv shows the fit)',
  },
  { id: 'ltv_cac', label: 'LTV : CAC', formula: 'clv / cac', unit: 'ratio', direction: 'up', group: 'customers', compute: '(customer_lifetime_margin / new_customers) / ((cost + non_media_cost) / new_customers)' },
  {
    id: 'predicted_ltv_cac',
    label: 'Predicted LTV : CAC',
    formula: '(historical margin + predicted residual CLV of the customers acquired in the period) / (media cost + non-media costs)',
    unit: 'ratio',
    direction: 'up',
    group: 'customers',
    compute: '(customer_lifetime_margin + predicted_clv_sum) / (cost + non_media_cost)',
  },
  {
    id: 'cac_payback_months',
    label: 'CAC payback',
    formula: 'cac / (average monthly revenue × margin per new customer over their first 12 months)',
    unit: 'months',
    direction: 'down',
    group: 'customers',
    compute: '((cost + non_media_cost) / new_customers) / (customer_first_year_margin / 12 / new_customers)',
  },
  { id: 'churn_rate', label: 'Churn rate', formula: 'customers churned in the period / customers active at its start × 100', unit: 'percent', direction: 'down', group: 'customers', compute: 'churned_customers / active_at_start * 100' },
  { id: 'retention_rate', label: 'Retention rate', formula: '100 − churn_rate', unit: 'percent', direction: 'up', group: 'customers', compute: '100 - churned_customers / active_at_start * 100' },
  { id: 'mrr', label: 'MRR', formula: 'Σ mrr of active customers at the end of each bucket', unit: 'money', direction: 'up', group: 'customers', compute: 'mrr_at_end' },
  {
    id: 'revenue_growth',
    label: 'Revenue growth',
    formula: '(order_revenue − previous-period order_revenue) / previous × 100',
    unit: 'percent',
    direction: 'up',
    group: 'customers',
    compute: 'order_revenue',
    growthOf: 'order_revenue',
  },
  // Feedback
  { id: 'nps', label: 'NPS', formula: '% of nps scores 9–10 − % of nps scores 0–6', unit: 'score', direction: 'up', group: 'feedback', compute: '(nps_promoters - nps_detractors) / nps_responses * 100' },
  { id: 'csat', label: 'CSAT', formula: 'csat scores 4–5 / csat responses × 100', unit: 'percent', direction: 'up', group: 'feedback', compute: 'csat_satisfied / csat_responses * 100' },
  { id: 'ces', label: 'CES', formula: 'mean ces score (1–7, 7 = easy)', unit: 'score', direction: 'up', group: 'feedback', compute: 'ces_score_sum / ces_responses' },
  { id: 'survey_responses', label: 'Survey responses', formula: 'count', unit: 'count', direction: 'neutral', group: 'feedback', compute: 'survey_responses' },
];

/** Builds a metric's derived fields from its formula over measures (`node`: that formula parsed already). */
export function describeMetric(spec: MetricSpec, custom = false, node: FormulaNode = parseFormula(spec.compute)): CatalogMetric {
  const measures = formulaMetricIds(node);
  for (const measure of measures) if (!MEASURE_FACT.has(measure)) throw new Error(`metric ${spec.id}: unknown measure ${measure}`);
  const facts = [...new Set(measures.map((measure) => MEASURE_FACT.get(measure)!))];
  const dimensions = DIMENSIONS.filter((d) => facts.every((f) => (FACTS[f].dimensions as Partial<Record<Dimension, string>>)[d] !== undefined));
  const cumulative = node.kind === 'metric' && !spec.growthOf && !measures.some((x) => MEASURE_BALANCES.has(x));
  return { ...spec, node, measures, facts, dimensions, cumulative, custom };
}

const MEASURE_BALANCES: ReadonlySet<string> = new Set(
  Object.values(FACTS).flatMap((fact) =>
    Object.entries(fact.measures as Record<string, { balance?: string }>).filter(([, m]) => m.balance).map(([id]) => id),
  ),
);

export const CATALOG: readonly CatalogMetric[] = SPECS.map((spec) => describeMetric(spec));
export const CATALOG_BY_ID: ReadonlyMap<string, CatalogMetric> = new Map(CATALOG.map((metric) => [metric.id, metric]));
export const CATALOG_IDS: ReadonlySet<string> = new Set(CATALOG_BY_ID.keys());

/** Objective → headline KPIs (KPIS.md). */
export const OBJECTIVE_KPIS = {
  awareness: ['impressions', 'reach', 'frequency', 'cpm', 'engagement_rate'],
  consideration: ['clicks', 'ctr', 'cpc', 'sessions', 'bounce_rate', 'avg_session_duration'],
  conversion: ['conversions', 'cvr', 'cpa', 'revenue', 'roas'],
  retention: ['email_open_rate', 'email_click_rate', 'email_unsubscribe_rate', 'orders', 'order_revenue'],
} as const satisfies Record<string, readonly string[]>;

export type Objective = keyof typeof OBJECTIVE_KPIS;
