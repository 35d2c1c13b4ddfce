import { describe, expect, it } from 'vitest';
import type { SmoothingModel, SmoothingParams, SmoothingState } from './smoothing.js';
import { modelName, oneStepForecast, pointForecasts, smoothSeries, stepSmoothing } from './smoothing.js';

const SIMPLE: SmoothingModel = { trend: 'none', season: 'none', period: 1 };
const HOLT: SmoothingModel = { trend: 'additive', season: 'none', period: 1 };
const DAMPED: SmoothingModel = { trend: 'damped', season: 'none', period: 1 };
const ADDITIVE: SmoothingModel = { trend: 'additive', season: 'additive', period: 2 };
const MULTIPLICATIVE: SmoothingModel = { trend: 'additive', season: 'multiplicative', period: 2 };
const state = (level: number, slope: number, season: number[] = [0]): SmoothingState => ({ level, slope, season, next: 0 });

// Every expected number below was worked out by hand from FPP's component-form equations.
describe('the component-form recursions, by hand', () => {
  it('simple smoothing (α = 0.5, ℓ₀ = 1.3) on 2, 4, 3, 5, 6', () => {
    const params: SmoothingParams = { alpha: 0.5, beta: null, gamma: null, phi: null };
    const run = smoothSeries(SIMPLE, params, state(1.3, 0), [2, 4, 3, 5, 6]);
    // ℓ₁ = 0.5·2 + 0.5·1.3 = 1.65, ℓ₂ = 2.825, ℓ₃ = 2.9125, ℓ₄ = 3.95625, ℓ₅ = 4.978125
    [1.3, 1.65, 2.825, 2.9125, 3.95625].forEach((v, i) => expect(run.fitted[i]).toBeCloseTo(v, 12));
    // errors 0.7, 2.35, 0.175, 2.0875, 2.04375
    expect(run.sse).toBeCloseTo(0.49 + 5.5225 + 0.030625 + 4.35765625 + 4.1769140625, 12);
    expect(run.final.level).toBeCloseTo(4.978125, 12);
    expect(pointForecasts(SIMPLE, params, run.final, 3)).toEqual([run.final.level, run.final.level, run.final.level]);
  });

  it('Holt (α = β = 0.5, ℓ₀ = 10, b₀ = 1) on 12, 13', () => {
    const params: SmoothingParams = { alpha: 0.5, beta: 0.5, gamma: null, phi: null };
    const run = smoothSeries(HOLT, params, state(10, 1), [12, 13]);
    // ŷ₁ = 11; ℓ₁ = 11.5, b₁ = 0.5·1.5 + 0.5·1 = 1.25; ŷ₂ = 12.75; ℓ₂ = 12.875, b₂ = 1.3125
    expect(run.fitted).toEqual([11, 12.75]);
    expect(run.final.level).toBeCloseTo(12.875, 12);
    expect(run.final.slope).toBeCloseTo(1.3125, 12);
    const points = pointForecasts(HOLT, params, run.final, 2);
    expect(points[0]).toBeCloseTo(14.1875, 12);
    expect(points[1]).toBeCloseTo(15.5, 12);
  });

  it('damped Holt (φ = 0.9) on 12', () => {
    const params: SmoothingParams = { alpha: 0.5, beta: 0.5, gamma: null, phi: 0.9 };
    const run = smoothSeries(DAMPED, params, state(10, 1), [12]);
    // ŷ₁ = 10 + 0.9 = 10.9; ℓ₁ = 6 + 5.45 = 11.45; b₁ = 0.5·1.45 + 0.5·0.9 = 1.175
    expect(run.fitted[0]).toBeCloseTo(10.9, 12);
    const points = pointForecasts(DAMPED, params, run.final, 2);
    expect(points[0]).toBeCloseTo(11.45 + 0.9 * 1.175, 12);
    expect(points[1]).toBeCloseTo(11.45 + (0.9 + 0.81) * 1.175, 12);
  });

  it('additive Holt-Winters (m = 2, α = β = γ = 0.5) on 10, 12', () => {
    const params: SmoothingParams = { alpha: 0.5, beta: 0.5, gamma: 0.5, phi: null };
    const run = smoothSeries(ADDITIVE, params, state(10, 0, [-1, 1]), [10, 12]);
    // ŷ₁ = 9; ℓ₁ = 0.5·11 + 0.5·10 = 10.5; b₁ = 0.25; s₁ = 0.5·(10 − 10) + 0.5·(−1) = −0.5
    // ŷ₂ = 10.5 + 0.25 + 1 = 11.75; ℓ₂ = 0.5·11 + 0.5·10.75 = 10.875; b₂ = 0.3125; s₂ = 0.5·1.25 + 0.5 = 1.125
    expect(run.fitted).toEqual([9, 11.75]);
    expect(run.final.season).toEqual([-0.5, 1.125]);
    const points = pointForecasts(ADDITIVE, params, run.final, 3);
    expect(points).toEqual([10.875 + 0.3125 - 0.5, 10.875 + 0.625 + 1.125, 10.875 + 0.9375 - 0.5]);
  });

  it('multiplicative Holt-Winters (m = 2, α = β = γ = 0.5) on 8, 15', () => {
    const params: SmoothingParams = { alpha: 0.5, beta: 0.5, gamma: 0.5, phi: null };
    const run = smoothSeries(MULTIPLICATIVE, params, state(10, 0, [0.8, 1.2]), [8, 15]);
    // ŷ₁ = 8; ℓ₁ = 10, b₁ = 0, s₁ = 0.8; ŷ₂ = 12; ℓ₂ = 6.25 + 5 = 11.25; b₂ = 0.625; s₂ = 0.75 + 0.6 = 1.35
    expect(run.fitted[0]).toBeCloseTo(8, 12);
    expect(run.fitted[1]).toBeCloseTo(12, 12);
    const points = pointForecasts(MULTIPLICATIVE, params, run.final, 2);
    expect(points[0]).toBeCloseTo((11.25 + 0.625) * 0.8, 12);
    expect(points[1]).toBeCloseTo((11.25 + 1.25) * 1.35, 12);
  });
});

describe('smoothSeries and pointForecasts', () => {
  it('leaves the initial states untouched', () => {
    const initial = state(10, 0, [-1, 1]);
    smoothSeries(ADDITIVE, { alpha: 0.5, beta: 0.5, gamma: 0.5, phi: null }, initial, [10, 12, 11]);
    expect(initial).toEqual(state(10, 0, [-1, 1]));
  });

  it('the one-step point forecast is the forecast the next step makes', () => {
    const params: SmoothingParams = { alpha: 0.3, beta: 0.2, gamma: 0.4, phi: 0.9 };
    const model: SmoothingModel = { trend: 'damped', season: 'multiplicative', period: 3 };
    const s = state(50, 2, [0.9, 1.3, 0.8]);
    for (const y of [40, 70, 41, 52, 80, 45]) {
      const predicted = pointForecasts(model, params, s, 1)[0];
      expect(oneStepForecast(model, params, s)).toBe(predicted);
      expect(stepSmoothing(model, params, s, y)).toBe(predicted);
    }
  });

  it('names the models', () => {
    expect(modelName(SIMPLE)).toBe('simple');
    expect(modelName(HOLT)).toBe('holt');
    expect(modelName(DAMPED)).toBe('holt-damped');
    expect(modelName(ADDITIVE)).toBe('additive');
    expect(modelName({ ...MULTIPLICATIVE, trend: 'damped' })).toBe('multiplicative-damped');
  });
});
