import { describe, expect, it } from 'vitest';
import { compareBetas, type BetaDistribution } from './beta-comparison.js';
import { logBeta } from './incomplete-beta.js';

/**
 * P(X > Y) and E[max(Y − X, 0)] by the trapezoid rule on a grid of 200,000
 * steps over [0, 1], with each density normalised on the grid itself (no
 * beta function): P = ∫ f_X(x) F_Y(x) dx and
 * E[max(Y − X, 0)] = ∫ f_X(x) [(E Y − G_Y(x)) − x (1 − F_Y(x))] dx, G_Y(x) = ∫₀ˣ y f_Y(y) dy.
 * Only for shapes ≥ 1, where the densities are bounded.
 */
function integrate(x: BetaDistribution, y: BetaDistribution): { probability: number; lossOfX: number } {
  const steps = 200_000;
  const h = 1 / steps;
  const density = ({ alpha, beta }: BetaDistribution) => {
    const values = Array.from({ length: steps + 1 }, (_, i) => {
      const t = i * h;
      return t === 0 || t === 1 ? (alpha === 1 && t === 0) || (beta === 1 && t === 1) ? 1 : 0 : Math.exp((alpha - 1) * Math.log(t) + (beta - 1) * Math.log1p(-t));
    });
    const total = trapezoid(values, h);
    return values.map((v) => v / total);
  };
  const fx = density(x);
  const fy = density(y);
  const cumulativeY: number[] = [0];
  const partialMeanY: number[] = [0];
  for (let i = 1; i <= steps; i++) {
    cumulativeY.push(cumulativeY[i - 1] + ((fy[i - 1] + fy[i]) * h) / 2);
    partialMeanY.push(partialMeanY[i - 1] + (((i - 1) * h * fy[i - 1] + i * h * fy[i]) * h) / 2);
  }
  const meanY = partialMeanY[steps];
  const probability = trapezoid(fx.map((f, i) => f * cumulativeY[i]), h);
  const lossOfX = trapezoid(fx.map((f, i) => f * (meanY - partialMeanY[i] - i * h * (1 - cumulativeY[i]))), h);
  return { probability, lossOfX };
}

function trapezoid(values: number[], h: number): number {
  let sum = (values[0] + values[values.length - 1]) / 2;
  for (let i = 1; i < values.length - 1; i++) sum += values[i];
  return sum * h;
}

/**
 * Evan Miller, "Formulas for Bayesian A/B Testing" (2014), for whole α_B:
 * P(p_B > p_A) = Σ_{i=0}^{α_B−1} B(α_A + i, β_A + β_B) / ((β_B + i) B(1 + i, β_B) B(α_A, β_A)).
 */
function evanMiller(b: BetaDistribution, a: BetaDistribution): number {
  let sum = 0;
  for (let i = 0; i < b.alpha; i++) sum += Math.exp(logBeta(a.alpha + i, a.beta + b.beta) - Math.log(b.beta + i) - logBeta(1 + i, b.beta) - logBeta(a.alpha, a.beta));
  return sum;
}

