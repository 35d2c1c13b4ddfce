// The bodies the read routes answer with, as TypeBox schemas: openapi.ts
// publishes them as components (a typed web client is generated from them) and
// tests check real responses against them. They follow what the services
// return (metrics/types.ts, the goal and benchmark services, the warehouse's
// freshness and import rows) and reuse the schemas of the bodies users send.
// Responses may grow: no schema here forbids additional properties.
import { Type, type Static, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';
import type { ForecastQueryResult } from '../forecast/query-forecast.js';
import type { GoalForecast } from '../goals/goal-forecast.js';
import type { GoalReport } from '../goals/goals-service.js';
import { GoalInputSchema, type GoalStatus } from '../goals/goals.js';
import { BenchmarkInputSchema, type BenchmarkPosition, type BenchmarkVerdict } from '../metrics/benchmarks.js';
import type { Benchmark, BenchmarkReport } from '../metrics/benchmarks-service.js';
import { DATE_PATTERN } from '../metrics/body-checks.js';
import type { MetricGroup } from '../metrics/catalog.js';
import { FACTS, type FactId } from '../metrics/facts.js';
import { CustomMetricSchema, type CustomMetric, type publicMetric } from '../metrics/metrics-service.js';
import type { CampaignKpis } from '../metrics/query-service.js';
import { DIMENSIONS, DIRECTIONS, UNITS, type QueryResult } from '../metrics/types.js';
import { WorkspaceSettingsSchema } from '../model/settings.js';
import { OBJECTIVES, SOURCE_NAMES } from '../model/sources.js';
import type { FreshnessRow, ImportRecord } from '../warehouse/warehouse.js';
import { MODEL_NAMES, QueryMetricForecastSchema } from './forecast-schemas.js';
import type { Assert as AssertFit, FieldsFit } from './schema-fit.js';

const oneOf = <T extends string>(values: readonly T[]): TUnion<TLiteral<T>[]> => Type.Union(values.map((v) => Type.Literal(v)));
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const NullableNumber = nullable(Type.Number());
const Day = Type.String({ pattern: DATE_PATTERN, description: 'YYYY-MM-DD' });
const Count = Type.Integer({ minimum: 0 });

// Values the code has as types only; `satisfies` keeps out strays, the checks at the end keep out gaps.
const METRIC_GROUPS = ['paid_media', 'web', 'email', 'customers', 'feedback', 'custom'] as const satisfies readonly MetricGroup[];
const GOAL_STATUSES = ['on_track', 'at_risk', 'off_track', 'achieved', 'missed', 'not_started'] as const satisfies readonly GoalStatus[];
const BENCHMARK_POSITIONS = ['below', 'within', 'above'] as const satisfies readonly BenchmarkPosition[];
const BENCHMARK_VERDICTS = ['better', 'within', 'worse', 'outside'] as const satisfies readonly BenchmarkVerdict[];

// ---------------------------------------------------------------------------
// POST /v1/query

/** Metric id → value over the rows' scope; null where the formula is undefined (a zero denominator). */
const MetricValues = Type.Record(Type.String(), NullableNumber, { description: 'metric id → value (null when undefined)' });

const ResultRow = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]), {
  description: 'keyed by column name: the bucket (date), dimension values, campaign_name, metric values; partial: true on a bucket the range covers only in part',
});

const ResultColumn = Type.Object({
  name: Type.String(),
  kind: oneOf(['time', 'dimension', 'metric'] as const),
  label: Type.String(),
  unit: Type.Optional(oneOf(UNITS)),
  direction: Type.Optional(oneOf(DIRECTIONS)),
});

const Comparison = Type.Object({
  from: Day,
  to: Day,
  rows: Type.Array(ResultRow, { description: "row i is the main row i's counterpart" }),
  totals: MetricValues,
  change: Type.Object(
    { rows: Type.Array(ResultRow, { description: "the main row's bucket and dimension values, then the % change per metric" }), totals: MetricValues },
    { description: '% change per metric from the comparison value (null when that is 0 or null)' },
  ),
});

