// The shapes of the records the demo emits, one per DATA.md source. They are
// type aliases (not interfaces) so they stay assignable to the public
// Record<string, unknown> rows of DemoDataSet.

export type CampaignRecord = {
  campaign_id: string;
  name: string;
  platform?: string;
  channel: string;
  objective: 'awareness' | 'consideration' | 'conversion' | 'retention';
  currency?: string;
  start_date: string;
  end_date?: string;
  budget?: number;
  daily_budget?: number;
  status: 'active' | 'paused' | 'ended';
};

export type AdPerformanceRecord = {
  date: string;
  platform: string;
  campaign_id: string;
  campaign_name: string;
  ad_group_id: string;
  ad_group_name: string;
  ad_id: string;
  ad_name: string;
  impressions: number;
  clicks: number;
  cost: number;
  currency: string;
  platform_conversions: number;
  platform_conversion_value: number;
  reach: number;
  likes?: number;
  shares?: number;
  comments?: number;
  video_views?: number;
  video_completions?: number;
};

export type OrderRecord = {
  order_id: string;
  customer_id: string;
  timestamp: string;
  revenue: number;
  currency: 'USD';
  gross_margin: number;
  status: 'completed' | 'refunded' | 'cancelled';
};

export type LifecycleRecord = {
  customer_id: string;
  stage: 'lead' | 'mql' | 'sql' | 'opportunity' | 'customer' | 'churned' | 'reactivated';
  timestamp: string;
  campaign_id?: string;
  channel?: string;
  mrr?: number;
};

export type SurveyRecord = {
  response_id: string;
  kind: 'nps' | 'csat' | 'ces';
  score: number;
  timestamp: string;
  customer_id: string;
  anonymous_id?: string;
  campaign_id?: string;
  comment?: string;
};

export type CostRecord = {
  cost_id: string;
  date: string;
  category: 'salaries' | 'tools' | 'agency' | 'events' | 'content' | 'other';
  amount: number;
  currency: string;
  period?: 'day' | 'month';
  channel?: string;
  campaign_id?: string;
  description: string;
};

export type FxRateRecord = { date: string; currency: string; rate: number };

export type DemoEvent = {
  event_id: string;
  type: string;
  timestamp: string;
  anonymous_id: string;
  user_id?: string;
  session_id?: string;
  url?: string;
  referrer?: string;
  user_agent?: string;
  campaign_id?: string;
  ad_group_id?: string;
  ad_id?: string;
  utm_source?: string;
  utm_medium?: string;
  utm_campaign?: string;
  utm_content?: string;
  revenue?: number;
  currency?: string;
  order_id?: string;
  properties?: Record<string, unknown>;
};