describe('compareBetas', () => {
  it('matches numerical integration: 15/100 against 10/100 under Beta(1, 1), Beta(½, ½) and with rates near 1', () => {
    const cases: [BetaDistribution, BetaDistribution][] = [
      [{ alpha: 16, beta: 86 }, { alpha: 11, beta: 91 }],
      [{ alpha: 16.5, beta: 85.5 }, { alpha: 10.5, beta: 90.5 }],
      [{ alpha: 96, beta: 3 }, { alpha: 99, beta: 2 }],
      [{ alpha: 1, beta: 1 }, { alpha: 3, beta: 2 }],
    ];
    for (const [x, y] of cases) {
      const exact = compareBetas(x, y);
      const numeric = integrate(x, y);
      expect(exact.method).toBe('exact');
      // The grid's own error is near 1e−8 (with rates near 1 the densities peak sharply).
      expect(exact.probability).toBeCloseTo(numeric.probability, 7);
      expect(exact.lossOfX).toBeCloseTo(numeric.lossOfX, 7);
    }
  });

  it('matches Evan Miller’s closed-form sum, also for unbalanced arms of a million units', () => {
    const cases: [BetaDistribution, BetaDistribution][] = [
      [{ alpha: 16, beta: 86 }, { alpha: 11, beta: 91 }],
      [{ alpha: 1 + 3100, beta: 1 + 96_900 }, { alpha: 1 + 27_000, beta: 1 + 873_000 }],
      [{ alpha: 1 + 2, beta: 1 + 998 }, { alpha: 1 + 40, beta: 1 + 999_960 }],
    ];
    for (const [b, a] of cases) expect(compareBetas(b, a).probability).toBeCloseTo(evanMiller(b, a), 10);
  });

  it('matches adaptive quadrature where a density is unbounded (shape ½, no conversions)', () => {
    // mpmath 1.3 quad of f_Y(y)(1 − I_y(a, b)) at 30 digits.
    expect(compareBetas({ alpha: 2.5, beta: 98.5 }, { alpha: 0.5, beta: 100.5 }).probability).toBeCloseTo(0.9254755374975558, 12);
    expect(compareBetas({ alpha: 0.5, beta: 100.5 }, { alpha: 0.5, beta: 40.5 }).probability).toBeCloseTo(0.3595567893255031, 12);
  });

  it('stays exact with millions of units and a prior that is not a whole number', () => {
    // 30,000 of 2.9 million against 10,400 of 1 million under Beta(½, ½); SciPy 1.17 quad of beta.pdf · betaincc.
    const x = { alpha: 0.5 + 30_000, beta: 0.5 + 2_870_000 };
    const y = { alpha: 0.5 + 10_400, beta: 0.5 + 989_600 };
    const result = compareBetas(x, y);
    expect(result.method).toBe('exact');
    expect(result.probability).toBeCloseTo(0.3189654931058072, 7);
  });

  it('falls back to a stated normal approximation beyond the exact walk’s reach', () => {
    // 30,000 of 9 million against 3,400 of 1 million under Beta(½, ½): 8 million steps. SciPy quad: 0.1366031.
    const result = compareBetas({ alpha: 0.5 + 30_000, beta: 0.5 + 8_970_000 }, { alpha: 0.5 + 3_400, beta: 0.5 + 996_600 });
    expect(result.method).toBe('normal-approximation');
    expect(Math.abs(result.probability - 0.13660307706382777)).toBeLessThan(1e-3);
  });

  it('is ½ for equal distributions, complements when swapped, and its losses differ by the difference of means', () => {
    expect(compareBetas({ alpha: 3, beta: 5 }, { alpha: 3, beta: 5 }).probability).toBeCloseTo(0.5, 15);
    const x = { alpha: 12.5, beta: 40 };
    const y = { alpha: 9, beta: 33.5 };
    const forward = compareBetas(x, y);
    const backward = compareBetas(y, x);
    expect(forward.probability + backward.probability).toBeCloseTo(1, 13);
    expect(forward.lossOfX).toBeCloseTo(backward.lossOfY, 13);
    expect(forward.lossOfY - forward.lossOfX).toBeCloseTo(12.5 / 52.5 - 9 / 42.5, 13);
  });

  it('gives finite probabilities in [0, 1] and losses ≥ 0 for extreme posteriors, and refuses shapes ≤ 0', () => {
    const extremes: [BetaDistribution, BetaDistribution][] = [
      [{ alpha: 1, beta: 1e6 + 1 }, { alpha: 1e6 + 1, beta: 1 }],
      [{ alpha: 1e6 + 1, beta: 1 }, { alpha: 1, beta: 1e6 + 1 }],
      [{ alpha: 0.01, beta: 0.01 }, { alpha: 100, beta: 0.01 }],
      [{ alpha: 1, beta: 1 }, { alpha: 1, beta: 1 }],
    ];
    for (const [x, y] of extremes) {
      const r = compareBetas(x, y);
      for (const value of [r.probability, r.lossOfX, r.lossOfY]) expect(Number.isFinite(value)).toBe(true);
      expect(r.probability).toBeGreaterThanOrEqual(0);
      expect(r.probability).toBeLessThanOrEqual(1);
      expect(Math.min(r.lossOfX, r.lossOfY)).toBeGreaterThanOrEqual(0);
    }
    expect(compareBetas(extremes[0][0], extremes[0][1]).probability).toBeLessThan(1e-12);
    expect(() => compareBetas({ alpha: 0, beta: 1 }, { alpha: 1, beta: 1 })).toThrow(RangeError);
  });
});
