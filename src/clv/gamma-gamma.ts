// The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV", JMR;
// Fader & Hardie, note 025): a customer's order values are Gamma(p, ν) with
// ν ~ Gamma(q, γ) across customers, independent of how often they buy. It is
// fitted on repeat buyers' mean repeat order value and predicts each
// customer's expected average order value.
import { QueryError } from '../core/errors.js';
import type { FitReport } from './bg-nbd.js';
import { minimizeNelderMead } from './nelder-mead.js';
import type { RfmCustomer } from './rfm.js';
import { validateRfm } from './rfm.js';
import { logGamma } from './special-functions.js';

/** Gamma-Gamma parameters: order values ~ Gamma(p, ν), ν ~ Gamma(q, gamma); gamma is in money. */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** A fitted Gamma-Gamma model and what it was fitted on. */
export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  /** Repeat buyers with a positive mean order value: the customers the model was fitted on. */
  customers: number;
  /** One-time buyers left out: they have no repeat order value. */
  excludedOneTimeBuyers: number;
  /** Repeat buyers left out because their mean repeat order value is not above 0. */
  excludedNonPositiveSpend: number;
  /** Pearson correlation of frequency and mean order value over the fitted customers. */
  frequencyMonetaryCorrelation: number;
  /** Plain-language cautions, e.g. when spend and frequency are correlated (|ρ| > 0.3). */
  warnings: string[];
  fit: FitReport;
}

/** The model assumes spend is independent of frequency; above this |ρ| a warning is given. */
export const CORRELATION_WARNING = 0.3;

/** Fewer repeat buyers than this cannot support a three-parameter fit. */
export const MIN_REPEAT_BUYERS = 10;

/**
 * ln f(z̄ | p, q, γ, x) of one repeat buyer with x repeat purchases of mean value z̄:
 * ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(x z̄ + γ).
 *
 * @example
 * // p = q = γ = 1, one repeat purchase worth 1: Γ(2)/(Γ(1)Γ(1)) · 1 / 2² = 1/4
 * logLikelihoodGammaGamma({ p: 1, q: 1, gamma: 1 }, 1, 1) // → ln 0.25
 */
export function logLikelihoodGammaGamma(params: GammaGammaParams, frequency: number, monetary: number): number {
  const { p, q, gamma } = params;
  const px = p * frequency;
  return (
    logGamma(px + q) - logGamma(px) - logGamma(q) + q * Math.log(gamma) + (px - 1) * Math.log(monetary) + px * Math.log(frequency) - (px + q) * Math.log(frequency * monetary + gamma)
  );
}

/**
 * The largest shape parameter (p, q) a fit reports, 10^4: there a Gamma is as
 * good as one value, the likelihood is flat along it, and a search would
 * drift for thousands of iterations. γ, a scale, is not bounded.
 */
const LOG_SHAPE_BOUND = Math.log(1e4);
/** A Gamma(q, γ) of customers' spend with q above this varies by about 3 % between customers. */
const SAME_FOR_ALL = 1e3;

/**
 * Fits Gamma-Gamma by maximum likelihood over the log-parameters on the
 * repeat buyers (frequency ≥ 1) with a positive mean repeat order value; the
 * others are left out and counted. Reports the frequency–spend correlation
 * and warns above |ρ| = 0.3. Throws QueryError with fewer than
 * MIN_REPEAT_BUYERS usable repeat buyers.
 *
 * @example
 * const fit = fitGammaGamma(cdnowCustomers);
 * fit.params // → { p: 6.25, q: 3.74, gamma: 15.44 } (rounded); fit.excludedOneTimeBuyers // → 1411
 */
