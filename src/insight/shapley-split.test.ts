// The symmetric split on functions whose parts are known in closed form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shapleySplit } from './shapley-split.js';

describe('shapleySplit', () => {
  it('splits a quotient by the midpoint rule', () => {
    // x / y with x 1 → 1.1, y 0.05 → 0.044: 20 → 25.
    // x: ½ (0.1/0.05 + 0.1/0.044) = ½ (2 + 25/11) = 47/22; y: ½ ((1/0.044 − 20) + (25 − 22)) = ½ (30/11 + 3) = 63/22.
    const [x, y] = shapleySplit(2, (c) => (c[0] ? 1.1 : 1) / (c[1] ? 0.044 : 0.05))!;
    expect(x).toBeCloseTo(47 / 22, 12);
    expect(y).toBeCloseTo(63 / 22, 12);
  });

  it('gives each term of a sum its own change', () => {
    expect(shapleySplit(3, (c) => (c[0] ? 5 : 2) + (c[1] ? -1 : 4) + (c[2] ? 7 : 7))).toEqual([3, -5, 0]);
  });

  it('is null when some mix of the periods has no value, or there are too many inputs', () => {
    expect(shapleySplit(2, (c) => (c[0] && !c[1] ? null : 1))).toBeNull();
    expect(shapleySplit(13, () => 1)).toBeNull();
  });

  it('adds up to the change for any product of powers', () => {
    const input = fc.record({ before: fc.double({ min: 0.1, max: 100, noNaN: true }), after: fc.double({ min: 0.1, max: 100, noNaN: true }), exponent: fc.constantFrom(-1, 1, 2) });
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 5 }), (inputs) => {
        const f = (c: readonly boolean[]) => inputs.reduce((p, x, i) => p * (c[i] ? x.after : x.before) ** x.exponent, 1);
        const parts = shapleySplit(inputs.length, f)!;
        const change = f(inputs.map(() => true)) - f(inputs.map(() => false));
        // Rounding grows with the largest value f takes at any mix of the periods.
        const masks = Array.from({ length: 1 << inputs.length }, (_, m) => inputs.map((_, i) => (m & (1 << i)) !== 0));
        const largest = Math.max(1, ...masks.map((c) => Math.abs(f(c))));
        expect(Math.abs(parts.reduce((t, p) => t + p, 0) - change)).toBeLessThan(1e-12 * largest);
      }),
    );
  });
});
