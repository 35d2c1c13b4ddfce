// The BG/NBD model of Fader, Hardie & Lee (2005), "Counting Your Customers the
// Easy Way": while alive a customer buys as a Poisson process (rate λ ~
// Gamma(r, α)); after each purchase they drop out with probability p ~ Beta(a, b).
// This file holds its likelihood and its maximum-likelihood fit.
import { QueryError } from '../core/errors.js';
import { minimizeNelderMead } from './nelder-mead.js';
import type { RfmCustomer } from './rfm.js';
import { validateRfm } from './rfm.js';
import { logAddExp, logGamma } from './special-functions.js';

/** BG/NBD parameters: purchase rates ~ Gamma(r, alpha) (alpha in the time unit), dropout ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** How an optimiser run went. */
export interface FitReport {
  iterations: number;
  evaluations: number;
  restarts: number;
  converged: boolean;
}

/** A fitted BG/NBD model. */
export interface BgNbdFit {
  params: BgNbdParams;
  /** Log-likelihood of the calibration data at `params`. */
  logLikelihood: number;
  customers: number;
  repeatBuyers: number;
  fit: FitReport;
}

/** The three numbers BG/NBD reads from a customer. */
export type FrequencyRecency = Pick<RfmCustomer, 'frequency' | 'recency' | 'T'>;

/** Fewer customers than this cannot support a four-parameter fit. */
export const MIN_CUSTOMERS = 10;

/**
 * ln L(r, α, a, b | x, tₓ, T) of one customer, in logs throughout:
 * ln A₁ + ln A₂ + ln(e^A₃ + δ(x>0) e^A₄) with
 * A₁ = ln Γ(r+x) − ln Γ(r) + r ln α,
 * A₂ = ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x),
 * A₃ = −(r+x) ln(α+T),
 * A₄ = ln a − ln(b+x−1) − (r+x) ln(α+tₓ).
 *
 * @example
 * // one-time buyer observed for T = 2 with r = α = a = b = 1: ln(α/(α+T))^r = ln(1/3)
 * logLikelihoodBgNbd({ r: 1, alpha: 1, a: 1, b: 1 }, { frequency: 0, recency: 0, T: 2 }) // → −1.0986…
 */
export function logLikelihoodBgNbd(params: BgNbdParams, customer: FrequencyRecency): number {
  const { r, alpha, a, b } = params;
  const x = customer.frequency;
  const a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
  const a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + customer.T);
  const a4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + customer.recency) : -Infinity;
  return a1 + a2 + logAddExp(a3, a4);
}

/**
 * Σ of logLikelihoodBgNbd over customers. Customers with the same (x, tₓ, T)
 * are evaluated once, and the gamma terms once per distinct x.
 *
 * @example totalLogLikelihoodBgNbd(params, customers) // = Σ logLikelihoodBgNbd(params, c)
 */
export function totalLogLikelihoodBgNbd(params: BgNbdParams, customers: readonly FrequencyRecency[]): number {
  return compileLikelihood(customers)(params);
}

/**
 * The largest shape parameter (r, a, b) a fit reports, 10^4: there the Gamma
 * of purchase rates or the Beta of dropout varies by about 1 % between
 * customers, the likelihood is flat along it, and a search would drift on
 * for thousands of iterations. α, a scale, is not bounded.
 */
export const SHAPE_BOUND = 1e4;
const LOG_SHAPE_BOUND = Math.log(SHAPE_BOUND);
const SHAPES = [0, 2, 3];

/**
 * Fits BG/NBD by maximum likelihood over the log-parameters (Nelder–Mead with
 * restarts, deterministic). Throws ValidationError for inconsistent
 * summaries and QueryError when the data cannot support the model: fewer than
 * MIN_CUSTOMERS customers, or nobody bought twice (the dropout process is
 * then invisible).
 *
 * @example
 * const fit = fitBgNbd(cdnowCustomers);
 * fit.params // → { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } (rounded); fit.logLikelihood // → −9582.4
 */
export function fitBgNbd(customers: readonly RfmCustomer[], options: { start?: BgNbdParams; maxIterations?: number } = {}): BgNbdFit {
  validateRfm(customers);
  const repeatBuyers = customers.filter((c) => c.frequency > 0).length;
  checkFittable(customers.length, repeatBuyers);
  const likelihood = compileLikelihood(customers);
  const meanT = customers.reduce((sum, c) => sum + c.T, 0) / customers.length;
  const start = options.start ?? { r: 1, alpha: Math.max(meanT, 1e-3), a: 1, b: 1 };
  const toParams = (p: number[]): BgNbdParams => ({ r: Math.exp(p[0]), alpha: Math.exp(p[1]), a: Math.exp(p[2]), b: Math.exp(p[3]) });
  // Beyond the bound the Gamma or Beta is a point mass and the likelihood flat: the search stops at the bound instead of drifting.
  const objective = (p: number[]) => (SHAPES.some((i) => p[i] > LOG_SHAPE_BOUND) ? Number.POSITIVE_INFINITY : -likelihood(toParams(p)));
  const minimum = minimizeNelderMead(objective, [start.r, start.alpha, start.a, start.b].map((v, i) => (SHAPES.includes(i) ? Math.min(Math.log(v), LOG_SHAPE_BOUND - 1) : Math.log(v))), {
    maxIterations: options.maxIterations,
  });
  const params = toParams(minimum.point);
  if (!Number.isFinite(minimum.value)) throw new QueryError('the BG/NBD likelihood could not be evaluated on these customers', { customers: customers.length });
  const { iterations, evaluations, restarts, converged } = minimum;
  return { params, logLikelihood: -minimum.value, customers: customers.length, repeatBuyers, fit: { iterations, evaluations, restarts, converged } };
}

