// Fitting a smoothing model: the initial states by the textbook heuristic, then
// the smoothing parameters that minimise the sum of squared one-step errors
// within the bounds, searched from a few fixed starts (deterministic).
import { minimizeNelderMead } from '../clv/nelder-mead.js';
import { correctedAic, parameterCount, residualVariance } from './information-criteria.js';
import { initialStates } from './initial-states.js';
import { paramsFromPoint, pointFromParams } from './parameter-bounds.js';
import type { ModelName, SmoothingModel, SmoothingParams, SmoothingState } from './smoothing.js';
import { modelName, smoothSeries } from './smoothing.js';

/** A fitted smoothing model. */
export interface SmoothingFit {
  model: SmoothingModel;
  name: ModelName;
  params: SmoothingParams;
  /** The heuristic starting states (see initialStates). */
  initial: SmoothingState;
  /** The states after the last observation, where forecasts start. */
  final: SmoothingState;
  /** One-step forecasts ŷₜ|ₜ₋₁ at the fitted parameters. */
  fitted: number[];
  sse: number;
  /** See correctedAic; k is parameterCount(model). */
  aicc: number;
  /** σ̂² of the one-step errors (see residualVariance). */
  sigma2: number;
  /** k: smoothing parameters, initial states and the error variance. */
  parameterCount: number;
  /** Whether the best start's search met its tolerances. */
  converged: boolean;
}

/** The searches start at these α (β at 0.1, γ at 0.1·(1 − α), φ at 0.9); the best end point wins. */
const START_ALPHAS = [0.1, 0.4, 0.8];

/**
 * Fits `model` to `values` by least squares of the one-step errors (the
 * caller has checked that the series suits the model: long enough, and
 * positive for multiplicative seasonality).
 *
 * @example
 * fitSmoothing(monthlyValues, { trend: 'additive', season: 'multiplicative', period: 12 })
 * // → { name: 'multiplicative', params: { alpha, beta, gamma, phi: null }, sse, aicc, fitted, … }
 */
export function fitSmoothing(values: readonly number[], model: SmoothingModel): SmoothingFit {
  const initial = initialStates(values, model);
  const objective = (point: number[]) => smoothSeries(model, paramsFromPoint(model, point), initial, values).sse;
  const runs = START_ALPHAS.map((alpha) => {
    const start = pointFromParams(model, {
      alpha,
      beta: model.trend === 'none' ? null : 0.1,
      gamma: model.season === 'none' ? null : 0.1 * (1 - alpha),
      phi: model.trend === 'damped' ? 0.9 : null,
    });
    return minimizeNelderMead(objective, start, { step: 1 });
  });
  const found = runs.reduce((best, run) => (run.value < best.value ? run : best));
  const params = paramsFromPoint(model, found.point);
  const run = smoothSeries(model, params, initial, values);
  const k = parameterCount(model);
  const scale = values.reduce((sum, y) => sum + Math.abs(y), 0) / values.length;
  return {
    model,
    name: modelName(model),
    params,
    initial,
    final: run.final,
    fitted: run.fitted,
    sse: run.sse,
    aicc: correctedAic(run.sse, values.length, k, scale),
    sigma2: residualVariance(run.sse, values.length, k),
    parameterCount: k,
    converged: found.converged,
  };
}
