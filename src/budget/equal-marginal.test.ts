import { describe, expect, it } from 'vitest';
import type { BoundedCurve } from './equal-marginal.js';
import { allocateEqualMarginal } from './equal-marginal.js';

const exp = (beta: number, gamma: number, lower = 0, upper = Infinity): BoundedCurve => ({ curve: { saturation: { family: 'exponential', beta, gamma }, theta: 0 }, lower, upper });

describe('allocateEqualMarginal', () => {
  it('splits evenly between identical channels, at λ = (β/γ)·e^(−x/γ)', () => {
    const { spend, lambda } = allocateEqualMarginal([exp(100, 10), exp(100, 10)], 60, 1);
    expect(spend[0]).toBeCloseTo(30, 9);
    expect(spend[1]).toBeCloseTo(30, 9);
    expect(lambda as number).toBeCloseTo(10 * Math.exp(-3), 12);
  });

  it('solves two different channels: x₁ = γ₁ ln(β₁/(γ₁λ)), x₂ = γ₂ ln(β₂/(γ₂λ)), x₁ + x₂ = 100', () => {
    // γ₁ = 10, β₁/γ₁ = 10; γ₂ = 40, β₂/γ₂ = 2: ln λ = (10 ln 10 + 40 ln 2 − 100)/50.
    const logLambda = (10 * Math.log(10) + 40 * Math.log(2) - 100) / 50;
    const { spend, lambda } = allocateEqualMarginal([exp(100, 10), exp(80, 40)], 100, 1);
    expect(lambda as number).toBeCloseTo(Math.exp(logLambda), 12);
    expect(spend[0]).toBeCloseTo(10 * (Math.log(10) - logLambda), 8);
    expect(spend[1]).toBeCloseTo(40 * (Math.log(2) - logLambda), 8);
  });

  it('returns the nearer bounds when the budget lies outside them', () => {
    expect(allocateEqualMarginal([exp(1, 1, 5), exp(1, 1, 7)], 10, 1)).toEqual({ spend: [5, 7], lambda: null });
    expect(allocateEqualMarginal([exp(1, 1, 0, 2), exp(1, 1, 0, 3)], 10, 1)).toEqual({ spend: [2, 3], lambda: null });
  });

  it('fills an S-shaped channel past its bend rather than leaving the budget short', () => {
    // One Hill channel (α 3, γ 100) and a flat-ish exponential: the budget must still be spent in full.
    const s: BoundedCurve = { curve: { saturation: { family: 'hill', beta: 1, alpha: 3, gamma: 100 }, theta: 0 }, lower: 0, upper: Infinity };
    const { spend } = allocateEqualMarginal([s, exp(0.001, 1000)], 150, 1);
    expect(spend[0] + spend[1]).toBeCloseTo(150, 9);
    expect(spend[0]).toBeGreaterThan(100);
  });
});
