// The answers of the attribution routes as TypeBox schemas, for the OpenAPI
// document and the dashboard's typed client; compile-time checks keep them
// in step with the service's types.
import { Type } from '@sinclair/typebox';
import type { Assert, FieldsFit } from './schema-fit.js';
import { ATTRIBUTION_DIMENSIONS } from '../attribution/attribution-input.js';
import type { AttributionReport } from '../attribution/attribution-service.js';
import type { ModelDescription } from '../attribution/model-descriptions.js';
import { ATTRIBUTION_MODELS } from '../model/attribution.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Model = literals(ATTRIBUTION_MODELS);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const Pair = Type.Tuple([Type.Number(), Type.Number()]);

export const AttributionRowSchema = Type.Object({
  model: Model,
  key: Type.String({ description: 'channel, or campaign / ad group / ad id ("(none)": touches without one)' }),
  name: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'campaign name' })),
  conversions: Type.Number({ description: 'attributed conversions' }),
  revenue: Type.Number({ description: 'attributed revenue, to the currency minor unit' }),
  cost: NullableNumber,
  cpa: NullableNumber,
  roas: NullableNumber,
  share: Type.Number({ description: 'share of all conversions, 0..1' }),
  interval: Type.Optional(Type.Object({ conversions: Pair, revenue: Pair }, { description: '90 % bootstrap interval' })),
  warning: Type.Optional(Type.String()),
});

const ModelDetailsSchema = Type.Object({
  order: Type.Optional(Type.Integer()),
  order_scores: Type.Optional(Type.Array(Type.Object({ order: Type.Integer(), log_likelihood: Type.Number() }))),
  conversion_probability: Type.Optional(Type.Number()),
  removal_effects: Type.Optional(Type.Record(Type.String(), Type.Number())),
  transitions: Type.Optional(Type.Array(Type.Object({ from: Type.String(), to: Type.String(), probability: Type.Number() }))),
  transition_count: Type.Optional(Type.Integer()),
  method: Type.Optional(literals(['exact', 'sampling'] as const)),
  shapley_values: Type.Optional(Type.Record(Type.String(), Type.Number())),
  standard_errors: Type.Optional(Type.Record(Type.String(), Type.Number())),
});

export const AttributionReportSchema = Type.Object({
  model: Type.Union([Model, Type.Literal('compare')]),
  dimension: Type.Union([literals(ATTRIBUTION_DIMENSIONS), Type.Null()]),
  from: Type.Union([Type.String(), Type.Null()]),
  to: Type.Union([Type.String(), Type.Null()]),
  rows: Type.Array(AttributionRowSchema),
  models: Type.Array(Type.Object({ model: Model, rows: Type.Array(AttributionRowSchema), details: Type.Optional(ModelDetailsSchema) })),
  total_conversions: Type.Number(),
  total_revenue: Type.Number(),
  total_cost: NullableNumber,
  top_paths: Type.Array(Type.Object({ path: Type.Array(Type.String()), conversions: Type.Number(), revenue: Type.Number(), nulls: Type.Number() })),
  params: Type.Object(
    {
      models: Type.Array(Model),
      lookback_days: Type.Integer(),
      half_life_days: Type.Number(),
      order: Type.Union([Type.Integer(), Type.Literal('auto')]),
      position_weights: Type.Object({ first: Type.Number(), middle: Type.Number(), last: Type.Number() }),
      view_through: Type.Boolean(),
      intervals: Type.Boolean(),
      resamples: Type.Integer(),
      seed: Type.Integer(),
      sampling: Type.Boolean(),
    },
    { description: 'the parameters used, defaults included' },
  ),
  path_errors: Type.Optional(Type.Array(Type.Object({ line: Type.Integer(), message: Type.String() }))),
  rejected_lines: Type.Optional(Type.Integer()),
});

export const AttributionModelsSchema = Type.Object({
  models: Type.Array(Type.Object({ id: Model, name: Type.String(), description: Type.String(), params: Type.Array(Type.String()) })),
});

export const ATTRIBUTION_SCHEMAS = {
  AttributionRow: AttributionRowSchema,
  AttributionReport: AttributionReportSchema,
  AttributionModels: AttributionModelsSchema,
} as const;

export type AttributionSchemaChecks = [
  Assert<FieldsFit<typeof AttributionReportSchema, AttributionReport>>,
  Assert<FieldsFit<typeof AttributionModelsSchema, { models: ModelDescription[] }>>,
];
