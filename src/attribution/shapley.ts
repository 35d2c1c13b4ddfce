// Shapley attribution (KPIS.md ATTRIBUTION, `shapley`): channels are players
// of a coalition game valued by the conversion rates of observed channel sets
// (Zhao et al. 2018, "Shapley Value Methods for Attribution Modeling in Online
// Advertising"); each channel's share of the conversions is its Shapley value
// over the sum of all of them.
import { QueryError, ValidationError } from '../core/errors.js';
import { checkPaths } from './check-paths.js';
import type { AggregatedPath, Credits } from './paths.js';
import { creditByChannelSets } from './shapley-credit.js';
import { buildCoalitionGame, exactShapleyValues, grandCoalitionValue, sampleShapleyValues } from './shapley-game.js';

/** Most channels whose Shapley values are computed exactly (2^15 coalitions). */
export const EXACT_SHAPLEY_LIMIT = 15;

export interface ShapleyOptions {
  /** Key credited with the conversions of paths without touches (default 'Direct'). */
  noTouchKey?: string;
  /** Above EXACT_SHAPLEY_LIMIT channels, estimate by permutation sampling instead of refusing (default false). */
  sampling?: boolean;
  /** Orderings sampled when sampling (default 2000). */
  samples?: number;
  /** Seed of the sampled orderings (default 1). */
  seed?: number;
}

export interface ShapleyResult {
  method: 'exact' | 'sampling';
  credits: Credits;
  /** Raw Shapley values φ_c before normalisation (their sum is totalValue). */
  values: Map<string, number>;
  /** Standard error of each φ_c (sampling only). */
  standardErrors?: Map<string, number>;
  /** v(all channels) = Σ r(T) over the observed channel sets. */
  totalValue: number;
}

/**
 * Credits conversions and revenue by Shapley values over channel coalitions.
 *
 * The value function: r(T) = conversions / (conversions + nulls) of the
 * journeys whose distinct channels are exactly T, and
 * v(S) = Σ_{T ⊆ S, T observed} r(T) — a coalition is worth the conversion
 * rates of every observed channel set it covers (Zhao et al.'s
 * characteristic function). This is the reading of "value over channel
 * coalitions from the conversion rates of observed channel sets"; the other
 * candidate, v(S) = conversions of paths whose channels ⊆ S, uses no rates
 * at all (non-converting journeys would not matter) and reduces to splitting
 * each conversion equally among its distinct channels. With this v the
 * Shapley value also equals Zhao's simplified form Σ_{T ∋ c} r(T) / |T|,
 * which the tests use as an independent check.
 *
 * Credit (shapley-credit.ts): each observed channel set's conversions and
 * revenue go to its channels in proportion to their Shapley values in the
 * game restricted to that set, so volume counts as well as lift (the global
 * φ_c alone would give two channels that always convert equal credit however
 * many journeys each brings). The global values are returned beside the
 * credit. Every marginal contribution is a sum of rates ≥ 0, so φ_c ≥ 0. Up to
 * EXACT_SHAPLEY_LIMIT channels the values are exact; above it the call
 * throws a QueryError unless `sampling: true`, which estimates them from
 * seeded random orderings and reports each standard error (the sampled
 * values still sum exactly to v(all), so credit is conserved). Paths without
 * touches credit `noTouchKey`.
 *
 * @example
 * const { credits, values } = attributeShapley([
 *   { touches: ['Email'], conversions: 1, revenue: 10, nulls: 3 },
 *   { touches: ['Email', 'Search'], conversions: 3, revenue: 30, nulls: 1 },
 * ]);
 * values.get('Email') // → 0.25 + 0.75 / 2 = 0.625; credits.get('Email').conversions // → 4 × 0.625 / 1 = 2.5
 */
export function attributeShapley(paths: readonly AggregatedPath[], options: ShapleyOptions = {}): ShapleyResult {
  checkPaths(paths);
  const game = buildCoalitionGame(paths);
  const n = game.players.length;
  let method: ShapleyResult['method'] = 'exact';
  let raw: Float64Array;
  let errors: Float64Array | undefined;
  if (n <= EXACT_SHAPLEY_LIMIT) {
    raw = exactShapleyValues(game);
  } else if (options.sampling) {
    const samples = options.samples ?? 2000;
    if (!(Number.isInteger(samples) && samples >= 2)) throw new ValidationError(`samples must be a whole number ≥ 2, got ${samples}`);
    ({ values: raw, standardErrors: errors } = sampleShapleyValues(game, samples, options.seed ?? 1));
    method = 'sampling';
  } else {
    throw new QueryError(
      `exact Shapley attribution handles at most ${EXACT_SHAPLEY_LIMIT} channels and these paths have ${n}; pass sampling: true to estimate it by permutation sampling`,
      { channels: n, limit: EXACT_SHAPLEY_LIMIT, option: 'sampling' },
    );
  }
  const credits = creditByChannelSets(paths, options.noTouchKey ?? 'Direct');
  const byChannel = (values: Float64Array) => new Map(game.players.map((channel, j) => [channel, values[j]]));
  return { method, credits, values: byChannel(raw), standardErrors: errors && byChannel(errors), totalValue: grandCoalitionValue(game) };
}
