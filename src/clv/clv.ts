// Customer lifetime value from the two fitted models, the way lifetimes'
// customer_lifetime_value computes it: BG/NBD's expected purchases in each
// period after the calibration end (differences of the cumulative
// expectation) × Gamma-Gamma's expected order value × margin, discounted per
// period and summed over the horizon. It is residual value: what a customer
// is still worth after the calibration end, not what they already spent.
import { QueryError, ValidationError } from '../core/errors.js';
import type { BgNbdFit, BgNbdParams } from './bg-nbd.js';
import { fitBgNbd } from './bg-nbd.js';
import { expectedPurchasesNewCustomer, expectedPurchasesOf, probabilityAlive } from './bg-nbd-predict.js';
import type { GammaGammaFit, GammaGammaParams } from './gamma-gamma.js';
import { expectedOrderValue, fitGammaGamma } from './gamma-gamma.js';
import type { RfmCustomer, TimeUnit } from './rfm.js';
import { DAYS_PER_UNIT } from './rfm.js';

/** How value is summed: all times in the time unit of the RFM summaries. */
export interface ClvOptions {
  /** How far ahead to sum, e.g. 365 (days) or 52 (weeks). */
  horizon: number;
  /** Length of one discounting period, e.g. 30 days: purchases of a period are discounted at its end. */
  periodLength: number;
  /** Discount rate per period (≥ 0), e.g. 0.01 a month. */
  discountRate: number;
  /** Gross margin applied to order values, 0 … 1. */
  margin: number;
}

/** One customer's predicted value over the horizon. */
export interface CustomerClv {
  id: string;
  probabilityAlive: number;
  /** Undiscounted expected purchases over the horizon. */
  expectedPurchases: number;
  expectedOrderValue: number;
  /** Discounted expected margin over the horizon. */
  clv: number;
}

/** Values of a customer base. */
export interface ClvResult {
  /** True: value after the calibration end only (past purchases are not in it). */
  residual: true;
  horizon: number;
  periods: number;
  customers: CustomerClv[];
  total: number;
  mean: number;
}

/** Value of a customer just acquired (repeat purchases only). */
export interface NewCustomerClv {
  /** False: counted from the first purchase on, not from the calibration end. */
  residual: false;
  clv: number;
  expectedPurchases: number;
  expectedOrderValue: number;
}

/** The fitted models and the values they give. */
export interface ClvEstimate {
  bgNbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
  clv: ClvResult;
}

/**
 * A discount rate per period from a yearly one: (1 + yearly)^(period / year) − 1,
 * with a year of 365 days.
 *
 * @example discountRatePerPeriod(0.1, 30, 'day') // → 1.1^(30/365) − 1 = 0.00786
 */
export function discountRatePerPeriod(yearlyRate: number, periodLength: number, unit: TimeUnit): number {
  return Math.pow(1 + yearlyRate, (periodLength * DAYS_PER_UNIT[unit]) / 365) - 1;
}

/**
 * Discounted expected margin of one customer after the calibration end:
 * Σₖ (E[Y(tₖ)] − E[Y(tₖ₋₁)]) · E[M] · margin / (1 + d)^(tₖ / periodLength),
 * tₖ = min(k · periodLength, horizon). With a horizon that is a whole number
 * of periods this is lifetimes' customer_lifetime_value.
 *
 * @example
 * customerLifetimeValue(bgNbd, gammaGamma, customer, { horizon: 52, periodLength: 4.345, discountRate: 0.01, margin: 0.3 }).clv
 */
export function customerLifetimeValue(bgNbd: BgNbdParams, gammaGamma: GammaGammaParams, customer: RfmCustomer, options: ClvOptions): CustomerClv {
  checkClvOptions(options);
  return valueCustomer(expectedPurchasesOf(bgNbd), bgNbd, gammaGamma, customer, periodEnds(options), options);
}

/** E[Y(t) | x, tₓ, T] of a fit (bg-nbd-predict.ts expectedPurchasesOf). */
type ExpectedPurchases = ReturnType<typeof expectedPurchasesOf>;

function valueCustomer(
  expected: ExpectedPurchases,
  bgNbd: BgNbdParams,
  gammaGamma: GammaGammaParams,
  customer: RfmCustomer,
  ends: number[],
  options: ClvOptions,
): CustomerClv {
  const orderValue = expectedOrderValue(gammaGamma, customer.frequency, customer.monetary);
  const flow = discountedFlow((t) => expected(customer, t), orderValue, ends, options);
  const result = { id: customer.id, probabilityAlive: probabilityAlive(bgNbd, customer), expectedPurchases: flow.purchases, expectedOrderValue: orderValue, clv: flow.value };
  if (![result.probabilityAlive, result.expectedPurchases, result.expectedOrderValue, result.clv].every(Number.isFinite)) {
    throw new Error(`CLV of customer ${customer.id} is not finite: ${JSON.stringify(result)}`);
  }
  return result;
}

