// Empirical-Bayes shrinkage of rates that count successes out of trials (CTR:
// clicks of impressions; CVR: conversions of clicks). Each segment's true rate
// is drawn from a Beta(α, β) prior fitted across the segments by the method
// of moments: the spread of the observed rates, weighted by trials, less the
// binomial noise expected at the mean trials (Kleinman 1973; as in Marshall
// 1991 for Poisson rates). A segment's posterior is Beta(α + n, β + d − n):
// few trials and it stays near the pooled rate. When the rates spread no
// more than noise explains, the prior is held at the weight of all trials
// together. Pure.
import { regularizedBeta, regularizedBetaComplement } from '../experiments/incomplete-beta.js';
import type { RatioSums, ShrinkageResult, ShrinkageTarget } from './shrinkage.js';

/** The prior's weight (α + β, in trials) is kept above this, so it is a proper distribution. */
const MIN_STRENGTH = 1e-3;

/**
 * @example
 * // CTR (scale 100): the pooled rate is 2 %; the 1-impression segment stays near it, the big one keeps its 1 %.
 * shrinkBetaBinomial([{ numerator: 0, denominator: 1 }, { numerator: 1000, denominator: 100000 }, { numerator: 3000, denominator: 100000 }],
 *   { scale: 100, workspace: 2, worseWhen: 'lower' })
 * // → { prior: { mean: 2, … }, estimates: [{ shrunk: 1.99, probabilityWorse: 0.57 }, { shrunk: 1.002, probabilityWorse: 1 }, { shrunk: 2.998, probabilityWorse: ≈ 0 }] }
 */
export function shrinkBetaBinomial(segments: readonly RatioSums[], target: ShrinkageTarget): ShrinkageResult {
  if (segments.some((s) => s.numerator < 0 || s.numerator > s.denominator)) {
    return { problem: 'a segment has more successes than trials (or fewer than none): its KPI is not a rate of successes' };
  }
  const trials = sum(segments.map((s) => s.denominator));
  const mean = sum(segments.map((s) => s.numerator)) / trials;
  if (!(trials > 0) || mean <= 0 || mean >= 1) return { problem: 'every segment has the same rate (0 or 100 %, or no trials): no segment differs' };
  const observed = segments.filter((s) => s.denominator > 0);
  const spread = sum(observed.map((s) => s.denominator * (s.numerator / s.denominator - mean) ** 2)) / trials;
  const noise = (mean * (1 - mean)) / (trials / observed.length);
  const between = spread - noise;
  const fitted = between > 0 ? (mean * (1 - mean)) / between - 1 : Infinity;
  const strength = Math.min(Math.max(fitted, MIN_STRENGTH), trials);
  const alpha = mean * strength;
  const beta = (1 - mean) * strength;
  const rate = target.workspace / target.scale;
  const estimates = segments.map((s) => {
    const a = alpha + s.numerator;
    const b = beta + s.denominator - s.numerator;
    const below = target.worseWhen === 'lower';
    return { shrunk: (target.scale * a) / (a + b), probabilityWorse: below ? regularizedBeta(rate, a, b) : regularizedBetaComplement(rate, a, b) };
  });
  return { prior: { mean: target.scale * mean, parameters: { alpha, beta }, capped: fitted > trials }, estimates };
}

function sum(values: readonly number[]): number {
  return values.reduce((t, v) => t + v, 0);
}
