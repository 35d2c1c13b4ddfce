// How well a fitted model explains the data for its size: the Gaussian
// likelihood of the one-step errors and the corrected AIC that `auto` ranks
// the candidate models by (FPP 3rd ed. §8.6, 2nd ed. §7.6).
import { freeParameterCount } from './parameter-bounds.js';
import type { SmoothingModel } from './smoothing.js';

/**
 * k: everything estimated from the data — the smoothing parameters, the
 * initial level, the initial slope (with trend), m − 1 initial seasonal
 * indices (the m-th follows from their normalisation) and the error variance.
 *
 * @example parameterCount({ trend: 'additive', season: 'multiplicative', period: 12 }) // → 3 + 1 + 1 + 11 + 1 = 17
 */
export function parameterCount(model: SmoothingModel): number {
  const states = 1 + (model.trend === 'none' ? 0 : 1) + (model.season === 'none' ? 0 : model.period - 1);
  return freeParameterCount(model) + states + 1;
}

/**
 * The corrected AIC of a fit with `count` observations, error sum of squares
 * `sse` and k estimated parameters (k < count − 1):
 *   −2 log L = T·ln(2π·SSE/T) + T   (Gaussian errors, σ² at its maximum SSE/T)
 *   AICc = −2 log L + 2k + 2k(k + 1)/(T − k − 1).
 * An SSE below (1e-10·scale)²·T — a fit exact to ten digits — counts as that
 * floor, so a perfect fit gives a finite AICc and the smaller model still wins.
 *
 * @example correctedAic(100, 10, 3, 1) // → 10·ln(2π·10) + 10 + 6 + 24/6 ≈ 61.40
 */
export function correctedAic(sse: number, count: number, k: number, scale: number): number {
  // In logarithms, so that series of tiny values (whose SSE underflows to 0) keep a finite floor.
  const logFloor = 2 * Math.log(1e-10 * (scale > 0 ? scale : 1)) + Math.log(count);
  const logSse = Math.max(sse > 0 ? Math.log(sse) : -Infinity, logFloor);
  const minus2LogLikelihood = count * (Math.log((2 * Math.PI) / count) + logSse) + count;
  return minus2LogLikelihood + 2 * k + (2 * k * (k + 1)) / (count - k - 1);
}

/**
 * σ̂², the one-step error variance the intervals use: SSE / (T − q), with q
 * the k − 1 estimated smoothing parameters and initial states.
 *
 * @example residualVariance(100, 10, 3) // → 100 / 8 = 12.5
 */
export function residualVariance(sse: number, count: number, k: number): number {
  return sse / (count - (k - 1));
}

/** Observations a model needs: k + 2, so that T − k − 1 > 0 and the AICc is finite. */
export function minimumObservations(model: SmoothingModel): number {
  return parameterCount(model) + 2;
}