/** Σ over periods of the purchases in the period × order value × margin, discounted at the period's end. */
function discountedFlow(cumulative: (t: number) => number, orderValue: number, ends: number[], options: ClvOptions): { value: number; purchases: number } {
  let previous = 0;
  let value = 0;
  for (const end of ends) {
    const purchases = cumulative(end);
    value += ((purchases - previous) * orderValue * options.margin) / Math.pow(1 + options.discountRate, end / options.periodLength);
    previous = purchases;
  }
  return { value, purchases: previous };
}

/**
 * customerLifetimeValue for every customer, with the total and the mean.
 *
 * @example computeClv(customers, bgNbd, gammaGamma, options).mean
 */
export function computeClv(customers: readonly RfmCustomer[], bgNbd: BgNbdParams, gammaGamma: GammaGammaParams, options: ClvOptions): ClvResult {
  checkClvOptions(options);
  if (customers.length === 0) throw new QueryError('no customers to value');
  const ends = periodEnds(options);
  const expected = expectedPurchasesOf(bgNbd);
  const values = customers.map((c) => valueCustomer(expected, bgNbd, gammaGamma, c, ends, options));
  const total = values.reduce((sum, v) => sum + v.clv, 0);
  return { residual: true, horizon: options.horizon, periods: ends.length, customers: values, total, mean: total / values.length };
}

/**
 * Value of a customer just acquired, from their first purchase on: their
 * expected repeat purchases E[X(t)] per period × the population's mean order
 * value × margin, discounted. Not residual, and without the first order
 * (add its margin to get a full lifetime value).
 *
 * @example newCustomerLifetimeValue(bgNbd, gammaGamma, options) // → { residual: false, clv, expectedPurchases, expectedOrderValue }
 */
export function newCustomerLifetimeValue(bgNbd: BgNbdParams, gammaGamma: GammaGammaParams, options: ClvOptions): NewCustomerClv {
  checkClvOptions(options);
  const orderValue = expectedOrderValue(gammaGamma, 0, 0);
  const flow = discountedFlow((t) => expectedPurchasesNewCustomer(bgNbd, t), orderValue, periodEnds(options), options);
  return { residual: false, clv: flow.value, expectedPurchases: flow.purchases, expectedOrderValue: orderValue };
}

/**
 * Fits BG/NBD on all customers and Gamma-Gamma on the repeat buyers, then
 * values every customer. Throws ValidationError for bad options and
 * QueryError (422) when the data cannot support the models: fewer than 10
 * customers, no repeat buyers, too few repeat buyers with spend.
 *
 * @example estimateClv(buildRfm(orders, { calibrationEnd, timeUnit: 'day' }), { horizon: 365, periodLength: 30, discountRate: 0.008, margin: 0.3 })
 */
export function estimateClv(customers: readonly RfmCustomer[], options: ClvOptions): ClvEstimate {
  checkClvOptions(options);
  const bgNbd = fitBgNbd(customers);
  const gammaGamma = fitGammaGamma(customers);
  return { bgNbd, gammaGamma, clv: computeClv(customers, bgNbd.params, gammaGamma.params, options) };
}

/** Ends of the discounting periods: periodLength, 2·periodLength, …, horizon (the last may be shorter). */
function periodEnds({ horizon, periodLength }: ClvOptions): number[] {
  const ends: number[] = [];
  for (let k = 1; ; k++) {
    const end = k * periodLength;
    if (end >= horizon * (1 - 1e-12)) {
      ends.push(horizon);
      return ends;
    }
    ends.push(end);
  }
}

/**
 * Throws ValidationError unless horizon and periodLength are finite and > 0,
 * the discount rate finite and ≥ 0, the margin within 0 … 1, and the horizon
 * at most 100,000 periods long.
 *
 * @example checkClvOptions({ horizon: 0, periodLength: 30, discountRate: 0, margin: 1 }) // throws: horizon must be > 0
 */
export function checkClvOptions(options: ClvOptions): void {
  const { horizon, periodLength, discountRate, margin } = options;
  if (!(Number.isFinite(horizon) && horizon > 0)) throw new ValidationError('horizon must be a finite number > 0', { horizon });
  if (!(Number.isFinite(periodLength) && periodLength > 0)) throw new ValidationError('period length must be a finite number > 0', { periodLength });
  if (horizon / periodLength > 100_000) throw new ValidationError('the horizon spans more than 100,000 periods: use longer periods', { horizon, periodLength });
  if (!(Number.isFinite(discountRate) && discountRate >= 0)) throw new ValidationError('discount rate must be a finite number ≥ 0', { discountRate });
  if (!(Number.isFinite(margin) && margin >= 0 && margin <= 1)) throw new ValidationError('margin must be between 0 and 1', { margin });
}
