import { describe, expect, it } from 'vitest';
import { erf, erfc, normalCdf, normalDensity, normalQuantile, twoSidedNormalPValue } from './normal-distribution.js';

const closeRelative = (actual: number, expected: number, tolerance: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));

describe('erf and erfc', () => {
  it('match SciPy 1.17 special.erf / erfc, erfc with relative accuracy in the tail', () => {
    const cases: [number, number, number][] = [
      [1e-10, 1.1283791670955126e-10, 0.999999999887162],
      [0.1, 0.1124629160182849, 0.8875370839817152],
      [0.5, 0.5204998778130465, 0.4795001221869535],
      [1, 0.8427007929497148, 0.15729920705028516],
      [2, 0.9953222650189527, 0.004677734981047266],
      [3, 0.9999779095030014, 2.2090496998585445e-5],
      [5, 0.9999999999984626, 1.5374597944280347e-12],
      [10, 1, 2.0884875837625446e-45],
    ];
    for (const [x, e, c] of cases) {
      closeRelative(erf(x), e, 1e-14);
      closeRelative(erfc(x), c, 1e-12);
      expect(erf(-x)).toBe(-erf(x));
      expect(erfc(-x)).toBeCloseTo(2 - c, 14);
    }
    expect(erf(0)).toBe(0);
    // erfc(27) ≈ e^−729 / (27√π) ≈ 5.2e−319 is still a (subnormal) double; erfc(40) is not.
    expect(erfc(27)).toBeGreaterThan(5e-319);
    expect(erfc(27)).toBeLessThan(5.5e-319);
    expect(erfc(40)).toBe(0);
  });
});

describe('normalCdf, normalDensity and twoSidedNormalPValue', () => {
  it('give the textbook points Φ(0) = ½, Φ(1.96) = 0.975, φ(0) = 1/√(2π)', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 15);
    expect(normalCdf(-1.6448536269514729)).toBeCloseTo(0.05, 15);
    expect(normalDensity(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 16);
    expect(twoSidedNormalPValue(-1.959963984540054)).toBeCloseTo(0.05, 15);
  });

  it('keeps relative accuracy far in the tails (SciPy norm.cdf(−30), norm.sf(8))', () => {
    closeRelative(normalCdf(-30), 4.906713927147908e-198, 1e-11);
    closeRelative(normalCdf(-8), 6.22096057427174e-16, 1e-11);
  });
});

describe('normalQuantile', () => {
  it('matches SciPy 1.17 norm.ppf to full precision from 1e−300 to 1 − 1e−12', () => {
    const cases: [number, number][] = [
      [1e-300, -37.0470962993612],
      [1e-20, -9.262340089798409],
      [1e-10, -6.361340902404056],
      [0.001, -3.090232306167813],
      [0.02425, -1.972961051311885],
      [0.05, -1.6448536269514729],
      [0.3, -0.5244005127080409],
      [0.8, 0.8416212335729143],
      [0.975, 1.959963984540054],
      [0.999, 3.090232306167813],
      [1 - 1e-12, 7.0344869100478356],
    ];
    for (const [p, z] of cases) closeRelative(normalQuantile(p), z, 1e-13);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('inverts normalCdf, and gives ±∞ at 0 and 1', () => {
    for (const p of [1e-15, 0.0123, 0.4, 0.77, 0.9999]) closeRelative(normalCdf(normalQuantile(p)), p, 1e-13);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
  });
});
