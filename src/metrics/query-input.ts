// Turns a query as clients send it (POST /v1/query, beacon query) into a
// checked MetricQuery, or an error that names the culprit and the valid
// choices: 400 for what is malformed or unknown, 422 for what is well-formed
// but impossible (a dimension a metric cannot be split by).
import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { didYouMean } from '../core/closest.js';
import { QueryError, ValidationError } from '../core/errors.js';
import { GRAINS, isValidDate } from '../core/time.js';
import { QUERY_ATTRIBUTION_MODELS, type QueryAttributionModel } from '../model/attribution.js';
import type { WorkspaceSettings } from '../model/settings.js';
import type { CatalogMetric } from './catalog.js';
import { FACTS } from './facts.js';
import { unknownMetric } from './metrics-service.js';
import { FilterSchema } from './body-checks.js';
import { bucketCount, comparisonWindow } from './time-buckets.js';
import {
  COMPARISONS,
  DIMENSIONS,
  type Comparison,
  type Dimension,
  type MetricQuery,
  type OrderBy,
} from './types.js';

const MAX_BUCKETS = 20_000;
const MAX_METRICS = 50;

const StringList = Type.Union([Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: 100 }), Type.String({ maxLength: 4000 })]);

export const QueryInputSchema = Type.Object(
  {
    metrics: StringList,
    dimensions: Type.Optional(StringList),
    grain: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    from: Type.String({ description: 'first day, YYYY-MM-DD (inclusive, workspace time zone)' }),
    to: Type.String({ description: 'last day, YYYY-MM-DD (inclusive)' }),
    filters: Type.Optional(Type.Array(FilterSchema, { maxItems: 50 })),
    compare: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    attribution: Type.Optional(
      Type.Object(
        { model: Type.Optional(Type.String()), lookback_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })) },
        { additionalProperties: false },
      ),
    ),
    order_by: Type.Optional(
      Type.Union([
        Type.String(),
        Type.Array(
          Type.Object(
            { field: Type.String(), direction: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])) },
            { additionalProperties: false },
          ),
          { maxItems: 10 },
        ),
      ]),
    ),
    limit: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 100_000 }), Type.Null()])),
  },
  { additionalProperties: false },
);

const checkShape = TypeCompiler.Compile(QueryInputSchema);

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : (Array.isArray(value) ? value : value.split(',')).map((s) => s.trim()).filter(Boolean);

function oneOf<T extends string>(value: unknown, choices: readonly T[], field: string): T {
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw new ValidationError(`${field} "${String(value)}" is not one of ${choices.join(', ')}${didYouMean(String(value), choices)}`, { field, choices });
}

