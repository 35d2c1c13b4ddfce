// What a fitted BG/NBD model predicts: purchases of a new customer, the
// purchases a known customer will make after the calibration end, and the
// probability that they are still alive (Fader, Hardie & Lee 2005, eq. 9–13).
import type { BgNbdParams, FrequencyRecency } from './bg-nbd.js';
import { hypergeometric2F1, logHypergeometric2F1 } from './special-functions.js';

/** Closer to 1 than this, `a` is evaluated at 1 ± twice this and averaged (the formulas divide by a − 1). */
const A_NEAR_ONE = 1e-7;
/**
 * Above this a + b the dropout probability's Beta(a, b) is narrow enough for
 * a second-order expansion around its mean (relative error below 10^-6 in
 * the tests), where the series would need tens of thousands of terms. A fit
 * lands here when customers' dropout hardly varies (fitBgNbd stops a and b at 10^4).
 */
const NARROW_BETA_AB = 1e4;

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
  return purchasesIfAlive(params, customer.frequency, customer.T, t) * probabilityAlive(params, customer);
}

/**
 * expectedPurchases for many customers of one fit: the factor that depends on
 * x, T and t alone (the 2F1, the costly part) is computed once per distinct
 * (x, T, t) — a customer base has far fewer of those than customers.
 *
 * @example const expected = expectedPurchasesOf(params); customers.map((c) => expected(c, 52))
 */
export function expectedPurchasesOf(params: BgNbdParams): (customer: FrequencyRecency, t: number) => number {
  const factors = new Map<string, number>();
  return (customer, t) => {
    if (!(t > 0)) return 0;
    const key = `${customer.frequency}|${customer.T}|${t}`;
    let factor = factors.get(key);
    if (factor === undefined) factors.set(key, (factor = purchasesIfAlive(params, customer.frequency, customer.T, t)));
    return factor * probabilityAlive(params, customer);
  };
}

/**
 * The purchases in (T, T + t] of a customer alive at T, who bought x times
 * again: (a+b+x−1)/(a−1) · [1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z)].
 */
function purchasesIfAlive(params: BgNbdParams, x: number, T: number, t: number): number {
  if (Math.abs(params.a - 1) < A_NEAR_ONE) {
    const below = purchasesIfAlive({ ...params, a: 1 - 2 * A_NEAR_ONE }, x, T, t);
    const above = purchasesIfAlive({ ...params, a: 1 + 2 * A_NEAR_ONE }, x, T, t);
    return (below + above) / 2;
  }
  const { r, alpha, a, b } = params;
  if (a + b > NARROW_BETA_AB) return purchasesIfAliveNarrowBeta(params, x, T, t);
  const z = t / (alpha + T + t);
  const c = a + b + x - 1;
  const [first, second] = [a + b - 1 - r, a - 1];
  // With positive parameters every term is positive: summed in logs, (1 − z)^(a−1) · 2F1 stays finite however large a is.
  const euler =
    first > 0 && second > 0
      ? Math.exp((a - 1) * Math.log1p(-z) + logHypergeometric2F1(first, second, c, z))
      : Math.exp((a - 1) * Math.log1p(-z)) * hypergeometric2F1(first, second, c, z);
  return (c / (a - 1)) * (1 - euler);
}

/**
 * purchasesIfAlive for a narrow Beta: alive after x repeat purchases, a
 * customer's p follows Beta(a, b + x) with mean μ = a/(a+b+x) and variance
 * σ² = μ(1−μ)/(a+b+x+1), and the purchases are E[g(p)] with
 * g(p) = (1 − ((α+T)/(α+T+p·t))^(r+x)) / p — taken as g(μ) + ½ g''(μ) σ²
 * (the 2F1 formula tends to g(μ) as a, b grow with a/(a+b) fixed; the
 * second term leaves an error of the order of σ⁴).
 */
function purchasesIfAliveNarrowBeta(params: BgNbdParams, x: number, T: number, t: number): number {
  const { r, alpha, a, b } = params;
  const n = a + b + x;
  const mean = a / n;
  const variance = (mean * (1 - mean)) / (n + 1);
  const g = (p: number) => -Math.expm1((r + x) * (Math.log(alpha + T) - Math.log(alpha + T + p * t))) / p;
  const h = Math.min(Math.sqrt(variance), mean / 2, (1 - mean) / 2);
  const curvature = (g(mean + h) - 2 * g(mean) + g(mean - h)) / (h * h);
  return g(mean) + (curvature * variance) / 2;
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
