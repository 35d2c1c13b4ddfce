// The Bayesian readout of one treatment against the control: the
// probability that the treatment is better and the expected loss of either
// choice. Rates: each variant's rate has the Beta(α + conversions,
// β + n − conversions) posterior of the stated prior, compared exactly
// (beta-comparison.ts). Means: with a flat prior and the normal approximation
// of each mean, x̄ ~ N(x̄, s²/n), the difference is normal (normal-comparison.ts);
// this is on the absolute difference, not on the relative lift GrowthBook's
// engine puts a prior on. Losses are in the metric's units (a rate's are
// fractions of a unit, as the rate itself).
import { compareBetas } from './beta-comparison.js';
import type { BetaPrior, RateVariant } from './experiment-input.js';
import { compareNormals } from './normal-comparison.js';
import type { Moments } from './variant-moments.js';

export interface BayesianComparison {
  /** P(treatment > control). */
  probabilityToBeatControl: number;
  /** E[max(control − treatment, 0)]: what shipping the treatment is expected to cost where the control is better. */
  lossOfTreatment: number;
  /** E[max(treatment − control, 0)]: what keeping the control is expected to cost. */
  lossOfControl: number;
  method: 'exact' | 'normal-approximation';
}

/**
 * Beta–binomial comparison of two rates under a Beta(prior.alpha, prior.beta) prior.
 *
 * @example
 * compareRatesBayesian({ name: 'A', n: 100, conversions: 10 }, { name: 'B', n: 100, conversions: 15 }, { alpha: 1, beta: 1 })
 * // → { probabilityToBeatControl: 0.85328, lossOfTreatment: 0.003578, lossOfControl: 0.052598, method: 'exact' } (rounded)
 */
export function compareRatesBayesian(control: RateVariant, treatment: RateVariant, prior: BetaPrior): BayesianComparison {
  const posterior = (v: RateVariant) => ({ alpha: prior.alpha + v.conversions, beta: prior.beta + v.n - v.conversions });
  const result = compareBetas(posterior(treatment), posterior(control));
  return { probabilityToBeatControl: result.probability, lossOfTreatment: result.lossOfX, lossOfControl: result.lossOfY, method: result.method };
}

/**
 * Normal comparison of two means (flat prior): the difference ~ N(x̄_T − x̄_C, s_C²/n_C + s_T²/n_T).
 *
 * @example
 * compareMeansBayesian({ n: 100, mean: 10, variance: 25 }, { n: 100, mean: 11, variance: 25 })
 * // → { probabilityToBeatControl: 0.9214, … } (Φ(1/√0.5), rounded)
 */
export function compareMeansBayesian(control: Moments, treatment: Moments): BayesianComparison {
  const result = compareNormals(treatment.mean - control.mean, Math.sqrt(control.variance / control.n + treatment.variance / treatment.n));
  return { probabilityToBeatControl: result.probability, lossOfTreatment: result.lossOfX, lossOfControl: result.lossOfY, method: 'normal-approximation' };
}
