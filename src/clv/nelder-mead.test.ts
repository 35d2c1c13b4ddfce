import { describe, expect, it } from 'vitest';
import { minimizeNelderMead } from './nelder-mead.js';

describe('minimizeNelderMead', () => {
  it('finds the minimum of a shifted, badly scaled quadratic', () => {
    const m = minimizeNelderMead(([x, y]) => (x - 1) ** 2 + 100 * (y + 2) ** 2, [0, 0]);
    expect(m.point[0]).toBeCloseTo(1, 5);
    expect(m.point[1]).toBeCloseTo(-2, 5);
    expect(m.converged).toBe(true);
    expect(m.evaluations).toBeGreaterThan(m.iterations);
  });

  it('walks the Rosenbrock valley to (1, 1, 1, 1)', () => {
    const rosenbrock = (p: number[]) => p.slice(1).reduce((sum, v, i) => sum + 100 * (v - p[i] ** 2) ** 2 + (1 - p[i]) ** 2, 0);
    const m = minimizeNelderMead(rosenbrock, [-1.2, 1, -1.2, 1], { maxIterations: 20_000 });
    for (const v of m.point) expect(v).toBeCloseTo(1, 4);
    expect(m.value).toBeLessThan(1e-9);
  });

  it('steps away from a region where the objective is not finite', () => {
    // ln is undefined below 0: the minimum of x − ln x is at x = 1.
    const m = minimizeNelderMead(([x]) => x - Math.log(x), [5], { step: 10 });
    expect(m.point[0]).toBeCloseTo(1, 5);
  });

  it('restarts a run that stalled until a restart no longer helps', () => {
    // A 6-D ellipsoid (axis weights 1 … 10⁴, minimum 1 at (1, …, 1)) with loose tolerances: one simplex
    // collapses far from the minimum; fresh simplices around its best point finish the job.
    const f = (p: number[]) => p.reduce((sum, v, i) => sum + Math.pow(10, (4 * i) / 5) * (v - 1) ** 2, 0) + 1;
    const loose = { valueTolerance: 1e-2, pointTolerance: 1 };
    const single = minimizeNelderMead(f, new Array(6).fill(0), { ...loose, maxRestarts: 0 });
    const restarted = minimizeNelderMead(f, new Array(6).fill(0), { ...loose, maxRestarts: 10 });
    expect(single.value - 1).toBeGreaterThan(1);
    expect(single.restarts).toBe(0);
    expect(restarted.value - 1).toBeLessThan(0.01);
    expect(restarted.restarts).toBeGreaterThanOrEqual(2);
    expect(restarted.converged).toBe(true);
  });

  it('reports no convergence when the iterations run out', () => {
    const m = minimizeNelderMead(([x, y]) => (x - 100) ** 2 + (y - 100) ** 2, [0, 0], { maxIterations: 5 });
    expect(m.converged).toBe(false);
    expect(m.iterations).toBe(5);
  });

  it('is deterministic: the same start gives the same point', () => {
    const f = ([x, y]: number[]) => Math.sin(x) + Math.cos(y) + 0.1 * (x * x + y * y);
    const first = minimizeNelderMead(f, [1, 2]);
    const second = minimizeNelderMead(f, [1, 2]);
    expect(second.point).toEqual(first.point);
    expect(second.evaluations).toBe(first.evaluations);
  });
});
