// What every comparison needs of a variant: its units, the mean of the metric
// per unit (a conversion rate is the mean of a 0/1 metric) and the variance of
// one unit's value, from which every standard error follows.
import type { MeanVariant, RateVariant } from './experiment-input.js';

export interface Moments {
  n: number;
  mean: number;
  /** Variance of one unit's value: p(1 − p) for a rate, the sample variance (n − 1 in the denominator) for a mean. */
  variance: number;
}

/**
 * A rate's moments: p = conversions / n and the Bernoulli variance p(1 − p).
 *
 * @example
 * rateMoments({ name: 'A', n: 200, conversions: 50 }) // → { n: 200, mean: 0.25, variance: 0.1875 }
 */
export function rateMoments(variant: RateVariant): Moments {
  const p = variant.conversions / variant.n;
  return { n: variant.n, mean: p, variance: p * (1 - p) };
}

/**
 * A mean's moments from its sums: x̄ = Σx / n and s² = (Σx² − (Σx)²/n) / (n − 1),
 * never below 0 (sums that round below it are a variance of 0).
 *
 * @example
 * meanMoments({ name: 'A', n: 3, sum: 6, sumSquares: 14, covariate: null }) // values 1, 2, 3 → { n: 3, mean: 2, variance: 1 }
 */
export function meanMoments(variant: Pick<MeanVariant, 'n' | 'sum' | 'sumSquares'>): Moments {
  const { n, sum, sumSquares } = variant;
  return { n, mean: sum / n, variance: Math.max(0, sumSquares - (sum * sum) / n) / (n - 1) };
}
