// The total of a run of forecast periods (the rest of a month, a goal's
// remaining days) with its prediction interval. The forecasts share their
// errors — a day's surprise moves every later forecast — so the interval of
// the total is not the sum of the points' intervals: it is read from the exact
// variance of the total where the model has one, and from simulated paths'
// totals under multiplicative seasonality.
import { normalQuantile } from '../experiments/normal-distribution.js';
import { totalForecastVariance } from './analytic-intervals.js';
import type { SmoothingFit } from './fit-smoothing.js';
import { simulatedTotalInterval, type SimulationOptions } from './simulated-intervals.js';

/** A total of forecasts and its prediction interval. */
export interface ForecastTotal {
  /** The sum of the point forecasts. */
  value: number;
  lower: number;
  upper: number;
  /** analytic: ± z·σ of the total's exact variance; simulated: percentiles of the totals of simulated paths (seeded). */
  interval: 'analytic' | 'simulated';
}

/**
 * The total of `points` from horizon `first` (1-based) to the last, with its
 * interval at `options.level`.
 *
 * @example totalOfForecasts(fit, [10, 10, 10], 1, { level: 0.95, paths: 5000, seed: 1 })
 * // simple model, α 0.5, σ² 4 → { value: 30, lower: 30 − 1.96·√29, upper: 30 + 1.96·√29, interval: 'analytic' }
 */
export function totalOfForecasts(fit: SmoothingFit, points: readonly number[], first: number, options: SimulationOptions): ForecastTotal {
  const last = points.length;
  let value = 0;
  for (let h = first; h <= last; h++) value += points[h - 1];
  if (fit.model.season === 'multiplicative') {
    const { lower, upper } = simulatedTotalInterval(fit.model, fit.params, fit.final, fit.sigma2, first, last, options);
    return { value, lower, upper, interval: 'simulated' };
  }
  const half = normalQuantile((1 + options.level) / 2) * Math.sqrt(totalForecastVariance(fit.model, fit.params, fit.sigma2, first, last));
  return { value, lower: value - half, upper: value + half, interval: 'analytic' };
}
