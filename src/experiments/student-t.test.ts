import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTDensity, studentTQuantile, studentTTail, twoSidedStudentTPValue } from './student-t.js';

const closeRelative = (actual: number, expected: number, tolerance: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));

describe('studentTCdf and studentTTail', () => {
  it('match the closed forms for 1 (Cauchy) and 2 degrees of freedom', () => {
    for (const t of [-30, -2, -0.4, 0, 0.7, 3, 1e4]) {
      closeRelative(studentTCdf(t, 1), 0.5 + Math.atan(t) / Math.PI, 1e-13);
      closeRelative(studentTCdf(t, 2), 0.5 + t / (2 * Math.sqrt(2 + t * t)), 1e-13);
    }
  });

  it('match SciPy 1.17 t.cdf / t.sf, small tails and huge ν included', () => {
    const cases: [number, number, number, number][] = [
      [2, 3, 0.9303370157205785, 0.06966298427942152],
      [-1.5, 7.5, 0.08724028529323204, 0.912759714706768],
      [0.3, 25, 0.6166712531734713, 0.3833287468265287],
      [10, 4, 0.999718998188642, 0.0002810018113579955],
      [50, 10, 0.9999999999998763, 1.23715516465134e-13],
      [1.96, 1e6, 0.9750019662073651, 0.024998033792634926],
      [3, 1e7, 0.9986500986444814, 0.0013499013555185817],
      [2, 1e8, 0.97724986670204664, 0.022750133297953345],
      [2, 1e10, 0.97724986803832307, 0.02275013196167696],
      [0.01, 1e12, 0.5039893563146306, 0.4960106436853694],
      [2, 1e15, 0.97724986805182065, 0.022750131948179354],
    ];
    for (const [t, df, cdf, sf] of cases) {
      closeRelative(studentTCdf(t, df), cdf, 1e-12);
      closeRelative(t >= 0 ? studentTTail(t, df) : 1 - studentTTail(t, df), sf, 1e-12);
    }
  });

  it('joins the incomplete beta function and Fisher’s expansion at ν = 10⁶ without a step', () => {
    for (const t of [0.5, 2, 4, 8]) closeRelative(studentTTail(t, 999_999.999), studentTTail(t, 1e6), 1e-9);
  });

  it('gives the two-sided p-value 0.05 at the tabulated 97.5 % points', () => {
    // Critical values of t (any statistics textbook's table; SciPy t.ppf(0.975, ν)).
    expect(twoSidedStudentTPValue(12.706204736174694, 1)).toBeCloseTo(0.05, 13);
    expect(twoSidedStudentTPValue(-2.262157162798205, 9)).toBeCloseTo(0.05, 13);
    expect(twoSidedStudentTPValue(0, 9)).toBe(1);
  });

  it('has the density 1/π at 0 for ν = 1 and integrates to the distribution function', () => {
    expect(studentTDensity(0, 1)).toBeCloseTo(1 / Math.PI, 15);
    // Simpson's rule over [0, 1.5] of the density with ν = 5.
    const steps = 2000;
    const h = 1.5 / steps;
    let sum = studentTDensity(0, 5) + studentTDensity(1.5, 5);
    for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * studentTDensity(i * h, 5);
    expect(0.5 + (sum * h) / 3).toBeCloseTo(studentTCdf(1.5, 5), 12);
  });
});

describe('studentTQuantile', () => {
  it('matches SciPy 1.17 t.ppf', () => {
    const cases: [number, number, number][] = [
      [0.975, 1, 12.706204736174694],
      [0.975, 2, 4.302652729749462],
      [0.975, 9, 2.262157162798205],
      [0.975, 29.3, 2.044320421500141],
      [0.995, 4.2, 4.4577703053188795],
      [0.025, 12, -2.1788128296672293],
      [0.9999999, 3, 222.57159098625124],
      [0.975, 1e6, 1.959966356814107],
    ];
    for (const [p, df, t] of cases) closeRelative(studentTQuantile(p, df), t, 1e-12);
    // SciPy t.ppf(0.975, ν) for ν = 1e10 and 1e15: the normal's 1.959963984540054 plus (z³ + z)/(4ν).
    closeRelative(studentTQuantile(0.975, 1e10), 1.959963984777281, 1e-13);
    closeRelative(studentTQuantile(0.975, 1e15), 1.9599639845400563, 1e-13);
    expect(studentTQuantile(0.5, 7)).toBe(0);
  });

  it('refuses p outside (0, 1) and ν ≤ 0', () => {
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
    expect(() => studentTCdf(1, -1)).toThrow(RangeError);
  });
});
