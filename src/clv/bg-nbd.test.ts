import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QueryError, ValidationError } from '../core/errors.js';
import { dropoutWarning, fitBgNbd, logLikelihoodBgNbd, sameForAllWarnings, totalLogLikelihoodBgNbd } from './bg-nbd.js';
import type { BgNbdParams } from './bg-nbd.js';
import type { RfmCustomer } from './rfm.js';

// The BG/NBD paper's input: 2,357 CDNOW customers, weeks, calibration 1997-01-01 … 1997-09-30.
function readCdnowSummary(): RfmCustomer[] {
  const text = readFileSync(new URL('../../../shared/datasets/cdnow_customers_summary.csv', import.meta.url), 'utf8');
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [id, frequency, recency, T] = line.split(',');
      return { id, frequency: Number(frequency), recency: Number(recency), T: Number(T), monetary: 0 };
    });
}

const cdnow = readCdnowSummary();
/** Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", on this data. */
const PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/**
 * The likelihood of one customer as the paper writes it (eq. 6), without logs:
 * Γ(r+x)α^r/Γ(r) · [B(a, b+x)/B(a, b) (α+T)^−(r+x) + δ(x>0) B(a+1, b+x−1)/B(a, b) (α+tₓ)^−(r+x)],
 * with the gamma and beta ratios written as finite products (x is a whole number).
 */
