// The regularized incomplete beta function I_x(a, b): Student's t
// distribution is built on it, and the beta posteriors of conversion rates
// are beta distributions. Computed by its continued fraction (modified Lentz;
// Numerical Recipes, 3rd ed., §6.4), on whichever side of the mean the
// fraction converges fast, so the smaller tail keeps its relative accuracy.
import { logGamma } from '../clv/special-functions.js';

/** The spacing of doubles at 1: a factor within it of 1 changes nothing any more. */
const EPSILON = Number.EPSILON;
const TINY = 1e-300;

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0. With a shape of
 * 20 or more, Stirling's series is written out so that its large terms cancel
 * before rounding (as in DiDonato & Morris, ACM TOMS 708): subtracting ln Γ
 * values near 1e7 would leave errors near 1e−9 where this leaves about 1e−15
 * of the result.
 *
 * @example
 * logBeta(2, 3) // → ln(1/12)
 */
export function logBeta(a: number, b: number): number {
  const [small, large] = a < b ? [a, b] : [b, a];
  if (large < STIRLING_FROM) return logGamma(a) + logGamma(b) - logGamma(a + b);
  const total = small + large;
  const correction = stirlingCorrection(large) - stirlingCorrection(total);
  if (small < STIRLING_FROM) {
    // ln Γ(large) − ln Γ(total) = −(large − ½) ln(1 + small/large) − small ln(total) + small + correction
    return logGamma(small) - (large - 0.5) * Math.log1p(small / large) - small * Math.log(total) + small + correction;
  }
  return (small - 0.5) * Math.log(small / total) + (large - 0.5) * Math.log(large / total) - 0.5 * Math.log(total) + HALF_LOG_TWO_PI + stirlingCorrection(small) + correction;
}

const STIRLING_FROM = 20;
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) − ((x − ½) ln x − x + ½ ln 2π) for x ≥ 20: five terms of Stirling's series, the next below 2e−15. */
function stirlingCorrection(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 / 1188))));
}

/**
 * I_x(a, b) = B(x; a, b) / B(a, b): the Beta(a, b) distribution function at x,
 * for a, b > 0 (0 at x ≤ 0, 1 at x ≥ 1). A caller that knows 1 − x more
 * precisely than the subtraction would give it (x within 1e−16 of 1 holds
 * none of its digits) passes it as `complement`.
 *
 * @example
 * regularizedBeta(0.3, 1, 4) // → 1 − 0.7⁴ = 0.7599
 */
export function regularizedBeta(x: number, a: number, b: number, complement = 1 - x): number {
  if (!(a > 0 && b > 0) || Number.isNaN(x)) throw new RangeError(`the incomplete beta function needs a, b > 0 and a number x, got x = ${x}, a = ${a}, b = ${b}`);
  if (x <= 0) return 0;
  if (complement <= 0) return 1;
  if (x < (a + 1) / (a + b + 2)) return betaTail(x, complement, a, b);
  return 1 - betaTail(complement, x, b, a);
}

/**
 * 1 − I_x(a, b) = I_{1−x}(b, a), computed without subtracting from 1, so an
 * upper tail far below 1e−16 keeps its digits.
 *
 * @example
 * regularizedBetaComplement(0.9, 1, 4) // → 0.1⁴ = 1e−4
 */
export function regularizedBetaComplement(x: number, a: number, b: number, complement = 1 - x): number {
  return regularizedBeta(complement, b, a, x);
}

/** x^a y^b / (a B(a, b)) · the continued fraction, y = 1 − x: I_x(a, b) where x < (a+1)/(a+b+2). */
function betaTail(x: number, y: number, a: number, b: number): number {
  // ln of whichever is near 1 through log1p of the other, which holds its digits.
  const logX = x < 0.5 ? Math.log(x) : Math.log1p(-y);
  const logY = y < 0.5 ? Math.log(y) : Math.log1p(-x);
  const logFront = a * logX + b * logY - logBeta(a, b);
  return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
}

/** The fraction converges in O(√max(a, b)) steps; the limit leaves ample room above that. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const maxIterations = 1000 + Math.ceil(50 * Math.sqrt(Math.max(a, b)));
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPSILON) return h;
  }
  throw new RangeError(`the incomplete beta continued fraction did not converge for x = ${x}, a = ${a}, b = ${b}`);
}
