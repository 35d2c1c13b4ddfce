// The answer of POST /v1/cohorts as a TypeBox schema, for the OpenAPI document
// and the dashboard's typed client; a compile-time check keeps it in step.
import { Type, type TSchema } from '@sinclair/typebox';
import type { Assert, FieldsFit } from './schema-fit.js';
import type { CohortReport } from '../cohorts/cohort-service.js';
import { COHORT_ACTIVITIES, COHORT_DIMENSIONS, COHORT_GRAINS, COHORT_METRICS } from '../cohorts/cohort-input.js';
import { DATE_PATTERN } from '../metrics/body-checks.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const nullable = <T extends TSchema>(schema: T, description?: string) => Type.Union([schema, Type.Null()], description ? { description } : {});
const count = (description?: string) => Type.Integer({ minimum: 0, ...(description ? { description } : {}) });

const Cell = Type.Object({
  period: count('periods since acquisition'),
  customers: count("the cohort's size"),
  active: count('customers active in the period (by the activity)'),
  revenue: Type.Number({ description: 'completed-order revenue of the cohort from its acquisition period through this one (workspace currency)' }),
  value: nullable(Type.Number(), 'retention: active / customers × 100; revenue: revenue / customers; null for an empty cohort'),
  complete: Type.Boolean({ description: 'false for the period holding today, still running' }),
  survivors: Type.Optional(count('subscription activity: subscribed since acquisition, no churn before this period began')),
});

const Row = Type.Object({
  cohort: Type.String({ pattern: DATE_PATTERN, description: 'first date of the acquisition week or month' }),
  end: Type.String({ pattern: DATE_PATTERN, description: 'its last date' }),
  customers: count(),
  cells: Type.Array(nullable(Cell), { description: 'one per period of `periods`; null after the period holding today' }),
});

const Average = Type.Object({
  period: count(),
  customers: count('customers of the cohorts that completed the period'),
  cohorts: count(),
  active: count(),
  revenue: Type.Number(),
  value: nullable(Type.Number()),
});

const Model = Type.Object(
  {
    model: Type.Literal('sbg'),
    alpha: Type.Number(),
    beta: Type.Number(),
    log_likelihood: Type.Number(),
    expected_lifetime: nullable(Type.Number(), 'mean lifetime in periods; null when alpha ≤ 1 (infinite)'),
    median_lifetime: nullable(Type.Integer(), 'periods until fewer than half of the subscribers remain'),
    cohorts: count('cohorts with subscribers fitted'),
    subscribers: count('their subscribers at acquisition'),
    observed_periods: count('periods of churn observed, over all cohorts'),
    projection: Type.Array(
      Type.Object({ period: count(), retention: Type.Number({ description: '% of a cohort’s subscribers at acquisition expected to remain' }) }),
      { description: 'the periods after the longest observed' },
    ),
    fit: Type.Object({ iterations: Type.Integer(), evaluations: Type.Integer(), restarts: Type.Integer(), converged: Type.Boolean() }),
  },
  { description: 'shifted-beta-geometric retention model (contractual churn), fitted on every cohort’s survivors' },
);

const Matrix = Type.Object({
  customers: count(),
  cohorts: Type.Array(Row),
  average: Type.Array(nullable(Average), { description: 'per period: the cohorts that completed it, weighted by size; null where none has' }),
  model: nullable(Model, 'with metric retention and activity subscription; null otherwise, or with a warning saying why'),
  warnings: Type.Array(Type.String()),
});

export const CohortReportSchema = Type.Object({
  by: literals(COHORT_GRAINS),
  metric: literals(COHORT_METRICS),
  activity: literals(COHORT_ACTIVITIES),
  from: Type.String({ pattern: DATE_PATTERN }),
  to: Type.String({ pattern: DATE_PATTERN }),
  channel: nullable(Type.String()),
  dimension: nullable(literals(COHORT_DIMENSIONS)),
  today: Type.String({ pattern: DATE_PATTERN, description: 'today in the workspace time zone' }),
  currency: Type.String(),
  periods: Type.Array(count(), { description: 'the columns: periods since acquisition' }),
  matrix: Matrix,
  breakdown: Type.Optional(
    Type.Array(Type.Object({ key: Type.String(), matrix: Matrix }), { description: 'with a dimension: one matrix per acquisition channel or campaign, most customers first' }),
  ),
  notes: Type.Array(Type.String()),
  freshness: Type.Optional(
    Type.Object(
      { complete: Type.Literal(false), pending_since: Type.String({ description: 'ISO 8601 timestamp' }) },
      { description: 'present when the answer may miss data sent since pending_since' },
    ),
  ),
});

export type CohortSchemaCheck = Assert<FieldsFit<typeof CohortReportSchema, CohortReport>>;
