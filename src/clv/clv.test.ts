import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QueryError, ValidationError } from '../core/errors.js';
import type { BgNbdParams } from './bg-nbd.js';
import { expectedPurchases } from './bg-nbd-predict.js';
import { computeClv, customerLifetimeValue, discountRatePerPeriod, estimateClv, newCustomerLifetimeValue } from './clv.js';
import type { ClvOptions } from './clv.js';
import type { GammaGammaParams } from './gamma-gamma.js';
import type { RfmCustomer } from './rfm.js';

/** p ~ Beta(2, 1e9): practically nobody drops out, so a customer buys at the posterior mean rate (r+x)/(α+T). */
const LOYAL: BgNbdParams = { r: 2, alpha: 10, a: 2, b: 1e9 };
const SPEND: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
const customer: RfmCustomer = { id: 'c', frequency: 4, recency: 20, T: 30, monetary: 40 };

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

describe('customerLifetimeValue', () => {
  // Order value by hand: p(γ + x z̄)/(px + q − 1) = 6.25 (15.44 + 160)/(25 + 2.74).
  const orderValue = (6.25 * (15.44 + 4 * 40)) / (6.25 * 4 + 3.74 - 1);
  const rate = (2 + 4) / (10 + 30); // purchases per time unit

  it('discounts a constant purchase rate as an annuity: Σₖ rate·L·value·margin/(1+d)ᵏ', () => {
    const options: ClvOptions = { horizon: 360, periodLength: 30, discountRate: 0.01, margin: 0.3 };
    const perPeriod = rate * 30 * orderValue * 0.3;
    const annuity = (perPeriod * (1 - Math.pow(1.01, -12))) / 0.01;
    const result = customerLifetimeValue(LOYAL, SPEND, customer, options);
    expect(result.clv).toBeCloseTo(annuity, 3);
    expect(result.expectedPurchases).toBeCloseTo(rate * 360, 4);
    expect(result.expectedOrderValue).toBeCloseTo(orderValue, 10);
  });

  it('discounts a shorter last period at its own end: horizon 10 in periods of 4 → ends 4, 8, 10', () => {
    const options: ClvOptions = { horizon: 10, periodLength: 4, discountRate: 0.05, margin: 1 };
    const flow = (length: number, end: number) => (rate * length * orderValue) / Math.pow(1.05, end / 4);
    // b = 1e9 leaves a dropout of order 1e-7 in relative terms.
    const expected = flow(4, 4) + flow(4, 8) + flow(2, 10);
    expect(customerLifetimeValue(LOYAL, SPEND, customer, options).clv / expected).toBeCloseTo(1, 6);
  });

  it('without discounting, sums to expected purchases over the horizon × order value × margin (the differences telescope)', () => {
    const params: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const options: ClvOptions = { horizon: 52, periodLength: 4.345, discountRate: 0, margin: 0.25 };
    const result = customerLifetimeValue(params, SPEND, customer, options);
    expect(result.clv).toBeCloseTo(expectedPurchases(params, customer, 52) * orderValue * 0.25, 10);
    // Discounting can only lower it.
    expect(customerLifetimeValue(params, SPEND, customer, { ...options, discountRate: 0.01 }).clv).toBeLessThan(result.clv);
  });

  it('refuses a horizon ≤ 0 and other bad options with a 400', () => {
    const good: ClvOptions = { horizon: 12, periodLength: 1, discountRate: 0.01, margin: 0.3 };
    for (const bad of [{ horizon: 0 }, { horizon: -5 }, { horizon: NaN }, { periodLength: 0 }, { discountRate: -0.1 }, { margin: 1.5 }, { horizon: 1e9 }]) {
      try {
        customerLifetimeValue(LOYAL, SPEND, customer, { ...good, ...bad });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).status).toBe(400);
      }
    }
  });
});

describe('discountRatePerPeriod', () => {
  it('compounds back to the yearly rate', () => {
    const monthly = discountRatePerPeriod(0.1, 365 / 12, 'day');
    expect(Math.pow(1 + monthly, 12)).toBeCloseTo(1.1, 12);
    expect(discountRatePerPeriod(0.1, 365 / 7, 'week')).toBeCloseTo(0.1, 12);
  });
});

describe('newCustomerLifetimeValue', () => {
  it('is not residual and values a new customer’s repeat purchases at the population mean order value', () => {
    const result = newCustomerLifetimeValue(LOYAL, SPEND, { horizon: 100, periodLength: 10, discountRate: 0, margin: 1 });
    expect(result.residual).toBe(false);
    // No dropout: E[X(t)] = (r/α) t; mean order value pγ/(q−1).
    expect(result.expectedPurchases).toBeCloseTo((2 / 10) * 100, 4);
    expect(result.clv).toBeCloseTo(20 * ((6.25 * 15.44) / 2.74), 2);
  });
});

describe('estimateClv', () => {
  const oneTimer = (i: number): RfmCustomer => ({ id: `o${i}`, frequency: 0, recency: 0, T: 30, monetary: 0 });
  const options: ClvOptions = { horizon: 52, periodLength: 4.345, discountRate: 0.01, margin: 0.3 };

  it('refuses fewer than 10 customers, or no repeat buyers, with a 422 that explains', () => {
    const few = [...Array.from({ length: 5 }, (_, i) => oneTimer(i)), customer];
    expect(() => estimateClv(few, options)).toThrow(QueryError);
    expect(() => estimateClv(few, options)).toThrow(/too few customers.*: 6, at least 10/);
    const none = Array.from({ length: 40 }, (_, i) => oneTimer(i));
    expect(() => estimateClv(none, options)).toThrow(/no customer bought more than once/);
  });

  it('checks the options before fitting anything', () => {
    expect(() => estimateClv([], { ...options, horizon: 0 })).toThrow(ValidationError);
  });

  it('values the CDNOW cohort: residual, finite, and the per-period sum equals one 39-week period without discount', () => {
    const cdnow = readCdnowWithSpend();
    const estimate = estimateClv(cdnow, { horizon: 39, periodLength: 39 / 9, discountRate: 0, margin: 1 });
    expect(estimate.clv.residual).toBe(true);
    expect(estimate.clv.customers).toHaveLength(2357);
    expect(estimate.clv.customers.every((c) => Number.isFinite(c.clv) && c.clv >= 0)).toBe(true);
    expect(estimate.clv.total).toBeCloseTo(estimate.clv.customers.reduce((s, c) => s + c.clv, 0), 6);
    expect(estimate.clv.mean).toBeCloseTo(estimate.clv.total / 2357, 10);
    // The same total from the fitted models directly, customer by customer (no per-period split).
    const { bgNbd, gammaGamma } = estimate;
    const direct = computeClv(cdnow, bgNbd.params, gammaGamma.params, { horizon: 39, periodLength: 39, discountRate: 0, margin: 1 });
    expect(estimate.clv.total).toBeCloseTo(direct.total, 6);
    expect(direct.periods).toBe(1);
  });
});
