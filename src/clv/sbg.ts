// The shifted-beta-geometric model of contractual retention (Fader & Hardie
// 2007, "How to Project Customer Retention"): each customer churns at the end
// of a period with probability θ ~ Beta(α, β), so retention rises over time
// as the likelier churners leave. Fitted on one cohort's survivor counts.
import { QueryError, ValidationError } from '../core/errors.js';
import type { FitReport } from './bg-nbd.js';
import { minimizeNelderMead } from './nelder-mead.js';
import { hypergeometric2F1 } from './special-functions.js';

/** sBG parameters: churn probability θ ~ Beta(alpha, beta). */
export interface SbgParams {
  alpha: number;
  beta: number;
}

/** A fitted sBG model. */
export interface SbgFit {
  params: SbgParams;
  logLikelihood: number;
  /** Periods of churn observed (survivor counts less one). */
  periods: number;
  /** Mean lifetime in periods, (α+β−1)/(α−1); null when α ≤ 1 (it is infinite: some customers almost never churn). */
  expectedLifetime: number | null;
  /** Periods until fewer than half the cohort is expected to remain. */
  medianLifetime: number | null;
  fit: FitReport;
}

/**
 * Fits sBG by maximum likelihood on survivor counts [n₀, n₁, …, nₙ] (n₀ at
 * the start, nₜ still customers after t periods):
 * LL = Σₜ (nₜ₋₁ − nₜ) ln P(T = t) + nₙ ln S(n), P(T=1) = α/(α+β),
 * P(T=t) = P(T=t−1) (β+t−2)/(α+β+t−1). Throws ValidationError for counts
 * that are not whole, start at 0 or rise, and QueryError when they cannot
 * identify the model (fewer than 2 periods, nobody or everybody churned).
 *
 * @example
 * fitSbg([1000, 631, 468, 382, 326, 289, 262, 241]).params // → { alpha: 0.704, beta: 1.182 } (rounded)
 */
export function fitSbg(survivors: readonly number[]): SbgFit {
  checkSurvivors(survivors);
  const periods = survivors.length - 1;
  const toParams = (v: number[]): SbgParams => ({ alpha: Math.exp(v[0]), beta: Math.exp(v[1]) });
  const minimum = minimizeNelderMead((v) => -logLikelihoodSbg(toParams(v), survivors), [0, 0]);
  const params = toParams(minimum.point);
  const { iterations, evaluations, restarts, converged } = minimum;
  return {
    params,
    logLikelihood: -minimum.value,
    periods,
    expectedLifetime: expectedLifetime(params),
    medianLifetime: medianLifetime(params),
    fit: { iterations, evaluations, restarts, converged },
  };
}

/**
 * The sBG log-likelihood of survivor counts (see fitSbg).
 *
 * @example logLikelihoodSbg({ alpha: 1, beta: 1 }, [2, 1]) // → ln(1/2) + ln(1/2)
 */
export function logLikelihoodSbg(params: SbgParams, survivors: readonly number[]): number {
  const { alpha, beta } = params;
  let churn = alpha / (alpha + beta);
  let survival = beta / (alpha + beta);
  let total = (survivors[0] - survivors[1]) * Math.log(churn);
  for (let t = 2; t < survivors.length; t++) {
    churn *= (beta + t - 2) / (alpha + beta + t - 1);
    survival *= (beta + t - 1) / (alpha + beta + t - 1);
    total += (survivors[t - 1] - survivors[t]) * Math.log(churn);
  }
  return total + survivors[survivors.length - 1] * Math.log(survival);
}

/**
 * S(0), S(1), …, S(periods): the share of a cohort expected to remain after
 * t periods, S(t) = S(t−1) (β+t−1)/(α+β+t−1). Multiply by n₀ to project counts.
 *
 * @example survivalCurve({ alpha: 1, beta: 1 }, 2) // → [1, 1/2, 1/3]
 */
export function survivalCurve(params: SbgParams, periods: number): number[] {
  const curve = [1];
  for (let t = 1; t <= periods; t++) curve.push((curve[t - 1] * (params.beta + t - 1)) / (params.alpha + params.beta + t - 1));
  return curve;
}

/**
 * The retention rate in period t (the share of period t−1's survivors still
 * there after t): (β+t−1)/(α+β+t−1), rising with t.
 *
 * @example retentionRate({ alpha: 1, beta: 1 }, 1) // → 0.5
 */
export function retentionRate(params: SbgParams, t: number): number {
  return (params.beta + t - 1) / (params.alpha + params.beta + t - 1);
}

/**
 * Mean lifetime in periods Σₜ≥0 S(t) = (α+β−1)/(α−1), or within a horizon
 * Σₜ<horizon S(t); null when α ≤ 1 and no horizon is given (infinite mean).
 *
 * @example expectedLifetime({ alpha: 2, beta: 1 }) // → 2
 */
export function expectedLifetime(params: SbgParams, horizon?: number): number | null {
  if (horizon !== undefined) {
    if (!(Number.isInteger(horizon) && horizon >= 0)) throw new ValidationError('horizon must be a whole number of periods ≥ 0', { horizon });
    return survivalCurve(params, horizon)
      .slice(0, horizon)
      .reduce((sum, s) => sum + s, 0);
  }
  return params.alpha > 1 ? (params.alpha + params.beta - 1) / (params.alpha - 1) : null;
}

/**
 * Discounted expected lifetime Σₜ≥0 S(t)/(1+d)ᵗ = ₂F₁(1, β; α+β; 1/(1+d))
 * (Fader & Hardie 2010): periods of a new customer's life, each worth
 * 1/(1+d)ᵗ; multiply by the margin per period for a contractual CLV.
 * Finite for every α when d > 0.
 *
 * @example discountedExpectedLifetime({ alpha: 1, beta: 1 }, 0.1) // → Σ (1/(t+1)) 1.1^−t = 1.1 ln 11 = 2.6376
 */
export function discountedExpectedLifetime(params: SbgParams, discountRate: number): number {
  if (!(Number.isFinite(discountRate) && discountRate > 0)) throw new ValidationError('discount rate must be a finite number > 0', { discountRate });
  return hypergeometric2F1(1, params.beta, params.alpha + params.beta, 1 / (1 + discountRate));
}

/** Periods until S(t) < ½; null past a million periods. */
function medianLifetime(params: SbgParams): number | null {
  let survival = 1;
  for (let t = 1; t <= 1_000_000; t++) {
    survival *= retentionRate(params, t);
    if (survival < 0.5) return t;
  }
  return null;
}

function checkSurvivors(survivors: readonly number[]): void {
  if (!survivors.every((n) => Number.isInteger(n) && n >= 0)) throw new ValidationError('survivor counts must be whole numbers ≥ 0', { survivors });
  if (survivors.some((n, i) => i > 0 && n > survivors[i - 1])) throw new ValidationError('survivor counts cannot rise: a cohort only loses customers', { survivors });
  if (survivors.length < 3) {
    throw new QueryError(`too few periods to fit retention: ${Math.max(survivors.length - 1, 0)} observed, at least 2 are needed`, { survivors });
  }
  if (survivors[0] === 0) throw new ValidationError('the cohort must start with at least one customer', { survivors });
  const last = survivors[survivors.length - 1];
  if (last === survivors[0]) throw new QueryError('nobody churned, so the churn rate cannot be estimated', { survivors });
  if (last === 0 && survivors[1] === 0) throw new QueryError('everybody churned in the first period, so retention cannot be projected', { survivors });
}
