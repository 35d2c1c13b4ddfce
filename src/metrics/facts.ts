// The facts metrics are computed from: each is a relation defined
// once for every engine (src/warehouse/relations), with the column that dates it, the columns
// of the dimensions it can be split by, and the measures (aggregates) read
// from it. Metrics from different facts are aggregated separately and joined
// on their dimensions afterwards, so no fact fans out another.
import {
  and,
  bin,
  caseWhen,
  col,
  countDistinct,
  countRows,
  eq,
  isIn,
  isNull,
  or,
  sum,
  val,
  type Expr,
} from '../sql/ast.js';
import type { RelationName } from '../sql/relations.js';
import type { Dimension } from './types.js';

/** A measure aggregated in SQL, or (customerValue) from each customer's predicted value in TypeScript. */
export type Measure = SqlMeasure | CustomerValueMeasure;

export interface SqlMeasure {
  expr: Expr;
  customerValue?: undefined;
  /**
   * A running balance of deltas rather than a flow: its value in a bucket is
   * the sum of every delta before the bucket's start ('start') or up to its
   * end ('end'), e.g. customers active at the start of a month, MRR at its end.
   */
  balance?: 'start' | 'end';
}

/**
 * Summed over the customers of a group from a fitted model's value of each
 * (QueryScope.customerValues): 'sum' of the values, 'count' of the customers
 * that have one. The engine lists the group's customers; the values never go
 * into SQL.
 */
export interface CustomerValueMeasure {
  customerValue: 'sum' | 'count';
  balance?: undefined;
}

export interface Fact {
  id: string;
  relation: RelationName;
  /** date: a local date; local: a wall-clock timestamp in the workspace zone; timestamp: a UTC instant. */
  time: { column: string; kind: 'timestamp' | 'local' | 'date' };
  dimensions: Partial<Record<Dimension, string>>;
  measures: Record<string, Measure>;
  /** The column naming a row's customer, for measures valued per customer. */
  customerColumn?: string;
  /** Rows without a value for a requested dimension count in the totals only (unallocated costs, DATA.md). */
  totalsOnlyWhenUnassigned?: boolean;
  /** Set on a rollup (rollups.ts): the fact whose measures it answers with fewer rows. */
  rollupOf?: string;
}

const type = (name: string) => eq(col('type'), val(name));
const stage = (name: string) => eq(col('stage'), val(name));
const m = (expr: Expr): Measure => ({ expr });

const CAMPAIGN_DIMS = {
  channel: 'channel',
  platform: 'platform',
  campaign: 'campaign_id',
  objective: 'objective',
} as const satisfies Partial<Record<Dimension, string>>;

export const TRAFFIC_DIMS = {
  ...CAMPAIGN_DIMS,
  source: 'source',
  medium: 'medium',
  landing_page: 'landing_page',
  device: 'device',
  country: 'country',
} as const satisfies Partial<Record<Dimension, string>>;

const AD_DIMS = { ...CAMPAIGN_DIMS, ad_group: 'ad_group_id', ad: 'ad_id' } as const;

