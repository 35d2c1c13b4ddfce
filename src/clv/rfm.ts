// Recency–frequency–monetary summaries of customers, the input of the BG/NBD
// and Gamma-Gamma models. The warehouse computes the same summary in SQL;
// this version serves tests and small inputs.
import { ValidationError } from '../core/errors.js';

/** The unit every time in a summary is measured in. */
export type TimeUnit = 'day' | 'week';

/** Days in one time unit. */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = { day: 1, week: 7 };

const MS_PER_DAY = 86_400_000;

/** One order of a customer: `time` in ms since the epoch, `value` its revenue (≥ 0). */
export interface Order {
  customer: string;
  time: number;
  value: number;
}

/** A customer's purchase history up to the calibration end, in the time unit. */
export interface RfmCustomer {
  id: string;
  /** Repeat purchases: days with a purchase, less the first. */
  frequency: number;
  /** Time from the first to the last purchase day. */
  recency: number;
  /** Time from the first purchase day to the calibration end (the customer's age). */
  T: number;
  /** Mean value of the repeat purchase days (the first day's orders excluded); 0 for one-time buyers. */
  monetary: number;
}

/** Options of buildRfm. */
export interface RfmOptions {
  /** Last day of the calibration period (any instant of it, ms): orders on later days are left out. */
  calibrationEnd: number;
  timeUnit: TimeUnit;
}

/**
 * The UTC calendar day of an instant, counted from 1970-01-01.
 *
 * @example dayNumber(Date.UTC(1970, 0, 2, 23, 59)) // → 1
 */
export function dayNumber(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

/**
 * Builds each customer's RFM summary from their orders up to the calibration
 * end. A purchase is a UTC calendar day with orders (several orders on one day
 * are one purchase worth their sum, as in lifetimes and the BG/NBD paper);
 * frequency counts purchase days after the first; times are measured in days
 * and divided by the unit's length (a week = 7 days). The first purchase's
 * value is left out of `monetary`, which the Gamma-Gamma model reads as the
 * mean of the repeat purchases. Customers are returned sorted by id; those
 * whose first order is after the calibration end are not in the result.
 * Throws ValidationError for a non-finite time or value, a negative value or
 * an empty customer id.
 *
 * @example
 * const day = (d: number) => Date.UTC(2024, 0, d);
 * buildRfm([
 *   { customer: 'c1', time: day(1), value: 10 },
 *   { customer: 'c1', time: day(1), value: 5 },
 *   { customer: 'c1', time: day(8), value: 30 },
 * ], { calibrationEnd: day(15), timeUnit: 'week' });
 * // → [{ id: 'c1', frequency: 1, recency: 1, T: 2, monetary: 30 }]
 */
export function buildRfm(orders: readonly Order[], options: RfmOptions): RfmCustomer[] {
  if (!Number.isFinite(options.calibrationEnd)) throw new ValidationError('calibration end must be a finite time', { calibrationEnd: options.calibrationEnd });
  const unitDays = DAYS_PER_UNIT[options.timeUnit];
  if (unitDays === undefined) throw new ValidationError(`unknown time unit "${options.timeUnit}": use day or week`);
  const endDay = dayNumber(options.calibrationEnd);
  const purchaseDays = new Map<string, Map<number, number>>();
  orders.forEach((order, index) => {
    checkOrder(order, index);
    const day = dayNumber(order.time);
    if (day > endDay) return;
    let days = purchaseDays.get(order.customer);
    if (!days) purchaseDays.set(order.customer, (days = new Map()));
    days.set(day, (days.get(day) ?? 0) + order.value);
  });
  const ids = [...purchaseDays.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return ids.map((id) => summarizeDays(id, purchaseDays.get(id)!, endDay, unitDays));
}

function checkOrder(order: Order, index: number): void {
  if (typeof order.customer !== 'string' || order.customer === '') throw new ValidationError('every order needs a customer id', { index });
  if (!Number.isFinite(order.time)) throw new ValidationError('order time must be a finite number of ms', { index, time: order.time });
  if (!Number.isFinite(order.value) || order.value < 0) {
    throw new ValidationError('order value must be a finite number ≥ 0 (refunds are not purchases)', { index, value: order.value });
  }
}

function summarizeDays(id: string, days: Map<number, number>, endDay: number, unitDays: number): RfmCustomer {
  let first = Infinity;
  let last = -Infinity;
  let total = 0;
  for (const [day, value] of days) {
    first = Math.min(first, day);
    last = Math.max(last, day);
    total += value;
  }
  const frequency = days.size - 1;
  return {
    id,
    frequency,
    recency: (last - first) / unitDays,
    T: (endDay - first) / unitDays,
    monetary: frequency > 0 ? (total - days.get(first)!) / frequency : 0,
  };
}

/**
 * Checks summaries handed in from outside (the warehouse, a request): a
 * frequency is a whole number ≥ 0, 0 ≤ recency ≤ T, a repeat buyer's recency
 * is above 0, and monetary is finite. Throws one ValidationError listing up
 * to five offending customers.
 *
 * @example validateRfm([{ id: 'c1', frequency: 1, recency: 3, T: 2, monetary: 9 }]) // throws: recency above T
 */
export function validateRfm(customers: readonly RfmCustomer[]): void {
  const problems: { id: string; problem: string }[] = [];
  for (const c of customers) {
    const problem = rfmProblem(c);
    if (problem) problems.push({ id: c.id, problem });
  }
  if (problems.length > 0) {
    throw new ValidationError(`${problems.length} customer summaries are inconsistent, e.g. ${problems[0].id}: ${problems[0].problem}`, { customers: problems.slice(0, 5) });
  }
}

function rfmProblem(c: RfmCustomer): string | undefined {
  if (!Number.isInteger(c.frequency) || c.frequency < 0) return 'frequency must be a whole number ≥ 0';
  if (!Number.isFinite(c.recency) || !Number.isFinite(c.T) || c.recency < 0 || c.T < 0) return 'recency and T must be finite and ≥ 0';
  if (c.recency > c.T * (1 + 1e-12)) return 'recency is above T (the last purchase is after the calibration end)';
  if (c.frequency > 0 && c.recency === 0) return 'a repeat buyer needs a recency above 0';
  if (!Number.isFinite(c.monetary)) return 'monetary must be finite';
  return undefined;
}
