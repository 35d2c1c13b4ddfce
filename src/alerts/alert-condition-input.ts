// An alert rule's `condition` as users send it (one object whose `kind` says
// which other fields it takes) and its check into an AlertCondition, each
// missing, misplaced or out-of-range field named on its own.
import { Type, type Static } from '@sinclair/typebox';
import type { Problem } from '../metrics/body-checks.js';
import { MAX_FUNNEL_STEPS, MAX_FUNNEL_WINDOW_DAYS } from '../warehouse/relations/funnels.js';
import type { AlertCondition, ComparisonOp } from './alert-firing.js';

export const CONDITION_KINDS = ['threshold', 'change', 'anomaly', 'goal_pace', 'funnel', 'data_quality'] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

/** Coverage of the prediction interval a value must fall outside of, as the anomaly detector reads it. */
export const DEFAULT_ANOMALY_SENSITIVITY = 0.99;
export const MIN_ANOMALY_SENSITIVITY = 0.5;
export const MAX_ANOMALY_SENSITIVITY = 0.999999;
/** Thresholds are business figures: a quadrillion bounds any of them. */
const MAX_VALUE = 1e15;

const literals = <T extends string>(values: readonly T[], description: string) => Type.Union(values.map((v) => Type.Literal(v)), { description });

export const ConditionSchema = Type.Object(
  {
    kind: literals(CONDITION_KINDS, 'threshold: the value against a number; change: percent against the previous period; anomaly: outside the expected range; goal_pace: a goal behind pace; funnel: a funnel’s conversion against a number; data_quality: the data-quality audit finds something at least this severe'),
    op: Type.Optional(literals(['above', 'below'], 'threshold, change, funnel: which side fires')),
    value: Type.Optional(Type.Number({ description: 'threshold: the number; funnel: the conversion in percent (0 to 100)' })),
    percent: Type.Optional(Type.Number({ description: 'change: the rise (op above) or fall (op below) in percent that fires, above 0' })),
    sensitivity: Type.Optional(Type.Number({ description: `anomaly: coverage of the expected range, ${MIN_ANOMALY_SENSITIVITY} to ${MAX_ANOMALY_SENSITIVITY} (default ${DEFAULT_ANOMALY_SENSITIVITY}); higher fires less` })),
    goal_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'goal_pace: the goal' })),
    steps: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { description: `funnel: 2 to ${MAX_FUNNEL_STEPS} steps, first to last` })),
    window_days: Type.Optional(Type.Number({ description: `funnel: days within which every later step must come, above 0 and at most ${MAX_FUNNEL_WINDOW_DAYS}` })),
    severity: Type.Optional(literals(['error', 'warning'], 'data_quality: the least severe finding that fires (default error)')),
  },
  { additionalProperties: false },
);

export type ConditionInput = Static<typeof ConditionSchema>;

type ConditionField = Exclude<keyof ConditionInput, 'kind'>;

/** The fields each kind takes (all required but `sensitivity`). */
const FIELDS: Record<ConditionKind, readonly ConditionField[]> = {
  threshold: ['op', 'value'],
  change: ['op', 'percent'],
  anomaly: ['sensitivity'],
  goal_pace: ['goal_id'],
  funnel: ['steps', 'window_days', 'op', 'value'],
  data_quality: ['severity'],
};

/** Fields a kind takes that may be left out (their defaults apply). */
const OPTIONAL: ReadonlySet<ConditionField> = new Set(['sensitivity', 'severity']);

/**
 * The condition with its defaults, and a problem (field `condition.…`) for
 * every field that is missing, belongs to another kind or is out of range.
 *
 * @example parseCondition({ kind: 'change', op: 'above', percent: 20 }, []) // → { kind: 'change', op: 'above', percent: 20 }
 */
export function parseCondition(input: ConditionInput, problems: Problem[]): AlertCondition {
  const allowed = FIELDS[input.kind];
  for (const field of Object.keys(input) as (keyof ConditionInput)[]) {
    if (field !== 'kind' && !allowed.includes(field)) problems.push({ field: `condition.${field}`, message: `does not belong to a ${input.kind} condition, which takes ${allowed.join(', ')}` });
  }
  for (const field of allowed) {
    if (!OPTIONAL.has(field) && input[field] === undefined) problems.push({ field: `condition.${field}`, message: `is required for a ${input.kind} condition` });
  }
  const op = input.op as ComparisonOp;
  switch (input.kind) {
    case 'threshold':
      checkNumber(input.value, 'value', -MAX_VALUE, MAX_VALUE, problems);
      return { kind: 'threshold', op, value: input.value as number };
    case 'change':
      if (input.percent !== undefined && !(Number.isFinite(input.percent) && input.percent > 0 && input.percent <= MAX_VALUE)) {
        problems.push({ field: 'condition.percent', message: `must be a percentage above 0, the size of the rise or fall that fires (got ${input.percent})` });
      }
      return { kind: 'change', op, percent: input.percent as number };
    case 'anomaly': {
      const sensitivity = input.sensitivity ?? DEFAULT_ANOMALY_SENSITIVITY;
      checkNumber(sensitivity, 'sensitivity', MIN_ANOMALY_SENSITIVITY, MAX_ANOMALY_SENSITIVITY, problems);
      return { kind: 'anomaly', sensitivity };
    }
    case 'goal_pace':
      return { kind: 'goal_pace', goal_id: input.goal_id as string };
    case 'funnel':
      checkFunnel(input, problems);
      return { kind: 'funnel', steps: input.steps ?? [], window_days: input.window_days as number, op, value: input.value as number };
    case 'data_quality':
      return { kind: 'data_quality', severity: input.severity ?? 'error' };
  }
}

function checkFunnel(input: ConditionInput, problems: Problem[]): void {
  const steps = input.steps;
  if (steps !== undefined && (steps.length < 2 || steps.length > MAX_FUNNEL_STEPS)) {
    problems.push({ field: 'condition.steps', message: `must list 2 to ${MAX_FUNNEL_STEPS} steps, first to last (got ${steps.length})` });
  }
  const days = input.window_days;
  if (days !== undefined && !(Number.isFinite(days) && days > 0 && days <= MAX_FUNNEL_WINDOW_DAYS)) {
    problems.push({ field: 'condition.window_days', message: `must be above 0 and at most ${MAX_FUNNEL_WINDOW_DAYS} days (got ${days})` });
  }
  checkNumber(input.value, 'value', 0, 100, problems, 'a conversion in percent');
}

function checkNumber(value: number | undefined, field: ConditionField, min: number, max: number, problems: Problem[], what = 'a number'): void {
  if (value === undefined || (Number.isFinite(value) && value >= min && value <= max)) return;
  problems.push({ field: `condition.${field}`, message: `must be ${what} from ${min} to ${max} (got ${value})` });
}
