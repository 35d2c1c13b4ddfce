// How many units each variant needs for a two-sided test at level α to
// detect a given effect with a given power (normal approximation, two arms
// of equal size). Rates: Fleiss, Levin & Paik (2003), Statistical Methods for
// Rates and Proportions, §4.2, without the continuity correction (the
// formula R's power.prop.test solves):
//   n = (z₁₋α/₂ √(2 p̄ q̄) + z_power √(p₁q₁ + p₂q₂))² / (p₂ − p₁)²,  p̄ = (p₁ + p₂)/2.
// Means: n = 2 σ² (z₁₋α/₂ + z_power)² / Δ².
// The minimum detectable effect is relative to the baseline (0.1 = a 10 %
// lift) unless mde_type says absolute (in the metric's units).
import { ValidationError } from '../core/errors.js';
import { normalQuantile } from './normal-distribution.js';

export type MdeType = 'relative' | 'absolute';

export interface RateSampleSizeInput {
  /** The control's conversion rate, in (0, 1). */
  baseline: number;
  mde: number;
  mdeType: MdeType;
  /** Default 0.05. */
  alpha?: number;
  /** Default 0.8. */
  power?: number;
}

export interface MeanSampleSizeInput {
  /** The control's mean; needed for a relative effect. */
  mean?: number;
  /** Standard deviation of one unit's value. */
  sd: number;
  mde: number;
  mdeType: MdeType;
  alpha?: number;
  power?: number;
}

export interface SampleSize {
  /** Units per variant, rounded up. */
  perVariant: number;
  /** The formula's value before rounding. */
  exact: number;
  /** The effect to detect in the metric's units (treatment − control). */
  absoluteEffect: number;
}

/**
 * Units per variant to detect a change of a conversion rate.
 *
 * @example
 * sampleSizeForRate({ baseline: 0.5, mde: 0.25, mdeType: 'absolute', power: 0.9 }) // → { perVariant: 77, exact: 76.71, absoluteEffect: 0.25 } (rounded)
 */
export function sampleSizeForRate(input: RateSampleSizeInput): SampleSize {
  const { alpha, power } = checkLevels(input);
  const p1 = input.baseline;
  if (!(p1 > 0 && p1 < 1)) throw new ValidationError(`baseline must be a rate above 0 and below 1 (got ${p1})`, { field: 'baseline' });
  const effect = checkEffect(input.mde, input.mdeType, p1);
  const p2 = p1 + effect;
  if (!(p2 > 0 && p2 < 1)) throw new ValidationError(`the treatment's rate would be ${p2}: baseline and mde must leave it above 0 and below 1`, { field: 'mde' });
  const mean = (p1 + p2) / 2;
  const root = normalQuantile(1 - alpha / 2) * Math.sqrt(2 * mean * (1 - mean)) + normalQuantile(power) * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return result((root * root) / (effect * effect), effect);
}

/**
 * Units per variant to detect a change of a mean.
 *
 * @example
 * sampleSizeForMean({ sd: 1, mde: 0.5, mdeType: 'absolute' }) // → { perVariant: 63, exact: 62.79, absoluteEffect: 0.5 } (rounded)
 */
export function sampleSizeForMean(input: MeanSampleSizeInput): SampleSize {
  const { alpha, power } = checkLevels(input);
  if (!(Number.isFinite(input.sd) && input.sd > 0)) throw new ValidationError(`sd must be a number above 0 (got ${input.sd})`, { field: 'sd' });
  if (input.mdeType === 'relative' && !(Number.isFinite(input.mean) && input.mean !== 0)) {
    throw new ValidationError('mean (the baseline, not 0) is needed for a relative mde', { field: 'mean' });
  }
  const effect = checkEffect(input.mde, input.mdeType, input.mean ?? 0);
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  return result((2 * input.sd * input.sd * z * z) / (effect * effect), effect);
}

function checkLevels(input: { alpha?: number; power?: number }): { alpha: number; power: number } {
  const alpha = input.alpha ?? 0.05;
  const power = input.power ?? 0.8;
  if (!(alpha > 0 && alpha < 1)) throw new ValidationError(`alpha must be above 0 and below 1 (got ${alpha})`, { field: 'alpha' });
  if (!(power > 0 && power < 1)) throw new ValidationError(`power must be above 0 and below 1 (got ${power})`, { field: 'power' });
  return { alpha, power };
}

/** The effect in the metric's units; a ValidationError for 0 or a non-number. */
function checkEffect(mde: number, type: MdeType, baseline: number): number {
  const effect = type === 'relative' ? mde * baseline : mde;
  if (!(Number.isFinite(effect) && effect !== 0)) throw new ValidationError(`mde must be a number other than 0 (got ${mde})`, { field: 'mde' });
  return effect;
}

const result = (exact: number, absoluteEffect: number): SampleSize => ({ perVariant: Math.ceil(exact - 1e-9), exact, absoluteEffect });
