// A channel's response curve and what it says about a planning period. The
// curve maps daily adstock to daily outcome; a period total S spent evenly
// over D days is daily spend S/D, read at its steady-state adstock
// S/(D·(1 − θ)) — the same steady state the fit starts its adstock from —
// so the period outcome is D·f(S/(D·(1 − θ))) and its slope f′(a)/(1 − θ).
import { normalQuantile } from '../experiments/normal-distribution.js';
import { steadyStateAdstock } from './adstock.js';
import type { Saturation } from './saturation.js';
import { inverseSlope, saturate, saturationGradient, saturationSlope, slopePeak } from './saturation.js';
import type { SpendRange } from './spend-variation.js';

/** A fitted (or given) response curve of one channel. */
export interface ResponseCurve {
  saturation: Saturation;
  /** Geometric adstock decay θ in [0, 0.9]. */
  theta: number;
  /** False when the history could not pin the curve down: the optimiser then keeps the channel inside observedSpend. */
  identifiable: boolean;
  /** Daily spend the history covered (before adstock). */
  observedSpend: SpendRange;
  /** Covariance of the log-parameters (see logParameters), θ held fixed; null when unknown. */
  covariance: readonly (readonly number[])[] | null;
}

/** What the optimiser needs of a curve; a fitted ResponseCurve has it all. */
export type CurveInput = Pick<ResponseCurve, 'saturation' | 'theta'> & Partial<Pick<ResponseCurve, 'identifiable' | 'observedSpend' | 'covariance'>>;

/** An interval around an expected outcome. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * The expected outcome over `days` days of a period total `spend` spent evenly.
 *
 * @example
 * periodOutcome({ saturation: { family: 'exponential', beta: 100, gamma: 20 }, theta: 0.5 }, 300, 30) // → 30·100·(1 − e^(−1)) ≈ 1896.4
 */
export function periodOutcome(curve: CurveInput, spend: number, days: number): number {
  return days * saturate(curve.saturation, steadyStateAdstock(spend / days, curve.theta));
}

/**
 * d(period outcome)/d(period spend) at `spend`: the marginal return of one more unit.
 *
 * @example
 * periodMarginal({ saturation: { family: 'exponential', beta: 100, gamma: 20 }, theta: 0.5 }, 300, 30) // → (5·e^(−1))/0.5 ≈ 3.679
 */
export function periodMarginal(curve: CurveInput, spend: number, days: number): number {
  return saturationSlope(curve.saturation, steadyStateAdstock(spend / days, curve.theta)) / (1 - curve.theta);
}

/**
 * The period spend on the curve's concave part where the marginal return is m
 * (the inverse of periodMarginal there).
 *
 * @example
 * spendForMarginal({ saturation: { family: 'exponential', beta: 100, gamma: 20 }, theta: 0.5 }, 10 / Math.E, 30) // → 20·0.5·30 = 300
 */
export function spendForMarginal(curve: CurveInput, m: number, days: number): number {
  return inverseSlope(curve.saturation, m * (1 - curve.theta)) * (1 - curve.theta) * days;
}

/**
 * The period spend below which the curve is convex (S-shaped Hill), 0 otherwise.
 *
 * @example
 * convexUpTo({ saturation: { family: 'exponential', beta: 1, gamma: 1 }, theta: 0 }, 30) // → 0
 */
export function convexUpTo(curve: CurveInput, days: number): number {
  return slopePeak(curve.saturation) * (1 - curve.theta) * days;
}

/**
 * The standard deviation of the expected period outcome at `spend` from the
 * curve's parameter uncertainty, by the delta method: D·√(gᵀΣg) with g the
 * gradient of the daily outcome in the log-parameters and Σ their covariance
 * (θ held at its fitted value). null when the curve has no covariance.
 *
 * @example
 * periodOutcomeSd({ saturation: { family: 'exponential', beta: 2, gamma: 1 }, theta: 0, covariance: [[0.01, 0], [0, 0]] }, 1, 1) // → 0.1·2·(1 − 1/e) ≈ 0.1264
 */
export function periodOutcomeSd(curve: CurveInput, spend: number, days: number): number | null {
  const sigma = curve.covariance;
  if (!sigma) return null;
  const g = saturationGradient(curve.saturation, steadyStateAdstock(spend / days, curve.theta));
  let variance = 0;
  for (let i = 0; i < g.length; i++) for (let j = 0; j < g.length; j++) variance += g[i] * sigma[i][j] * g[j];
  return days * Math.sqrt(Math.max(variance, 0));
}

/**
 * expected ± z·sd at the two-sided `level` (z = Φ⁻¹((1 + level)/2)), the low end kept at or above 0.
 *
 * @example
 * normalInterval(100, 10, 0.95) // → { low: 80.40, high: 119.60 }
 */
export function normalInterval(expected: number, sd: number, level: number): Interval {
  const z = normalQuantile((1 + level) / 2);
  return { low: Math.max(0, expected - z * sd), high: expected + z * sd };
}