export const FACTS = {
  ad: {
    id: 'ad',
    relation: 'ad_facts',
    time: { column: 'day', kind: 'date' },
    dimensions: AD_DIMS,
    measures: {
      impressions: m(sum(col('impressions'))),
      clicks: m(sum(col('clicks'))),
      cost: m(sum(col('cost'))),
      platform_conversions: m(sum(col('platform_conversions'))),
      platform_conversion_value: m(sum(col('platform_conversion_value'))),
      platform_reach: m(sum(col('reach'))),
      ad_likes: m(sum(col('likes'))),
      ad_shares: m(sum(col('shares'))),
      ad_comments: m(sum(col('comments'))),
    },
  },
  events: {
    id: 'events',
    relation: 'event_facts',
    time: { column: 'local_ts', kind: 'local' },
    dimensions: { ...TRAFFIC_DIMS, ad_group: 'ad_group_id', ad: 'ad_id', conversion_type: 'conversion_type' },
    measures: {
      visitors: m(countDistinct([col('anonymous_id')], col('is_onsite'))),
      pageviews: m(countRows(type('page_view'))),
      converting_visitors: m(countDistinct([col('anonymous_id')], col('is_conversion'))),
      ad_impression_events: m(countRows(type('ad_impression'))),
      reach: m(countDistinct([col('anonymous_id')], type('ad_impression'))),
      social_engagement_events: m(countRows(isIn(col('type'), ['social_like', 'social_share', 'social_comment']))),
      social_impressions: m(countRows(type('social_impression'))),
      video_starters: m(countDistinct([col('anonymous_id'), col('video_id')], and(type('video_start'), isNull(col('video_id'), true)))),
      video_completers: m(
        countDistinct(
          [col('anonymous_id'), col('video_id')],
          and(
            or(type('video_complete'), and(type('video_progress'), bin('>=', col('percent'), val(100)))),
            isNull(col('video_id'), true),
          ),
        ),
      ),
      emails_sent: m(countRows(type('email_sent'))),
      // Delivery events when the sender reports them, else sent − bounced.
      emails_delivered: m(
        caseWhen(
          bin('>', countRows(type('email_delivered')), val(0)),
          countRows(type('email_delivered')),
          bin('-', countRows(type('email_sent')), countRows(type('email_bounce'))),
        ),
      ),
      email_bounces: m(countRows(type('email_bounce'))),
      email_unsubscribes: m(countRows(type('email_unsubscribe'))),
      email_unique_opens: m(
        countDistinct([col('message_id'), col('anonymous_id')], and(type('email_open'), isNull(col('message_id'), true))),
      ),
      email_unique_clicks: m(
        countDistinct([col('message_id'), col('anonymous_id')], and(type('email_click'), isNull(col('message_id'), true))),
      ),
    },
  },
  sessions: {
    id: 'sessions',
    relation: 'session_facts',
    time: { column: 'local_ts', kind: 'local' },
    dimensions: TRAFFIC_DIMS,
    measures: {
      sessions: m(countRows()),
      session_pageviews: m(sum(col('pageviews'))),
      session_seconds: m(sum(col('duration_s'))),
      bounced_sessions: m(countRows(col('is_bounce'))),
    },
  },
  scroll: {
    id: 'scroll',
    relation: 'scroll_facts',
    time: { column: 'local_ts', kind: 'local' },
    dimensions: TRAFFIC_DIMS,
    measures: {
      scroll_percent_sum: m(sum(col('max_percent'))),
      scrolled_pages: m(countRows()),
    },
  },
  conversions: {
    id: 'conversions',
    relation: 'conversion_facts',
    time: { column: 'local_ts', kind: 'local' },
    dimensions: { ...TRAFFIC_DIMS, ad_group: 'ad_group_id', ad: 'ad_id', conversion_type: 'conversion_type' },
    measures: {
      conversions: m(sum(col('credit'))),
      revenue: m(sum(bin('*', col('credit'), col('revenue')))),
    },
  },
  lifecycle: {
    id: 'lifecycle',
    relation: 'lifecycle_facts',
    time: { column: 'ts', kind: 'timestamp' },
    dimensions: CAMPAIGN_DIMS,
    measures: {
      leads: m(countDistinct([col('customer_id')], stage('lead'))),
      mqls: m(countDistinct([col('customer_id')], stage('mql'))),
      sqls: m(countDistinct([col('customer_id')], stage('sql'))),
      opportunities: m(countDistinct([col('customer_id')], stage('opportunity'))),
      churned_customers: m(countDistinct([col('customer_id')], stage('churned'))),
    },
  },
  stage_progress: {
    id: 'stage_progress',
    relation: 'stage_progress_facts',
    time: { column: 'ts', kind: 'timestamp' },
    dimensions: CAMPAIGN_DIMS,
    measures: {
      lead_cohort: m(countDistinct([col('customer_id')], stage('lead'))),
      leads_won: m(countDistinct([col('customer_id')], and(stage('lead'), col('reached_customer')))),
      mql_cohort: m(countDistinct([col('customer_id')], stage('mql'))),
      mqls_to_sql: m(countDistinct([col('customer_id')], and(stage('mql'), col('reached_sql')))),
    },
  },
  customers: {
    id: 'customers',
    relation: 'customer_facts',
    time: { column: 'ts', kind: 'timestamp' },
    customerColumn: 'customer_id',
    dimensions: CAMPAIGN_DIMS,
    measures: {
      new_customers: m(countDistinct([col('customer_id')])),
      customer_lifetime_margin: m(sum(col('lifetime_value'))),
      customer_first_year_margin: m(sum(col('first_year_value'))),
      predicted_clv_sum: { customerValue: 'sum' },
      predicted_customers: { customerValue: 'count' },
    },
  },
  customer_status: {
    id: 'customer_status',
    relation: 'customer_status_facts',
    time: { column: 'ts', kind: 'timestamp' },
    dimensions: CAMPAIGN_DIMS,
    measures: {
      active_at_start: { expr: sum(col('active_delta')), balance: 'start' },
      mrr_at_end: { expr: sum(col('mrr_delta')), balance: 'end' },
    },
  },
  orders: {
    id: 'orders',
    relation: 'order_facts',
    time: { column: 'ts', kind: 'timestamp' },
    dimensions: CAMPAIGN_DIMS,
    measures: {
      orders: m(countRows()),
      order_revenue: m(sum(col('revenue'))),
    },
  },
  costs: {
    id: 'costs',
    relation: 'cost_facts',
    time: { column: 'day', kind: 'date' },
    dimensions: CAMPAIGN_DIMS,
    totalsOnlyWhenUnassigned: true,
    measures: {
      non_media_cost: m(sum(col('amount'))),
    },
  },
  surveys: {
    id: 'surveys',
    relation: 'survey_facts',
    time: { column: 'ts', kind: 'timestamp' },
    dimensions: CAMPAIGN_DIMS,
    measures: {
      survey_responses: m(countRows()),
      nps_responses: m(countRows(eq(col('kind'), val('nps')))),
      nps_promoters: m(countRows(and(eq(col('kind'), val('nps')), bin('>=', col('score'), val(9))))),
      nps_detractors: m(countRows(and(eq(col('kind'), val('nps')), bin('<=', col('score'), val(6))))),
      csat_responses: m(countRows(eq(col('kind'), val('csat')))),
      csat_satisfied: m(countRows(and(eq(col('kind'), val('csat')), bin('>=', col('score'), val(4))))),
      ces_responses: m(countRows(eq(col('kind'), val('ces')))),
      ces_score_sum: m(sum(col('score'), eq(col('kind'), val('ces')))),
    },
  },
} as const satisfies Record<string, Fact>;

export type FactId = keyof typeof FACTS;

/** Every measure id → the fact it belongs to. */
export const MEASURE_FACT: ReadonlyMap<string, FactId> = new Map(
  (Object.keys(FACTS) as FactId[]).flatMap((fact) => Object.keys(FACTS[fact].measures).map((measure) => [measure, fact] as const)),
);

export function factOf(id: FactId): Fact {
  return FACTS[id];
}
