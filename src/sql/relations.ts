// The relations the metrics planner reads by name (their columns are listed
// in metrics/facts.ts) and what their definitions may depend on besides the
// stored data. Each engine defines them over its tables (src/warehouse).
import type { AttributionChoice } from '../model/attribution.js';

/** What a relation's definition may depend on besides the stored data. */
export interface RelationContext {
  workspace: string;
  currency: string;
  timeZone: string;
  /** Workspace default gross margin (0..1), for orders without their own. */
  grossMargin: number;
  botFiltering: boolean;
  attribution: AttributionChoice;
  /** The lookback conversion credits are stored for (the workspace setting); others are computed per query. */
  storedLookbackDays: number;
  /** Days after a lead (or MQL) within which reaching the next stage counts. */
  stageWindowDays: number;
  /** The touch that gives a customer's acquisition channel and campaign (the workspace setting). */
  acquisitionTouch: 'first_touch' | 'last_non_direct';
}

/** Relations every engine defines. */
export const RELATION_NAMES = [
  'ad_facts',
  'event_facts',
  'visitor_day_facts',
  'session_facts',
  'scroll_facts',
  'conversion_facts',
  'lifecycle_facts',
  'stage_progress_facts',
  'customer_facts',
  'order_facts',
  'cost_facts',
  'survey_facts',
  'customer_status_facts',
  'campaign_names',
] as const;
export type RelationName = (typeof RELATION_NAMES)[number];

