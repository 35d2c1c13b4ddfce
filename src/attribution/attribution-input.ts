// The body of POST /v1/attribution (and the options of `beacon attribution`):
// a model (or "compare") over the warehouse's journeys by a dimension and a
// period, or over a path file's aggregated paths; checked into an
// AttributionRequest with every parameter resolved, or a 400 naming the field.
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { isValidDate } from '../core/time.js';
import { ATTRIBUTION_MODELS, type AttributionModel } from '../model/attribution.js';
import type { WorkspaceSettings } from '../model/settings.js';
import { checkBody, DATE_PATTERN, throwIfAny, type Problem } from '../metrics/body-checks.js';

export const ATTRIBUTION_DIMENSIONS = ['channel', 'campaign', 'ad_group', 'ad'] as const;
export type AttributionDimension = (typeof ATTRIBUTION_DIMENSIONS)[number];
export const MAX_MARKOV_ORDER = 4;

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const AttributionInputSchema = Type.Object(
  {
    model: Type.Union([...ATTRIBUTION_MODELS.map((m) => Type.Literal(m)), Type.Literal('compare')], { description: 'a model, or "compare" for every model side by side' }),
    dimension: Type.Optional(literals(ATTRIBUTION_DIMENSIONS)),
    from: Type.Optional(Type.String({ pattern: DATE_PATTERN, description: 'first day (workspace time zone)' })),
    to: Type.Optional(Type.String({ pattern: DATE_PATTERN, description: 'last day, inclusive' })),
    paths: Type.Optional(Type.String({ description: 'instead of from/to: aggregated paths, `path;total_conversions;total_conversion_value;total_null` per line, channels joined by " > "' })),
    lookback_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    half_life_days: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 365, description: 'time_decay: days after which a touch counts half (default 7)' })),
    order: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: MAX_MARKOV_ORDER }), Type.Literal('auto')], { description: 'markov: order k (default 1), or auto' })),
    position_weights: Type.Optional(
      Type.Object(
        { first: Type.Number({ minimum: 0, maximum: 1 }), middle: Type.Number({ minimum: 0, maximum: 1 }), last: Type.Number({ minimum: 0, maximum: 1 }) },
        { additionalProperties: false, description: 'position_based: shares of the first, middle and last touches (sum 1; default 0.4, 0.2, 0.4)' },
      ),
    ),
    view_through: Type.Optional(Type.Boolean({ description: 'count ad impressions as touches (their own 1-day lookback)' })),
    intervals: Type.Optional(Type.Boolean({ description: 'add a 90 % bootstrap interval per row' })),
    resamples: Type.Optional(Type.Integer({ minimum: 20, maximum: 2000, description: 'bootstrap resamples (default 200)' })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, description: 'bootstrap and sampling seed (default 1)' })),
    sampling: Type.Optional(Type.Boolean({ description: 'shapley: allow permutation sampling above 15 channels' })),
  },
  { additionalProperties: false },
);

export type AttributionInput = Static<typeof AttributionInputSchema>;

export interface AttributionParams {
  lookback_days: number;
  half_life_days: number;
  order: number | 'auto';
  position_weights: { first: number; middle: number; last: number };
  view_through: boolean;
  intervals: boolean;
  resamples: number;
  seed: number;
  sampling: boolean;
}

export type AttributionSource =
  | { kind: 'warehouse'; dimension: AttributionDimension; from: string; to: string }
  | { kind: 'paths'; text: string };

export interface AttributionRequest {
  model: AttributionModel | 'compare';
  source: AttributionSource;
  params: AttributionParams;
}

const check = TypeCompiler.Compile(AttributionInputSchema);

/**
 * Checks an attribution body and fills in the defaults (the workspace's lookback).
 *
 * @example parseAttributionRequest({ model: 'linear', dimension: 'channel', from: '2026-11-01', to: '2026-11-30' }, settings)
 */
export function parseAttributionRequest(body: unknown, settings: Pick<WorkspaceSettings, 'lookback_days'>): AttributionRequest {
  const input = checkBody('attribution request', check, body);
  const problems: Problem[] = [];
  const weights = input.position_weights ?? { first: 0.4, middle: 0.2, last: 0.4 };
  const sum = weights.first + weights.middle + weights.last;
  if (Math.abs(sum - 1) > 1e-9) problems.push({ field: 'position_weights', message: `must sum to 1 (they sum to ${sum})` });
  let source: AttributionSource | undefined;
  if (input.paths !== undefined) {
    for (const field of ['from', 'to', 'dimension'] as const) {
      if (input[field] !== undefined) problems.push({ field, message: 'is not used with paths (a path file names its own channels)' });
    }
    source = { kind: 'paths', text: input.paths };
  } else {
    for (const field of ['from', 'to'] as const) {
      if (input[field] === undefined) problems.push({ field, message: 'is required (or send paths)' });
      else if (!isValidDate(input[field]!)) problems.push({ field, message: `"${input[field]}" is not a date YYYY-MM-DD` });
    }
    if (input.from && input.to && isValidDate(input.from) && isValidDate(input.to) && input.from > input.to) {
      problems.push({ field: 'from', message: `(${input.from}) is after to (${input.to})` });
    }
    source = { kind: 'warehouse', dimension: input.dimension ?? 'channel', from: input.from ?? '', to: input.to ?? '' };
  }
  throwIfAny('attribution request', problems);
  return {
    model: input.model,
    source,
    params: {
      lookback_days: input.lookback_days ?? settings.lookback_days,
      half_life_days: input.half_life_days ?? 7,
      order: input.order ?? 1,
      position_weights: weights,
      view_through: input.view_through ?? false,
      intervals: input.intervals ?? false,
      resamples: input.resamples ?? 200,
      seed: input.seed ?? 1,
      sampling: input.sampling ?? false,
    },
  };
}
