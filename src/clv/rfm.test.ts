import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QueryError, ValidationError } from '../core/errors.js';
import { buildRfm, dayNumber, validateRfm } from './rfm.js';
import type { Order } from './rfm.js';

const day = (d: number, hour = 12) => Date.UTC(2024, 0, d, hour);

// CDNOW_sample.txt (../shared/datasets/README.md): master id, customer id 0001…2357,
// date YYYYMMDD, number of CDs, dollar value. Read in place; ids as in the summaries (1…2357).
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

function readCsv(name: string): string[][] {
  const text = readFileSync(new URL(`../../../shared/datasets/${name}`, import.meta.url), 'utf8');
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','));
}

describe('buildRfm', () => {
  it('counts purchase days, not orders, and leaves the first day out of the mean value', () => {
    const orders: Order[] = [
      { customer: 'b', time: day(1, 9), value: 10 },
      { customer: 'b', time: day(1, 18), value: 5 },
      { customer: 'b', time: day(8), value: 30 },
      { customer: 'b', time: day(8, 20), value: 6 },
      { customer: 'b', time: day(15), value: 12 },
      { customer: 'a', time: day(10), value: 99 },
      { customer: 'b', time: day(30), value: 1000 }, // after the calibration end: ignored
      { customer: 'c', time: day(29), value: 7 }, // first order after the end: not a customer yet
    ];
    const rfm = buildRfm(orders, { calibrationEnd: day(22, 23), timeUnit: 'week' });
    // b: days 1, 8, 15 → 2 repeat purchases; last − first = 14 days = 2 weeks; end − first = 21 days = 3 weeks; (36 + 12) / 2 = 24.
    expect(rfm).toEqual([
      { id: 'a', frequency: 0, recency: 0, T: 12 / 7, monetary: 0 },
      { id: 'b', frequency: 2, recency: 2, T: 3, monetary: 24 },
    ]);
    const inDays = buildRfm(orders, { calibrationEnd: day(22), timeUnit: 'day' });
    expect(inDays.find((c) => c.id === 'b')).toMatchObject({ frequency: 2, recency: 14, T: 21 });
  });

  it('counts an order on the calibration end day and cuts at UTC midnight after it', () => {
    const end = day(10, 0);
    const rfm = buildRfm(
      [
        { customer: 'x', time: day(3), value: 1 },
        { customer: 'x', time: Date.UTC(2024, 0, 10, 23, 59, 59), value: 2 },
        { customer: 'x', time: Date.UTC(2024, 0, 11, 0, 0, 0), value: 4 },
      ],
      { calibrationEnd: end, timeUnit: 'day' },
    );
    expect(rfm).toEqual([{ id: 'x', frequency: 1, recency: 7, T: 7, monetary: 2 }]);
    expect(dayNumber(Date.UTC(1970, 0, 2, 23, 59))).toBe(1);
    expect(dayNumber(Date.UTC(1969, 11, 31, 12))).toBe(-1);
  });

  it('rebuilds the published CDNOW summaries from the raw sample (BG/NBD and Gamma-Gamma inputs)', () => {
    const rfm = buildRfm(readCdnowOrders(), { calibrationEnd: Date.UTC(1997, 8, 30), timeUnit: 'week' });
    const summary = readCsv('cdnow_customers_summary.csv');
    const withSpend = new Map(readCsv('cdnow_customers_summary_with_transactions.csv').map((row) => [row[0], row]));
    expect(rfm).toHaveLength(summary.length);
    const byId = new Map(rfm.map((c) => [c.id, c]));
    for (const [id, frequency, recency, T] of summary) {
      const c = byId.get(id)!;
      expect(c.frequency).toBe(Number(frequency));
      // The files round to 2 decimals.
      expect(Math.abs(c.recency - Number(recency))).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(c.T - Number(T))).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(c.monetary - Number(withSpend.get(id)![4]))).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it('refuses orders without a finite time or with a negative value', () => {
    const options = { calibrationEnd: day(20), timeUnit: 'day' as const };
    expect(() => buildRfm([{ customer: 'a', time: NaN, value: 1 }], options)).toThrow(ValidationError);
    expect(() => buildRfm([{ customer: 'a', time: day(1), value: -5 }], options)).toThrow(/refunds/);
    expect(() => buildRfm([{ customer: '', time: day(1), value: 5 }], options)).toThrow(ValidationError);
    expect(() => buildRfm([], { calibrationEnd: Infinity, timeUnit: 'day' })).toThrow(ValidationError);
  });
});

describe('validateRfm', () => {
  it('accepts consistent summaries and names the inconsistent ones', () => {
    expect(() => validateRfm([{ id: 'ok', frequency: 2, recency: 3, T: 5, monetary: 10 }])).not.toThrow();
    const bad = [
      { id: 'late', frequency: 1, recency: 6, T: 5, monetary: 1 },
      { id: 'half', frequency: 1.5, recency: 1, T: 5, monetary: 1 },
      { id: 'zero', frequency: 2, recency: 0, T: 5, monetary: 1 },
    ];
    try {
      validateRfm(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).not.toBeInstanceOf(QueryError);
      expect((error as ValidationError).status).toBe(400);
      expect((error as ValidationError).details).toEqual({ customers: bad.map((c) => ({ id: c.id, problem: expect.any(String) })) });
    }
  });
});
