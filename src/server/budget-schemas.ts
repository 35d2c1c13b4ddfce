// The answer of POST /v1/budget/recommend as a TypeBox schema, for the
// OpenAPI document and the dashboard's typed client; a compile-time check
// keeps it in step with the budget report.
import { Type, type TSchema } from '@sinclair/typebox';
import type { Assert, FieldsFit } from './schema-fit.js';
import type { BudgetReport } from '../budget/budget-service.js';

const nullable = <T extends TSchema>(schema: T, description: string) => Type.Union([schema, Type.Null()], { description });
const Binding = Type.Union(['min', 'max', 'locked', 'observed_range'].map((c) => Type.Literal(c)));
const Estimate = Type.Object({
  value: Type.Number(),
  low: nullable(Type.Number(), 'the 95 % interval of the curve’s expectation; null without one'),
  high: nullable(Type.Number(), 'its upper end'),
});

const CurveSchema = Type.Object({
  family: Type.Union([Type.Literal('hill'), Type.Literal('exponential')]),
  params: Type.Object({ beta: Type.Number(), gamma: Type.Number(), alpha: nullable(Type.Number(), 'Hill only') }),
  adstock_decay: Type.Number({ description: 'the share of a day’s effect carried to the next (geometric adstock)' }),
  r_squared: Type.Number(),
  holdout: nullable(Type.Object({ days: Type.Integer(), mape: nullable(Type.Number(), 'null where the outcome was 0'), rmse: Type.Number() }), 'out-of-sample error on the last days held out'),
  observed_daily_spend: Type.Object({ min: Type.Number(), max: Type.Number(), median: Type.Number() }),
  identifiable: Type.Boolean({ description: 'false when spend varied too little: the recommendation then stays within the spend seen' }),
  warnings: Type.Array(Type.String()),
  points: Type.Array(Type.Object({ spend: Type.Number(), outcome: Type.Number() }), { description: 'the expected outcome over the period at a period spend, to draw the curve' }),
});

const RowSchema = Type.Object({
  key: Type.String(),
  current: Type.Number({ description: 'spend over the history' }),
  recommended: Type.Number({ description: 'spend over a period as long' }),
  change: Type.Number(),
  expected: Estimate,
  expected_current: Estimate,
  marginal_roas: nullable(Type.Number(), 'revenue per extra unit of spend at the recommendation (revenue plans)'),
  marginal_cpa: nullable(Type.Number(), 'spend per extra conversion at the recommendation (conversion plans)'),
  marginal_roas_current: nullable(Type.Number(), 'the marginal ROAS at the current spend (revenue plans)'),
  binding: nullable(Binding, 'the constraint holding the recommendation; null when the key is free to move'),
  curve: CurveSchema,
});

export const BudgetReportSchema = Type.Object({
  by: Type.Union([Type.Literal('channel'), Type.Literal('campaign')]),
  from: Type.String(),
  to: Type.String(),
  days: Type.Integer(),
  currency: Type.String(),
  outcome: Type.Union([Type.Literal('revenue'), Type.Literal('conversions')]),
  target: nullable(Type.Union([Type.Object({ roas: Type.Number() }), Type.Object({ cpa: Type.Number() })]), 'the target kept, if any'),
  model: Type.String({ description: 'the attribution model the outcomes are credited by' }),
  total_budget: Type.Number(),
  current_total: Type.Number(),
  recommended_total: Type.Number(),
  expected_current: Estimate,
  expected: Estimate,
  rows: Type.Array(RowSchema),
  binding_constraints: Type.Array(Type.Object({ key: Type.String(), constraint: Binding })),
  feasible: Type.Boolean(),
  keeps_current_split: Type.Boolean(),
  reasons: Type.Array(Type.String(), { description: 'why the recommendation is what it is, in words' }),
  excluded: Type.Array(Type.Object({ key: Type.String(), outcome: Type.Number(), why: Type.String() })),
  notes: Type.Array(Type.String()),
});

type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
export type BudgetReportSchemaCheck = Assert<FieldsFit<typeof BudgetReportSchema, Mutable<BudgetReport>>>;
