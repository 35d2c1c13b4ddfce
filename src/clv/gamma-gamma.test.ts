import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QueryError } from '../core/errors.js';
import { expectedOrderValue, fitGammaGamma, logLikelihoodGammaGamma, pearsonCorrelation } from './gamma-gamma.js';
import type { GammaGammaParams } from './gamma-gamma.js';
import type { RfmCustomer } from './rfm.js';

// ID, x, t_x, T, zbar: 2,357 CDNOW customers, zbar the mean value of their repeat purchases.
function readCdnowWithSpend(): RfmCustomer[] {
  const text = readFileSync(new URL('../../../shared/datasets/cdnow_customers_summary_with_transactions.csv', import.meta.url), 'utf8');
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [id, x, tx, T, zbar] = line.split(',');
      return { id, frequency: Number(x), recency: Number(tx), T: Number(T), monetary: Number(zbar) };
    });
}

const cdnow = readCdnowWithSpend();
/** Fader, Hardie & Lee (2005), "RFM and CLV" (JMR), and Fader & Hardie's note 025, on the 946 repeat buyers. */
const PUBLISHED: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };

/** Simpson's rule on [lo, hi]. */
function simpson(f: (v: number) => number, lo: number, hi: number, steps = 20_000): number {
  const h = (hi - lo) / steps;
  let sum = f(lo) + f(hi);
  for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * f(lo + i * h);
  return (sum * h) / 3;
}

describe('logLikelihoodGammaGamma', () => {
  it('matches the density written out for whole-number shapes', () => {
    // p = 1, q = 2, x = 1: Γ(3)/(Γ(1)Γ(2)) γ² z^0 / (z + γ)³ = 2γ²/(z+γ)³
    for (const [z, gamma] of [
      [3, 2],
      [40, 15],
    ]) {
      expect(logLikelihoodGammaGamma({ p: 1, q: 2, gamma }, 1, z)).toBeCloseTo(Math.log((2 * gamma ** 2) / (z + gamma) ** 3), 12);
    }
    // p = 2, q = 3, x = 2: Γ(7)/(Γ(4)Γ(3)) γ³ 2⁴ z³ / (2z + γ)⁷ = 60 · 16 γ³ z³ / (2z + γ)⁷
    expect(logLikelihoodGammaGamma({ p: 2, q: 3, gamma: 5 }, 2, 7)).toBeCloseTo(Math.log((60 * 16 * 125 * 343) / 19 ** 7), 12);
  });

  it('is a density in z̄: it integrates to 1 at the published parameters', () => {
    for (const x of [1, 3, 10]) {
      const density = (z: number) => (z > 0 ? Math.exp(logLikelihoodGammaGamma(PUBLISHED, x, z)) : 0);
      expect(simpson(density, 0, 2000, 200_000)).toBeCloseTo(1, 5);
    }
  });
});

describe('fitGammaGamma', () => {
  const fit = fitGammaGamma(cdnow);

  it('recovers the published p = 6.25 and q = 3.74 to two decimals, and γ = 15.44 within 0.01', () => {
    expect(Math.abs(fit.params.p - 6.25)).toBeLessThan(0.005);
    expect(Math.abs(fit.params.q - 3.74)).toBeLessThan(0.005);
    // The likelihood is flat along γ: the maximum lies at 15.448, the published 15.44 is 0.0015 below it in log-likelihood.
    expect(Math.abs(fit.params.gamma - 15.44)).toBeLessThan(0.01);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(cdnow.filter((c) => c.frequency > 0).reduce((s, c) => s + logLikelihoodGammaGamma(PUBLISHED, c.frequency, c.monetary), 0));
  });

  it('stops at a maximum: the numeric gradient in log-parameters vanishes', () => {
    const repeat = cdnow.filter((c) => c.frequency > 0);
    const ll = (params: GammaGammaParams) => repeat.reduce((s, c) => s + logLikelihoodGammaGamma(params, c.frequency, c.monetary), 0);
    expect(ll(fit.params)).toBeCloseTo(fit.logLikelihood, 8);
    for (const key of ['p', 'q', 'gamma'] as const) {
      const h = 1e-5;
      const up = ll({ ...fit.params, [key]: fit.params[key] * Math.exp(h) });
      const down = ll({ ...fit.params, [key]: fit.params[key] * Math.exp(-h) });
      // A step of 0.01 in any log-parameter would change the log-likelihood by gradient × 0.01 < 0.001.
      expect(Math.abs((up - down) / (2 * h))).toBeLessThan(0.1);
    }
  });

  it('leaves out the one-time buyers and says how many', () => {
    expect(fit.customers).toBe(946);
    expect(fit.excludedOneTimeBuyers).toBe(2357 - 946);
    expect(fit.excludedNonPositiveSpend).toBe(0);
    expect(fit.fit.converged).toBe(true);
  });

  it('reports the frequency–spend correlation (0.11 on CDNOW: no warning)', () => {
    const repeat = cdnow.filter((c) => c.frequency > 0);
    // One-pass formula: (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²)).
    const n = repeat.length;
    const [sx, sy, sxy, sxx, syy] = repeat.reduce(
      ([a, b, c, d, e], { frequency: x, monetary: y }) => [a + x, b + y, c + x * y, d + x * x, e + y * y],
      [0, 0, 0, 0, 0],
    );
    const expected = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    expect(fit.frequencyMonetaryCorrelation).toBeCloseTo(expected, 10);
    expect(fit.frequencyMonetaryCorrelation).toBeCloseTo(0.11, 2);
    expect(fit.warnings).toEqual([]);
  });

  it('warns when frequent buyers spend more per order (ρ > 0.3)', () => {
    // Spend rises with frequency (2 per purchase) under noise of ±12: ρ = 0.475 by the one-pass formula.
    const correlated = Array.from({ length: 40 }, (_, i) => ({ id: String(i), frequency: 1 + (i % 8), recency: 10, T: 20, monetary: 30 + 2 * (i % 8) + 6 * ((i * 7) % 5) }));
    const warned = fitGammaGamma(correlated);
    expect(warned.frequencyMonetaryCorrelation).toBeCloseTo(0.4752, 4);
    expect(warned.warnings).toHaveLength(1);
    expect(warned.warnings[0]).toMatch(/correlated \(ρ = 0\.48\).*independent/);
  });

  it('refuses too few repeat buyers with a 422, counting buyers with a zero mean order as unusable', () => {
    const customers = [
      ...Array.from({ length: 30 }, (_, i) => ({ id: `one-${i}`, frequency: 0, recency: 0, T: 10, monetary: 0 })),
      ...Array.from({ length: 9 }, (_, i) => ({ id: `rep-${i}`, frequency: 2, recency: 5, T: 10, monetary: 20 + i })),
      { id: 'free', frequency: 1, recency: 5, T: 10, monetary: 0 },
    ];
    try {
      fitGammaGamma(customers);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(QueryError);
      expect((error as QueryError).status).toBe(422);
      expect((error as QueryError).message).toMatch(/too few repeat buyers.*9/);
    }
    const enough = fitGammaGamma([...customers, { id: 'rep-9', frequency: 3, recency: 6, T: 10, monetary: 31 }]);
    expect(enough).toMatchObject({ customers: 10, excludedOneTimeBuyers: 30, excludedNonPositiveSpend: 1 });
  });
});

