// Fitting one saturation family to daily outcomes at a known adstock: a
// coarse grid of shapes with the ceiling β solved exactly for each (it enters
// linearly), then Levenberg–Marquardt on the log-parameters from the best
// grid points, inside bounds that keep the curve anchored to the data.
import { levenbergMarquardt } from './levenberg-marquardt.js';
import type { Saturation, SaturationFamily } from './saturation.js';
import { fromLogParameters, saturate, saturationGradient } from './saturation.js';

/** One family fitted at one adstock decay. */
export interface SaturationFit {
  curve: Saturation;
  sse: number;
  /** JᵀJ of the log-parameters at the fit (see LeastSquaresFit). */
  normalMatrix: number[][];
  /** Whether γ ended at its upper bound: no saturation visible in the data. */
  gammaAtUpperBound: boolean;
}

/**
 * Bounds of the search, relative to the data: γ within [10⁻³, 10²] × the
 * largest adstock, α within [0.3, 5], β within [10⁻⁹, 10⁴] × the largest
 * outcome. γ's upper bound keeps a curve whose data show no bend from running
 * off with β/γ fixed; the fit then says so (gammaAtUpperBound).
 */
export const SATURATION_BOUNDS = { gammaLow: 1e-3, gammaHigh: 1e2, alphaLow: 0.3, alphaHigh: 5, betaLow: 1e-9, betaHigh: 1e4 } as const;

const GAMMA_STARTS = [0.25, 0.5, 1, 2, 4];
const ALPHA_STARTS = [0.8, 1.5, 2.5];
const REFINED_STARTS = 2;

/**
 * Least-squares fit of `family` to `outcome` at `adstock` (same length,
 * non-negative, with some positive adstock and some positive outcome).
 *
 * @example
 * fitSaturation('exponential', [10, 20, 40], [6.3, 8.6, 9.8]) // → { curve: { family: 'exponential', beta ≈ 10, gamma ≈ 10 }, sse, … }
 */
export function fitSaturation(family: SaturationFamily, adstock: readonly number[], outcome: readonly number[]): SaturationFit {
  const aMax = Math.max(...adstock);
  const yMax = Math.max(...outcome);
  const positive = adstock.filter((a) => a > 0).sort((x, y) => x - y);
  const aMedian = positive[Math.floor(positive.length / 2)];
  const B = SATURATION_BOUNDS;
  const lower = [Math.log(B.betaLow * yMax), ...(family === 'hill' ? [Math.log(B.alphaLow)] : []), Math.log(B.gammaLow * aMax)];
  const upper = [Math.log(B.betaHigh * yMax), ...(family === 'hill' ? [Math.log(B.alphaHigh)] : []), Math.log(B.gammaHigh * aMax)];
  const clip = (p: number[]) => p.map((v, i) => Math.min(upper[i], Math.max(lower[i], v)));

  const starts: { point: number[]; sse: number }[] = [];
  for (const g of [...GAMMA_STARTS.map((k) => k * aMedian), aMax]) {
    for (const alpha of family === 'hill' ? ALPHA_STARTS : [1]) {
      const shape = fromLogParameters(family, family === 'hill' ? [0, Math.log(alpha), Math.log(g)] : [0, Math.log(g)]);
      const s = adstock.map((a) => saturate(shape, a));
      const sy = s.reduce((acc, v, t) => acc + v * outcome[t], 0);
      const ss = s.reduce((acc, v) => acc + v * v, 0);
      const beta = ss > 0 && sy > 0 ? sy / ss : B.betaLow * yMax;
      const point = clip(family === 'hill' ? [Math.log(beta), Math.log(alpha), Math.log(g)] : [Math.log(beta), Math.log(g)]);
      starts.push({ point, sse: sumOfSquares(family, point, adstock, outcome) });
    }
  }
  starts.sort((x, y) => x.sse - y.sse);

  const model = (point: readonly number[]) => {
    const curve = fromLogParameters(family, point);
    return { values: adstock.map((a) => saturate(curve, a)), jacobian: adstock.map((a) => saturationGradient(curve, a)) };
  };
  const runs = starts.slice(0, REFINED_STARTS).map((start) => levenbergMarquardt(outcome, model, start.point, { lower, upper }));
  const best = runs.reduce((a, b) => (b.sse < a.sse ? b : a));
  const gammaIndex = best.point.length - 1;
  return {
    curve: fromLogParameters(family, best.point),
    sse: best.sse,
    normalMatrix: best.normalMatrix,
    gammaAtUpperBound: best.point[gammaIndex] >= upper[gammaIndex] - 1e-6,
  };
}

function sumOfSquares(family: SaturationFamily, point: readonly number[], adstock: readonly number[], outcome: readonly number[]): number {
  const curve = fromLogParameters(family, point);
  let sse = 0;
  for (let t = 0; t < adstock.length; t++) sse += (outcome[t] - saturate(curve, adstock[t])) ** 2;
  return sse;
}
