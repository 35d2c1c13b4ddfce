import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { geometricAdstock, steadyStateAdstock } from './adstock.js';

describe('geometricAdstock', () => {
  it('carries θ of yesterday’s adstock into today, starting from the first day’s steady state', () => {
    // a₋₁ = 100/0.5 = 200; a₀ = 100 + 100 = 200; a₁ = 0 + 100 = 100; a₂ = 50 + 50 = 100.
    expect(geometricAdstock([100, 0, 50], 0.5)).toEqual([200, 100, 100]);
    // a₀ = 10/0.7; a₁ = 20 + 0.3·10/0.7; a₂ = 0.3·a₁; a₃ = 0.3·a₂.
    const a = geometricAdstock([10, 20, 0, 0], 0.3);
    [14.285714285714286, 24.285714285714285, 7.285714285714285, 2.1857142857142855].forEach((v, t) => expect(a[t]).toBeCloseTo(v, 12));
  });

  it('is the spend itself without decay, and constant at x/(1 − θ) for constant spend', () => {
    expect(geometricAdstock([3, 1, 4, 1, 5], 0)).toEqual([3, 1, 4, 1, 5]);
    for (const v of geometricAdstock([40, 40, 40, 40], 0.75)) expect(v).toBeCloseTo(160, 12);
    expect(geometricAdstock([], 0.5)).toEqual([]);
  });

  it('rejects a decay outside [0, 0.9]', () => {
    expect(() => geometricAdstock([1], 0.95)).toThrow(ValidationError);
    expect(() => geometricAdstock([1], -0.1)).toThrow(ValidationError);
    expect(() => geometricAdstock([1], Number.NaN)).toThrow(ValidationError);
  });
});

describe('steadyStateAdstock', () => {
  it('is x / (1 − θ)', () => {
    expect(steadyStateAdstock(100, 0.5)).toBe(200);
    expect(steadyStateAdstock(90, 0.9)).toBeCloseTo(900, 10);
    expect(steadyStateAdstock(7, 0)).toBe(7);
  });
});