describe('expectedOrderValue', () => {
  it('is the posterior mean of p/ν with ν | x, z̄ ~ Gamma(q + px, γ + x z̄), by numerical integration', () => {
    const { p, q, gamma } = PUBLISHED;
    for (const [x, z] of [
      [1, 11.77],
      [2, 22.35],
      [10, 80],
    ]) {
      const [shape, rate] = [q + p * x, gamma + x * z];
      const logNorm = shape * Math.log(rate) - lnGammaBySum(shape);
      const posterior = (v: number) => (v > 0 ? Math.exp(logNorm + (shape - 1) * Math.log(v) - rate * v) : 0);
      const mean = simpson((v) => (v > 0 ? (p / v) * posterior(v) : 0), 0, 5, 200_000);
      expect(expectedOrderValue(PUBLISHED, x, z)).toBeCloseTo(mean, 5);
    }
  });

  it('is the population mean pγ/(q−1) = 35.22 for a one-time buyer, and lies between it and the own mean', () => {
    expect(expectedOrderValue(PUBLISHED, 0, 0)).toBeCloseTo((6.25 * 15.44) / 2.74, 10);
    const own = expectedOrderValue(PUBLISHED, 3, 100);
    expect(own).toBeGreaterThan(35.22);
    expect(own).toBeLessThan(100);
  });

  it('refuses a model whose mean order value is infinite (q ≤ 1) with a 422', () => {
    expect(() => expectedOrderValue({ p: 2, q: 0.8, gamma: 10 }, 0, 0)).toThrow(QueryError);
    expect(expectedOrderValue({ p: 2, q: 0.8, gamma: 10 }, 1, 10)).toBeCloseTo((2 * 20) / 1.8, 12);
  });
});

describe('pearsonCorrelation', () => {
  it('is ±1 on lines, 0 when a side is constant', () => {
    expect(pearsonCorrelation([1, 2, 3, 4], [3, 5, 7, 9])).toBeCloseTo(1, 14);
    expect(pearsonCorrelation([1, 2, 3, 4], [9, 7, 5, 3])).toBeCloseTo(-1, 14);
    expect(pearsonCorrelation([1, 2, 3], [5, 5, 5])).toBe(0);
  });
});

/** ln Γ(s) for the test's own use: Γ(s) = Γ(s + n) / (s(s+1)…(s+n−1)) with Stirling's series at s + n ≥ 30. */
function lnGammaBySum(s: number): number {
  let shift = 0;
  while (s < 30) {
    shift -= Math.log(s);
    s += 1;
  }
  return shift + (s - 0.5) * Math.log(s) - s + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * s) - 1 / (360 * s ** 3) + 1 / (1260 * s ** 5);
}

describe('fitGammaGamma where customers spend alike', () => {
  it('stops q at its bound, says so, and values everyone at the mean order', () => {
    // Every order drawn from one spend of mean 50 and sd 12.5: a customer's mean of x orders spreads by 12.5/√x around 50
    // (here exactly ±12.5/√x), which the order-to-order spread explains alone — no spread of spend between customers is
    // left for q to describe, so it runs to its bound.
    const customers = [1, 2, 4, 8].flatMap((x) =>
      Array.from({ length: 20 }, (_, i) => ({ id: `c${x}-${i}`, frequency: x, recency: 30, T: 40, monetary: 50 + ((i % 2 === 0 ? 1 : -1) * 12.5) / Math.sqrt(x) })),
    );
    const fit = fitGammaGamma(customers);
    expect(fit.fit.converged).toBe(true);
    expect(fit.params.q).toBeLessThanOrEqual(1e4);
    expect(fit.params.q).toBeGreaterThan(1e3);
    expect(fit.warnings).toContain(
      "customers hardly differ in what they spend per order: the spend model values every customer's orders at about the mean order of all customers (50.00)",
    );
    // One order of 62.5 or eight averaging 45.58: with no spread between customers, both are expected to spend about 50.
    expect(expectedOrderValue(fit.params, 1, 62.5)).toBeCloseTo(50, 0);
    expect(expectedOrderValue(fit.params, 8, 50 - 12.5 / Math.sqrt(8))).toBeCloseTo(50, 0);
  });
});