function checkFittable(customers: number, repeatBuyers: number): void {
  if (customers < MIN_CUSTOMERS) {
    throw new QueryError(`too few customers to fit BG/NBD: ${customers}, at least ${MIN_CUSTOMERS} are needed`, { customers, minimum: MIN_CUSTOMERS });
  }
  if (repeatBuyers === 0) {
    throw new QueryError('no customer bought more than once before the calibration end, so purchase and dropout rates cannot be told apart', {
      customers,
      repeat_buyers: 0,
    });
  }
}

/**
 * Precomputes the distinct (x, tₓ, T) groups once and returns the
 * log-likelihood as a function of the parameters. Within one evaluation the
 * gamma terms are computed once per distinct x and ln(α + t) once per distinct
 * tₓ and T, which makes a fit on thousands of customers take milliseconds.
 */
function compileLikelihood(customers: readonly FrequencyRecency[]): (params: BgNbdParams) => number {
  const groups = new Map<string, { x: number; tx: number; T: number; count: number }>();
  for (const c of customers) {
    const key = `${c.frequency}|${c.recency}|${c.T}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { x: c.frequency, tx: c.recency, T: c.T, count: 1 });
  }
  const list = [...groups.values()];
  const xs = distinctIndex(list.map((g) => g.x));
  const ts = distinctIndex(list.map((g) => g.T));
  const txs = distinctIndex(list.map((g) => g.tx));
  const x = Float64Array.from(list, (g) => g.x);
  const count = Float64Array.from(list, (g) => g.count);
  const gammaTerms = new Float64Array(xs.values.length);
  const logDropout = new Float64Array(xs.values.length);
  const logAlphaT = new Float64Array(ts.values.length);
  const logAlphaTx = new Float64Array(txs.values.length);
  return ({ r, alpha, a, b }) => {
    const constant = -logGamma(r) + r * Math.log(alpha) + logGamma(a + b) - logGamma(b);
    xs.values.forEach((xi, i) => {
      gammaTerms[i] = logGamma(r + xi) + logGamma(b + xi) - logGamma(a + b + xi);
      logDropout[i] = xi > 0 ? Math.log(a) - Math.log(b + xi - 1) : -Infinity;
    });
    ts.values.forEach((t, i) => (logAlphaT[i] = Math.log(alpha + t)));
    txs.values.forEach((t, i) => (logAlphaTx[i] = Math.log(alpha + t)));
    let total = 0;
    for (let i = 0; i < list.length; i++) {
      const rx = r + x[i];
      const a3 = -rx * logAlphaT[ts.index[i]];
      const xi = xs.index[i];
      const a4 = logDropout[xi] - rx * logAlphaTx[txs.index[i]];
      total += count[i] * (constant + gammaTerms[xi] + logAddExp(a3, a4));
    }
    return total;
  };
}

/** The distinct values of a list and, for each item, the position of its value among them. */
function distinctIndex(items: number[]): { values: number[]; index: Int32Array } {
  const position = new Map<number, number>();
  const index = Int32Array.from(items, (v) => {
    let i = position.get(v);
    if (i === undefined) position.set(v, (i = position.size));
    return i;
  });
  return { values: [...position.keys()], index };
}

/** A Beta(a, b) with a + b above this, or a Gamma(r, α) with r above it, varies by a few % at most between customers. */
const SAME_FOR_ALL = 1e3;

/**
 * Plain warnings when the fit finds that customers' dropout probabilities
 * (a + b large) or purchase rates (r large) hardly differ: the model then
 * treats them as one value, which the data may not support beyond the history seen.
 *
 * @example sameForAllWarnings({ r: 0.33, alpha: 39.8, a: 6.2e5, b: 7.1e5 }) // → ['customers hardly differ in how likely they are to lapse: …']
 */
export function sameForAllWarnings(params: BgNbdParams): string[] {
  const warnings: string[] = [];
  if (params.a + params.b > SAME_FOR_ALL) {
    const p = params.a / (params.a + params.b);
    warnings.push(`customers hardly differ in how likely they are to lapse: the fit takes every customer to stop buying with probability ${p.toFixed(3)} after each purchase`);
  }
  if (params.r > SAME_FOR_ALL) {
    warnings.push(`customers hardly differ in how often they buy: the fit takes every active customer to buy ${(params.r / params.alpha).toPrecision(3)} times per time unit`);
  }
  return warnings;
}

/** Below this a (the Beta prior's weight on dropping out) the data show next to no dropout. */
export const NO_DROPOUT_A = 0.01;

/**
 * A plain warning when the fit finds next to no dropout (a → 0): every
 * customer then looks alive, and values rest on purchase rates alone.
 *
 * @example dropoutWarning({ r: 1.27, alpha: 158, a: 1e-6, b: 1e-6 }) // → 'the fit finds next to no dropout …'
 */
export function dropoutWarning(params: BgNbdParams): string | null {
  return params.a < NO_DROPOUT_A
    ? `the fit finds next to no dropout (a = ${params.a.toPrecision(2)}): every customer looks alive, so the values rest on purchase rates alone; a longer history before the calibration end would show who lapses`
    : null;
}
