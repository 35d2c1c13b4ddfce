// The answer of GET /v1/clv as a TypeBox schema, for the OpenAPI document and
// the dashboard's typed client; a compile-time check keeps it in step.
import { Type } from '@sinclair/typebox';
import type { Assert, FieldsFit } from './schema-fit.js';
import type { ClvReport } from '../clv/clv-service.js';

const Fit = Type.Object({ iterations: Type.Integer(), evaluations: Type.Integer(), restarts: Type.Integer(), converged: Type.Boolean() });

export const ClvReportSchema = Type.Object({
  params: Type.Object(
    { r: Type.Number(), alpha: Type.Number(), a: Type.Number(), b: Type.Number(), p: Type.Number(), q: Type.Number(), gamma: Type.Number() },
    { description: 'BG/NBD (r, alpha, a, b) and Gamma-Gamma (p, q, gamma) parameters, in the time unit of the summary' },
  ),
  log_likelihood: Type.Number({ description: 'BG/NBD log-likelihood of the calibration data' }),
  customers: Type.Array(
    Type.Object({
      id: Type.String(),
      frequency: Type.Number({ description: 'repeat purchase periods' }),
      recency: Type.Number(),
      T: Type.Number(),
      monetary: Type.Number({ description: 'mean repeat order value (first purchase excluded)' }),
      probability_alive: Type.Number(),
      expected_purchases: Type.Number(),
      expected_order_value: Type.Number(),
      clv: Type.Number({ description: 'discounted expected margin over the horizon, after the calibration end' }),
      holdout: Type.Optional(
        Type.Object({ predicted: Type.Number(), actual: Type.Number() }, { description: 'with holdout_end: purchases after the calibration end, predicted and actual' }),
      ),
    }),
    { description: 'the customers of highest predicted value (top)' },
  ),
  summary: Type.Object({
    customers: Type.Integer(),
    repeat_buyers: Type.Integer(),
    time_unit: Type.Union([Type.Literal('day'), Type.Literal('week')]),
    calibration_end: Type.String(),
    horizon_days: Type.Number(),
    discount: Type.Number({ description: 'yearly discount rate' }),
    margin: Type.Number(),
    residual: Type.Literal(true, { description: 'values count only purchases after the calibration end' }),
    total_clv: Type.Number(),
    mean_clv: Type.Number(),
    new_customer_clv: Type.Number(),
    frequency_monetary_correlation: Type.Number(),
  }),
  distribution: Type.Object(
    {
      bins: Type.Array(
        Type.Object({
          from: Type.Number(),
          to: Type.Union([Type.Number(), Type.Null()], { description: 'null: the open bin above the 99th percentile' }),
          customers: Type.Integer(),
          value_share: Type.Number({ description: 'share of the total predicted value, 0 to 1' }),
        }),
      ),
      p50: Type.Number(),
      p90: Type.Number(),
      p99: Type.Number(),
    },
    { description: 'how the predicted values of all customers spread' },
  ),
  fit: Type.Object({ bg_nbd: Fit, gamma_gamma: Fit }),
  holdout: Type.Optional(
    Type.Object(
      {
        end: Type.String(),
        length: Type.Number({ description: 'in the time unit' }),
        aggregate: Type.Object({ customers: Type.Integer(), actual: Type.Number(), predicted: Type.Number(), mean_absolute_error: Type.Number() }),
        by_frequency: Type.Array(
          Type.Object({ frequency: Type.Integer(), label: Type.String(), customers: Type.Integer(), mean_actual: Type.Number(), mean_predicted: Type.Number() }),
        ),
      },
      { description: 'with holdout_end: predicted against actual purchases after the calibration end' },
    ),
  ),
  orders: Type.Object(
    {
      source: Type.Union([Type.Literal('orders'), Type.Literal('events')]),
      completed: Type.Integer(),
      refunded: Type.Integer(),
      cancelled: Type.Integer(),
      negative_revenue: Type.Integer(),
      without_rate: Type.Integer(),
      after_calibration_end: Type.Integer(),
      future: Type.Integer(),
    },
    { description: 'the workspace orders by what became of them in the fit' },
  ),
  warnings: Type.Array(Type.String()),
  notes: Type.Array(Type.String({ description: 'what the fit left out of the data, and why' })),
});

export type ClvSchemaCheck = Assert<FieldsFit<typeof ClvReportSchema, ClvReport>>;
