import { describe, expect, it } from 'vitest';
import type { CurveInput } from './response-curve.js';
import { convexUpTo, normalInterval, periodMarginal, periodOutcome, periodOutcomeSd, spendForMarginal } from './response-curve.js';

// β 100, γ 20, θ 0.5 over 30 days: 300 in the period is 10 a day, adstock 20 at steady state.
const EXP: CurveInput = { saturation: { family: 'exponential', beta: 100, gamma: 20 }, theta: 0.5 };

describe('a curve over a planning period', () => {
  it('reads a period total at the steady-state adstock of its daily spend', () => {
    expect(periodOutcome(EXP, 300, 30)).toBeCloseTo(30 * 100 * (1 - Math.exp(-1)), 9);
    expect(periodOutcome(EXP, 0, 30)).toBe(0);
  });

  it('gives the marginal return f′(a)/(1 − θ) and inverts it', () => {
    // f′(20) = (100/20)·e⁻¹; one more unit over the period is 1/30 a day, 1/(30·0.5) of adstock, for 30 days.
    expect(periodMarginal(EXP, 300, 30)).toBeCloseTo((5 * Math.exp(-1)) / 0.5, 12);
    expect(spendForMarginal(EXP, 10 / Math.E, 30)).toBeCloseTo(300, 9);
    const h = 1e-4;
    expect(periodMarginal(EXP, 300, 30)).toBeCloseTo((periodOutcome(EXP, 300 + h, 30) - periodOutcome(EXP, 300 - h, 30)) / (2 * h), 6);
  });

  it('puts the bend of an S-curve at its slope peak, in period spend', () => {
    const s: CurveInput = { saturation: { family: 'hill', beta: 1, alpha: 3, gamma: 100 }, theta: 0.5 };
    expect(convexUpTo(s, 10)).toBeCloseTo(100 * 0.5 ** (1 / 3) * 0.5 * 10, 9);
    expect(convexUpTo(EXP, 10)).toBe(0);
  });

  it('propagates the log-parameter covariance by the delta method', () => {
    // Only ln γ uncertain, variance 0.01: ∂f/∂ln γ = −β·e^(−a/γ)·a/γ = −100/e at a = γ = 20.
    const covariance = [
      [0, 0],
      [0, 0.01],
    ];
    const curve: CurveInput = { ...EXP, covariance };
    expect(periodOutcomeSd(curve, 300, 30)).toBeCloseTo(30 * 0.1 * (100 / Math.E), 9);
    expect(periodOutcomeSd(EXP, 300, 30)).toBeNull();
  });

  it('builds a normal interval kept at or above zero', () => {
    const i = normalInterval(100, 10, 0.95);
    expect(i.low).toBeCloseTo(100 - 19.59963984540054, 9);
    expect(i.high).toBeCloseTo(100 + 19.59963984540054, 9);
    expect(normalInterval(5, 10, 0.95).low).toBe(0);
  });
});
