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
  fit: Type.Object({ bg_nbd: Fit, gamma_gamma: Fit }),
  warnings: Type.Array(Type.String()),
});

export type ClvSchemaCheck = Assert<FieldsFit<typeof ClvReportSchema, ClvReport>>;
