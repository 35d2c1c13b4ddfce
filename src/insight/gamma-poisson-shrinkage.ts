// Empirical-Bayes shrinkage of a ratio with a Poisson count on one side and
// an exposure on the other: conversions per unit of cost behind CPA (count
// below the line), clicks per unit of cost behind CPC, pageviews per session
// (count above). Each segment's true rate λ (count per exposure) is drawn
// from a Gamma(α, β) prior fitted across the segments by Marshall's (1991)
// method of moments: the exposure-weighted spread of the observed rates less
// the Poisson noise at the mean exposure. A segment's posterior is
// Gamma(α + count, β + exposure), so a segment that spent much and converted
// nothing is judged (its CPA has no value, its rate is 0) while one that
// spent nothing stays at the prior. Pure.
import { regularizedGammaP, regularizedGammaQ } from '../experiments/incomplete-gamma.js';
import type { RatioSums, ShrinkageResult, ShrinkageTarget } from './shrinkage.js';

/** Which side of the ratio is the Poisson count. */
export type CountSide = 'numerator' | 'denominator';

/**
 * @example
 * // CPA = cost / conversions, workspace 20: a segment with 500 of cost and no conversion is almost surely worse.
 * shrinkGammaPoisson([{ numerator: 500, denominator: 0 }, { numerator: 1000, denominator: 50 }, { numerator: 500, denominator: 25 }],
 *   { scale: 1, workspace: 20, worseWhen: 'higher' }, 'denominator')
 * // → estimates: [{ shrunk: 173.3, probabilityWorse: ≈ 1 }, { shrunk: 20.4, probabilityWorse: 0.58 }, { shrunk: 20.8, probabilityWorse: 0.61 }]
 */
export function shrinkGammaPoisson(segments: readonly RatioSums[], target: ShrinkageTarget, count: CountSide): ShrinkageResult {
  const counts = segments.map((s) => (count === 'numerator' ? s.numerator : s.denominator));
  const exposures = segments.map((s) => (count === 'numerator' ? s.denominator : s.numerator));
  if (counts.some((c) => c < 0) || exposures.some((e) => e < 0)) return { problem: 'a segment has a negative count or exposure' };
  const exposure = sum(exposures);
  const mean = sum(counts) / exposure;
  if (!(exposure > 0) || !(mean > 0) || !Number.isFinite(mean)) return { problem: 'no segment has both a count and an exposure: no rate to compare' };
  // The workspace's rate: count per exposure.
  const workspaceRate = count === 'numerator' ? target.workspace / target.scale : target.scale / target.workspace;
  if (!(workspaceRate > 0) || !Number.isFinite(workspaceRate)) return { problem: 'the workspace value is 0: no rate to compare against' };
  const observed = exposures.flatMap((e, i) => (e > 0 ? [{ e, x: counts[i] / e }] : []));
  const spread = sum(observed.map((o) => o.e * (o.x - mean) ** 2)) / exposure;
  const between = spread - mean / (exposure / observed.length);
  // β is the prior's weight in exposure; α / β its mean, α / β² its variance.
  const fitted = between > 0 ? mean / between : Infinity;
  const beta = Math.min(fitted, exposure);
  const alpha = mean * beta;
  // The KPI is worse where λ is low when the count is above the line and higher is better, or below it and lower is better.
  const lowIsWorse = (count === 'numerator') === (target.worseWhen === 'lower');
  const estimates = segments.map((_, i) => {
    const a = alpha + counts[i];
    const b = beta + exposures[i];
    const rate = a / b;
    const lowerTail = regularizedGammaP(a, b * workspaceRate);
    return {
      shrunk: count === 'numerator' ? target.scale * rate : target.scale / rate,
      probabilityWorse: lowIsWorse ? lowerTail : regularizedGammaQ(a, b * workspaceRate),
    };
  });
  const prior = { mean: count === 'numerator' ? target.scale * mean : target.scale / mean, parameters: { alpha, beta }, capped: fitted > exposure };
  return { prior, estimates };
}

function sum(values: readonly number[]): number {
  return values.reduce((t, v) => t + v, 0);
}
