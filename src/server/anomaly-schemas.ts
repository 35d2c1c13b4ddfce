// The answer of POST /v1/anomalies as a TypeBox schema, for the OpenAPI
// document and the dashboard's typed client; compile-time checks keep it in
// step with what the service returns.
import { Type } from '@sinclair/typebox';
import type { Assert, FieldsFit } from './schema-fit.js';
import type { AnomalyMetric, AnomalyReport } from '../anomalies/anomaly-service.js';
import { ANOMALY_METHODS, type DetectorParams, type TrainingSpan } from '../anomalies/detect-anomalies.js';
import type { AnomalyPoint } from '../anomalies/point-score.js';
import { SERIES_GRAINS } from '../forecast/series-dates.js';
import { FilterSchema } from '../metrics/body-checks.js';
import { UNITS } from '../metrics/types.js';
import { ForecastParamsSchema } from './forecast-schemas.js';

const literals = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
const nullableNumber = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });

export const AnomalyPointSchema = Type.Object({
  date: Type.String({ description: 'the day, or the first day of the week or month' }),
  value: Type.Number({ description: 'the metric’s value' }),
  expected: Type.Number({ description: 'the one-step forecast (holt_winters), the value a season before plus the median seasonal difference (seasonal_mad), or the median (mad)' }),
  lower: Type.Number({ description: 'expected − threshold·sigma' }),
  upper: Type.Number({ description: 'expected + threshold·sigma' }),
  anomaly: Type.Boolean({ description: 'the value lies outside [lower, upper]' }),
  severity: Type.Union([literals(['low', 'medium', 'high']), Type.Null()], {
    description: 'how far outside: low below 1.5 half-widths from expected, medium below 2, high beyond; null when not an anomaly',
  }),
  score: Type.Number({ description: '|value − expected| / sigma' }),
  direction: literals(['above', 'below'], 'the side of expected the value is on'),
});

const AnomalyParamsSchema = Type.Object({
  season: Type.Integer({ minimum: 1, description: 'season length in periods (1: none)' }),
  threshold: Type.Number({ description: 'z: a point is an anomaly when |value − expected| > z·sigma (z of the sensitivity’s two-sided interval)' }),
  sigma: Type.Number({ description: 'scale of the errors: the fit’s one-step σ, or 1.4826 × MAD' }),
  trend: Type.Union([literals(['none', 'additive', 'damped']), Type.Null()], { description: 'holt_winters: the trend of the model kept (seasonality is additive); null otherwise' }),
  smoothing: Type.Union([ForecastParamsSchema, Type.Null()], { description: 'holt_winters: the smoothing parameters; null otherwise' }),
  aicc: nullableNumber('holt_winters: the AICc of the model kept; null otherwise'),
  median: nullableNumber('the MAD methods: the median of the seasonal differences (seasonal_mad) or of the values (mad); null for holt_winters'),
  mad: nullableNumber('the MAD methods: the median absolute deviation from that median, unscaled; null for holt_winters'),
  sigma_basis: literals(['fit', 'mad', 'mean_deviation', 'floor'], 'where sigma comes from: the fit, 1.4826 × MAD, √(π/2) × the mean absolute deviation (the MAD was 0), or a floor (the history does not vary)'),
});

const TrainingSchema = Type.Object({
  from: Type.String({ description: 'first period of the history learned from' }),
  to: Type.String({ description: 'last period of the history learned from' }),
  periods: Type.Integer({ description: 'periods of history' }),
});

const AnomalyMetricSchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  unit: literals(UNITS),
  filters: Type.Array(FilterSchema),
});

export const AnomalyReportSchema = Type.Object({
  metric: AnomalyMetricSchema,
  grain: literals(SERIES_GRAINS, 'the step between points'),
  from: Type.String(),
  to: Type.String(),
  sensitivity: Type.Number({ description: 'coverage of the prediction interval' }),
  method: literals(ANOMALY_METHODS, 'holt_winters with enough history for two seasons, else seasonal_mad, else mad'),
  reason: Type.String({ description: 'why that method ran' }),
  params: AnomalyParamsSchema,
  training: TrainingSchema,
  points: Type.Array(AnomalyPointSchema, { description: 'one per period of from…to with a value, oldest first' }),
  anomalies: Type.Integer({ description: 'how many points are anomalies' }),
  notes: Type.Array(Type.String()),
});

export type AnomalyReportSchemaCheck = Assert<FieldsFit<typeof AnomalyReportSchema, AnomalyReport>>;
export type AnomalyPointSchemaCheck = Assert<FieldsFit<typeof AnomalyPointSchema, AnomalyPoint>>;
export type AnomalyParamsSchemaCheck = Assert<FieldsFit<typeof AnomalyParamsSchema, DetectorParams>>;
export type TrainingSchemaCheck = Assert<FieldsFit<typeof TrainingSchema, TrainingSpan>>;
export type AnomalyMetricSchemaCheck = Assert<FieldsFit<typeof AnomalyMetricSchema, AnomalyMetric>>;
