// Checks a BG/NBD fit on the period after the calibration: each customer's
// predicted purchases in the holdout against the purchases they made, in
// total and grouped by calibration frequency (the BG/NBD paper's Figure 5).
import { ValidationError } from '../core/errors.js';
import type { BgNbdParams } from './bg-nbd.js';
import { expectedPurchases } from './bg-nbd-predict.js';
import type { Order, RfmCustomer } from './rfm.js';
import { dayNumber } from './rfm.js';

/** One customer's holdout purchases, predicted and actual. */
export interface HoldoutCustomer {
  id: string;
  /** Calibration frequency (repeat purchases). */
  frequency: number;
  actual: number;
  predicted: number;
}

/** Customers with the same calibration frequency (the last bucket holds that many or more). */
export interface FrequencyBucket {
  frequency: number;
  /** '3', or '7+' for the last bucket. */
  label: string;
  customers: number;
  meanActual: number;
  meanPredicted: number;
}

/** The comparison of a fit with a holdout period. */
export interface HoldoutComparison {
  holdoutLength: number;
  customers: HoldoutCustomer[];
  aggregate: { customers: number; actual: number; predicted: number; meanAbsoluteError: number };
  /** Buckets 0, 1, …, lastBucket−1 and lastBucket+; buckets without customers are left out. */
  byFrequency: FrequencyBucket[];
}

/**
 * Purchases per customer in the holdout: UTC days with orders after the
 * calibration end's day, up to and including the holdout end's day (several
 * orders on one day are one purchase, as in the calibration summary).
 *
 * @example
 * countHoldoutPurchases(orders, { calibrationEnd: Date.UTC(1997, 8, 30), holdoutEnd: Date.UTC(1998, 5, 30) }).get('1') // → purchase days of customer 1
 */
export function countHoldoutPurchases(orders: readonly Order[], period: { calibrationEnd: number; holdoutEnd: number }): Map<string, number> {
  const first = dayNumber(period.calibrationEnd) + 1;
  const last = dayNumber(period.holdoutEnd);
  if (!(last >= first)) throw new ValidationError('the holdout must end after the calibration end', period);
  const days = new Map<string, Set<number>>();
  for (const order of orders) {
    const day = dayNumber(order.time);
    if (day < first || day > last) continue;
    let set = days.get(order.customer);
    if (!set) days.set(order.customer, (set = new Set()));
    set.add(day);
  }
  return new Map([...days].map(([id, set]) => [id, set.size]));
}

/**
 * Compares BG/NBD predictions with what happened: for each calibration
 * customer, E[Y(holdoutLength) | x, tₓ, T] against their actual holdout
 * purchases (0 when `actual` has no entry for them); totals and the mean
 * absolute error; and the frequency-bucket table of the BG/NBD paper.
 *
 * @example
 * compareHoldout(customers, fit.params, countHoldoutPurchases(orders, period), 39).byFrequency
 * // → [{ frequency: 0, label: '0', customers: 1411, meanActual: 0.237, meanPredicted: … }, …, { frequency: 7, label: '7+', … }]
 */
export function compareHoldout(
  customers: readonly RfmCustomer[],
  params: BgNbdParams,
  actual: ReadonlyMap<string, number>,
  holdoutLength: number,
  lastBucket = 7,
): HoldoutComparison {
  if (!(Number.isFinite(holdoutLength) && holdoutLength > 0)) throw new ValidationError('holdout length must be a finite number > 0', { holdoutLength });
  if (!(Number.isInteger(lastBucket) && lastBucket >= 1)) throw new ValidationError('the last frequency bucket must be a whole number ≥ 1', { lastBucket });
  const rows = customers.map((c) => ({ id: c.id, frequency: c.frequency, actual: actual.get(c.id) ?? 0, predicted: expectedPurchases(params, c, holdoutLength) }));
  const sum = (pick: (row: HoldoutCustomer) => number) => rows.reduce((s, row) => s + pick(row), 0);
  const n = rows.length;
  return {
    holdoutLength,
    customers: rows,
    aggregate: { customers: n, actual: sum((r) => r.actual), predicted: sum((r) => r.predicted), meanAbsoluteError: n > 0 ? sum((r) => Math.abs(r.predicted - r.actual)) / n : 0 },
    byFrequency: bucketByFrequency(rows, lastBucket),
  };
}

function bucketByFrequency(rows: HoldoutCustomer[], lastBucket: number): FrequencyBucket[] {
  const buckets = Array.from({ length: lastBucket + 1 }, (_, frequency) => ({ frequency, customers: 0, actual: 0, predicted: 0 }));
  for (const row of rows) {
    const bucket = buckets[Math.min(row.frequency, lastBucket)];
    bucket.customers++;
    bucket.actual += row.actual;
    bucket.predicted += row.predicted;
  }
  return buckets
    .filter((b) => b.customers > 0)
    .map((b) => ({
      frequency: b.frequency,
      label: b.frequency === lastBucket ? `${lastBucket}+` : String(b.frequency),
      customers: b.customers,
      meanActual: b.actual / b.customers,
      meanPredicted: b.predicted / b.customers,
    }));
}
