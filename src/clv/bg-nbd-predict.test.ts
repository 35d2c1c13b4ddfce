import { describe, expect, it } from 'vitest';
import type { BgNbdParams } from './bg-nbd.js';
import { expectedPurchases, expectedPurchasesNewCustomer, expectedPurchasesOf, probabilityAlive } from './bg-nbd-predict.js';

/** Fader, Hardie & Lee (2005) on CDNOW (weeks). */
const CDNOW: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
/** The maximum-likelihood fit to more digits (fitBgNbd on cdnow_customers_summary.csv rounds to CDNOW). */
const CDNOW_ML: BgNbdParams = { r: 0.2425929, alpha: 4.4135311, a: 0.7928861, b: 2.4257537 };

/**
 * ∫₀¹ g(p) p^(a−1) (1−p)^(b−1) dp by Simpson's rule after p = u^(1/a), which
 * turns p^(a−1) dp into du/a and removes the singularity at p = 0 when a < 1.
 */
function integrateOverBeta(g: (p: number) => number, a: number, b: number, steps = 20_000): number {
  const f = (u: number) => {
    const p = Math.max(Math.pow(u, 1 / a), 1e-300);
    return p >= 1 ? 0 : (g(p) * Math.pow(1 - p, b - 1)) / a;
  };
  const h = 1 / steps;
  let sum = f(0) + f(1);
  for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * f(i * h);
  return (sum * h) / 3;
}

/**
 * A second route to E[Y(t) | x, tₓ, T]: the λ integrals in closed form
 * (E over Gamma(r, α) of λˣ e^{−λs} ∝ (α+s)^−(r+x)) and the p integral numerically.
 * Alive at T with weight (1−p)ˣ (α+T)^−(r+x); alive, a customer buys
 * (1/p)(1 − e^{−λpt}) more times in expectation.
 */
