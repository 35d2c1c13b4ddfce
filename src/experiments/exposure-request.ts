// The warehouse form of POST /v1/experiments/analyze (and of `beacon
// experiment --name EXP --metric M`): which experiment, which metric (or
// several, read together), the test window, and the same analysis options as the stats form, plus CUPED's
// covariate window. Checked into ExposureRequest, or one 400 naming every bad
// field.
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { isValidDate } from '../core/time.js';
import { checkBody, DATE_PATTERN, throwIfAny, type Problem } from '../metrics/body-checks.js';

/** The days before a person's first exposure whose outcome is CUPED's covariate, by default and at most. */
export const DEFAULT_CUPED_DAYS = 14;
export const MAX_CUPED_DAYS = 365;
/** Metrics one readout may read together. */
export const MAX_METRICS = 10;

const DateField = (description: string) => Type.String({ pattern: DATE_PATTERN, description });

export const ExposureRequestSchema = Type.Object(
  {
    experiment: Type.String({ minLength: 1, maxLength: 200, description: 'the `experiment` property of its experiment_exposure events' }),
    metric: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'visitor_cvr, conversions, revenue, pageviews, or an event type (did the person do it)' })),
    metrics: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
        minItems: 1,
        maxItems: MAX_METRICS,
        description: 'instead of metric: several metrics read together, the first answered at the top level, the rest in `secondary`; p_value_adjusted then corrects across every metric and treatment',
      }),
    ),
    from: Type.Optional(DateField('first local date whose exposures count (default: the first exposure)')),
    to: Type.Optional(DateField('last local date of the test: exposures and outcomes up to its end (default: now)')),
    control: Type.Optional(Type.String({ minLength: 1, description: 'the control variant (default: one named control, else the first by name)' })),
    planned_split: Type.Optional(Type.Record(Type.String(), Type.Number(), { description: 'planned share of people per variant name, summing to 1 (default: equal)' })),
    alpha: Type.Optional(Type.Number({ description: 'significance level, above 0 and at most 0.5 (default 0.05)' })),
    prior: Type.Optional(Type.Object({ alpha: Type.Number(), beta: Type.Number() }, { additionalProperties: false, description: 'rates: the Beta prior (default Beta(1, 1))' })),
    sequential: Type.Optional(Type.Boolean({ description: 'always-valid intervals and p-values, safe to look at every day' })),
    sequential_tuning: Type.Optional(Type.Number({ description: 'sequential: the total sample size at which the intervals are tightest (default 5000)' })),
    cuped: Type.Optional(Type.Boolean({ description: 'adjust for each person’s metric in the days before exposure (default true; skipped when nobody had any)' })),
    cuped_days: Type.Optional(Type.Integer({ description: `CUPED: the days before the first exposure the covariate covers (default ${DEFAULT_CUPED_DAYS})` })),
  },
  { additionalProperties: false },
);

export type ExposureRequestBody = Static<typeof ExposureRequestSchema>;

export interface ExposureRequest {
  experiment: string;
  /** The primary metric first; more when several are read together. */
  metrics: string[];
  from: string | null;
  to: string | null;
  control: string | null;
  plannedSplit: Record<string, number> | null;
  /** 0 when CUPED is off. */
  cupedDays: number;
  /** The options the stats form shares, passed on as they came. */
  analysis: Pick<ExposureRequestBody, 'alpha' | 'prior' | 'sequential' | 'sequential_tuning'>;
}

const check = TypeCompiler.Compile(ExposureRequestSchema);

/**
 * The checked request; every problem in one 400.
 *
 * @example
 * parseExposureRequest({ experiment: 'checkout_button', metric: 'visitor_cvr', from: '2026-11-01' })
 * // { experiment: 'checkout_button', metrics: ['visitor_cvr'], from: '2026-11-01', to: null, control: null, plannedSplit: null, cupedDays: 14, analysis: {} }
 */
export function parseExposureRequest(body: unknown): ExposureRequest {
  const input = checkBody('experiment request', check, body);
  const problems: Problem[] = [];
  for (const key of ['from', 'to'] as const) {
    const value = input[key];
    if (value !== undefined && !isValidDate(value)) problems.push({ field: key, message: `${value} is not a calendar date` });
  }
  if (input.from && input.to && isValidDate(input.from) && isValidDate(input.to) && input.from > input.to) problems.push({ field: 'from', message: `must not be after to (${input.from} > ${input.to})` });
  const cupedDays = input.cuped_days ?? DEFAULT_CUPED_DAYS;
  if (cupedDays < 1 || cupedDays > MAX_CUPED_DAYS) problems.push({ field: 'cuped_days', message: `must be 1 to ${MAX_CUPED_DAYS} days (got ${cupedDays})` });
  if (input.cuped === false && input.cuped_days !== undefined) problems.push({ field: 'cuped_days', message: 'applies only with CUPED on; drop it or cuped: false' });
  const metrics = input.metrics ?? (input.metric === undefined ? [] : [input.metric]);
  if (input.metric !== undefined && input.metrics !== undefined) problems.push({ field: 'metrics', message: 'give metric or metrics, not both' });
  else if (metrics.length === 0) problems.push({ field: 'metric', message: 'is required: visitor_cvr, conversions, revenue, pageviews or an event type' });
  const repeated = metrics.filter((m, i) => metrics.indexOf(m) !== i);
  if (repeated.length > 0) problems.push({ field: 'metrics', message: `names ${repeated[0]} twice` });
  throwIfAny('experiment request', problems);
  const { alpha, prior, sequential, sequential_tuning } = input;
  return {
    experiment: input.experiment,
    metrics,
    from: input.from ?? null,
    to: input.to ?? null,
    control: input.control ?? null,
    plannedSplit: input.planned_split ?? null,
    cupedDays: input.cuped === false ? 0 : cupedDays,
    analysis: { alpha, prior, sequential, sequential_tuning },
  };
}

