// What a fitted BG/NBD model predicts: purchases of a new customer, the
// purchases a known customer will make after the calibration end, and the
// probability that they are still alive (Fader, Hardie & Lee 2005, eq. 9–13).
import type { BgNbdParams, FrequencyRecency } from './bg-nbd.js';
import { hypergeometric2F1, logHypergeometric2F1 } from './special-functions.js';

/** Closer to 1 than this, `a` is evaluated at 1 ± twice this and averaged (the formulas divide by a − 1). */
const A_NEAR_ONE = 1e-7;
/**
 * Above this a + b the dropout probability's Beta(a, b) is a point mass for
 * every purpose (its sd is below 0.2 % of p) and its limit is used: the series
 * would need millions of terms. A fit lands here when customers' dropout
 * hardly varies.
 */
const POINT_MASS_AB = 1e5;

/**
 * P(alive at T | x, tₓ, T): 1 for a customer who never bought again (under
 * BG/NBD dropout only happens right after a purchase), else
 * 1 / (1 + a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)), evaluated in logs.
 *
 * @example
 * probabilityAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { frequency: 0, recency: 0, T: 38.86 }) // → 1
 */
export function probabilityAlive(params: BgNbdParams, customer: FrequencyRecency): number {
  const { r, alpha, a, b } = params;
  const x = customer.frequency;
  if (x === 0) return 1;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + customer.T) - Math.log(alpha + customer.recency));
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/**
 * E[Y(t) | x, tₓ, T]: the purchases a customer is expected to make in
 * (T, T + t], i.e. in the `t` time units after the calibration end:
 *
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)] / (1 + δ(x>0) a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)),
 *   z = t/(α+T+t).
 *
 * The 2F1 is used in Euler's form (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z),
 * whose parameters do not grow with x: no overflow for frequent buyers and
 * fast convergence. t ≤ 0 gives 0.
 *
 * @example
 * // the BG/NBD paper's customer with x = 2, tₓ = 30.43, T = 38.86 over the next 39 weeks
 * expectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { frequency: 2, recency: 30.43, T: 38.86 }, 39) // → 1.226
 */
export function expectedPurchases(params: BgNbdParams, customer: FrequencyRecency, t: number): number {
  if (!(t > 0)) return 0;
  if (Math.abs(params.a - 1) < A_NEAR_ONE) {
    const below = expectedPurchases({ ...params, a: 1 - 2 * A_NEAR_ONE }, customer, t);
    const above = expectedPurchases({ ...params, a: 1 + 2 * A_NEAR_ONE }, customer, t);
    return (below + above) / 2;
  }
  const { r, alpha, a, b } = params;
  if (a + b > POINT_MASS_AB) return expectedPurchasesFixedDropout(params, customer, t);
  const x = customer.frequency;
  const z = t / (alpha + customer.T + t);
  const c = a + b + x - 1;
  const [first, second] = [a + b - 1 - r, a - 1];
  // With positive parameters every term is positive: summed in logs, (1 − z)^(a−1) · 2F1 stays finite however large a is.
  const euler =
    first > 0 && second > 0
      ? Math.exp((a - 1) * Math.log1p(-z) + logHypergeometric2F1(first, second, c, z))
      : Math.exp((a - 1) * Math.log1p(-z)) * hypergeometric2F1(first, second, c, z);
  return ((c / (a - 1)) * (1 - euler)) * probabilityAlive(params, customer);
}

/**
 * E[Y(t) | x, tₓ, T] in the limit of a Beta(a, b) that is a point mass at
 * p = a/(a+b): (1 − ((α+T)/(α+T+p·t))^(r+x)) / p · P(alive) — the formula
 * above as a, b grow with a/(a+b) fixed (its 2F1 tends to (1 − (1−p)z)^−(r+x)).
 */
function expectedPurchasesFixedDropout(params: BgNbdParams, customer: FrequencyRecency, t: number): number {
  const { r, alpha, a, b } = params;
  const p = a / (a + b);
  const k = r + customer.frequency;
  const future = -Math.expm1(k * (Math.log(alpha + customer.T) - Math.log(alpha + customer.T + p * t)));
  return (future / p) * probabilityAlive(params, customer);
}

/**
 * E[X(t)]: the repeat purchases a new customer is expected to make in their
 * first t time units, (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]
 * — the conditional expectation of a customer seen at their first purchase.
 *
 * @example
 * expectedPurchasesNewCustomer({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 78) // → 1.8576
 */
export function expectedPurchasesNewCustomer(params: BgNbdParams, t: number): number {
  return expectedPurchases(params, { frequency: 0, recency: 0, T: 0 }, t);
}
