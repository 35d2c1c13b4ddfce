// CUPED (Deng, Xu, Kohavi & Walker, "Improving the sensitivity of online
// controlled experiments by utilizing pre-experiment data", WSDM 2013): a
// pre-period covariate X that correlates with the metric Y explains part of
// Y's variance, and Y − θ(X − X̄) keeps Y's treatment effect (X is fixed
// before assignment) with variance Var(Y)(1 − ρ²) at θ = Cov(Y, X)/Var(X).
// θ is estimated once on all units pooled, so every variant is adjusted
// alike; each variant's adjusted mean and variance follow from its sums.
import type { CovariateSums, MeanVariant } from './experiment-input.js';
import { meanMoments, type Moments } from './variant-moments.js';

export interface CupedVariant extends Pick<MeanVariant, 'n' | 'sum' | 'sumSquares'> {
  covariate: CovariateSums;
}

export interface CupedAdjustment {
  /** The adjusted metric's moments: mean ȳ − θ(x̄ − X̄), variance s_y² − 2θ s_xy + θ² s_x². */
  adjusted: Moments;
  unadjusted: Moments;
  /** 1 − adjusted variance / unadjusted variance (≈ ρ²; 0 when the metric does not vary). */
  varianceReduction: number;
  /** The variant's own correlation of metric and covariate; null when either does not vary. */
  correlation: number | null;
}

export interface CupedResult {
  /** Cov(Y, X) / Var(X) over all units; 0 when the covariate does not vary. */
  theta: number;
  variants: CupedAdjustment[];
}

/**
 * θ from all variants' sums pooled, and each variant's adjusted moments.
 *
 * @example
 * // Units (y, x): A = (1, 1), (2, 2), (3, 3); B = (2, 1), (3, 2), (4, 3): y follows x exactly.
 * adjustCuped([{ n: 3, sum: 6, sumSquares: 14, covariate: { sum: 6, sumSquares: 14, crossSum: 14 } },
 *              { n: 3, sum: 9, sumSquares: 29, covariate: { sum: 6, sumSquares: 14, crossSum: 20 } }])
 * // → θ = 1; each variant's adjusted variance 0 and its mean unchanged, 2 and 3 (its x̄ is the overall X̄)
 */
export function adjustCuped(variants: readonly CupedVariant[]): CupedResult {
  const total = variants.reduce(
    (t, v) => ({ n: t.n + v.n, y: t.y + v.sum, x: t.x + v.covariate.sum, xx: t.xx + v.covariate.sumSquares, xy: t.xy + v.covariate.crossSum }),
    { n: 0, y: 0, x: 0, xx: 0, xy: 0 },
  );
  const pooledCovariance = total.xy - (total.x * total.y) / total.n;
  const pooledSpread = total.xx - (total.x * total.x) / total.n;
  const theta = pooledSpread > 0 ? pooledCovariance / pooledSpread : 0;
  const grandMean = total.x / total.n;
  return { theta, variants: variants.map((v) => adjustVariant(v, theta, grandMean)) };
}

function adjustVariant(v: CupedVariant, theta: number, covariateGrandMean: number): CupedAdjustment {
  const unadjusted = meanMoments(v);
  const x = meanMoments({ n: v.n, sum: v.covariate.sum, sumSquares: v.covariate.sumSquares });
  const covariance = (v.covariate.crossSum - (v.sum * v.covariate.sum) / v.n) / (v.n - 1);
  const variance = Math.max(0, unadjusted.variance - 2 * theta * covariance + theta * theta * x.variance);
  // √ of each variance apart: their product may underflow where neither does.
  const r = covariance / (Math.sqrt(unadjusted.variance) * Math.sqrt(x.variance));
  const correlation = Number.isFinite(r) ? clamp(r) : null;
  return {
    adjusted: { n: v.n, mean: unadjusted.mean - theta * (x.mean - covariateGrandMean), variance },
    unadjusted,
    varianceReduction: unadjusted.variance > 0 ? 1 - variance / unadjusted.variance : 0,
    correlation,
  };
}

const clamp = (r: number) => Math.min(1, Math.max(-1, r));