/** A benchmark band as stored: the body it was created with and its id. */
export const BenchmarkBandSchema = Type.Object({ id: Type.String(), ...BenchmarkInputSchema.properties });

/** A band judged against a value of its metric (a query's total, a goal's actual). */
export const BenchmarkReportSchema = Type.Object({
  ...BenchmarkBandSchema.properties,
  value: NullableNumber,
  position: nullable(oneOf(BENCHMARK_POSITIONS)),
  verdict: nullable(oneOf(BENCHMARK_VERDICTS)),
});

export const QueryResultSchema = Type.Object({
  columns: Type.Array(ResultColumn),
  rows: Type.Array(ResultRow),
  totals: MetricValues,
  comparison: Type.Optional(Comparison),
  benchmarks: Type.Optional(Type.Array(BenchmarkReportSchema)),
  notes: Type.Optional(Type.Array(Type.String(), { description: 'what the numbers do not say: sources without data in the range, metric caveats' })),
  totals_scope: Type.Optional(Type.Literal('all_rows', { description: 'with a limit: the totals cover every row, not only the ones returned' })),
  rows_before_limit: Type.Optional(Type.Integer({ minimum: 0, description: 'with a limit: how many rows there were before it' })),
  freshness: Type.Optional(
    Type.Object(
      { complete: Type.Literal(false), pending_since: Type.String({ description: 'ISO 8601 timestamp' }) },
      { description: 'present when the answer may miss data sent since pending_since' },
    ),
  ),
  forecast: Type.Optional(
    Type.Record(Type.String(), QueryMetricForecastSchema, {
      description: 'with forecast in the query: metric id → its forecast past the last complete bucket (a metric that cannot be forecast is left out, and a note says why)',
    }),
  ),
});

// ---------------------------------------------------------------------------
// Catalog, custom metrics, campaign KPIs

export const CatalogMetricSchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  formula: Type.String(),
  unit: oneOf(UNITS),
  direction: oneOf(DIRECTIONS),
  group: oneOf(METRIC_GROUPS),
  facts: Type.Array(oneOf(Object.keys(FACTS) as FactId[])),
  dimensions: Type.Array(oneOf(DIMENSIONS)),
  custom: Type.Boolean(),
  note: Type.Optional(Type.String()),
});

export const CatalogSchema = Type.Object({
  metrics: Type.Array(CatalogMetricSchema),
  objectives: Type.Record(Type.String(), Type.Array(Type.String()), { description: "campaign objective → its headline KPIs (KPIS.md)" }),
});

export const CustomMetricListSchema = Type.Object({ metrics: Type.Array(CustomMetricSchema) });

export const CampaignKpisSchema = Type.Object({
  campaign: Type.Object({ id: Type.String(), name: nullable(Type.String()), objective: nullable(oneOf(OBJECTIVES)) }),
  objective: oneOf(OBJECTIVES),
  objective_source: oneOf(['campaign', 'default'] as const),
  from: Day,
  to: Day,
  kpis: QueryResultSchema,
});

// ---------------------------------------------------------------------------
// Goals and benchmarks

const GoalProgressSchema = Type.Object({
  actual: NullableNumber,
  target: Type.Number(),
  attained_pct: NullableNumber,
  elapsed_fraction: Type.Number({ minimum: 0, maximum: 1 }),
  expected_by_today: NullableNumber,
  status: oneOf(GOAL_STATUSES),
});

const GoalForecastSchema = Type.Object(
  {
    value: Type.Number({ description: 'actual over the complete days of the period so far + the forecast of its remaining days' }),
    lower: Type.Number({ description: 'lower end of the prediction interval of value' }),
    upper: Type.Number({ description: 'upper end of the prediction interval of value' }),
    level: Type.Number({ description: 'coverage of the interval' }),
    model: oneOf(MODEL_NAMES),
    status: oneOf(['on_track', 'at_risk', 'off_track'] as const),
    interval: oneOf(['analytic', 'simulated'] as const),
    actual: Type.Number({ description: 'the metric over the complete days of the period so far (today is forecast, not counted)' }),
    fitted: Type.Object({ from: Day, to: Day, days: Count }, { description: 'the daily history the model was fitted on' }),
  },
  { description: 'on_track: the whole interval meets the target; at_risk: the target lies inside it; off_track: none of it meets the target' },
);

