import { describe, expect, it } from 'vitest';
import { hypergeometric2F1, logHypergeometric2F1, logAddExp, logGamma } from './special-functions.js';

describe('logGamma', () => {
  it('matches factorials: Γ(n) = (n − 1)!', () => {
    let factorial = 1;
    for (let n = 1; n <= 30; n++) {
      expect(logGamma(n)).toBeCloseTo(Math.log(factorial), 12);
      factorial *= n;
    }
  });

  it('matches Γ(½) = √π, Γ(3/2) = √π/2 and the tabulated Γ(1/3), Γ(1/4)', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 13);
    expect(Math.exp(logGamma(1 / 3))).toBeCloseTo(2.678938534707747, 12);
    expect(Math.exp(logGamma(0.25))).toBeCloseTo(3.625609908221908, 12);
  });

  it('keeps the recurrence Γ(x+1) = xΓ(x) for small and large x', () => {
    for (const x of [1e-6, 0.01, 0.243, 0.793, 2.426, 17.3, 1234.5, 1e6]) {
      expect(logGamma(x + 1) - logGamma(x)).toBeCloseTo(Math.log(x), 9);
    }
  });

  it('agrees with Stirling’s series for large x', () => {
    const x = 1e4;
    const stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
    expect(Math.abs(logGamma(x) - stirling) / stirling).toBeLessThan(1e-14);
  });

  it('reflects negative arguments (Γ(−½) = −2√π) and puts poles at non-positive integers', () => {
    expect(logGamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 12);
    expect(logGamma(0)).toBe(Infinity);
    expect(logGamma(-3)).toBe(Infinity);
  });
});

describe('logAddExp', () => {
  it('adds in log space without overflow or underflow', () => {
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logAddExp(-1000, -1001)).toBeCloseTo(-1000 + Math.log1p(Math.exp(-1)), 12);
    expect(logAddExp(5, -Infinity)).toBe(5);
    expect(logAddExp(-Infinity, -2)).toBe(-2);
  });
});

describe('hypergeometric2F1', () => {
  it('matches closed forms: −ln(1−z)/z, (1−z)^−a and arcsin(z)/z', () => {
    for (const z of [0.001, 0.3, 0.5, 0.9, 0.99, -0.5, -0.9]) {
      expect(hypergeometric2F1(1, 1, 2, z)).toBeCloseTo(-Math.log1p(-z) / z, 11);
      expect(hypergeometric2F1(0.37, 2.5, 2.5, z)).toBeCloseTo(Math.pow(1 - z, -0.37), 11);
    }
    for (const z of [0.2, 0.7, 0.95]) expect(hypergeometric2F1(0.5, 0.5, 1.5, z * z)).toBeCloseTo(Math.asin(z) / z, 11);
  });

  it('converges this close to z = 1 (hundreds of thousands of terms)', () => {
    const z = 0.9999;
    expect(hypergeometric2F1(1, 1, 2, z)).toBeCloseTo(-Math.log1p(-z) / z, 9);
    expect(hypergeometric2F1(0.8, 3, 3, z) / Math.pow(1 - z, -0.8)).toBeCloseTo(1, 11);
  });

  it('terminates for a negative integer a (a polynomial): 2F1(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))', () => {
    const [b, c, z] = [1.7, 3.2, 0.6];
    expect(hypergeometric2F1(-2, b, c, z)).toBeCloseTo(1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 14);
  });

  it('refuses |z| ≥ 1 and c a pole', () => {
    expect(() => hypergeometric2F1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hypergeometric2F1(1, 1, 2, -1.5)).toThrow(RangeError);
    expect(() => hypergeometric2F1(1, 1, -2, 0.5)).toThrow(RangeError);
  });
});

describe('logHypergeometric2F1', () => {
  it('is the log of 2F1 where 2F1 fits a double: 2F1(1, 1; 2; z) = −ln(1 − z)/z', () => {
    expect(logHypergeometric2F1(1, 1, 2, 0.5)).toBeCloseTo(Math.log(-Math.log(0.5) / 0.5), 14);
    expect(logHypergeometric2F1(2, 3, 4, 0)).toBe(0);
  });

  it('stays finite where 2F1 is far beyond a double: 2F1(a, b; b; z) = (1 − z)^−a', () => {
    // a = 5,000, z = 0.7: 2F1 = 0.3^−5000 ≈ 10^2614.
    expect(logHypergeometric2F1(5000, 3, 3, 0.7)).toBeCloseTo(-5000 * Math.log(0.3), 8);
  });

  it('refuses parameters whose terms may change sign', () => {
    expect(() => logHypergeometric2F1(-0.5, 1, 2, 0.5)).toThrow(RangeError);
    expect(() => logHypergeometric2F1(1, 1, 2, 1)).toThrow(RangeError);
  });
});