export function fitGammaGamma(customers: readonly RfmCustomer[], options: { start?: GammaGammaParams; maxIterations?: number } = {}): GammaGammaFit {
  validateRfm(customers);
  const repeat = customers.filter((c) => c.frequency > 0);
  const usable = repeat.filter((c) => c.monetary > 0);
  if (usable.length < MIN_REPEAT_BUYERS) {
    throw new QueryError(
      `too few repeat buyers to fit the spend model: ${usable.length} with a positive repeat order value, at least ${MIN_REPEAT_BUYERS} are needed (one-time buyers have no repeat spend)`,
      { customers: customers.length, repeat_buyers: repeat.length, usable: usable.length, minimum: MIN_REPEAT_BUYERS },
    );
  }
  const x = Float64Array.from(usable, (c) => c.frequency);
  const z = Float64Array.from(usable, (c) => c.monetary);
  const meanSpend = z.reduce((s, v) => s + v, 0) / z.length;
  const start = options.start ?? { p: 1, q: 2, gamma: meanSpend };
  const toParams = (v: number[]): GammaGammaParams => ({ p: Math.exp(v[0]), q: Math.exp(v[1]), gamma: Math.exp(v[2]) });
  const likelihood = compileLikelihood(x, z);
  // Beyond the bound a Gamma is as good as a single value and the likelihood flat: the search stops there instead of drifting.
  const objective = (v: number[]) => (v[0] > LOG_SHAPE_BOUND || v[1] > LOG_SHAPE_BOUND ? Number.POSITIVE_INFINITY : -likelihood(toParams(v)));
  const minimum = minimizeNelderMead(objective, [start.p, start.q, start.gamma].map(Math.log), {
    maxIterations: options.maxIterations,
  });
  const correlation = pearsonCorrelation(x, z);
  const warnings: string[] = [];
  if (Math.abs(correlation) > CORRELATION_WARNING) {
    warnings.push(
      `purchase frequency and order value are correlated (ρ = ${correlation.toFixed(2)}); the spend model assumes they are independent, so its order values are less reliable`,
    );
  }
  const params = toParams(minimum.point);
  if (params.q > SAME_FOR_ALL) {
    warnings.push(
      `customers hardly differ in what they spend per order: the spend model values every customer's orders at about the mean order of all customers (${((params.p * params.gamma) / (params.q - 1)).toFixed(2)})`,
    );
  }
  const { iterations, evaluations, restarts, converged } = minimum;
  return {
    params,
    logLikelihood: -minimum.value,
    customers: usable.length,
    excludedOneTimeBuyers: customers.length - repeat.length,
    excludedNonPositiveSpend: repeat.length - usable.length,
    frequencyMonetaryCorrelation: correlation,
    warnings,
    fit: { iterations, evaluations, restarts, converged },
  };
}

/**
 * E[M | x, z̄]: a customer's expected average order value, the weighted mean
 * (q−1)/(px+q−1) · pγ/(q−1) + px/(px+q−1) · z̄ = p(γ + x z̄)/(px + q − 1) of the
 * population mean and their own mean; for a one-time buyer (x = 0) the
 * population mean pγ/(q−1). Throws QueryError when that mean is infinite
 * (px + q ≤ 1: spend too heavy-tailed).
 *
 * @example
 * expectedOrderValue({ p: 6.25, q: 3.74, gamma: 15.44 }, 0, 0) // → 6.25 · 15.44 / 2.74 = 35.22
 */
export function expectedOrderValue(params: GammaGammaParams, frequency: number, monetary: number): number {
  const { p, q, gamma } = params;
  const x = frequency > 0 ? frequency : 0;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) {
    throw new QueryError('the fitted spend model has no finite mean order value (q ≤ 1: a few very large orders dominate)', { p, q, gamma, frequency });
  }
  return (p * (gamma + x * (x > 0 ? monetary : 0))) / denominator;
}

/**
 * The summed log-likelihood as a function of the parameters: the gamma terms
 * are computed once per distinct frequency, ln z̄ once per customer.
 */
function compileLikelihood(x: Float64Array, z: Float64Array): (params: GammaGammaParams) => number {
  const distinct = [...new Set(x)];
  const group = Int32Array.from(x, (v) => distinct.indexOf(v));
  const logZ = z.map(Math.log);
  const logX = distinct.map(Math.log);
  const perX = new Float64Array(distinct.length);
  const count = new Float64Array(distinct.length);
  for (const g of group) count[g]++;
  return ({ p, q, gamma }) => {
    let total = 0;
    for (let g = 0; g < distinct.length; g++) {
      const px = p * distinct[g];
      perX[g] = logGamma(px + q) - logGamma(px) + px * logX[g];
      total += count[g] * perX[g];
    }
    total += x.length * (q * Math.log(gamma) - logGamma(q));
    for (let i = 0; i < x.length; i++) {
      const px = p * x[i];
      total += (px - 1) * logZ[i] - (px + q) * Math.log(x[i] * z[i] + gamma);
    }
    return total;
  };
}

/**
 * Pearson's correlation coefficient of two equally long series; 0 when either is constant.
 *
 * @example pearsonCorrelation([1, 2, 3], [2, 4, 7]) // → 0.9934
 */
export function pearsonCorrelation(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i] / n;
    my += ys[i] / n;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}
