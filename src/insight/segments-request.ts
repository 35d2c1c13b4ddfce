// The body of POST /v1/segments/underperforming (and the options of
// `beacon segments`): a ratio metric, the dimensions whose segments (or
// combinations of segments) are judged, the period, optional filters and a
// minimum spend; checked against its schema and the workspace's catalog, or
// one 400 naming every bad field.
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { checkBody, DATE_PATTERN, FilterSchema, throwIfAny, type Problem } from '../metrics/body-checks.js';
import type { CatalogMetric } from '../metrics/catalog.js';
import type { Dimension, Filter } from '../metrics/types.js';
import { dateRangeProblems, dimensionProblem, metricProblem } from './insight-checks.js';

export const MAX_SEGMENT_DIMENSIONS = 3;
export const DEFAULT_MAX_FALSE_DISCOVERY_RATE = 0.05;

export const SegmentsInputSchema = Type.Object(
  {
    metric: Type.String({ minLength: 1, maxLength: 128, description: 'a ratio metric with a better direction (ctr, cvr, cpa, cpc, cpm, roas…), built in or custom' }),
    dimensions: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
      minItems: 1,
      maxItems: MAX_SEGMENT_DIMENSIONS,
      description: 'the dimensions whose segments are judged (channel, campaign, platform…); several: their combinations',
    }),
    from: Type.String({ pattern: DATE_PATTERN, description: 'first day of the period (workspace time zone)' }),
    to: Type.String({ pattern: DATE_PATTERN, description: 'last day of the period, inclusive' }),
    filters: Type.Optional(Type.Array(FilterSchema, { maxItems: 50 })),
    min_spend: Type.Optional(Type.Number({ minimum: 0, description: 'segments that spent less are left out of the assessment (default 0: every segment)' })),
    max_false_discovery_rate: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, maximum: 0.5, description: `the expected share of false flags allowed among the flagged segments (default ${DEFAULT_MAX_FALSE_DISCOVERY_RATE})` }),
    ),
  },
  { additionalProperties: false },
);

export type SegmentsBody = Static<typeof SegmentsInputSchema>;

/** A request with its defaults filled in. */
export interface SegmentsRequest {
  metric: string;
  dimensions: Dimension[];
  from: string;
  to: string;
  filters: Filter[];
  minSpend: number;
  maxFalseDiscoveryRate: number;
}

const checkShape = TypeCompiler.Compile(SegmentsInputSchema);

/**
 * Checks a body against the schema, the catalog and the calendar, and fills in the defaults.
 *
 * @example checkSegmentsBody({ metric: 'ctr', dimensions: ['campaign'], from: '2026-11-01', to: '2026-11-14' }, catalog) // → { minSpend: 0, maxFalseDiscoveryRate: 0.05, filters: [], … }
 */
export function checkSegmentsBody(body: Record<string, unknown>, catalog: ReadonlyMap<string, CatalogMetric>): SegmentsRequest {
  const checked = checkBody('segments request', checkShape, body);
  const problems: Problem[] = [
    metricProblem(checked.metric, catalog),
    ...checked.dimensions.map((d, i) => dimensionProblem(d, `dimensions[${i}]`)),
    ...dateRangeProblems(checked.from, checked.to),
  ].filter((p): p is Problem => p !== null);
  throwIfAny('segments request', problems);
  return {
    metric: checked.metric,
    dimensions: [...new Set(checked.dimensions)] as Dimension[],
    from: checked.from,
    to: checked.to,
    filters: (checked.filters ?? []).map((f) => ({ ...f, values: [...f.values] })),
    minSpend: checked.min_spend ?? 0,
    maxFalseDiscoveryRate: checked.max_false_discovery_rate ?? DEFAULT_MAX_FALSE_DISCOVERY_RATE,
  };
}
