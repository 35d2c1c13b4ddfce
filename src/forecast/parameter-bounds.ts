// The admissible smoothing parameters and the map that lets an unconstrained
// minimiser search them: each parameter is a logistic function of one free
// coordinate, so every point the minimiser tries is inside the bounds.
import type { SmoothingModel, SmoothingParams } from './smoothing.js';

/**
 * The bounds: 0 < α < 1, 0 < β < 1 (β is the component-form β*, so the
 * error-correction slope gain αβ lies in (0, α): FPP's 0 < β < α),
 * 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98 (FPP 3rd ed. §8.6; R's forecast::ets).
 * α, β and γ/(1 − α) are kept `margin` inside (0, 1), as ets keeps its
 * parameters within [1e-4, 0.9999].
 */
export const PARAMETER_BOUNDS = { margin: 1e-4, phiLower: 0.8, phiUpper: 0.98 } as const;

/** The free coordinates a model has: α, then β, γ and φ when present. */
export function freeParameterCount(model: SmoothingModel): number {
  return 1 + (model.trend === 'none' ? 0 : 1) + (model.season === 'none' ? 0 : 1) + (model.trend === 'damped' ? 1 : 0);
}

/**
 * The parameters at a point of the free coordinates (see PARAMETER_BOUNDS).
 *
 * @example paramsFromPoint({ trend: 'additive', season: 'none', period: 1 }, [0, 0]) // → { alpha: 0.5, beta: 0.5, gamma: null, phi: null }
 */
export function paramsFromPoint(model: SmoothingModel, point: readonly number[]): SmoothingParams {
  let i = 0;
  const alpha = unit(point[i++]);
  const beta = model.trend === 'none' ? null : unit(point[i++]);
  const gamma = model.season === 'none' ? null : (1 - alpha) * unit(point[i++]);
  const { phiLower, phiUpper } = PARAMETER_BOUNDS;
  const phi = model.trend === 'damped' ? phiLower + (phiUpper - phiLower) * logistic(point[i++]) : null;
  return { alpha, beta, gamma, phi };
}

/**
 * The point of the free coordinates of parameters inside the bounds (the inverse of paramsFromPoint).
 *
 * @example pointFromParams({ trend: 'none', season: 'none', period: 1 }, { alpha: 0.5, beta: null, gamma: null, phi: null }) // → [0]
 */
export function pointFromParams(model: SmoothingModel, params: SmoothingParams): number[] {
  const point = [unitInverse(params.alpha)];
  if (model.trend !== 'none') point.push(unitInverse(params.beta as number));
  if (model.season !== 'none') point.push(unitInverse((params.gamma as number) / (1 - params.alpha)));
  if (model.trend === 'damped') {
    const { phiLower, phiUpper } = PARAMETER_BOUNDS;
    point.push(logit(((params.phi as number) - phiLower) / (phiUpper - phiLower)));
  }
  return point;
}

/** A value in (margin, 1 − margin). */
function unit(x: number): number {
  const { margin } = PARAMETER_BOUNDS;
  return margin + (1 - 2 * margin) * logistic(x);
}

function unitInverse(p: number): number {
  const { margin } = PARAMETER_BOUNDS;
  return logit((p - margin) / (1 - 2 * margin));
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}
