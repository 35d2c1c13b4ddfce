// Always-valid inference for experiments that are looked at while they run:
// the asymptotic confidence sequence of Waudby-Smith, Arbour, Sinha, Kennedy
// & Ramdas, "Time-uniform central limit theory and asymptotic confidence
// sequences" (arXiv:2103.06476, v7: eq. 9, with ρ from its eq. 161), the
// normal-mixture boundary GrowthBook's sequential engine uses. Its tuning
// parameter N* is the total sample size (both arms) at which the sequence is
// tightest; GrowthBook's default is 5000. The chance that the interval ever
// misses the true lift, however often it is looked at, is at most α.

/**
 * The mixing parameter ρ that makes the sequence tightest at N* total units:
 * ρ = √((−2 ln α + ln(1 − 2 ln α)) / N*).
 *
 * @example
 * sequentialRho(0.05, 5000) // → 0.03984 (rounded)
 */
export function sequentialRho(alpha: number, tuning: number): number {
  const l = -2 * Math.log(alpha);
  return Math.sqrt((l + Math.log(l + 1)) / tuning);
}

/**
 * Half the width of the confidence sequence at N total units for an estimate
 * with standard error `se`: with σ² = se²·N the per-unit variance,
 * σ · √(2(Nρ² + 1) / (N²ρ²) · ln(√(Nρ² + 1) / α)).
 *
 * @example
 * confidenceSequenceHalfwidth(0.01, 5000, 0.05, sequentialRho(0.05, 5000)) // → 0.03035 (rounded; the fixed 95 % interval's is 0.0196)
 */
export function confidenceSequenceHalfwidth(se: number, n: number, alpha: number, rho: number): number {
  const r2n = n * rho * rho;
  return se * Math.sqrt(n) * Math.sqrt(((2 * (r2n + 1)) / (n * n * rho * rho)) * Math.log(Math.sqrt(r2n + 1) / alpha));
}

/**
 * The always-valid p-value: the smallest α whose confidence sequence
 * excludes 0, √(Nρ² + 1) · exp(−z²Nρ² / (2(Nρ² + 1))) with z = estimate/se,
 * capped at 1 (so p < α exactly when the interval excludes 0).
 *
 * @example
 * alwaysValidPValue(0.03, 0.01, 5000, sequentialRho(0.05, 5000)) // → 0.0549 (rounded; the fixed-horizon z test's p is 0.0027)
 */
export function alwaysValidPValue(estimate: number, se: number, n: number, rho: number): number {
  const z = estimate / se;
  const r2n = n * rho * rho;
  return Math.min(1, Math.sqrt(r2n + 1) * Math.exp(-(z * z * r2n) / (2 * (r2n + 1))));
}
