// The `forecast` part of a POST /v1/query body (and of `beacon query
// --forecast`): how many buckets to forecast, at which coverage, with which
// model; and the query it may come with — a time series per metric: grain day,
// week or month, no dimensions, no limit. Bad input is a 400 naming the field.
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValidationError } from '../core/errors.js';
import { checkBody } from '../metrics/body-checks.js';
import { QueryInputSchema } from '../metrics/query-input.js';
import { MAX_HORIZON } from './forecast-input.js';
import { modelFields } from './forecast-request.js';
import { SERIES_GRAINS, type SeriesGrain } from './series-dates.js';

export const QueryForecastOptionsSchema = Type.Object(
  {
    horizon: Type.Integer({ minimum: 1, maximum: MAX_HORIZON, description: "buckets of the query's grain to forecast after the last complete one" }),
    ...modelFields,
  },
  { additionalProperties: false, description: 'forecast each metric of the query past its last complete bucket (grain day, week or month; no dimensions, no limit)' },
);

/** A POST /v1/query body: the query, and optionally its forecast. */
export const ForecastQueryInputSchema = Type.Object(
  { ...QueryInputSchema.properties, forecast: Type.Optional(Type.Union([QueryForecastOptionsSchema, Type.Null()])) },
  { additionalProperties: false },
);

export type QueryForecastOptions = Static<typeof QueryForecastOptionsSchema>;

/** A query body split from its forecast options (null when it asks for none). */
export interface ForecastQueryRequest {
  query: Record<string, unknown>;
  forecast: (QueryForecastOptions & { grain: SeriesGrain }) | null;
}

const checkOptions = TypeCompiler.Compile(Type.Object({ forecast: QueryForecastOptionsSchema }));

/**
 * Takes the forecast options out of a query body and checks that the query
 * gives one series per metric to forecast; the rest of the body is left to
 * the query's own checks.
 *
 * @example splitForecastQuery({ metrics: 'cost', grain: 'day', from, to, forecast: { horizon: 14 } })
 * // → { query: { metrics: 'cost', grain: 'day', from, to }, forecast: { horizon: 14, grain: 'day' } }
 */
export function splitForecastQuery(body: Record<string, unknown>): ForecastQueryRequest {
  const { forecast, ...query } = body;
  if (forecast === undefined || forecast === null) return { query, forecast: null };
  const options = checkBody('query', checkOptions, { forecast }).forecast;
  if (options.damped === true && options.model === 'simple') {
    throw new ValidationError('forecast.damped needs a trend: the simple model has none (use holt, additive or multiplicative)', { field: 'forecast.damped' });
  }
  const grain = query.grain;
  if (!(SERIES_GRAINS as readonly unknown[]).includes(grain)) {
    const got = grain === undefined || grain === null ? 'none' : JSON.stringify(grain);
    throw new ValidationError(`a forecast needs grain ${SERIES_GRAINS.join(', ')} (got ${got}): it continues the metric's series of buckets`, { field: 'grain' });
  }
  const dimensions = namedDimensions(query.dimensions);
  if (dimensions.length > 0) {
    throw new ValidationError(
      `a forecast continues one series per metric: drop dimensions (${dimensions.join(', ')}), or forecast one ${dimensions[0]} at a time with a filter (filters: [{ dimension: "${dimensions[0]}", op: "eq", values: [...] }])`,
      { field: 'dimensions' },
    );
  }
  if (query.limit !== undefined && query.limit !== null) {
    throw new ValidationError('a forecast continues the whole series of buckets: drop limit', { field: 'limit' });
  }
  return { query, forecast: { ...options, grain: grain as SeriesGrain } };
}

/** The dimensions a body names, as a list or comma-separated text (parseQuery checks them). */
function namedDimensions(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).filter((d) => d.trim() !== '');
  if (typeof value === 'string') return value.split(',').map((d) => d.trim()).filter(Boolean);
  return [];
}
