// The answer of POST /v1/forecast as a TypeBox schema, and the forecasts other
// answers carry (a query's, a goal's), for the OpenAPI document and the
// dashboard's typed client; compile-time checks keep them in step.
import { Type } from '@sinclair/typebox';
import type { Assert, FieldsFit } from './schema-fit.js';
import type { ForecastPoint } from '../forecast/forecast.js';
import type { SeriesPoint } from '../forecast/forecast-input.js';
import type { ForecastMetric, ForecastReport } from '../forecast/forecast-service.js';
import type { QueryMetricForecast } from '../forecast/query-forecast.js';
import { SERIES_GRAINS } from '../forecast/series-dates.js';
import type { ModelName, SmoothingParams } from '../forecast/smoothing.js';
import { FilterSchema } from '../metrics/body-checks.js';
import { UNITS } from '../metrics/types.js';

const literals = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
export const MODEL_NAMES = ['simple', 'holt', 'holt-damped', 'additive', 'additive-damped', 'multiplicative', 'multiplicative-damped'] as const satisfies readonly ModelName[];
const nullable = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });

export const ForecastParamsSchema = Type.Object({
  alpha: Type.Number({ description: 'level smoothing' }),
  beta: nullable('trend smoothing (against the change in level); null without trend'),
  gamma: nullable('seasonal smoothing; null without seasonality'),
  phi: nullable('trend damping; null when the trend is not damped'),
});

const FittedPointSchema = Type.Object({ date: Type.String(), value: Type.Number({ description: 'the one-step forecast of the observation on this date' }) });

export const ForecastPointSchema = Type.Object({
  date: Type.String({ description: 'the day, or the first day of the week or month' }),
  value: Type.Number({ description: 'point forecast' }),
  lower: Type.Number({ description: 'lower end of the prediction interval' }),
  upper: Type.Number({ description: 'upper end of the prediction interval' }),
});

const ForecastMetricSchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  unit: literals(UNITS),
  from: Type.String(),
  to: Type.String(),
  filters: Type.Array(FilterSchema),
});

export const ForecastReportSchema = Type.Object({
  model: literals(MODEL_NAMES, 'the model fitted (with model auto: the lowest AICc)'),
  params: ForecastParamsSchema,
  sse: Type.Number({ description: 'sum of squared one-step errors' }),
  aicc: Type.Number({ description: 'corrected Akaike information criterion of the fit' }),
  fitted: Type.Array(FittedPointSchema, { description: 'the one-step forecast of every observation fitted' }),
  points: Type.Array(ForecastPointSchema, { description: 'the forecast, one per period after the last observation' }),
  grain: literals(SERIES_GRAINS, 'the step between dates'),
  season: Type.Integer({ minimum: 1, description: 'season length offered to the seasonal models, in periods (1: none)' }),
  level: Type.Number({ description: 'coverage of the prediction intervals' }),
  metric: Type.Union([ForecastMetricSchema, Type.Null()], { description: 'the metric whose totals were the series; null for a series sent as it is' }),
  notes: Type.Array(Type.String()),
});

/** One metric's forecast in the answer of POST /v1/query with forecast. */
export const QueryMetricForecastSchema = Type.Object({
  model: literals(MODEL_NAMES, 'the model fitted (with model auto: the lowest AICc)'),
  params: ForecastParamsSchema,
  season: Type.Integer({ minimum: 1, description: 'season length offered to the seasonal models, in buckets (1: none)' }),
  level: Type.Number({ description: 'coverage of the prediction intervals' }),
  points: Type.Array(ForecastPointSchema, { description: 'one per bucket after the last complete one' }),
});

export type ForecastSchemaCheck = Assert<FieldsFit<typeof ForecastReportSchema, ForecastReport>>;
export type ForecastParamsSchemaCheck = Assert<FieldsFit<typeof ForecastParamsSchema, SmoothingParams>>;
export type ForecastPointSchemaCheck = Assert<FieldsFit<typeof ForecastPointSchema, ForecastPoint>>;
export type FittedPointSchemaCheck = Assert<FieldsFit<typeof FittedPointSchema, SeriesPoint>>;
export type ForecastMetricSchemaCheck = Assert<FieldsFit<typeof ForecastMetricSchema, ForecastMetric>>;
export type QueryMetricForecastSchemaCheck = Assert<FieldsFit<typeof QueryMetricForecastSchema, QueryMetricForecast>>;
