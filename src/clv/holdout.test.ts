import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { fitBgNbd } from './bg-nbd.js';
import type { BgNbdParams } from './bg-nbd.js';
import { compareHoldout, countHoldoutPurchases } from './holdout.js';
import { buildRfm } from './rfm.js';
import type { Order, RfmCustomer } from './rfm.js';

// CDNOW_sample.txt: master id, customer id 0001…2357, date YYYYMMDD, CDs, dollars.
function readCdnowOrders(): Order[] {
  const text = readFileSync(new URL('../../../shared/datasets/CDNOW_sample.txt', import.meta.url), 'utf8');
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const [, customer, date, , value] = line.trim().split(/\s+/);
      return { customer: String(Number(customer)), time: Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8)), value: Number(value) };
    });
}

/**
 * E[Y(t) | x, tₓ, T] by a second route: the λ integrals in closed form, the p
 * integral by Simpson's rule after p = u^(1/a) (see bg-nbd-predict.test.ts).
 */
function expectedByIntegration({ r, alpha, a, b }: BgNbdParams, { frequency: x, recency: tx, T }: RfmCustomer, t: number, steps = 2000): number {
  const k = r + x;
  const integrate = (g: (p: number) => number) => {
    const f = (u: number) => {
      const p = Math.max(Math.pow(u, 1 / a), 1e-300);
      return p >= 1 ? 0 : g(p) * Math.pow(1 - p, b - 1);
    };
    let sum = f(0) + f(1);
    for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * f(i / steps);
    return sum;
  };
  // Scaled by (α+T)^k to stay far from underflow.
  const future = integrate((p) => Math.pow(1 - p, x) * (-Math.expm1(-k * Math.log1p((p * t) / (alpha + T))) / p));
  const evidence = integrate((p) => Math.pow(1 - p, x) + (x > 0 ? p * Math.pow(1 - p, x - 1) * Math.pow((alpha + T) / (alpha + tx), k) : 0));
  return future / evidence;
}

const orders = readCdnowOrders();
const calibrationEnd = Date.UTC(1997, 8, 30);
const holdoutEnd = Date.UTC(1998, 5, 30);
const calibration = buildRfm(orders, { calibrationEnd, timeUnit: 'week' });
const actual = countHoldoutPurchases(orders, { calibrationEnd, holdoutEnd });
const fit = fitBgNbd(calibration);
const comparison = compareHoldout(calibration, fit.params, actual, 39);

