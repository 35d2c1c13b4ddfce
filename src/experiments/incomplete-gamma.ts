// The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x):
// the chi-square distribution of the sample-ratio check and, with a = ½, the
// error function behind every normal probability. Series below x = a + 1 and
// a Lentz continued fraction above it (Numerical Recipes, 3rd ed., §6.2), so
// the smaller of P and Q is always computed directly and keeps its digits far
// into the tail.
import { logGamma } from '../clv/special-functions.js';

/** The spacing of doubles at 1: a factor within it of 1 changes nothing any more. */
const EPSILON = Number.EPSILON;
const TINY = 1e-300;
/** Below e^−746 a double is 0, and the continued fraction (≤ 1 here) cannot lift it back. */
const LOG_SMALLEST = -746;
const MAX_ITERATIONS = 100_000;

/**
 * P(a, x) = γ(a, x) / Γ(a), for a > 0 and x ≥ 0.
 *
 * @example
 * regularizedGammaP(1, 2) // → 1 − e^−2 = 0.8646647…
 */
export function regularizedGammaP(a: number, x: number): number {
  checkArguments(a, x);
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
}

/**
 * Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x), for a > 0 and x ≥ 0, accurate in
 * the upper tail (where 1 − P would round to 0).
 *
 * @example
 * regularizedGammaQ(1, 50) // → e^−50 = 1.9287498…e−22
 */
export function regularizedGammaQ(a: number, x: number): number {
  checkArguments(a, x);
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}

/**
 * P(χ²_df > x): the upper tail of the chi-square distribution, = Q(df/2, x/2).
 *
 * @example
 * chiSquareSurvival(9.21, 2) // → e^(−9.21/2) = 0.0100…
 */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chi-square needs df > 0, got ${df}`);
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}

function checkArguments(a: number, x: number): void {
  if (!(a > 0) || !(x >= 0)) throw new RangeError(`the incomplete gamma function needs a > 0 and x ≥ 0, got a = ${a}, x = ${x}`);
}

/** e^−x x^a / Γ(a): the factor both expansions share. */
const prefactor = (a: number, x: number) => Math.exp(-x + a * Math.log(x) - logGamma(a));

/** P(a, x) by its series Σ xⁿ / (a (a+1) … (a+n)), for x < a + 1. */
function gammaSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) <= Math.abs(sum) * EPSILON) return sum * prefactor(a, x);
  }
  throw new RangeError(`the incomplete gamma series did not converge for a = ${a}, x = ${x}`);
}

/** Q(a, x) by its continued fraction (modified Lentz), for x ≥ a + 1. */
function gammaContinuedFraction(a: number, x: number): number {
  if (-x + a * Math.log(x) - logGamma(a) < LOG_SMALLEST) return 0;
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPSILON) return h * prefactor(a, x);
  }
  throw new RangeError(`the incomplete gamma continued fraction did not converge for a = ${a}, x = ${x}`);
}
