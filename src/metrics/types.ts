// The vocabulary of the metrics layer: dimensions, grains, units, metric
// definitions, queries and their results. Pure types and constants.
import type { Grain } from '../core/time.js';
import type { AttributionChoice } from '../model/attribution.js';

export const DIMENSIONS = [
  'channel',
  'platform',
  'campaign',
  'ad_group',
  'ad',
  'source',
  'medium',
  'landing_page',
  'device',
  'country',
  'conversion_type',
  'objective',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const UNITS = ['count', 'money', 'percent', 'ratio', 'seconds', 'months', 'score'] as const;
export type Unit = (typeof UNITS)[number];

export const DIRECTIONS = ['up', 'down', 'neutral'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const FILTER_OPS = ['eq', 'neq', 'in', 'not_in', 'contains'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export const COMPARISONS = ['previous_period', 'previous_year'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export interface Filter {
  dimension: Dimension;
  op: FilterOp;
  values: string[];
}

export interface OrderBy {
  field: string;
  direction: 'asc' | 'desc';
}

/** A validated query: every field present, dates checked, ids known. */
export interface MetricQuery {
  metrics: string[];
  dimensions: Dimension[];
  grain: Grain | null;
  from: string;
  to: string;
  filters: Filter[];
  compare: Comparison | null;
  attribution: AttributionChoice;
  order_by: OrderBy[];
  limit: number | null;
}

export type MetricValue = number | null;
/** A result row: its bucket (`date`), dimension values and metric values; `partial: true` on a bucket the range covers only in part. */
export type ResultRow = Record<string, string | number | boolean | null>;

export interface ResultColumn {
  name: string;
  kind: 'time' | 'dimension' | 'metric';
  label: string;
  unit?: Unit;
  /** Metric columns: which way is better (benchmarks judge values by it). */
  direction?: Direction;
}

export interface ComparisonResult {
  from: string;
  to: string;
  /** Same length and order as the main rows: row i is row i's counterpart (same dimensions, bucket shifted). */
  rows: ResultRow[];
  totals: Record<string, MetricValue>;
  /** % change per metric from the comparison value to the current one (null when the comparison value is 0 or null); each row keyed by the main row's bucket and dimensions. */
  change: { rows: ResultRow[]; totals: Record<string, MetricValue> };
}

/** A workspace's benchmark band for a metric, judged against a value. */
export interface BenchmarkResult {
  id: string;
  metric: string;
  low: number;
  high: number;
  label?: string;
  value: MetricValue;
  position: 'below' | 'within' | 'above' | null;
  verdict: 'better' | 'within' | 'worse' | 'outside' | null;
}

export interface QueryResult {
  columns: ResultColumn[];
  rows: ResultRow[];
  totals: Record<string, MetricValue>;
  comparison?: ComparisonResult;
  /** Benchmark bands of the queried metrics, judged against the totals. */
  benchmarks?: BenchmarkResult[];
  notes?: string[];
  /** With a limit: the totals cover every row, not only the ones returned. */
  totals_scope?: 'all_rows';
  /** With a limit: how many rows there were before it. */
  rows_before_limit?: number;
  /** Present when the derived view was still taking in recent writes: the answer may miss data sent since pending_since. */
  freshness?: { complete: false; pending_since: string };
}
