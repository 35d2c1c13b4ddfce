// Starting states for the smoothing recursions by the heuristic of Hyndman,
// Koehler, Ord & Snyder (2008), "Forecasting with Exponential Smoothing", §2.6.1:
// seasonal indices from a classical decomposition of the first seasons, level and
// slope from a straight line through the first ten seasonally adjusted values.
import type { SmoothingModel, SmoothingState } from './smoothing.js';

/** At most this many seasons feed the seasonal indices ("up to four years"). */
const SEASONS_FOR_INDICES = 4;
/** The level and slope come from a line through this many (seasonally adjusted) values. */
const VALUES_FOR_LINE = 10;

/**
 * The states before the first observation:
 * - seasonal: a centred moving average (2×m when m is even, m when odd) over
 *   the first min(4, ⌊n/m⌋) full seasons; each season's index is the mean of
 *   y/MA (multiplicative) or y − MA (additive) at that season, then scaled to
 *   average 1 or shifted to sum to 0. Needs n ≥ 2m.
 * - level and slope: least squares of the first min(10, n) seasonally
 *   adjusted values on t = 1, 2, …; ℓ₀ is the intercept (the line at t = 0),
 *   b₀ the slope (0 without trend).
 *
 * @example
 * initialStates([2, 4, 3, 5, 6], { trend: 'none', season: 'none', period: 1 })
 * // → { level: 1.3, slope: 0, season: [0], next: 0 } (line 1.3 + 0.9t)
 */
export function initialStates(values: readonly number[], model: SmoothingModel): SmoothingState {
  const season = model.season === 'none' ? [0] : seasonalIndices(values, model.period, model.season);
  const count = Math.min(VALUES_FOR_LINE, values.length);
  const adjusted: number[] = [];
  for (let t = 0; t < count; t++) {
    if (model.season === 'none') adjusted.push(values[t]);
    else {
      const s = season[t % model.period];
      adjusted.push(model.season === 'additive' ? values[t] - s : values[t] / s);
    }
  }
  const line = fitLine(adjusted);
  return { level: line.intercept, slope: model.trend === 'none' ? 0 : line.slope, season, next: 0 };
}

/** Seasonal indices s₁…sₘ of the first seasons by classical decomposition (see initialStates). */
function seasonalIndices(values: readonly number[], period: number, kind: 'additive' | 'multiplicative'): number[] {
  const seasons = Math.min(SEASONS_FOR_INDICES, Math.floor(values.length / period));
  const span = seasons * period;
  const half = Math.floor(period / 2);
  const sums = new Array<number>(period).fill(0);
  const counts = new Array<number>(period).fill(0);
  for (let t = half; t < span - half; t++) {
    const average = centredAverage(values, t, period);
    sums[t % period] += kind === 'additive' ? values[t] - average : values[t] / average;
    counts[t % period]++;
  }
  const raw = sums.map((sum, i) => sum / counts[i]);
  const mean = raw.reduce((a, b) => a + b, 0) / period;
  return raw.map((s) => (kind === 'additive' ? s - mean : s / mean));
}

/** The centred m-term moving average at t; for even m the 2×m average (half weight on both ends). */
function centredAverage(values: readonly number[], t: number, period: number): number {
  const half = Math.floor(period / 2);
  let sum = 0;
  if (period % 2 === 1) {
    for (let k = -half; k <= half; k++) sum += values[t + k];
    return sum / period;
  }
  sum = 0.5 * (values[t - half] + values[t + half]);
  for (let k = -half + 1; k < half; k++) sum += values[t + k];
  return sum / period;
}

/** Least squares y = intercept + slope·t over t = 1…n. */
function fitLine(y: readonly number[]): { intercept: number; slope: number } {
  const n = y.length;
  const meanT = (n + 1) / 2;
  const meanY = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i + 1 - meanT) * (y[i] - meanY);
    sxx += (i + 1 - meanT) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { intercept: meanY - slope * meanT, slope };
}
