// A deterministic Nelder–Mead minimiser with restarts, for the few-parameter
// likelihoods of the CLV models. The models optimise over log-parameters, so
// the search is unconstrained; a non-finite objective counts as +Infinity and
// the simplex simply moves away from it.

/** Options of minimizeNelderMead; every field has a default. */
export interface NelderMeadOptions {
  /** Initial simplex: the start plus `step` along each axis (default 0.5). */
  step?: number;
  /** Stop when the simplex's values differ by at most this, relative to |best| + 1e-8 (default 1e-10). */
  valueTolerance?: number;
  /** …and its vertices lie within this distance of the best on every axis (default 1e-6). */
  pointTolerance?: number;
  /** Iterations over all runs together (default 5000). */
  maxIterations?: number;
  /** Fresh simplices built around the best point after the first run converges (default 3). */
  maxRestarts?: number;
}

/** What minimizeNelderMead found and how it got there. */
export interface Minimum {
  point: number[];
  value: number;
  iterations: number;
  evaluations: number;
  /** Restarts run after the first convergence (0 when the first run hit the iteration limit). */
  restarts: number;
  /** True when the last run met both tolerances and a restart no longer improved the value (with maxRestarts 0: when the run met them). */
  converged: boolean;
}

/**
 * Minimises `objective` from `start` with Nelder–Mead (reflection 1,
 * expansion 2, contraction ½, shrink ½). After a run converges, a fresh
 * simplex is built around its best point; the search ends when a restart
 * improves the value by no more than the value tolerance, after
 * `maxRestarts` restarts, or at `maxIterations`.
 *
 * @example
 * const m = minimizeNelderMead(([x, y]) => (x - 1) ** 2 + 10 * (y + 2) ** 2, [0, 0]);
 * m.point // → [1, −2] (within 1e-6); m.converged // → true
 */
export function minimizeNelderMead(objective: (point: number[]) => number, start: readonly number[], options: NelderMeadOptions = {}): Minimum {
  const step = options.step ?? 0.5;
  const valueTolerance = options.valueTolerance ?? 1e-10;
  const pointTolerance = options.pointTolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 5000;
  const maxRestarts = options.maxRestarts ?? 3;
  let evaluations = 0;
  const f = (point: number[]): number => {
    evaluations++;
    const value = objective(point);
    return Number.isFinite(value) ? value : Infinity;
  };
  let best = { point: [...start], value: f([...start]) };
  let iterations = 0;
  let restarts = 0;
  for (;;) {
    const run = runSimplex(f, best.point, step, { valueTolerance, pointTolerance, maxIterations: maxIterations - iterations });
    iterations += run.iterations;
    const improvement = best.value - run.value;
    if (run.value <= best.value) best = { point: run.point, value: run.value };
    if (!run.converged) return { ...best, iterations, evaluations, restarts, converged: false };
    const settled = improvement <= valueTolerance * (Math.abs(best.value) + 1e-8);
    if ((settled && restarts > 0) || restarts >= maxRestarts) {
      // Without restarts, the run's own convergence is all there is to report.
      return { ...best, iterations, evaluations, restarts, converged: settled || maxRestarts === 0 };
    }
    restarts++;
  }
}

interface RunLimits {
  valueTolerance: number;
  pointTolerance: number;
  maxIterations: number;
}

function runSimplex(f: (p: number[]) => number, start: number[], step: number, limits: RunLimits): { point: number[]; value: number; iterations: number; converged: boolean } {
  const n = start.length;
  const points: number[][] = [start];
  for (let i = 0; i < n; i++) {
    const p = [...start];
    p[i] += step;
    points.push(p);
  }
  const values = points.map((p) => f(p));
  const order = points.map((_, i) => i);
  for (let iteration = 0; iteration < limits.maxIterations; iteration++) {
    order.sort((i, j) => values[i] - values[j]);
    const bestIndex = order[0];
    const worst = order[n];
    if (hasConverged(points, values, order, limits)) {
      return { point: points[bestIndex], value: values[bestIndex], iterations: iteration, converged: true };
    }
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let d = 0; d < n; d++) centroid[d] += points[order[k]][d] / n;
    const toward = (scale: number) => centroid.map((c, d) => c + scale * (c - points[worst][d]));
    const reflected = toward(1);
    const fr = f(reflected);
    if (fr < values[bestIndex]) {
      const expanded = toward(2);
      const fe = f(expanded);
      replace(points, values, worst, fe < fr ? expanded : reflected, Math.min(fe, fr));
    } else if (fr < values[order[n - 1]]) {
      replace(points, values, worst, reflected, fr);
    } else {
      // Contract toward the better of the worst point and its reflection.
      const outside = fr < values[worst];
      const contracted = toward(outside ? 0.5 : -0.5);
      const fc = f(contracted);
      if (fc < (outside ? fr : values[worst])) replace(points, values, worst, contracted, fc);
      else shrink(points, values, bestIndex, f);
    }
  }
  order.sort((i, j) => values[i] - values[j]);
  return { point: points[order[0]], value: values[order[0]], iterations: limits.maxIterations, converged: false };
}

function hasConverged(points: number[][], values: number[], order: number[], limits: RunLimits): boolean {
  const best = values[order[0]];
  const spread = values[order[order.length - 1]] - best;
  if (!(spread <= limits.valueTolerance * (Math.abs(best) + 1e-8))) return false;
  const anchor = points[order[0]];
  return points.every((p) => p.every((v, d) => Math.abs(v - anchor[d]) <= limits.pointTolerance));
}

function replace(points: number[][], values: number[], index: number, point: number[], value: number): void {
  points[index] = point;
  values[index] = value;
}

function shrink(points: number[][], values: number[], bestIndex: number, f: (p: number[]) => number): void {
  const best = points[bestIndex];
  for (let i = 0; i < points.length; i++) {
    if (i === bestIndex) continue;
    points[i] = points[i].map((v, d) => best[d] + 0.5 * (v - best[d]));
    values[i] = f(points[i]);
  }
}
