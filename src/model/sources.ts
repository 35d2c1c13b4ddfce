// The data contract of DATA.md: one TypeBox schema per source. From it come
// record validation, the TypeScript record types, the OpenAPI document and the
// warehouse columns (via each field's storage kind).
import { Type, type Static, type TObject, type TProperties } from '@sinclair/typebox';
import { currency, date, enumOf, int, money, num, object, str, timestamp } from './fields.js';

const id = (description?: string) => str({ minLength: 1, maxLength: 256, description });
const optStr = (description?: string) => Type.Optional(str({ description }));

export const EventSchema = Type.Object(
  {
    event_id: str({ minLength: 1, maxLength: 128, description: 'idempotency key' }),
    type: str({ minLength: 1, maxLength: 64 }),
    timestamp: timestamp(),
    anonymous_id: id('cookie / device id'),
    user_id: Type.Optional(id('the known customer (= customer_id elsewhere)')),
    session_id: Type.Optional(id()),
    url: Type.Optional(str({ maxLength: 4096 })),
    referrer: Type.Optional(str({ maxLength: 4096 })),
    utm_source: optStr(),
    utm_medium: optStr(),
    utm_campaign: optStr(),
    utm_content: optStr(),
    utm_term: optStr(),
    utm_id: optStr(),
    campaign_id: optStr(),
    ad_group_id: optStr(),
    ad_id: optStr(),
    channel: optStr(),
    revenue: Type.Optional(money()),
    currency: Type.Optional(currency()),
    order_id: optStr(),
    user_agent: optStr(),
    properties: Type.Optional(object()),
  },
  { additionalProperties: true, description: 'A first-party behaviour event (key: event_id).' },
);

export const AdPerformanceSchema = Type.Object(
  {
    date: date(),
    platform: str({ minLength: 1, maxLength: 64 }),
    campaign_id: id(),
    campaign_name: optStr(),
    ad_group_id: Type.Optional(str({ maxLength: 256, description: 'empty at campaign grain' })),
    ad_group_name: optStr(),
    ad_id: Type.Optional(str({ maxLength: 256, description: 'empty at campaign or ad group grain' })),
    ad_name: optStr(),
    impressions: int(),
    clicks: int(),
    cost: money({ minimum: 0 }),
    currency: Type.Optional(currency()),
    platform_conversions: Type.Optional(num({ minimum: 0 })),
    platform_conversion_value: Type.Optional(money({ minimum: 0 })),
    reach: Type.Optional(int()),
    likes: Type.Optional(int()),
    shares: Type.Optional(int()),
    comments: Type.Optional(int()),
    video_views: Type.Optional(int()),
    video_completions: Type.Optional(int()),
  },
  { description: 'Ad platform spend and delivery (key: date, platform, campaign_id, ad_group_id, ad_id).' },
);

export const OBJECTIVES = ['awareness', 'consideration', 'conversion', 'retention'] as const;

export const CampaignSchema = Type.Object(
  {
    campaign_id: id(),
    name: str({ minLength: 1 }),
    platform: optStr(),
    channel: optStr(),
    objective: Type.Optional(enumOf(OBJECTIVES)),
    start_date: Type.Optional(date()),
    end_date: Type.Optional(date()),
    budget: Type.Optional(money({ minimum: 0 })),
    daily_budget: Type.Optional(money({ minimum: 0 })),
    status: Type.Optional(enumOf(['active', 'paused', 'ended'] as const)),
  },
  { description: 'Campaign catalogue (key: campaign_id).' },
);

export const OrderSchema = Type.Object(
  {
    order_id: id(),
    customer_id: id(),
    timestamp: timestamp(),
    revenue: money(),
    currency: Type.Optional(currency()),
    gross_margin: Type.Optional(num({ minimum: 0, maximum: 1 })),
    status: Type.Optional(enumOf(['completed', 'refunded', 'cancelled'] as const)),
  },
  { description: 'Revenue of record (key: order_id).' },
);

export const STAGES = ['lead', 'mql', 'sql', 'opportunity', 'customer', 'churned', 'reactivated'] as const;