function directLikelihood({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  let gammaRatio = 1; // Γ(r+x)/Γ(r)
  let stayRatio = 1; // B(a, b+x)/B(a, b)
  for (let k = 0; k < x; k++) {
    gammaRatio *= r + k;
    stayRatio *= (b + k) / (a + b + k);
  }
  let dropRatio = a; // B(a+1, b+x−1)/B(a, b) = a Π_{k<x−1}(b+k) / Π_{k<x}(a+b+k)
  for (let k = 0; k < x - 1; k++) dropRatio *= b + k;
  for (let k = 0; k < x; k++) dropRatio /= a + b + k;
  const alive = stayRatio * Math.pow(alpha + T, -(r + x));
  const dropped = x > 0 ? dropRatio * Math.pow(alpha + tx, -(r + x)) : 0;
  return gammaRatio * Math.pow(alpha, r) * (alive + dropped);
}

describe('BG/NBD log-likelihood', () => {
  it('equals the log of the direct (non-log) likelihood for every CDNOW customer', () => {
    for (const c of cdnow) {
      const direct = Math.log(directLikelihood(PUBLISHED, c.frequency, c.recency, c.T));
      expect(logLikelihoodBgNbd(PUBLISHED, c)).toBeCloseTo(direct, 10);
    }
  });

  it('sums to the published −9582.4 at the published parameters, by the direct formula and the grouped sum', () => {
    const direct = cdnow.reduce((sum, c) => sum + Math.log(directLikelihood(PUBLISHED, c.frequency, c.recency, c.T)), 0);
    expect(Math.abs(direct - -9582.4)).toBeLessThan(0.05);
    expect(totalLogLikelihoodBgNbd(PUBLISHED, cdnow)).toBeCloseTo(direct, 7);
  });

  it('stays finite and exact where the direct formula breaks down (400 repeat purchases)', () => {
    const { r, alpha, a, b } = PUBLISHED;
    const [x, tx, T] = [400, 360, 365];
    expect(directLikelihood(PUBLISHED, x, tx, T)).toBeNaN(); // Γ(r+x)/Γ(r) overflows, (α+T)^−(r+x) underflows
    // The same products, summed as logarithms.
    let logGammaRatio = 0;
    let logStay = 0;
    let logDrop = Math.log(a);
    for (let k = 0; k < x; k++) {
      logGammaRatio += Math.log(r + k);
      logStay += Math.log(b + k) - Math.log(a + b + k);
      logDrop -= Math.log(a + b + k);
      if (k < x - 1) logDrop += Math.log(b + k);
    }
    const alive = logStay - (r + x) * Math.log(alpha + T);
    const dropped = logDrop - (r + x) * Math.log(alpha + tx);
    const top = Math.max(alive, dropped);
    const expected = logGammaRatio + r * Math.log(alpha) + top + Math.log(Math.exp(alive - top) + Math.exp(dropped - top));
    expect(logLikelihoodBgNbd(PUBLISHED, { frequency: x, recency: tx, T })).toBeCloseTo(expected, 8);
  });
});

describe('fitBgNbd', () => {
  const fit = fitBgNbd(cdnow);

  it('recovers the published CDNOW parameters and log-likelihood to the published precision', () => {
    expect(Math.abs(fit.params.r - 0.243)).toBeLessThan(0.0005);
    expect(Math.abs(fit.params.alpha - 4.414)).toBeLessThan(0.0005);
    expect(Math.abs(fit.params.a - 0.793)).toBeLessThan(0.0005);
    expect(Math.abs(fit.params.b - 2.426)).toBeLessThan(0.0005);
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThan(0.05);
  });

  it('reports its log-likelihood truthfully, at least as high as at the published (rounded) parameters', () => {
    const direct = cdnow.reduce((sum, c) => sum + Math.log(directLikelihood(fit.params, c.frequency, c.recency, c.T)), 0);
    expect(fit.logLikelihood).toBeCloseTo(direct, 6);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(totalLogLikelihoodBgNbd(PUBLISHED, cdnow));
  });

  it('stops at a maximum: no small step along any parameter raises the likelihood', () => {
    const keys = ['r', 'alpha', 'a', 'b'] as const;
    for (const key of keys) {
      for (const factor of [1 - 1e-4, 1 + 1e-4]) {
        const moved = { ...fit.params, [key]: fit.params[key] * factor };
        expect(totalLogLikelihoodBgNbd(moved, cdnow)).toBeLessThanOrEqual(fit.logLikelihood + 1e-7);
      }
    }
  });

  it('reports the optimiser run and the data it saw', () => {
    expect(fit.customers).toBe(2357);
    expect(fit.repeatBuyers).toBe(cdnow.filter((c) => c.frequency > 0).length);
    expect(fit.fit.converged).toBe(true);
    expect(fit.fit.iterations).toBeGreaterThan(0);
    expect(fit.fit.evaluations).toBeGreaterThan(fit.fit.iterations);
  });

  it('finds the same maximum from a distant start and measures α in the data’s unit (days: α × 7)', () => {
    const fromAfar = fitBgNbd(cdnow, { start: { r: 5, alpha: 0.1, a: 5, b: 0.1 } });
    expect(fromAfar.params.r).toBeCloseTo(fit.params.r, 4);
    expect(fromAfar.logLikelihood).toBeCloseTo(fit.logLikelihood, 5);
    const inDays = fitBgNbd(cdnow.map((c) => ({ ...c, recency: c.recency * 7, T: c.T * 7 })));
    expect(inDays.params.alpha / 7).toBeCloseTo(fit.params.alpha, 3);
    expect(inDays.params.a).toBeCloseTo(fit.params.a, 4);
  });

  it('refuses too few customers and customers who never came back with a 422 that says why', () => {
    const one = (id: number, frequency: number): RfmCustomer => ({ id: String(id), frequency, recency: frequency > 0 ? 5 : 0, T: 10, monetary: 0 });
    const nine = Array.from({ length: 9 }, (_, i) => one(i, i % 2));
    expect(() => fitBgNbd(nine)).toThrow(QueryError);
    expect(() => fitBgNbd(nine)).toThrow(/too few customers.*9.*at least 10/);
    const noRepeat = Array.from({ length: 50 }, (_, i) => one(i, 0));
    try {
      fitBgNbd(noRepeat);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(QueryError);
      expect((error as QueryError).status).toBe(422);
      expect((error as QueryError).message).toMatch(/no customer bought more than once/);
    }
  });

  it('refuses inconsistent summaries with a 400', () => {
    const bad = [...cdnow.slice(0, 20), { id: 'x', frequency: 3, recency: 50, T: 40, monetary: 0 }];
    expect(() => fitBgNbd(bad)).toThrow(ValidationError);
  });
});

describe('the dropout warning', () => {
  it('speaks when a is next to 0 and not for the published CDNOW fit (a = 0.793)', () => {
    expect(dropoutWarning({ r: 1.27, alpha: 158, a: 1e-6, b: 1e-6 })).toContain('next to no dropout');
    expect(dropoutWarning({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 })).toBeNull();
  });
});

describe('fitBgNbd where customers hardly differ', () => {
  it('stops at a finite fit and says so when every customer buys at the same pace', () => {
    // 40 customers who each buy every 10 days over 100 days; every second one stopped after 3 purchases. A single purchase
    // rate fits as well as any spread of it, so r and alpha grow together without a maximum: the fit stops r at its bound.
    const customers = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0 ? { id: `s${i}`, frequency: 2, recency: 20, T: 100, monetary: 10 } : { id: `a${i}`, frequency: 9, recency: 90, T: 100, monetary: 10 },
    );
    const fit = fitBgNbd(customers);
    expect(fit.fit.converged).toBe(true);
    // The shape parameters stop at 10^4; alpha, a scale, follows r.
    for (const v of [fit.params.r, fit.params.a, fit.params.b]) expect(v).toBeLessThanOrEqual(1e4);
    const [warning] = sameForAllWarnings(fit.params);
    expect(warning).toMatch(/^customers hardly differ in how often they buy: the fit takes every active customer to buy 0\.\d+ times per time unit$/);
    // One purchase every 10 days is 0.1 a day.
    expect(fit.params.r / fit.params.alpha).toBeGreaterThan(0.08);
    expect(fit.params.r / fit.params.alpha).toBeLessThan(0.11);
  });

  it('says when dropout is the same for everyone: p = a / (a + b)', () => {
    // 6.2e5 / (6.2e5 + 7.1e5) = 0.46617 → 0.466
    expect(sameForAllWarnings({ r: 0.33, alpha: 39.8, a: 6.2e5, b: 7.1e5 })).toEqual([
      'customers hardly differ in how likely they are to lapse: the fit takes every customer to stop buying with probability 0.466 after each purchase',
    ]);
    expect(sameForAllWarnings({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 })).toEqual([]);
  });
});