describe('compareHoldout on CDNOW (calibration weeks 1–39, holdout weeks 40–78)', () => {
  it('fits the published parameters on the summary built from the raw sample', () => {
    expect(fit.params.r).toBeCloseTo(0.243, 3);
    expect(fit.params.alpha).toBeCloseTo(4.414, 2);
    expect(fit.params.a).toBeCloseTo(0.793, 3);
    expect(fit.params.b).toBeCloseTo(2.426, 3);
  });

  it('groups customers by calibration frequency with the published sizes and actual holdout means', () => {
    // BTYD's CDNOW walkthrough (pnbd/bgnbd.PlotFreqVsConditionalExpectedFrequency, censor = 7): "transaction.actual" and "bin.size".
    const published = [
      [1411, 0.2367116],
      [439, 0.6970387],
      [214, 1.392523],
      [100, 1.56],
      [62, 2.532258],
      [38, 2.947368],
      [29, 3.862069],
      [64, 6.359375],
    ];
    expect(comparison.byFrequency.map((b) => b.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    comparison.byFrequency.forEach((bucket, i) => {
      expect(bucket.customers).toBe(published[i][0]);
      expect(bucket.meanActual).toBeCloseTo(published[i][1], 6);
    });
  });

  it('predicts each bucket’s mean as the posterior integral does, customer by customer', () => {
    const sums = new Map<number, { n: number; predicted: number }>();
    const integrated = new Map<string, number>(); // customers with the same history share one integral
    for (const c of calibration) {
      const key = `${c.frequency}|${c.recency}|${c.T}`;
      if (!integrated.has(key)) integrated.set(key, expectedByIntegration(fit.params, c, 39));
      const bucket = Math.min(c.frequency, 7);
      const s = sums.get(bucket) ?? { n: 0, predicted: 0 };
      s.n++;
      s.predicted += integrated.get(key)!;
      sums.set(bucket, s);
    }
    for (const bucket of comparison.byFrequency) {
      const s = sums.get(bucket.frequency)!;
      expect(bucket.meanPredicted).toBeCloseTo(s.predicted / s.n, 5);
    }
  });

  it('adds the customers up in the aggregate', () => {
    const actualTotal = [...actual.values()].reduce((a, b) => a + b, 0);
    expect(comparison.aggregate.customers).toBe(2357);
    // Every holdout buyer of the sample is a calibration customer (the cohort joined in Q1 1997).
    expect(comparison.aggregate.actual).toBe(actualTotal);
    const byBucket = comparison.byFrequency.reduce((s, b) => s + b.meanActual * b.customers, 0);
    expect(byBucket).toBeCloseTo(actualTotal, 6);
    expect(comparison.aggregate.predicted).toBeCloseTo(
      comparison.byFrequency.reduce((s, b) => s + b.meanPredicted * b.customers, 0),
      6,
    );
    const mae = comparison.customers.reduce((s, c) => s + Math.abs(c.predicted - c.actual), 0) / 2357;
    expect(comparison.aggregate.meanAbsoluteError).toBeCloseTo(mae, 12);
  });
});

describe('countHoldoutPurchases', () => {
  it('counts purchase days after the calibration end up to and including the holdout end', () => {
    const day = (d: number, h = 12) => Date.UTC(2024, 0, d, h);
    const counts = countHoldoutPurchases(
      [
        { customer: 'a', time: day(10), value: 1 }, // calibration end day: not holdout
        { customer: 'a', time: day(11, 1), value: 1 },
        { customer: 'a', time: day(11, 22), value: 1 }, // same day: one purchase
        { customer: 'a', time: day(20, 23), value: 1 },
        { customer: 'a', time: day(21, 0), value: 1 }, // after the holdout
        { customer: 'b', time: day(15), value: 1 },
      ],
      { calibrationEnd: day(10, 0), holdoutEnd: day(20, 0) },
    );
    expect(Object.fromEntries(counts)).toEqual({ a: 2, b: 1 });
  });

  it('refuses a holdout that ends before it starts', () => {
    expect(() => countHoldoutPurchases([], { calibrationEnd: Date.UTC(2024, 0, 10), holdoutEnd: Date.UTC(2024, 0, 10, 23) })).toThrow(ValidationError);
  });
});

describe('compareHoldout', () => {
  const params: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const customers: RfmCustomer[] = [
    { id: 'a', frequency: 0, recency: 0, T: 30, monetary: 0 },
    { id: 'b', frequency: 2, recency: 20, T: 30, monetary: 5 },
    { id: 'c', frequency: 5, recency: 25, T: 30, monetary: 5 },
  ];

  it('counts customers missing from the actuals as 0 and leaves empty buckets out', () => {
    const result = compareHoldout(customers, params, new Map([['c', 4]]), 10, 3);
    expect(result.customers.map((c) => c.actual)).toEqual([0, 0, 4]);
    expect(result.byFrequency.map((b) => [b.label, b.customers, b.meanActual])).toEqual([
      ['0', 1, 0],
      ['2', 1, 0],
      ['3+', 1, 4],
    ]);
  });

  it('refuses a holdout length ≤ 0', () => {
    expect(() => compareHoldout(customers, params, new Map(), 0)).toThrow(ValidationError);
    expect(() => compareHoldout(customers, params, new Map(), 10, 0)).toThrow(ValidationError);
  });
});