function expectedByIntegration({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  const k = r + x;
  // [(α+T)^−k − (α+T+pt)^−k] / p, written so that it keeps its digits (and stays normal) as p → 0.
  const gainPerP = (p: number) => Math.pow(alpha + T, -k) * (-Math.expm1(-k * Math.log1p((p * t) / (alpha + T))) / p);
  const future = integrateOverBeta((p) => Math.pow(1 - p, x) * gainPerP(p), a, b);
  const evidence = integrateOverBeta((p) => Math.pow(1 - p, x) * Math.pow(alpha + T, -k) + (x > 0 ? p * Math.pow(1 - p, x - 1) * Math.pow(alpha + tx, -k) : 0), a, b);
  return future / evidence;
}

describe('expectedPurchasesNewCustomer', () => {
  it('matches E[X(t)] of Hardie’s BG/NBD spreadsheet for CDNOW (to 4 decimals; t = 78 within 0.0004)', () => {
    const published: [number, number][] = [
      [0.1429, 0.0078],
      [1, 0.0532],
      [3, 0.1506],
      [31.8571, 1.0405],
      [32, 1.0437],
      [78, 1.8576],
    ];
    for (const [t, value] of published) expect(Math.abs(expectedPurchasesNewCustomer(CDNOW_ML, t) - value)).toBeLessThan(0.0005);
  });

  it('equals the mixture integral ∫ (1/p)(1 − (α/(α+pt))^r) Beta(p; a, b) dp', () => {
    for (const t of [0.5, 10, 39, 78, 520]) {
      expect(expectedPurchasesNewCustomer(CDNOW, t)).toBeCloseTo(expectedByIntegration(CDNOW, 0, 0, 0, t), 7);
    }
  });

  it('is 0 at t = 0 and rises with t', () => {
    expect(expectedPurchasesNewCustomer(CDNOW, 0)).toBe(0);
    let previous = 0;
    for (const t of [1, 2, 5, 10, 50, 100, 1000]) {
      const value = expectedPurchasesNewCustomer(CDNOW, t);
      expect(value).toBeGreaterThan(previous);
      previous = value;
    }
  });
});

describe('expectedPurchases (conditional on a history)', () => {
  it('matches the BG/NBD paper’s customer: x = 2, tₓ = 30.43, T = 38.86 buys 1.226 times in the next 39 weeks', () => {
    expect(expectedPurchases(CDNOW_ML, { frequency: 2, recency: 30.43, T: 38.86 }, 39)).toBeCloseTo(1.226, 3);
  });

  it('equals the posterior integral for one-time, regular, lapsed and heavy buyers', () => {
    const histories: [number, number, number][] = [
      [0, 0, 38.86],
      [1, 1.71, 38.86],
      [2, 30.43, 38.86],
      [5, 10, 38],
      [12, 37.5, 38.86],
      [25, 36, 38],
    ];
    for (const [x, tx, T] of histories) {
      for (const t of [1, 39, 104]) {
        expect(expectedPurchases(CDNOW, { frequency: x, recency: tx, T }, t)).toBeCloseTo(expectedByIntegration(CDNOW, x, tx, T, t), 6);
      }
    }
  });

  it('approaches a Poisson forecast when nobody drops out: (r+x)/(α+T) per unit of time', () => {
    // p ~ Beta(2, 1e9) has mean 2e-9: practically no dropout.
    const loyal: BgNbdParams = { r: 2, alpha: 10, a: 2, b: 1e9 };
    expect(expectedPurchases(loyal, { frequency: 4, recency: 20, T: 30 }, 50)).toBeCloseTo((6 / 40) * 50, 4);
  });

  it('is continuous across a = 1, where the formula divides by a − 1', () => {
    const customer = { frequency: 3, recency: 20, T: 30 };
    const at = (a: number) => expectedPurchases({ ...CDNOW, a }, customer, 39);
    expect(at(1)).toBeCloseTo(expectedByIntegration({ ...CDNOW, a: 1 }, 3, 20, 30, 39), 6);
    // Smooth in a: the value at 1 is the midpoint of its neighbours up to O(1e-4²).
    expect(at(1)).toBeCloseTo((at(1 - 1e-4) + at(1 + 1e-4)) / 2, 7);
  });

  it('stays finite for a customer with 2,000 purchases and is 0 for t ≤ 0', () => {
    const value = expectedPurchases(CDNOW, { frequency: 2000, recency: 300, T: 301 }, 1000);
    expect(Number.isFinite(value)).toBe(true);
    // Alive, they buy at about (r+x)/(α+T) = 6.5 a week for 1,000 weeks at most.
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan((2000.243 / 305.414) * 1000);
    expect(expectedPurchases(CDNOW, { frequency: 2, recency: 30, T: 38 }, 0)).toBe(0);
  });
});

/**
 * The same integrals for a Beta(a, b) with large a and b, whose mass lies in a
 * narrow band: Simpson's rule over p within 20 standard deviations of the
 * mean, the density taken in logs relative to its peak.
 */
function expectedByPeakedIntegration({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  const k = r + x;
  const mean = a / (a + b);
  const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
  const [lo, hi] = [Math.max(1e-12, mean - 20 * sd), Math.min(1 - 1e-12, mean + 20 * sd)];
  const logDensity = (p: number) => (a - 1) * Math.log(p) + (b - 1) * Math.log1p(-p);
  const peak = logDensity((a - 1) / (a + b - 2));
  const integrate = (g: (p: number) => number, steps = 20_000) => {
    const h = (hi - lo) / steps;
    let sum = 0;
    for (let i = 0; i <= steps; i++) {
      const p = lo + i * h;
      sum += (i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2) * g(p) * Math.exp(logDensity(p) - peak);
    }
    return (sum * h) / 3;
  };
  // Both integrands scaled by (α+T)^k to stay normal.
  const future = integrate((p) => Math.pow(1 - p, x) * (-Math.expm1(-k * Math.log1p((p * t) / (alpha + T))) / p));
  const evidence = integrate((p) => Math.pow(1 - p, x) + (x > 0 ? p * Math.pow(1 - p, x - 1) * Math.pow((alpha + T) / (alpha + tx), k) : 0));
  return future / evidence;
}

describe('expectedPurchases when dropout hardly varies between customers (large a and b)', () => {
  // p = 0.35 for everyone, give or take 1 %: the series of the 2F1 has terms far beyond a double, and needs its logs.
  const narrow: BgNbdParams = { r: 1.2, alpha: 40, a: 700, b: 1300 };
  it('equals the posterior integral for a one-time buyer, a regular and a lapsed one, over long horizons', () => {
    for (const [x, tx, T, t] of [
      [0, 0, 30, 365],
      [4, 100, 120, 365],
      [3, 20, 150, 1000],
    ]) {
      expect(expectedPurchases(narrow, { frequency: x, recency: tx, T }, t)).toBeCloseTo(expectedByPeakedIntegration(narrow, x, tx, T, t), 6);
    }
  });

  it('uses the narrow-Beta expansion just above a + b = 10^4, within 10^-6 of the integral', () => {
    const justAbove: BgNbdParams = { r: 1.2, alpha: 40, a: 3600, b: 6700 };
    for (const [x, tx, T, t] of [
      [0, 0, 30, 365],
      [4, 100, 120, 365],
      [3, 20, 150, 1000],
    ]) {
      const integral = expectedByPeakedIntegration(justAbove, x, tx, T, t);
      expect(Math.abs(expectedPurchases(justAbove, { frequency: x, recency: tx, T }, t) - integral) / integral).toBeLessThan(1e-6);
    }
  });

  it('uses the narrow-Beta expansion once a + b is huge', () => {
    const point: BgNbdParams = { r: 1.2, alpha: 40, a: 5.2e6, b: 9.6e6 };
    for (const [x, tx, T, t] of [
      [0, 0, 30, 365],
      [4, 100, 120, 365],
    ]) {
      const value = expectedPurchases(point, { frequency: x, recency: tx, T }, t);
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeCloseTo(expectedByPeakedIntegration(point, x, tx, T, t), 4);
    }
  });
});

describe('probabilityAlive', () => {
  it('is 1 for a customer who never bought again', () => {
    expect(probabilityAlive(CDNOW, { frequency: 0, recency: 0, T: 38.86 })).toBe(1);
  });

  it('is the share of the alive branch in the customer’s likelihood', () => {
    for (const [x, tx, T] of [
      [1, 1.71, 38.86],
      [2, 30.43, 38.86],
      [7, 5, 38],
      [30, 37, 38],
    ]) {
      const alive = integrateOverBeta((p) => Math.pow(1 - p, x) * Math.pow(CDNOW.alpha + T, -(CDNOW.r + x)), CDNOW.a, CDNOW.b);
      const dropped = integrateOverBeta((p) => p * Math.pow(1 - p, x - 1) * Math.pow(CDNOW.alpha + tx, -(CDNOW.r + x)), CDNOW.a, CDNOW.b);
      expect(probabilityAlive(CDNOW, { frequency: x, recency: tx, T })).toBeCloseTo(alive / (alive + dropped), 7);
    }
  });

  it('falls as the last purchase recedes and rises with more purchases at the same recency', () => {
    const recent = probabilityAlive(CDNOW, { frequency: 3, recency: 35, T: 38 });
    const lapsed = probabilityAlive(CDNOW, { frequency: 3, recency: 5, T: 38 });
    expect(recent).toBeGreaterThan(lapsed);
    expect(probabilityAlive(CDNOW, { frequency: 10, recency: 35, T: 38 })).toBeGreaterThan(recent);
  });

  it('stays within (0, 1] when the odds overflow', () => {
    const p = probabilityAlive(CDNOW, { frequency: 3000, recency: 1, T: 500 });
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1e-100);
    expect(Number.isNaN(p)).toBe(false);
  });
});

describe('expectedPurchasesOf', () => {
  it('gives each customer what expectedPurchases gives, computing the shared factor once per (x, T, t)', () => {
    const expected = expectedPurchasesOf(CDNOW);
    const customers = [
      { frequency: 0, recency: 0, T: 38.86 },
      { frequency: 2, recency: 30.43, T: 38.86 },
      { frequency: 2, recency: 10, T: 38.86 },
      { frequency: 7, recency: 35, T: 38.86 },
    ];
    for (const c of customers) for (const t of [0, 13, 39, 52]) expect(expected(c, t)).toBe(expectedPurchases(CDNOW, c, t));
  });
});
