// The body of POST /v1/anomalies (and the options of `beacon anomalies`):
// a metric, its filters and grain, the range to judge, and how sensitive to
// be; checked against its schema, or a 400 naming every bad field.
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValidationError } from '../core/errors.js';
import { isValidDate } from '../core/time.js';
import { SERIES_GRAINS, type SeriesGrain } from '../forecast/series-dates.js';
import { checkBody, DATE_PATTERN, FilterSchema } from '../metrics/body-checks.js';
import { DEFAULT_SENSITIVITY } from './point-score.js';

/** Periods of history before `from` the detector learns from, by grain: eight weeks of days, two years of weeks or months. */
export const DEFAULT_TRAINING_PERIODS: Readonly<Record<SeriesGrain, number>> = { day: 56, week: 104, month: 24 };
export const MIN_TRAINING_PERIODS = 7;
export const MAX_TRAINING_PERIODS = 5000;

const literals = <T extends string>(values: readonly T[], description: string) => Type.Union(values.map((v) => Type.Literal(v)), { description });

export const AnomalyInputSchema = Type.Object(
  {
    metric: Type.String({ minLength: 1, maxLength: 128, description: 'a metric id of the catalog (GET /v1/catalog), built in or custom' }),
    filters: Type.Optional(Type.Array(FilterSchema, { maxItems: 50 })),
    grain: Type.Optional(literals(SERIES_GRAINS, 'the series’ step (default day); the season follows it: 7 days, 52 weeks, 12 months')),
    from: Type.String({ pattern: DATE_PATTERN, description: 'first day to judge (workspace time zone); the history before it is the training data' }),
    to: Type.String({ pattern: DATE_PATTERN, description: 'last day to judge, inclusive' }),
    sensitivity: Type.Optional(
      Type.Number({
        minimum: 0.5,
        maximum: 0.999999,
        description: `coverage of the prediction interval a value must fall outside of to be an anomaly (default ${DEFAULT_SENSITIVITY}: |value − expected| > 2.58 σ); higher flags fewer points`,
      }),
    ),
    training_periods: Type.Optional(
      Type.Integer({
        minimum: MIN_TRAINING_PERIODS,
        maximum: MAX_TRAINING_PERIODS,
        description: `days, weeks or months of history before from to learn from (default ${DEFAULT_TRAINING_PERIODS.day} days, ${DEFAULT_TRAINING_PERIODS.week} weeks, ${DEFAULT_TRAINING_PERIODS.month} months)`,
      }),
    ),
  },
  { additionalProperties: false },
);

export type AnomalyBody = Static<typeof AnomalyInputSchema>;

/** A request with its defaults filled in. */
export interface AnomalyRequest {
  metric: string;
  filters: NonNullable<AnomalyBody['filters']>;
  grain: SeriesGrain;
  from: string;
  to: string;
  sensitivity: number;
  trainingPeriods: number;
}

const checkShape = TypeCompiler.Compile(AnomalyInputSchema);

/**
 * Checks a body against the schema and its dates against the calendar, and
 * fills in the defaults. Throws ValidationError naming the field.
 *
 * @example checkAnomalyBody({ metric: 'cost', from: '2026-10-19', to: '2026-11-15' }) // → { grain: 'day', sensitivity: 0.99, trainingPeriods: 56, filters: [], … }
 */
export function checkAnomalyBody(body: Record<string, unknown>): AnomalyRequest {
  const checked = checkBody('anomaly request', checkShape, body);
  for (const field of ['from', 'to'] as const) {
    if (!isValidDate(checked[field])) throw new ValidationError(`${field} "${checked[field]}" is not a date of the calendar`, [{ field, message: 'is not a date of the calendar' }]);
  }
  if (checked.from > checked.to) throw new ValidationError(`from (${checked.from}) is after to (${checked.to})`, [{ field: 'from', message: `is after to (${checked.to})` }]);
  const grain = checked.grain ?? 'day';
  return {
    metric: checked.metric,
    filters: checked.filters ?? [],
    grain,
    from: checked.from,
    to: checked.to,
    sensitivity: checked.sensitivity ?? DEFAULT_SENSITIVITY,
    trainingPeriods: checked.training_periods ?? DEFAULT_TRAINING_PERIODS[grain],
  };
}