export const GoalReportSchema = Type.Object({
  ...GoalInputSchema.properties,
  id: Type.String(),
  direction: oneOf(['up', 'down'] as const),
  progress: GoalProgressSchema,
  benchmarks: Type.Array(BenchmarkReportSchema),
  forecast: nullable(GoalForecastSchema),
  notes: Type.Array(Type.String(), { description: 'why there is no forecast, when there is none' }),
});

export const GoalListSchema = Type.Object({ goals: Type.Array(GoalReportSchema) });

export const BenchmarkListSchema = Type.Object({ benchmarks: Type.Array(BenchmarkBandSchema) });

// ---------------------------------------------------------------------------
// Workspace: settings, freshness, imports

export const SettingsResultSchema = Type.Object({ workspace: Type.String(), settings: WorkspaceSettingsSchema });

export const FreshnessRowSchema = Type.Object({
  source: oneOf(SOURCE_NAMES),
  platform: nullable(Type.String()),
  latest_date: nullable(Day),
  rows: Count,
});

export const FreshnessSchema = Type.Object({ sources: Type.Array(FreshnessRowSchema) });

export const ImportRecordSchema = Type.Object({
  id: Type.String(),
  workspace: Type.String(),
  source: oneOf(SOURCE_NAMES),
  origin: Type.String({ description: 'e.g. "http POST /v1/import/ad_performance" or a file name' }),
  startedAt: Type.String({ description: 'UTC, YYYY-MM-DD HH:MM:SS[.fff]' }),
  accepted: Count,
  updated: Count,
  duplicates: Count,
  rejected: Count,
});

export const ImportListSchema = Type.Object({ imports: Type.Array(ImportRecordSchema) });

/** Component name → schema, as openapi.ts registers them (items first, then the bodies of the routes). */
export const RESPONSE_SCHEMAS = {
  BenchmarkBand: BenchmarkBandSchema,
  BenchmarkReport: BenchmarkReportSchema,
  QueryResult: QueryResultSchema,
  CatalogMetric: CatalogMetricSchema,
  Catalog: CatalogSchema,
  CustomMetricList: CustomMetricListSchema,
  CampaignKpis: CampaignKpisSchema,
  GoalReport: GoalReportSchema,
  GoalList: GoalListSchema,
  BenchmarkList: BenchmarkListSchema,
  SettingsResult: SettingsResultSchema,
  FreshnessRow: FreshnessRowSchema,
  Freshness: FreshnessSchema,
  ImportRecord: ImportRecordSchema,
  ImportList: ImportListSchema,
} as const;

// ---------------------------------------------------------------------------
// Compile-time checks: whatever the services' types allow, the schemas accept.

type Accepts<S extends TSchema, T> = [T] extends [Static<S>] ? true : false;
type Assert<T extends true> = T;
export type ResponseSchemaChecks = [
  Assert<Accepts<typeof QueryResultSchema, QueryResult>>,
  Assert<Accepts<typeof QueryResultSchema, ForecastQueryResult>>,
  AssertFit<FieldsFit<typeof GoalForecastSchema, GoalForecast>>,
  AssertFit<FieldsFit<typeof GoalReportSchema, GoalReport>>,
  Assert<Accepts<typeof BenchmarkBandSchema, Benchmark>>,
  Assert<Accepts<typeof BenchmarkReportSchema, BenchmarkReport>>,
  Assert<Accepts<typeof CatalogMetricSchema, ReturnType<typeof publicMetric>>>,
  Assert<Accepts<typeof CustomMetricListSchema, { metrics: CustomMetric[] }>>,
  Assert<Accepts<typeof CampaignKpisSchema, CampaignKpis>>,
  Assert<Accepts<typeof GoalReportSchema, GoalReport>>,
  Assert<Accepts<typeof FreshnessRowSchema, FreshnessRow>>,
  Assert<Accepts<typeof ImportRecordSchema, ImportRecord>>,
];
