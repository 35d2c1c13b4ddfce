// Two quantities whose difference D = X − Y is normal with mean δ and
// standard deviation σ: P(X > Y) = Φ(δ/σ) and the expected losses
// E[max(−D, 0)] = σφ(δ/σ) − δΦ(−δ/σ) and E[max(D, 0)] = σφ(δ/σ) + δΦ(δ/σ)
// (the mean of a normal truncated at 0).
import { normalCdf, normalDensity } from './normal-distribution.js';

export interface NormalComparison {
  /** P(X > Y). */
  probability: number;
  /** E[max(Y − X, 0)]. */
  lossOfX: number;
  /** E[max(X − Y, 0)]. */
  lossOfY: number;
}

/**
 * P(X > Y) and both expected losses when X − Y ~ N(δ, σ²). With σ = 0 the
 * difference is certain: the probability is 1, 0 or ½ (a tie).
 *
 * @example
 * compareNormals(0, 1) // → { probability: 0.5, lossOfX: 0.39894, lossOfY: 0.39894 } (1/√(2π), rounded)
 */
export function compareNormals(delta: number, sd: number): NormalComparison {
  if (sd === 0) return { probability: delta > 0 ? 1 : delta < 0 ? 0 : 0.5, lossOfX: Math.max(0, -delta), lossOfY: Math.max(0, delta) };
  const z = delta / sd;
  const density = sd * normalDensity(z);
  return { probability: normalCdf(z), lossOfX: Math.max(0, density - delta * normalCdf(-z)), lossOfY: Math.max(0, density + delta * normalCdf(z)) };
}
