// The body of POST /v1/explain (and the options of `beacon explain`): a
// metric, the period to explain and the one to compare it with, optionally a
// dimension to split the change by and filters; checked against its schema
// and the workspace's catalog, or one 400 naming every bad field.
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { checkBody, DATE_PATTERN, FilterSchema, throwIfAny, type Problem } from '../metrics/body-checks.js';
import type { CatalogMetric } from '../metrics/catalog.js';
import { COMPARISONS, type Comparison, type Dimension, type Filter } from '../metrics/types.js';
import { dateRangeProblems, dimensionProblem, metricProblem } from './insight-checks.js';

export const ExplainInputSchema = Type.Object(
  {
    metric: Type.String({ minLength: 1, maxLength: 128, description: 'a metric id of the catalog (GET /v1/catalog), built in or custom' }),
    from: Type.String({ pattern: DATE_PATTERN, description: 'first day of the period to explain (workspace time zone)' }),
    to: Type.String({ pattern: DATE_PATTERN, description: 'last day of the period to explain, inclusive' }),
    compare: Type.Optional(
      Type.Union(
        COMPARISONS.map((c) => Type.Literal(c)),
        { description: 'the period it changed from: previous_period (default; as many days right before from) or previous_year (the same days a year earlier)' },
      ),
    ),
    by: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'a dimension (channel, campaign, platform, device, country…) to split the change across its segments' })),
    filters: Type.Optional(Type.Array(FilterSchema, { maxItems: 50 })),
  },
  { additionalProperties: false },
);

export type ExplainBody = Static<typeof ExplainInputSchema>;

/** A request with its defaults filled in. */
export interface ExplainRequest {
  metric: string;
  from: string;
  to: string;
  compare: Comparison;
  by: Dimension | null;
  filters: Filter[];
}

const checkShape = TypeCompiler.Compile(ExplainInputSchema);

/**
 * Checks a body against the schema, the catalog and the calendar, and fills in the defaults.
 *
 * @example checkExplainBody({ metric: 'cpa', from: '2026-11-01', to: '2026-11-14' }, catalog) // → { compare: 'previous_period', by: null, filters: [], … }
 */
export function checkExplainBody(body: Record<string, unknown>, catalog: ReadonlyMap<string, CatalogMetric>): ExplainRequest {
  const checked = checkBody('explain request', checkShape, body);
  const problems: Problem[] = [
    metricProblem(checked.metric, catalog),
    ...dateRangeProblems(checked.from, checked.to),
    checked.by === undefined ? null : dimensionProblem(checked.by, 'by'),
  ].filter((p): p is Problem => p !== null);
  throwIfAny('explain request', problems);
  return {
    metric: checked.metric,
    from: checked.from,
    to: checked.to,
    compare: checked.compare ?? 'previous_period',
    by: (checked.by as Dimension | undefined) ?? null,
    filters: (checked.filters ?? []).map((f) => ({ ...f, values: [...f.values] })),
  };
}
