// Robust centre and spread of a sample: the median, the median absolute
// deviation (MAD) and the σ of normal data they stand for, which a few wild
// values barely move (the mean and standard deviation follow them).

/** MAD × 1.4826 estimates σ of normal data (1.4826 ≈ 1/Φ⁻¹(3/4)). */
export const MAD_SCALE = 1.4826;
/** Mean absolute deviation × √(π/2) estimates σ of normal data: the fallback when the MAD is 0. */
export const MEAN_DEVIATION_SCALE = Math.sqrt(Math.PI / 2);
/** σ is never taken below this fraction of the values' mean magnitude, so that a flat history gives finite scores. */
export const SIGMA_FLOOR_RATIO = 1e-6;

/** A sample's median, its MAD and the σ they estimate. */
export interface RobustSpread {
  median: number;
  /** Median of |x − median|, unscaled. */
  mad: number;
  /** 1.4826 × MAD; when the MAD is 0, √(π/2) × the mean absolute deviation from the median; never below sigmaFloor. */
  sigma: number;
  /** How sigma was reached: from the MAD, from the mean absolute deviation, or the floor (the sample does not vary). */
  basis: 'mad' | 'mean_deviation' | 'floor';
}

/**
 * The middle value (the mean of the two middle ones for an even count).
 *
 * @example median([5, 1, 4, 2]) // → 3
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('the median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The smallest σ a detector uses for values of this size: SIGMA_FLOOR_RATIO
 * × their mean magnitude (or × 1 when they are all 0).
 *
 * @example sigmaFloor([100, -300]) // → 0.0002
 */
export function sigmaFloor(values: readonly number[]): number {
  const magnitude = values.reduce((sum, v) => sum + Math.abs(v), 0) / Math.max(1, values.length);
  return SIGMA_FLOOR_RATIO * (magnitude > 0 ? magnitude : 1);
}

/**
 * The median, the MAD and the σ they estimate (see RobustSpread).
 *
 * @example robustSpread([1, 2, 3, 4, 100]) // → { median: 3, mad: 1, sigma: 1.4826, basis: 'mad' }
 */
export function robustSpread(values: readonly number[]): RobustSpread {
  const center = median(values);
  const deviations = values.map((v) => Math.abs(v - center));
  const mad = median(deviations);
  const floor = sigmaFloor(values);
  if (MAD_SCALE * mad > floor) return { median: center, mad, sigma: MAD_SCALE * mad, basis: 'mad' };
  const meanDeviation = deviations.reduce((a, b) => a + b, 0) / deviations.length;
  if (MEAN_DEVIATION_SCALE * meanDeviation > floor) return { median: center, mad, sigma: MEAN_DEVIATION_SCALE * meanDeviation, basis: 'mean_deviation' };
  return { median: center, mad, sigma: floor, basis: 'floor' };
}
