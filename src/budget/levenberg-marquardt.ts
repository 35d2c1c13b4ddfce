// Nonlinear least squares by Levenberg–Marquardt, for the few parameters of a
// response curve: minimise Σ (yₜ − g(p)ₜ)² over p inside a box, with the
// model's own Jacobian. Deterministic: it starts where it is told.
import { solveLinear } from './small-matrix.js';

/** The model's predictions at p and their Jacobian (one row per observation, one column per parameter). */
export type ModelWithJacobian = (point: readonly number[]) => { values: number[]; jacobian: number[][] };

/** The result: the best point, its sum of squares and JᵀJ there. */
export interface LeastSquaresFit {
  point: number[];
  sse: number;
  /** JᵀJ at the point: σ²·(JᵀJ)⁻¹ is the usual asymptotic covariance. */
  normalMatrix: number[][];
  iterations: number;
  /** True when the relative fall in SSE or the step became negligible before the iteration limit. */
  converged: boolean;
}

/** Bounds and limits; the box is applied coordinate by coordinate after every step. */
export interface LeastSquaresOptions {
  lower: readonly number[];
  upper: readonly number[];
  maxIterations?: number;
}

/**
 * Levenberg–Marquardt with Marquardt's scaling: each step solves
 * (JᵀJ + μ·diag(JᵀJ))·δ = Jᵀr, is clipped to the box, and is kept only if
 * the SSE falls (then μ shrinks by 3, else it grows by 4).
 *
 * @example
 * // y = b·x fitted to (1, 2), (2, 4): b → 2
 * levenbergMarquardt([2, 4], ([b]) => ({ values: [b, 2 * b], jacobian: [[1], [2]] }), [1], { lower: [-10], upper: [10] }).point // → [2]
 */
export function levenbergMarquardt(observed: readonly number[], model: ModelWithJacobian, start: readonly number[], options: LeastSquaresOptions): LeastSquaresFit {
  const maxIterations = options.maxIterations ?? 200;
  const clip = (p: number[]) => p.map((v, i) => Math.min(options.upper[i], Math.max(options.lower[i], v)));
  let point = clip([...start]);
  let current = evaluate(observed, model, point);
  let mu = 1e-3;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const { normal, gradient } = normalEquations(current.jacobian, current.residuals);
    let accepted = false;
    for (let tries = 0; tries < 30 && !accepted; tries++) {
      const damped = normal.map((row, i) => row.map((v, j) => (i === j ? v + mu * Math.max(v, 1e-12) : v)));
      const step = solveLinear(damped, gradient);
      if (step === null) {
        mu *= 4;
        continue;
      }
      const candidate = clip(point.map((v, i) => v + step[i]));
      const next = evaluate(observed, model, candidate);
      if (next.sse < current.sse) {
        const fall = (current.sse - next.sse) / Math.max(current.sse, 1e-300);
        const moved = Math.max(...candidate.map((v, i) => Math.abs(v - point[i])));
        point = candidate;
        current = next;
        mu = Math.max(mu / 3, 1e-12);
        accepted = true;
        if (fall < 1e-12 || moved < 1e-10) converged = true;
      } else {
        mu *= 4;
      }
    }
    if (!accepted || converged) {
      converged = true;
      break;
    }
  }
  return { point, sse: current.sse, normalMatrix: normalEquations(current.jacobian, current.residuals).normal, iterations, converged };
}

function evaluate(observed: readonly number[], model: ModelWithJacobian, point: number[]) {
  const { values, jacobian } = model(point);
  const residuals = observed.map((y, t) => y - values[t]);
  const sse = residuals.reduce((s, r) => s + r * r, 0);
  return { residuals, jacobian, sse: Number.isFinite(sse) ? sse : Infinity };
}

function normalEquations(jacobian: readonly number[][], residuals: readonly number[]) {
  const k = jacobian.length > 0 ? jacobian[0].length : 0;
  const normal = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const gradient = new Array<number>(k).fill(0);
  for (let t = 0; t < jacobian.length; t++) {
    const row = jacobian[t];
    for (let i = 0; i < k; i++) {
      gradient[i] += row[i] * residuals[t];
      for (let j = 0; j <= i; j++) normal[i][j] += row[i] * row[j];
    }
  }
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) normal[i][j] = normal[j][i];
  return { normal, gradient };
}
