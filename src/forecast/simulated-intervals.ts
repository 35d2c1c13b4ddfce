// Prediction intervals by simulation, for the models whose forecast variance
// has no closed form (multiplicative seasonality; Hyndman et al. 2008, ch. 6):
// future paths are run through the same recursions with Gaussian one-step
// errors, and the interval is read from their percentiles at each horizon (or
// from the percentiles of each path's total over a run of horizons).
import { createSeededRandom } from '../attribution/seeded-random.js';
import { QueryError } from '../core/errors.js';
import type { Interval } from './analytic-intervals.js';
import type { SmoothingModel, SmoothingParams, SmoothingState } from './smoothing.js';
import { copyState, oneStepForecast, stepSmoothing } from './smoothing.js';

export interface SimulationOptions {
  /** Coverage of each interval, in (0, 1). */
  level: number;
  /** Simulated future paths. */
  paths: number;
  /** Seeds the draws: the same seed gives the same intervals. */
  seed: number;
}

/**
 * Percentile intervals of `paths` simulated futures: from the final states,
 * each step draws ε ~ N(0, σ²), observes y = ŷ + ε and updates the states as
 * the fit did. Percentiles are R's type 7 (linear between order statistics).
 * A path whose value stops being a finite number is left out from there on;
 * when more than 1 % of the paths break down that way, the intervals would
 * mean nothing and a QueryError (field model) says so.
 *
 * @example simulatedIntervals(model, fit.params, fit.final, fit.sigma2, 12, { level: 0.95, paths: 5000, seed: 1 })
 * // → [{ lower, upper }, …] one per month
 */
export function simulatedIntervals(model: SmoothingModel, params: SmoothingParams, final: SmoothingState, sigma2: number, horizon: number, options: SimulationOptions): Interval[] {
  const tail = (1 - options.level) / 2;
  const intervals: Interval[] = [];
  const finite = new Float64Array(options.paths);
  simulateFutures(model, params, final, sigma2, horizon, options, (_h, values) => {
    let count = 0;
    for (const y of values) if (!Number.isNaN(y)) finite[count++] = y;
    const sorted = finite.subarray(0, count).sort();
    intervals.push({ lower: percentile(sorted, tail), upper: percentile(sorted, 1 - tail) });
  });
  return intervals;
}

/**
 * The percentile interval of a total of forecasts, ŷ_first + … + ŷ_last
 * (horizons from 1), read from the totals of the same simulated futures as
 * simulatedIntervals: each path's values are added up before the percentiles
 * are taken, so the errors the forecasts share count once, as they do in the
 * total. Paths that break down are left out (see simulatedIntervals).
 *
 * @example simulatedTotalInterval(model, fit.params, fit.final, fit.sigma2, 1, 30, { level: 0.95, paths: 5000, seed: 1 })
 * // → { lower, upper } of the next 30 days' total
 */
export function simulatedTotalInterval(
  model: SmoothingModel,
  params: SmoothingParams,
  final: SmoothingState,
  sigma2: number,
  first: number,
  last: number,
  options: SimulationOptions,
): Interval {
  if (!(Number.isInteger(first) && Number.isInteger(last) && first >= 1 && last >= first)) throw new Error(`a total runs over horizons 1 ≤ first ≤ last, got ${first}…${last}`);
  const totals = new Float64Array(options.paths);
  simulateFutures(model, params, final, sigma2, last, options, (h, values) => {
    if (h + 1 < first) return;
    for (let path = 0; path < values.length; path++) totals[path] += values[path]; // a broken path's NaN stays NaN
  });
  let count = 0;
  for (const total of totals) if (!Number.isNaN(total)) totals[count++] = total;
  const sorted = totals.subarray(0, count).sort();
  const tail = (1 - options.level) / 2;
  return { lower: percentile(sorted, tail), upper: percentile(sorted, 1 - tail) };
}

/**
 * Runs `paths` futures `horizon` steps on from the final states, all paths a
 * step at a time (so only one step's values are ever held), and hands each
 * step's values to `visit` (h from 0; NaN for a path that broke down).
 */
function simulateFutures(
  model: SmoothingModel,
  params: SmoothingParams,
  final: SmoothingState,
  sigma2: number,
  horizon: number,
  options: SimulationOptions,
  visit: (h: number, values: Float64Array) => void,
): void {
  const normal = createNormalDraws(options.seed);
  const sigma = Math.sqrt(sigma2);
  const states = Array.from({ length: options.paths }, () => copyState(final));
  const values = new Float64Array(options.paths);
  let broken = 0;
  for (let h = 0; h < horizon; h++) {
    for (let path = 0; path < options.paths; path++) {
      if (Number.isNaN(values[path])) continue;
      const y = oneStepForecast(model, params, states[path]) + sigma * normal();
      if (!Number.isFinite(y)) {
        values[path] = Number.NaN;
        broken++;
        continue;
      }
      values[path] = y;
      stepSmoothing(model, params, states[path], y);
    }
    if (broken > options.paths / 100) {
      throw new QueryError(`${broken} of ${options.paths} simulated futures of this model break down (its states stop being finite numbers): use an additive model`, { field: 'model' });
    }
    visit(h, values);
  }
}

/** The p-th percentile of sorted values, interpolating between neighbours (R's type 7). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  if (position === below) return sorted[below];
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/** Standard normal draws by the Box–Muller transform over seeded uniforms. */
function createNormalDraws(seed: number): () => number {
  const uniform = createSeededRandom(seed);
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    const u = 1 - uniform(); // in (0, 1], so the logarithm is finite
    const radius = Math.sqrt(-2 * Math.log(u));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}
