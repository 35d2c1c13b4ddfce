// The special functions the buy-till-you-die models need, in plain TypeScript:
// log-gamma (Lanczos), a log-space sum, and Gauss's hypergeometric 2F1 as a
// series. Their likelihoods are sums of thousands of these, so they stay cheap.

/** Lanczos coefficients for g = 7, n = 9 (Numerical Recipes / Godfrey): ~1e-15 relative error. */
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(x) for x > 0 (Lanczos approximation), and ln |Γ(x)| for negative
 * non-integers by reflection. Non-positive integers are poles: +Infinity.
 *
 * @example
 * logGamma(5) // → ln 24 = 3.1780538…
 * logGamma(0.5) // → ln √π = 0.5723649…
 */
export function logGamma(x: number): number {
  if (x < 0.5) {
    if (Number.isInteger(x)) return Infinity;
    // Γ(x) Γ(1 − x) = π / sin(πx)
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * ln(e^x + e^y) without overflow or underflow; −Infinity stands for a missing term.
 *
 * @example logAddExp(Math.log(2), Math.log(3)) // → ln 5
 */
export function logAddExp(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  return x > y ? x + Math.log1p(Math.exp(y - x)) : y + Math.log1p(Math.exp(x - y));
}

/** Terms after which the 2F1 series gives up (z ≈ 0.9999 still converges well before). */
const HYP2F1_MAX_TERMS = 2_000_000;

/**
 * Gauss's hypergeometric function 2F1(a, b; c; z) for −1 < z < 1, summed as
 * its power series Σ (a)ₖ(b)ₖ / ((c)ₖ k!) zᵏ. The sum stops once the tail —
 * bounded by the last term times ρ/(1 − ρ), with ρ the larger of the last
 * term ratio and |z| — is below 1e-16 of the sum. Callers keep z away from 1
 * (BG/NBD's Euler-transformed arguments do). Throws a RangeError for |z| ≥ 1
 * or c a non-positive integer (a bug in the caller, not bad data).
 *
 * @example
 * hypergeometric2F1(1, 1, 2, 0.5) // → −ln(1 − 0.5) / 0.5 = 1.3862944…
 */
export function hypergeometric2F1(a: number, b: number, c: number, z: number): number {
  if (!(Math.abs(z) < 1)) throw new RangeError(`2F1 series needs |z| < 1, got ${z}`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`2F1 is undefined for c = ${c}`);
  let term = 1;
  let sum = 1;
  for (let k = 0; k < HYP2F1_MAX_TERMS; k++) {
    const ratio = ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    term *= ratio;
    sum += term;
    if (term === 0) return sum;
    const rho = Math.max(Math.abs(ratio), Math.abs(z));
    if (rho < 1 && (Math.abs(term) * rho) / (1 - rho) <= 1e-16 * Math.abs(sum)) return sum;
  }
  throw new RangeError(`2F1(${a}, ${b}; ${c}; ${z}) did not converge in ${HYP2F1_MAX_TERMS} terms`);
}

/**
 * ln 2F1(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, where every term of the
 * series is positive: summed in logs, so the function may be far beyond a
 * double (BG/NBD with a large `a` gives 2F1 ≈ (1 − z)^−(a−1)). Stops as
 * hypergeometric2F1 does.
 *
 * @example
 * logHypergeometric2F1(1, 1, 2, 0.5) // → ln(−ln(0.5) / 0.5) = 0.3266343…
 */
export function logHypergeometric2F1(a: number, b: number, c: number, z: number): number {
  if (!(a > 0 && b > 0 && c > 0 && z >= 0 && z < 1)) throw new RangeError(`the log 2F1 series needs a, b, c > 0 and 0 ≤ z < 1, got ${a}, ${b}, ${c}, ${z}`);
  if (z === 0) return 0;
  const logZ = Math.log(z);
  let logTerm = 0;
  let logSum = 0;
  for (let k = 0; k < HYP2F1_MAX_TERMS; k++) {
    const logRatio = Math.log(a + k) + Math.log(b + k) + logZ - Math.log(c + k) - Math.log(k + 1);
    logTerm += logRatio;
    logSum = logAddExp(logSum, logTerm);
    const rho = Math.max(Math.exp(logRatio), z);
    if (rho < 1 && logTerm + Math.log(rho / (1 - rho)) <= Math.log(1e-16) + logSum) return logSum;
  }
  throw new RangeError(`2F1(${a}, ${b}; ${c}; ${z}) did not converge in ${HYP2F1_MAX_TERMS} terms`);
}
