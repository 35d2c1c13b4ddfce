// The body of POST /v1/budget/recommend (and the options of `beacon budget`):
// the budget for a period as long as the history, what to split it by and
// what to maximise (or the target to keep), the attribution model the
// outcomes are credited by, and per-key bounds; checked against its schema,
// or a 400 naming every bad field.
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { addDays, isValidDate } from '../core/time.js';
import { checkBody, DATE_PATTERN, FilterSchema, throwIfAny, type Problem } from '../metrics/body-checks.js';
import { QUERY_ATTRIBUTION_MODELS } from '../model/attribution.js';
import { MIN_FIT_DAYS } from './fit-response-curve.js';
import type { BudgetObjective } from './budget-plan.js';

export const BUDGET_DIMENSIONS = ['channel', 'campaign'] as const;
export type BudgetDimension = (typeof BUDGET_DIMENSIONS)[number];
/** How far a key may move from its current spend by default, in percent. */
export const DEFAULT_MAX_CHANGE_PERCENT = 50;
/** The longest history the curves are fitted on. */
export const MAX_HISTORY_DAYS = 730;

const literals = <T extends string>(values: readonly T[], description: string) => Type.Union(values.map((v) => Type.Literal(v)), { description });
const Amounts = (description: string) => Type.Record(Type.String({ minLength: 1, maxLength: 256 }), Type.Number({ minimum: 0 }), { description });

export const BudgetInputSchema = Type.Object(
  {
    total_budget: Type.Number({ exclusiveMinimum: 0, description: 'the budget for a period as long as from…to, in the workspace currency' }),
    by: Type.Optional(literals(BUDGET_DIMENSIONS, 'what the budget is split by (default channel)')),
    from: Type.String({ pattern: DATE_PATTERN, description: 'first day of the history the curves are fitted on (workspace time zone)' }),
    to: Type.String({ pattern: DATE_PATTERN, description: 'last day of that history, inclusive; at least 30 days after from' }),
    objective: Type.Optional(literals(['revenue', 'conversions'], 'what to maximise (default revenue); with a target, what it is measured on')),
    target_roas: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'spend the most that keeps revenue ÷ spend at least this (instead of spending the whole budget)' })),
    target_cpa: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'spend the most that keeps spend ÷ conversions at most this' })),
    model: Type.Optional(literals(QUERY_ATTRIBUTION_MODELS, 'the attribution model the outcomes are credited by (default the workspace’s)')),
    filters: Type.Optional(Type.Array(FilterSchema, { maxItems: 50 })),
    min: Type.Optional(Amounts('the least each key may get over the period, by key')),
    max: Type.Optional(Amounts('the most each key may get over the period, by key')),
    locked: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 500, description: 'keys whose spend stays as it is' })),
    max_change_percent: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1000,
        description: `how far each key may move from its current spend, in percent, where min/max do not say otherwise (default ${DEFAULT_MAX_CHANGE_PERCENT}): curves are least reliable far from the spend they were fitted on`,
      }),
    ),
    holdout_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 90, description: 'days at the end held out to measure each curve’s out-of-sample error (default 28)' })),
  },
  { additionalProperties: false },
);

export type BudgetBody = Static<typeof BudgetInputSchema>;

export interface BudgetInput {
  totalBudget: number;
  by: BudgetDimension;
  from: string;
  to: string;
  days: number;
  /** What the curves measure. */
  outcome: 'revenue' | 'conversions';
  objective: BudgetObjective;
  model: (typeof QUERY_ATTRIBUTION_MODELS)[number] | undefined;
  filters: NonNullable<BudgetBody['filters']>;
  min: Readonly<Record<string, number>>;
  max: Readonly<Record<string, number>>;
  locked: readonly string[];
  maxChangePercent: number;
  holdoutDays: number | undefined;
}

const checkShape = TypeCompiler.Compile(BudgetInputSchema);

/**
 * @example
 * parseBudgetInput({ total_budget: 50000, from: '2026-08-23', to: '2026-11-20' })
 * // → { totalBudget: 50000, by: 'channel', days: 90, outcome: 'revenue', objective: 'revenue', … }
 */
export function parseBudgetInput(body: unknown): BudgetInput {
  const input = checkBody('budget request', checkShape, body);
  const problems: Problem[] = [];
  for (const field of ['from', 'to'] as const) {
    if (!isValidDate(input[field])) problems.push({ field, message: `is not a calendar date, got "${input[field]}"` });
  }
  const days = problems.length === 0 ? daysBetween(input.from, input.to) : 0;
  if (problems.length === 0 && days < MIN_FIT_DAYS) problems.push({ field: 'to', message: `must be at least ${MIN_FIT_DAYS - 1} days after from: a curve needs ${MIN_FIT_DAYS} days of history (from ${input.from} to ${input.to} is ${days})` });
  if (days > MAX_HISTORY_DAYS) problems.push({ field: 'to', message: `the history may span at most ${MAX_HISTORY_DAYS} days (got ${days})` });
  if (input.target_roas !== undefined && input.target_cpa !== undefined) problems.push({ field: 'target_cpa', message: 'give target_roas or target_cpa, not both' });
  if (input.target_roas !== undefined && input.objective === 'conversions') problems.push({ field: 'target_roas', message: 'a ROAS target is measured on revenue: leave objective out or set it to revenue' });
  if (input.target_cpa !== undefined && input.objective === 'revenue') problems.push({ field: 'target_cpa', message: 'a CPA target is measured on conversions: leave objective out or set it to conversions' });
  for (const key of Object.keys(input.min ?? {})) {
    if (input.max?.[key] !== undefined && input.max[key] < input.min![key]) problems.push({ field: `max.${key}`, message: `is below min.${key} (${input.min![key]})` });
  }
  throwIfAny('budget request', problems);
  const outcome = input.target_cpa !== undefined ? 'conversions' : input.target_roas !== undefined ? 'revenue' : (input.objective ?? 'revenue');
  const objective: BudgetObjective = input.target_roas !== undefined ? { target_roas: input.target_roas } : input.target_cpa !== undefined ? { target_cpa: input.target_cpa } : outcome;
  return {
    totalBudget: input.total_budget,
    by: input.by ?? 'channel',
    from: input.from,
    to: input.to,
    days,
    outcome,
    objective,
    model: input.model,
    filters: input.filters ?? [],
    min: input.min ?? {},
    max: input.max ?? {},
    locked: input.locked ?? [],
    maxChangePercent: input.max_change_percent ?? DEFAULT_MAX_CHANGE_PERCENT,
    holdoutDays: input.holdout_days,
  };
}

/** Days from `from` to `to`, both counted. */
function daysBetween(from: string, to: string): number {
  let days = 1;
  for (let day = from; day < to && days <= MAX_HISTORY_DAYS + 1; day = addDays(day, 1)) days++;
  return from > to ? 0 : days;
}
