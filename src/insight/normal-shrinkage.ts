// Empirical-Bayes shrinkage of a ratio that is no rate of counts (ROAS =
// revenue / cost, AOV): normal–normal on the ratio itself. A segment's
// observed ratio r has a sampling variance from its count of events k (the
// conversions behind its revenue): r̄² (1 + cv²) / k, a Poisson count of
// events each worth a value of coefficient of variation cv (1 by default:
// order values spread about as much as an exponential's). The true ratios are
// drawn from N(μ, τ²), μ the pooled ratio and τ² the event-weighted spread
// less that noise (held at least at the noise of all events together). A
// segment's posterior is the precision-weighted mean of r and μ. Pure.
import { normalCdf } from '../experiments/normal-distribution.js';
import type { RatioSums, ShrinkageResult, ShrinkageTarget } from './shrinkage.js';

/**
 * @example
 * // ROAS, workspace 8100 / 2100 ≈ 3.86: 2 conversions at ROAS 1 shrink most of the way back; 400 at ROAS 2 hardly move.
 * shrinkNormal([{ numerator: 100, denominator: 100, events: 2 }, { numerator: 2000, denominator: 1000, events: 400 }, { numerator: 6000, denominator: 1000, events: 300 }],
 *   { scale: 1, workspace: 8100 / 2100, worseWhen: 'lower' }, 1)
 * // → estimates: [{ shrunk: 3.27, probabilityWorse: 0.63 }, { shrunk: 2.04, probabilityWorse: ≈ 1 }, { shrunk: 5.95, probabilityWorse: ≈ 0 }]
 */
export function shrinkNormal(segments: readonly RatioSums[], target: ShrinkageTarget, valueCv = 1): ShrinkageResult {
  if (segments.some((s) => s.events === undefined || !(s.events >= 0))) {
    return { problem: 'the normal model needs each segment’s count of events (e.g. conversions for ROAS)' };
  }
  const denominator = sum(segments.map((s) => s.denominator));
  const events = sum(segments.map((s) => s.events!));
  const mean = (target.scale * sum(segments.map((s) => s.numerator))) / denominator;
  if (!(denominator > 0) || !(events > 0) || !Number.isFinite(mean) || mean === 0) return { problem: 'the segments have no events or a pooled value of 0: no spread to fit' };
  const unitNoise = mean * mean * (1 + valueCv * valueCv); // the variance of one event's worth of ratio
  const observed = segments.flatMap((s) => (s.denominator > 0 && s.events! > 0 ? [{ k: s.events!, r: (target.scale * s.numerator) / s.denominator }] : []));
  const weight = sum(observed.map((o) => o.k));
  const spread = weight > 0 ? sum(observed.map((o) => o.k * (o.r - mean) ** 2)) / weight : 0;
  const fitted = observed.length > 0 ? spread - unitNoise / (weight / observed.length) : 0;
  const floor = unitNoise / events;
  const between = Math.max(fitted, floor);
  const estimates = segments.map((s) => {
    const precision = s.denominator > 0 && s.events! > 0 ? s.events! / unitNoise : 0;
    const r = precision > 0 ? (target.scale * s.numerator) / s.denominator : 0;
    const total = precision + 1 / between;
    const shrunk = (precision * r + mean / between) / total;
    const z = (shrunk - target.workspace) * Math.sqrt(total);
    return { shrunk, probabilityWorse: normalCdf(target.worseWhen === 'lower' ? -z : z) };
  });
  return { prior: { mean, parameters: { mean, sd: Math.sqrt(between) }, capped: fitted < floor }, estimates };
}

function sum(values: readonly number[]): number {
  return values.reduce((t, v) => t + v, 0);
}
