// What an engine's SQL dialect provides: rendering of the neutral syntax tree
// and the engine's definitions of the named relations the planner reads.
import type { AttributionChoice } from '../metrics/types.js';
import type { Scalar, Select } from './ast.js';

export interface Statement {
  sql: string;
  params: Record<string, Scalar>;
}

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
}

/** Relations every dialect defines (their columns are listed in metrics/facts.ts). */
export const RELATION_NAMES = [
  'ad_facts',
  'event_facts',
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

export interface Dialect {
  readonly name: 'duckdb' | 'clickhouse';
  render(select: Select, context: RelationContext): Statement;
}

/** Collects values as numbered parameters while a statement is rendered. */
export class ParamBag {
  readonly params: Record<string, Scalar> = {};
  private next = 0;

  constructor(private readonly placeholder: (name: string, value: Scalar) => string) {}

  add(value: Scalar): string {
    const name = `p${this.next++}`;
    this.params[name] = value;
    return this.placeholder(name, value);
  }
}