export const LifecycleSchema = Type.Object(
  {
    customer_id: id(),
    stage: enumOf(STAGES),
    timestamp: timestamp(),
    campaign_id: optStr(),
    channel: optStr(),
    mrr: Type.Optional(money({ minimum: 0 })),
  },
  { description: 'CRM lifecycle stages (key: customer_id, stage, timestamp).' },
);

export const SurveySchema = Type.Object(
  {
    response_id: id(),
    kind: enumOf(['nps', 'csat', 'ces'] as const),
    score: int({ minimum: 0, maximum: 10 }),
    timestamp: timestamp(),
    customer_id: optStr(),
    anonymous_id: optStr(),
    campaign_id: optStr(),
    comment: Type.Optional(str({ maxLength: 4096 })),
  },
  { description: 'Survey answers: nps 0–10, csat 1–5, ces 1–7 (key: response_id).' },
);

export const COST_CATEGORIES = ['salaries', 'tools', 'agency', 'events', 'content', 'other'] as const;

export const CostSchema = Type.Object(
  {
    cost_id: id(),
    date: date(),
    category: enumOf(COST_CATEGORIES),
    amount: money({ minimum: 0 }),
    currency: Type.Optional(currency()),
    period: Type.Optional(enumOf(['day', 'month'] as const)),
    channel: optStr(),
    campaign_id: optStr(),
  },
  { description: 'Non-media marketing costs (key: cost_id).' },
);

export const FxRateSchema = Type.Object(
  {
    date: date(),
    currency: currency(),
    rate: num({ exclusiveMinimum: 0, description: 'units of workspace currency per unit of currency' }),
  },
  { description: 'Currency conversion rates (key: date, currency).' },
);

export type EventRecord = Static<typeof EventSchema>;
export type AdPerformanceRecord = Static<typeof AdPerformanceSchema>;
export type CampaignRecord = Static<typeof CampaignSchema>;
export type OrderRecord = Static<typeof OrderSchema>;
export type LifecycleRecord = Static<typeof LifecycleSchema>;
export type SurveyRecord = Static<typeof SurveySchema>;
export type CostRecord = Static<typeof CostSchema>;
export type FxRateRecord = Static<typeof FxRateSchema>;

export const SOURCE_NAMES = [
  'events',
  'ad_performance',
  'campaigns',
  'orders',
  'lifecycle',
  'surveys',
  'costs',
  'fx_rates',
] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];
export type TableSourceName = Exclude<SourceName, 'events'>;

export interface SourceDefinition {
  readonly name: SourceName;
  readonly schema: TObject<TProperties>;
  /** Fields of the natural key; re-sending a record with a known key never double counts. */
  readonly key: readonly string[];
  /** Key fields that may be absent in input and are then stored as ''. */
  readonly emptyKeyDefaults?: readonly string[];
  /** The field that dates a record, for freshness. */
  readonly dateField: string;
}

export const SOURCES: Readonly<Record<SourceName, SourceDefinition>> = Object.freeze({
  events: { name: 'events', schema: EventSchema, key: ['event_id'], dateField: 'timestamp' },
  ad_performance: {
    name: 'ad_performance',
    schema: AdPerformanceSchema,
    key: ['date', 'platform', 'campaign_id', 'ad_group_id', 'ad_id'],
    emptyKeyDefaults: ['ad_group_id', 'ad_id'],
    dateField: 'date',
  },
  campaigns: { name: 'campaigns', schema: CampaignSchema, key: ['campaign_id'], dateField: 'start_date' },
  orders: { name: 'orders', schema: OrderSchema, key: ['order_id'], dateField: 'timestamp' },
  lifecycle: {
    name: 'lifecycle',
    schema: LifecycleSchema,
    key: ['customer_id', 'stage', 'timestamp'],
    dateField: 'timestamp',
  },
  surveys: { name: 'surveys', schema: SurveySchema, key: ['response_id'], dateField: 'timestamp' },
  costs: { name: 'costs', schema: CostSchema, key: ['cost_id'], dateField: 'date' },
  fx_rates: { name: 'fx_rates', schema: FxRateSchema, key: ['date', 'currency'], dateField: 'date' },
});

export function isSourceName(name: string): name is SourceName {
  return (SOURCE_NAMES as readonly string[]).includes(name);
}
