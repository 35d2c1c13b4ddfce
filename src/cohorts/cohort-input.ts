// The body of POST /v1/cohorts (and the options of `beacon cohorts`): cohorts
// by week or month of acquisition, a metric, an activity, a period of
// acquisition dates and optionally a channel or a breakdown; checked into a
// CohortRequest with every default resolved, or a 400 naming the field.
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { periodIndex, type PeriodGrain } from '../core/period-index.js';
import { isValidDate, localDate } from '../core/time.js';
import { checkBody, DATE_PATTERN, MAX_FILTER_VALUE_LENGTH, throwIfAny, type Problem } from '../metrics/body-checks.js';
import type { WorkspaceSettings } from '../model/settings.js';
import type { CohortActivityKind, CohortDimension } from '../warehouse/warehouse.js';

export const COHORT_GRAINS = ['week', 'month'] as const;
export const COHORT_METRICS = ['retention', 'revenue'] as const;
export const COHORT_ACTIVITIES = ['purchase', 'subscription'] as const;
export const COHORT_DIMENSIONS = ['channel', 'campaign'] as const;
export type CohortMetric = (typeof COHORT_METRICS)[number];

/** Periods from the first cohort to today a matrix may span (ten years of weeks). */
export const MAX_PERIODS = 520;
/** Periods projected by the retention model by default, and at most. */
export const DEFAULT_PROJECTION = 6;
export const MAX_PROJECTION = 120;

const literals = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});

export const CohortInputSchema = Type.Object(
  {
    by: literals(COHORT_GRAINS, 'cohorts and their periods: calendar weeks (Monday to Sunday) or months of the workspace time zone'),
    metric: literals(COHORT_METRICS, 'retention: % of the cohort active in each period; revenue: cumulative completed-order revenue per cohort customer'),
    from: Type.String({ pattern: DATE_PATTERN, description: 'first acquisition date (workspace time zone)' }),
    to: Type.String({ pattern: DATE_PATTERN, description: 'last acquisition date, inclusive' }),
    channel: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_FILTER_VALUE_LENGTH, description: 'only customers acquired through this channel; "(none)" for those without one' })),
    activity: Type.Optional(
      literals(COHORT_ACTIVITIES, 'purchase (default): a completed order in the period; subscription: the latest lifecycle stage is customer or reactivated at some moment of the period'),
    ),
    dimension: Type.Optional(literals(COHORT_DIMENSIONS, 'also one matrix per acquisition channel or campaign (breakdown)')),
    projection_periods: Type.Optional(
      Type.Integer({ minimum: 1, maximum: MAX_PROJECTION, description: `retention with subscription activity: periods the fitted model projects (default ${DEFAULT_PROJECTION})` }),
    ),
  },
  { additionalProperties: false },
);

export type CohortInput = Static<typeof CohortInputSchema>;

/** A cohort request, checked, with its defaults and the workspace's today. */
export interface CohortRequest {
  by: PeriodGrain;
  metric: CohortMetric;
  activity: CohortActivityKind;
  from: string;
  to: string;
  channel: string | null;
  dimension: CohortDimension | null;
  projectionPeriods: number;
  /** Today in the workspace time zone: its period is the last, incomplete one. */
  today: string;
}

const check = TypeCompiler.Compile(CohortInputSchema);

/**
 * Checks a cohort body and fills in the defaults (purchase activity, six projected periods).
 *
 * @example parseCohortRequest({ by: 'month', metric: 'retention', from: '2026-01-01', to: '2026-06-30' }, settings)
 * // { by: 'month', metric: 'retention', activity: 'purchase', …, today: '2026-11-20' }
 */
export function parseCohortRequest(body: unknown, settings: Pick<WorkspaceSettings, 'timezone'>, now = Date.now()): CohortRequest {
  const input = checkBody('cohort request', check, body);
  const today = localDate(now, settings.timezone);
  const problems: Problem[] = [];
  for (const field of ['from', 'to'] as const) {
    if (!isValidDate(input[field])) problems.push({ field, message: `"${input[field]}" is not a date YYYY-MM-DD` });
  }
  if (problems.length === 0) {
    if (input.from > input.to) problems.push({ field: 'from', message: `(${input.from}) is after to (${input.to})` });
    else if (input.from <= today && periodIndex(today, input.by) - periodIndex(input.from, input.by) >= MAX_PERIODS) {
      problems.push({ field: 'from', message: `(${input.from}) is more than ${MAX_PERIODS} ${input.by}s before today (${today}): choose a later from${input.by === 'week' ? ', or by month' : ''}` });
    }
  }
  throwIfAny('cohort request', problems);
  return {
    by: input.by,
    metric: input.metric,
    activity: input.activity ?? 'purchase',
    from: input.from,
    to: input.to,
    channel: input.channel ?? null,
    dimension: input.dimension ?? null,
    projectionPeriods: input.projection_periods ?? DEFAULT_PROJECTION,
    today,
  };
}
