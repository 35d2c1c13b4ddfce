// The rule-based attribution models (KPIS.md ATTRIBUTION): each splits every
// path's conversions and revenue over its touches by position or time alone.
// A path's shares sum to 1, so the credits add up to exactly what converted.
import { QueryError, ValidationError } from '../core/errors.js';
import type { AttributionModel } from '../model/attribution.js';
import { addCredit, type AggregatedPath, type Credits } from './paths.js';

export const HEURISTIC_MODELS = ['first_touch', 'last_touch', 'last_non_direct', 'linear', 'time_decay', 'position_based'] as const satisfies readonly AttributionModel[];
export type HeuristicModel = (typeof HEURISTIC_MODELS)[number];

/** Shares of the first touch, the touches between (together) and the last touch. */
export interface PositionWeights {
  first: number;
  middle: number;
  last: number;
}

export interface HeuristicParams {
  /** The key last_non_direct passes over: 'Direct' for channels, '(none)' for campaign, ad group and ad keys. Default 'Direct'. */
  directKey?: string;
  /** Who gets a conversion whose path has no touch at all. Default 'Direct'. */
  noTouchKey?: string;
  /** time_decay: days after which a touch weighs half. Default 7. */
  halfLifeDays?: number;
  /** position_based: default { first: 0.4, middle: 0.2, last: 0.4 }; must sum to 1. */
  positionWeights?: PositionWeights;
}

export const DEFAULT_POSITION_WEIGHTS: Readonly<PositionWeights> = Object.freeze({ first: 0.4, middle: 0.2, last: 0.4 });
export const DEFAULT_HALF_LIFE_DAYS = 7;

/** The share of one touch (by its index in the path). */
type Share = [index: number, fraction: number];
type ShareRule = (path: AggregatedPath) => Share[];

/**
 * Credits every path's conversions and revenue to its touches by a rule-based model.
 *
 * @example
 * const paths = [{ touches: ['Search', 'Email'], conversions: 2, revenue: 100, nulls: 5 }];
 * creditHeuristic('linear', paths, {});
 * // → Map { 'Search' => { conversions: 1, revenue: 50 }, 'Email' => { conversions: 1, revenue: 50 } }
 */
export function creditHeuristic(model: HeuristicModel, paths: readonly AggregatedPath[], params: HeuristicParams = {}): Credits {
  const noTouchKey = params.noTouchKey ?? 'Direct';
  const shareTouches = chooseRule(model, params);
  const credits: Credits = new Map();
  for (const path of paths) {
    if (path.touches.length === 0) {
      if (path.conversions !== 0 || path.revenue !== 0) addCredit(credits, noTouchKey, path.conversions, path.revenue);
      continue;
    }
    // Shares are worked out even for paths with nothing to hand out, so a
    // path that cannot be credited fails the same way whether it converted or not.
    const shares = shareTouches(path);
    if (path.conversions === 0 && path.revenue === 0) continue;
    for (const [index, fraction] of shares) {
      if (fraction > 0) addCredit(credits, path.touches[index], fraction * path.conversions, fraction * path.revenue);
    }
  }
  return credits;
}

function chooseRule(model: HeuristicModel, params: HeuristicParams): ShareRule {
  switch (model) {
    case 'first_touch':
      return () => [[0, 1]];
    case 'last_touch':
      return (path) => [[path.touches.length - 1, 1]];
    case 'last_non_direct': {
      const directKey = params.directKey ?? 'Direct';
      return (path) => [[findLastNonDirect(path.touches, directKey), 1]];
    }
    case 'linear':
      return (path) => path.touches.map((_, i): Share => [i, 1 / path.touches.length]);
    case 'time_decay': {
      const halfLife = checkHalfLife(params.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS);
      return (path) => shareByTimeDecay(path, halfLife);
    }
    case 'position_based': {
      const weights = checkPositionWeights(params.positionWeights ?? DEFAULT_POSITION_WEIGHTS);
      return (path) => shareByPosition(path.touches.length, weights);
    }
    default:
      throw new Error(`not a heuristic attribution model: ${String(model satisfies never)}`);
  }
}

/** Index of the last touch that is not `directKey`; the last touch when all are. */
function findLastNonDirect(touches: readonly string[], directKey: string): number {
  for (let i = touches.length - 1; i >= 0; i--) if (touches[i] !== directKey) return i;
  return touches.length - 1;
}

function shareByTimeDecay(path: AggregatedPath, halfLife: number): Share[] {
  const days = path.daysBefore;
  if (days === undefined) {
    throw new QueryError('time_decay needs the time of each touch before its conversion, and path files do not carry touch times; choose another model, or run time_decay on the warehouse’s journeys (by dimension and period)', {
      model: 'time_decay',
    });
  }
  if (days.length !== path.touches.length) throw new Error(`a path has ${path.touches.length} touches but ${days.length} touch times`);
  // Weights relative to the most recent touch: the same ratios as 2^(−d/h), without underflow on old paths.
  let nearest = Infinity;
  for (const d of days) {
    if (!(d >= 0 && Number.isFinite(d))) throw new Error(`a touch time must be a finite number of days ≥ 0 before the conversion, not ${d}`);
    nearest = Math.min(nearest, d);
  }
  const weights = days.map((d) => Math.pow(2, -(d - nearest) / halfLife));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w, i): Share => [i, w / total]);
}

/**
 * One touch takes everything; two split first and last in the ratio of their
 * weights (evenly when both are 0); more give the middle share to the touches
 * between, evenly. Shares are scaled to sum to exactly 1.
 */
function shareByPosition(count: number, weights: PositionWeights): Share[] {
  if (count === 1) return [[0, 1]];
  if (count === 2) {
    const ends = weights.first + weights.last;
    return ends === 0 ? [[0, 0.5], [1, 0.5]] : [[0, weights.first / ends], [1, weights.last / ends]];
  }
  const each = weights.middle / (count - 2);
  const raw: number[] = Array.from({ length: count }, (_, i) => (i === 0 ? weights.first : i === count - 1 ? weights.last : each));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w, i): Share => [i, w / total]);
}

function checkHalfLife(days: number): number {
  if (!(days > 0 && Number.isFinite(days))) {
    throw new ValidationError(`half_life_days must be a number of days above 0, not ${days}`, { field: 'half_life_days' });
  }
  return days;
}

/**
 * Checks position_based weights: each in [0, 1] and together 1 (within 1e-9).
 *
 * @example checkPositionWeights({ first: 0.3, middle: 0.4, last: 0.3 }) // returns them
 */
export function checkPositionWeights(weights: PositionWeights): PositionWeights {
  const parts = [weights.first, weights.middle, weights.last];
  if (parts.some((w) => !(w >= 0 && w <= 1))) {
    throw new ValidationError(`position_weights must each be between 0 and 1, not ${JSON.stringify(weights)}`, { field: 'position_weights' });
  }
  const sum = parts[0] + parts[1] + parts[2];
  if (Math.abs(sum - 1) > 1e-9) {
    throw new ValidationError(`position_weights must sum to 1 (first + middle + last = ${sum})`, { field: 'position_weights' });
  }
  return weights;
}
