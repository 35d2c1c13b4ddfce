// The lift of a treatment over the control and its standard errors: the
// absolute difference of means, and the relative lift μ_T/μ_C − 1 with the
// delta method's variance (as GrowthBook's frequentist engine computes it):
// Var ≈ σ_T² / (μ_C² n_T) + σ_C² μ_T² / (μ_C⁴ n_C).
import type { Moments } from './variant-moments.js';

export interface Lift {
  /** μ_T − μ_C. */
  absolute: number;
  /** √(σ_C²/n_C + σ_T²/n_T), unpooled. */
  absoluteSe: number;
  /** μ_T / μ_C − 1; null when the control's mean is 0 (no lift relative to nothing) or so near it that the ratio overflows. */
  relative: number | null;
  /** The delta method's standard error of the relative lift; null with it. */
  relativeSe: number | null;
}

/**
 * The treatment's lift over the control, absolute and relative, with their standard errors.
 *
 * @example
 * estimateLift({ n: 1000, mean: 0.1, variance: 0.09 }, { n: 1000, mean: 0.12, variance: 0.1056 })
 * // → { absolute: 0.02, absoluteSe: 0.013986, relative: 0.2, relativeSe: 0.15336 } (rounded)
 */
export function estimateLift(control: Moments, treatment: Moments): Lift {
  const absolute = treatment.mean - control.mean;
  const absoluteSe = Math.sqrt(control.variance / control.n + treatment.variance / treatment.n);
  if (control.mean === 0) return { absolute, absoluteSe, relative: null, relativeSe: null };
  const ratio = treatment.mean / control.mean;
  // (σ_T²/n_T + σ_C² (μ_T/μ_C)²/n_C) / μ_C², the same variance written so it overflows later.
  const relativeSe = Math.sqrt(treatment.variance / treatment.n + (control.variance * ratio * ratio) / control.n) / Math.abs(control.mean);
  // A control so near 0 that the ratio overflows has no usable relative lift either.
  if (!Number.isFinite(ratio) || !Number.isFinite(relativeSe)) return { absolute, absoluteSe, relative: null, relativeSe: null };
  return { absolute, absoluteSe, relative: ratio - 1, relativeSe };
}