/** Checks a query body against the catalog (incl. the workspace's own metrics) and settings. */
export function parseQuery(body: unknown, metrics: ReadonlyMap<string, CatalogMetric>, settings: WorkspaceSettings): MetricQuery {
  if (!checkShape.Check(body)) {
    const problem = checkShape.Errors(body).First()!;
    const field = problem.path.replace(/^\//, '').replace(/\//g, '.') || '(query)';
    throw new ValidationError(`invalid query: ${field} ${problem.message}`, { field });
  }
  const metricIds = list(body.metrics);
  if (metricIds.length === 0) throw new ValidationError('metrics: name at least one metric', { field: 'metrics' });
  if (metricIds.length > MAX_METRICS) throw new ValidationError(`metrics: at most ${MAX_METRICS} per query`, { field: 'metrics' });
  const chosen = metricIds.map((id) => {
    const metric = metrics.get(id);
    if (!metric) throw unknownMetric(id, metrics, 'metrics');
    return metric;
  });
  const dimensions = list(body.dimensions).map((d) => oneOf(d, DIMENSIONS, 'dimension'));
  const filters = (body.filters ?? []).map((f) => ({ ...f, values: f.values.slice() }));
  for (const f of filters) {
    if ((f.op === 'eq' || f.op === 'neq') && f.values.length !== 1) {
      throw new ValidationError(`filter on ${f.dimension}: op "${f.op}" takes exactly one value (use in / not_in for several)`, { field: 'filters' });
    }
  }
  const grain = body.grain === undefined || body.grain === null ? null : oneOf(body.grain, GRAINS, 'grain');
  for (const [field, value] of [['from', body.from], ['to', body.to]] as const) {
    if (!isValidDate(value)) throw new ValidationError(`${field} "${value}" is not a date YYYY-MM-DD`, { field });
  }
  if (body.from > body.to) throw new ValidationError(`from (${body.from}) is after to (${body.to})`, { field: 'from' });
  const compare = body.compare === undefined || body.compare === null ? null : oneOf(body.compare, COMPARISONS, 'compare');

  for (const metric of chosen) {
    for (const d of [...dimensions, ...filters.map((f) => f.dimension)]) {
      if (!metric.dimensions.includes(d)) {
        throw new QueryError(
          `metric "${metric.id}" cannot be split or filtered by ${d}; it supports ${metric.dimensions.join(', ') || 'no dimensions'}`,
          { metric: metric.id, dimension: d, supported: metric.dimensions },
        );
      }
    }
    if (grain === 'hour' && metric.facts.some((f) => FACTS[f].time.kind === 'date')) {
      throw new QueryError(`metric "${metric.id}" reads daily data (ad_performance or costs): use grain day or coarser`, {
        metric: metric.id,
        grain,
      });
    }
  }
  // Counted, not listed: listing the days of 0001…9999 once took the server down.
  if (grain && bucketCount(body.from, body.to, grain) > MAX_BUCKETS) {
    throw new QueryError(`the range ${body.from}…${body.to} has more than ${MAX_BUCKETS} ${grain} buckets; use a coarser grain`, {
      field: 'grain',
    });
  }

  checkEarlierWindows(body.from, body.to, compare, chosen);

  const defaultModel = (QUERY_ATTRIBUTION_MODELS as readonly string[]).includes(settings.attribution_model)
    ? (settings.attribution_model as QueryAttributionModel)
    : 'last_non_direct';
  const requested = body.attribution?.model;
  if (requested !== undefined && !(QUERY_ATTRIBUTION_MODELS as readonly string[]).includes(requested)) {
    throw new QueryError(
      `attribution model "${requested}" is not available in metric queries, which support ${QUERY_ATTRIBUTION_MODELS.join(', ')}; POST /v1/attribution (beacon attribution) credits conversions under every model`,
      { field: 'attribution.model', choices: QUERY_ATTRIBUTION_MODELS },
    );
  }

  return {
    metrics: metricIds,
    dimensions: [...new Set(dimensions)] as Dimension[],
    grain,
    from: body.from,
    to: body.to,
    filters,
    compare,
    attribution: {
      model: (requested as QueryAttributionModel | undefined) ?? defaultModel,
      lookback_days: body.attribution?.lookback_days ?? settings.lookback_days,
    },
    order_by: parseOrderBy(body.order_by, resultColumns(metricIds, dimensions, grain)),
    limit: body.limit ?? null,
  };
}

/** The first day a window may start on: the calendar has no year 0. */
const FIRST_DAY = '0001-01-01';

/** A comparison, and a growth metric's previous period, must stay within the calendar. */
function checkEarlierWindows(from: string, to: string, compare: Comparison | null, metrics: CatalogMetric[]): void {
  const asked: [Comparison, string][] = [];
  if (compare) asked.push([compare, 'compare']);
  if (metrics.some((m) => m.growthOf)) asked.push(['previous_period', 'metrics']);
  for (const [kind, field] of asked) {
    const window = comparisonWindow(from, to, kind);
    if (!(window.from >= FIRST_DAY) || !isValidDate(window.from)) {
      throw new ValidationError(`the ${kind.replace('_', ' ')} of ${from}…${to} would start before ${FIRST_DAY}; start the range later`, { field });
    }
  }
}

/** The columns a result of these metrics, dimensions and grain has: what it can be ordered by. */
function resultColumns(metricIds: string[], dimensions: Dimension[], grain: string | null): string[] {
  const named = dimensions.flatMap((d) => (d === 'campaign' ? [d, 'campaign_name'] : [d]));
  return [...(grain ? ['date'] : []), ...new Set(named), ...metricIds];
}

/** "-cost,channel" or [{ field, direction }]; a leading "-" means descending. */
function parseOrderBy(value: string | { field: string; direction?: 'asc' | 'desc' }[] | undefined, fields: string[]): OrderBy[] {
  const items =
    typeof value === 'string'
      ? list(value).map((f) => (f.startsWith('-') ? { field: f.slice(1), direction: 'desc' as const } : { field: f, direction: 'asc' as const }))
      : (value ?? []).map((o) => ({ field: o.field, direction: o.direction ?? ('asc' as const) }));
  for (const item of items) {
    if (!fields.includes(item.field)) {
      throw new ValidationError(`order_by "${item.field}" is not a column of this query's result; its columns are ${fields.join(', ')}${didYouMean(item.field, fields)}`, {
        field: 'order_by',
        choices: fields,
      });
    }
  }
  return items;
}
