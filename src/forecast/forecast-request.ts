// The body of POST /v1/forecast (and the options of `beacon forecast`): either
// a series sent as it is, or a metric query whose totals per day, week or month
// are the series; checked against its schema, or a 400 naming every bad field.
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { checkBody, DATE_PATTERN, FilterSchema, throwIfAny } from '../metrics/body-checks.js';
import { MAX_HORIZON, MODEL_CHOICES } from './forecast-input.js';
import { SERIES_GRAINS } from './series-dates.js';

/** Observations one forecast fits at most (a day series of 27 years; fitting 10,000 takes about 2 s). */
export const MAX_SERIES_POINTS = 10_000;

const literals = <T extends string>(values: readonly T[], description: string) => Type.Union(values.map((v) => Type.Literal(v)), { description });

export const modelFields = {
  model: Type.Optional(
    literals(MODEL_CHOICES, 'auto (default): every model the series allows, the lowest AICc kept; simple, holt (trend), additive or multiplicative (Holt-Winters seasonality)'),
  ),
  damped: Type.Optional(Type.Boolean({ description: 'damp the trend; with auto: only damped (true) or undamped (false) trends; unset tries both' })),
  level: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, description: 'coverage of the prediction intervals (default 0.95)' })),
};

export const SeriesForecastInputSchema = Type.Object(
  {
    series: Type.Array(
      Type.Object(
        {
          date: Type.String({ pattern: DATE_PATTERN, description: 'YYYY-MM-DD: the day, or the first day of the week or month' }),
          value: Type.Number(),
        },
        { additionalProperties: false },
      ),
      { maxItems: MAX_SERIES_POINTS, description: 'oldest first, one per day, week or month without gaps' },
    ),
    horizon: Type.Integer({ minimum: 1, maximum: MAX_HORIZON, description: 'periods to forecast' }),
    season: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_SERIES_POINTS, description: 'season length in periods (default 7 for days, 52 for weeks, 12 for months; 1: none)' })),
    ...modelFields,
  },
  { additionalProperties: false },
);

export const MetricForecastInputSchema = Type.Object(
  {
    metric: Type.String({ minLength: 1, maxLength: 128, description: 'a metric id of the catalog (GET /v1/catalog)' }),
    filters: Type.Optional(Type.Array(FilterSchema, { maxItems: 50 })),
    grain: Type.Optional(literals(SERIES_GRAINS, 'the series’ step (default day); the season follows it: 7 days, 52 weeks, 12 months')),
    from: Type.String({ pattern: DATE_PATTERN, description: 'first day of the history (workspace time zone)' }),
    to: Type.String({ pattern: DATE_PATTERN, description: 'last day of the history, inclusive' }),
    horizon_days: Type.Integer({ minimum: 1, maximum: MAX_HORIZON, description: 'days to forecast after the last complete day, week or month' }),
    ...modelFields,
  },
  { additionalProperties: false },
);

export const ForecastInputSchema = Type.Union([SeriesForecastInputSchema, MetricForecastInputSchema], {
  description: 'a series as it is, or a metric whose totals per day, week or month are the series',
});

export type SeriesForecastBody = Static<typeof SeriesForecastInputSchema>;
export type MetricForecastBody = Static<typeof MetricForecastInputSchema>;
export type ForecastBody = { kind: 'series'; body: SeriesForecastBody } | { kind: 'metric'; body: MetricForecastBody };

const checkSeries = TypeCompiler.Compile(SeriesForecastInputSchema);
const checkMetric = TypeCompiler.Compile(MetricForecastInputSchema);

/**
 * Which of the two requests a body is, checked against its schema.
 *
 * @example checkForecastBody({ series: [{ date: '2026-01-01', value: 3 }, …], horizon: 7 }) // → { kind: 'series', body }
 */
export function checkForecastBody(body: Record<string, unknown>): ForecastBody {
  const hasSeries = 'series' in body;
  const hasMetric = 'metric' in body;
  if (hasSeries && hasMetric) throwIfAny('forecast request', [{ field: 'metric', message: 'cannot come with series: send a series or a metric, not both' }]);
  if (hasSeries) return { kind: 'series', body: checkBody('forecast request', checkSeries, body) };
  if (hasMetric) return { kind: 'metric', body: checkBody('forecast request', checkMetric, body) };
  throwIfAny('forecast request', [{ field: 'series', message: 'is required: send series: [{ date, value }…] and horizon, or a metric with from, to and horizon_days' }]);
  throw new Error('unreachable');
}
