// Student's t distribution for Welch's test: its tails through the
// incomplete beta function, P(T > t) = ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, and
// its quantile by a safeguarded Newton search on that tail. From ν = 10⁶ on,
// where the beta function's continued fraction loses digits (its terms
// cancel to about 1/ν), the tail is Fisher's (1925) expansion about the
// normal instead, to the 1/ν² term: its error, of order t¹¹/ν³, is then
// below that of the fraction for any t a p-value can distinguish.
import { logGamma } from '../clv/special-functions.js';
import { regularizedBeta } from './incomplete-beta.js';
import { normalCdf, normalDensity, normalQuantile } from './normal-distribution.js';

const FISHER_FROM = 1e6;

/**
 * P(T ≥ |t|) for T with ν > 0 degrees of freedom (half the two-sided p-value).
 *
 * @example
 * studentTTail(1, 1) // → 1/4 (Cauchy: ½ − atan(1)/π)
 */
export function studentTTail(t: number, df: number): number {
  checkDf(df);
  const t2 = t * t;
  if (t2 === Infinity) return 0;
  if (df >= FISHER_FROM) return fisherTail(Math.abs(t), df);
  // Both ν/(ν + t²) and t²/(ν + t²) are formed directly: for huge ν one of them is within 1e−16 of 1.
  const x = df / (df + t2);
  const complement = t2 / (df + t2);
  return 0.5 * regularizedBeta(x, df / 2, 0.5, complement);
}

/**
 * P(T ≤ t) for T with ν > 0 degrees of freedom.
 *
 * @example
 * studentTCdf(2, 2) // → ½ + 2/(2√6) = 0.9082483
 */
export function studentTCdf(t: number, df: number): number {
  const tail = studentTTail(t, df);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The density of Student's t with ν degrees of freedom.
 *
 * @example
 * studentTDensity(0, 1) // → 1/π
 */
export function studentTDensity(t: number, df: number): number {
  checkDf(df);
  return Math.exp(logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * Two-sided p-value of a t statistic with ν degrees of freedom: P(|T| ≥ |t|).
 *
 * @example
 * twoSidedStudentTPValue(2.262157, 9) // → 0.05 (the 97.5 % point of t₉)
 */
export function twoSidedStudentTPValue(t: number, df: number): number {
  return Math.min(1, 2 * studentTTail(t, df));
}

/**
 * The t with P(T ≤ t) = p, for 0 < p < 1 and ν > 0 degrees of freedom.
 *
 * @example
 * studentTQuantile(0.975, 9) // → 2.2621571627…
 */
export function studentTQuantile(p: number, df: number): number {
  checkDf(df);
  if (!(p > 0 && p < 1)) throw new RangeError(`a quantile needs 0 < p < 1, got ${p}`);
  if (p === 0.5) return 0;
  const tail = Math.min(p, 1 - p);
  const t = upperPoint(tail, df);
  return p > 0.5 ? t : -t;
}

/** The t ≥ 0 with P(T ≥ t) = tail < ½: Newton's method, kept inside a shrinking bracket. */
function upperPoint(tail: number, df: number): number {
  let low = 0;
  let high = Math.max(1, -normalQuantile(tail));
  while (studentTTail(high, df) > tail) {
    low = high;
    high *= 2;
  }
  let t = Math.min(Math.max(-normalQuantile(tail), low), high);
  for (let i = 0; i < 200; i++) {
    const excess = studentTTail(t, df) - tail;
    if (excess > 0) low = t;
    else high = t;
    let next = t + excess / studentTDensity(t, df);
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - t) <= 1e-15 * Math.max(1, t)) return next;
    t = next;
  }
  return t;
}

/** P(T > t), t ≥ 0, as Φ(−t) + φ(t) [(t³ + t)/(4ν) + (3t⁷ − 7t⁵ − 5t³ − 3t)/(96ν²)]. */
function fisherTail(t: number, df: number): number {
  const t2 = t * t;
  const first = (t * (t2 + 1)) / 4;
  const second = (t * (((3 * t2 - 7) * t2 - 5) * t2 - 3)) / 96;
  return normalCdf(-t) + normalDensity(t) * (first / df + second / (df * df));
}

function checkDf(df: number): void {
  if (!(df > 0)) throw new RangeError(`Student's t needs ν > 0 degrees of freedom, got ${df}`);
}
