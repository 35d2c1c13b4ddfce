// How well a curve reproduces observed daily outcomes: R², RMSE and MAPE, and
// the median the spend summary uses. None of them returns NaN: undefined
// cases get the documented value instead.

/**
 * R² = 1 − SSE/SST. When the observations do not vary (SST = 0) it is 1 for an exact fit and 0 otherwise.
 *
 * @example
 * rSquared([1, 2, 3], [1, 2, 4]) // → 1 − 1/2 = 0.5
 */
export function rSquared(observed: readonly number[], fitted: readonly number[]): number {
  const mean = observed.reduce((a, b) => a + b, 0) / Math.max(observed.length, 1);
  const sst = observed.reduce((s, y) => s + (y - mean) ** 2, 0);
  const sse = observed.reduce((s, y, t) => s + (y - fitted[t]) ** 2, 0);
  if (sst === 0) return sse === 0 ? 1 : 0;
  return 1 - sse / sst;
}

/**
 * Root mean squared error (0 for no observations).
 *
 * @example
 * rootMeanSquaredError([1, 2], [2, 4]) // → √((1 + 4)/2) ≈ 1.581
 */
export function rootMeanSquaredError(observed: readonly number[], fitted: readonly number[]): number {
  if (observed.length === 0) return 0;
  return Math.sqrt(observed.reduce((s, y, t) => s + (y - fitted[t]) ** 2, 0) / observed.length);
}

/**
 * Mean absolute percentage error over the days with a positive observation, as
 * a fraction; null when no day has one (the percentage is undefined at 0).
 *
 * @example
 * meanAbsolutePercentageError([100, 0, 200], [110, 5, 180]) // → (0.1 + 0.1)/2 = 0.1
 */
export function meanAbsolutePercentageError(observed: readonly number[], fitted: readonly number[]): number | null {
  let sum = 0;
  let count = 0;
  observed.forEach((y, t) => {
    if (y > 0) {
      sum += Math.abs(y - fitted[t]) / y;
      count++;
    }
  });
  return count === 0 ? null : sum / count;
}

/**
 * The median (0 for no values).
 *
 * @example
 * median([3, 1, 2, 10]) // → 2.5
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
