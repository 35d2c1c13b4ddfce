// Predicted customer value (GET /v1/clv, beacon clv): RFM per customer
// computed in the warehouse up to a calibration end, BG/NBD and Gamma-Gamma
// fitted on it, and each customer's residual value over a horizon — with the
// time unit, the traps the data may hold, and the fits' convergence stated.
import { QueryError, ValidationError } from '../core/errors.js';
import { roundMoney } from '../core/money.js';
import { addDays, isValidDate, localDate, utcDate } from '../core/time.js';
import { freshView, type QueryServices } from '../metrics/query-service.js';
import type { RfmCounts, Workspace } from '../warehouse/warehouse.js';
import { estimateClv, newCustomerLifetimeValue, discountRatePerPeriod, type ClvOptions } from './clv.js';
import { dropoutWarning, sameForAllWarnings, type FitReport } from './bg-nbd.js';
import { distributeValues, type ValueDistribution } from './clv-distribution.js';
import { compareHoldout, type HoldoutComparison } from './holdout.js';
import { orderNotes } from './order-notes.js';
import { DAYS_PER_UNIT, type RfmCustomer, type TimeUnit } from './rfm.js';

export interface ClvRequest {
  calibration_end?: string;
  time_unit?: string;
  horizon_days?: string | number;
  discount?: string | number;
  margin?: string | number;
  top?: string | number;
  holdout_end?: string;
}

export interface ClvReport {
  params: { r: number; alpha: number; a: number; b: number; p: number; q: number; gamma: number };
  log_likelihood: number;
  customers: {
    id: string;
    frequency: number;
    recency: number;
    T: number;
    monetary: number;
    probability_alive: number;
    expected_purchases: number;
    expected_order_value: number;
    clv: number;
    /** With holdout_end: the customer's purchases in the holdout, predicted and actual. */
    holdout?: { predicted: number; actual: number };
  }[];
  /** How the predicted values of all customers spread (money in the workspace currency). */
  distribution: ValueDistribution;
  summary: {
    customers: number;
    repeat_buyers: number;
    time_unit: TimeUnit;
    calibration_end: string;
    horizon_days: number;
    discount: number;
    margin: number;
    /** True: value after the calibration end only; past purchases are not in it. */
    residual: true;
    total_clv: number;
    mean_clv: number;
    /** What a customer acquired now is worth over the same horizon (not residual). */
    new_customer_clv: number;
    frequency_monetary_correlation: number;
  };
  fit: { bg_nbd: FitReport; gamma_gamma: FitReport };
  /** With holdout_end: predicted against actual purchases after the calibration end. */
  holdout?: HoldoutReport;
  /** The workspace's orders by what became of them in the fit. */
  orders: RfmCounts;
  warnings: string[];
  /** What the fit left out of the data, and why. */
  notes: string[];
}

/** The BG/NBD paper's check on the period after the calibration: purchases per customer, predicted and actual. */
export interface HoldoutReport {
  end: string;
  /** The holdout's length in the time unit. */
  length: number;
  aggregate: { customers: number; actual: number; predicted: number; mean_absolute_error: number };
  /** Customers grouped by calibration frequency (the last group holds that many or more). */
  by_frequency: { frequency: number; label: string; customers: number; mean_actual: number; mean_predicted: number }[];
}

/** Days in a discounting period: purchases of a month are discounted at its end. */
const PERIOD_DAYS = 30;

/**
 * Fits the CLV models on a workspace's customers and values them.
 *
 * @example await clvReport(services, workspace, { calibration_end: '2026-11-30', time_unit: 'week', horizon_days: '365' })
 */
export async function clvReport(services: QueryServices, workspace: Workspace, request: ClvRequest): Promise<ClvReport> {
  const input = parseClvRequest(request, workspace);
  await freshView(services, workspace.name);
  const { warehouse } = services;
  const rfmAt = (calibrationEnd: string) => warehouse.customerRfm(workspace.name, { calibrationEnd, timeUnit: input.timeUnit });
  const [rows, counts] = await Promise.all([
    rfmAt(input.calibrationEnd),
    warehouse.customerRfmCounts(workspace.name, { calibrationEnd: input.calibrationEnd, today: utcDate(Date.now()) }),
  ]);
  if (rows.length === 0) throw new QueryError(`no customer has a completed order on or before ${input.calibrationEnd}: choose a later calibration_end, or load orders first`);
  const customers: RfmCustomer[] = rows.map((r) => ({ id: r.id, frequency: r.frequency, recency: r.recency, T: r.T, monetary: r.monetary }));
  const unitDays = DAYS_PER_UNIT[input.timeUnit];
  const options: ClvOptions = {
    horizon: input.horizonDays / unitDays,
    periodLength: PERIOD_DAYS / unitDays,
    discountRate: discountRatePerPeriod(input.discount, PERIOD_DAYS / unitDays, input.timeUnit),
    margin: input.margin,
  };
  const { bgNbd, gammaGamma, clv } = estimateClv(customers, options);
  const holdout = input.holdoutEnd ? compareHoldout(customers, bgNbd.params, holdoutPurchases(customers, await rfmAt(input.holdoutEnd)), holdoutLength(input, input.holdoutEnd)) : null;
  const currency = workspace.settings.currency;
  const byId = new Map(customers.map((c) => [c.id, c]));
  const holdoutById = new Map(holdout?.customers.map((c) => [c.id, c]));
  const top = [...clv.customers].sort((a, b) => b.clv - a.clv || a.id.localeCompare(b.id)).slice(0, input.top);
  const distribution = distributeValues(clv.customers.map((c) => c.clv));
  return {
    params: { ...bgNbd.params, ...gammaGamma.params },
    log_likelihood: bgNbd.logLikelihood,
    customers: top.map((c) => {
      const rfm = byId.get(c.id)!;
      const check = holdoutById.get(c.id);
      return {
        id: c.id,
        frequency: rfm.frequency,
        recency: rfm.recency,
        T: rfm.T,
        monetary: roundMoney(rfm.monetary, currency),
        probability_alive: c.probabilityAlive,
        expected_purchases: c.expectedPurchases,
        expected_order_value: roundMoney(c.expectedOrderValue, currency),
        clv: roundMoney(c.clv, currency),
        ...(check ? { holdout: { predicted: check.predicted, actual: check.actual } } : {}),
      };
    }),
    distribution: {
      bins: distribution.bins.map((bin) => ({ ...bin, from: roundMoney(bin.from, currency), to: bin.to === null ? null : roundMoney(bin.to, currency) })),
      p50: roundMoney(distribution.p50, currency),
      p90: roundMoney(distribution.p90, currency),
      p99: roundMoney(distribution.p99, currency),
    },
    summary: {
      customers: bgNbd.customers,
      repeat_buyers: bgNbd.repeatBuyers,
      time_unit: input.timeUnit,
      calibration_end: input.calibrationEnd,
      horizon_days: input.horizonDays,
      discount: input.discount,
      margin: input.margin,
      residual: true,
      total_clv: roundMoney(clv.total, currency),
      mean_clv: roundMoney(clv.mean, currency),
      new_customer_clv: roundMoney(newCustomerLifetimeValue(bgNbd.params, gammaGamma.params, options).clv, currency),
      frequency_monetary_correlation: gammaGamma.frequencyMonetaryCorrelation,
    },
    fit: { bg_nbd: bgNbd.fit, gamma_gamma: gammaGamma.fit },
    ...(holdout && input.holdoutEnd ? { holdout: holdoutReport(holdout, input.holdoutEnd) } : {}),
    orders: counts,
    warnings: [
      ...[dropoutWarning(bgNbd.params)].filter((w): w is string => w !== null),
      ...sameForAllWarnings(bgNbd.params),
      ...gammaGamma.warnings,
      ...(gammaGamma.excludedOneTimeBuyers > 0 ? [`${gammaGamma.excludedOneTimeBuyers.toLocaleString('en-US')} one-time buyers are left out of the order-value model (they have no repeat order to learn from)`] : []),
      ...(bgNbd.fit.converged && gammaGamma.fit.converged ? [] : ['a model fit did not converge; treat the values with care']),
    ],
    notes: orderNotes(counts, input.calibrationEnd),
  };
}

/**
 * Each calibration customer's purchase days after the calibration end up to
 * the holdout end: their repeat purchases in the summary up to the holdout
 * end less those up to the calibration end (both count one purchase per day).
 */
function holdoutPurchases(customers: readonly RfmCustomer[], later: readonly { id: string; frequency: number }[]): Map<string, number> {
  const atEnd = new Map(later.map((c) => [c.id, c.frequency]));
  return new Map(customers.map((c) => [c.id, (atEnd.get(c.id) ?? c.frequency) - c.frequency]));
}

function holdoutLength(input: ClvInput, holdoutEnd: string): number {
  const days = (Date.parse(`${holdoutEnd}T00:00:00Z`) - Date.parse(`${input.calibrationEnd}T00:00:00Z`)) / 86_400_000;
  return days / DAYS_PER_UNIT[input.timeUnit];
}

function holdoutReport(comparison: HoldoutComparison, end: string): HoldoutReport {
  const { aggregate } = comparison;
  return {
    end,
    length: comparison.holdoutLength,
    aggregate: { customers: aggregate.customers, actual: aggregate.actual, predicted: aggregate.predicted, mean_absolute_error: aggregate.meanAbsoluteError },
    by_frequency: comparison.byFrequency.map((b) => ({ frequency: b.frequency, label: b.label, customers: b.customers, mean_actual: b.meanActual, mean_predicted: b.meanPredicted })),
  };
}

interface ClvInput {
  calibrationEnd: string;
  timeUnit: TimeUnit;
  horizonDays: number;
  discount: number;
  margin: number;
  top: number;
  holdoutEnd: string | null;
}

/** The query's options, checked, with defaults: yesterday, days, 365 days, 10 % a year, the workspace's gross margin, the top 20. */
export function parseClvRequest(request: ClvRequest, workspace: Workspace, now = Date.now()): ClvInput {
  const number = (value: string | number | undefined, field: string, fallback: number, check: (n: number) => boolean, rule: string): number => {
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || !check(n)) throw new ValidationError(`${field} must be ${rule}, got "${value}"`, { field });
    return n;
  };
  const calibrationEnd = request.calibration_end ?? addDays(localDate(now, workspace.settings.timezone), -1);
  if (!isValidDate(calibrationEnd)) throw new ValidationError(`calibration_end "${calibrationEnd}" is not a date YYYY-MM-DD`, { field: 'calibration_end' });
  const timeUnit = request.time_unit ?? 'day';
  if (timeUnit !== 'day' && timeUnit !== 'week') throw new ValidationError(`time_unit must be day or week, got "${timeUnit}"`, { field: 'time_unit' });
  const holdoutEnd = request.holdout_end === undefined || request.holdout_end === '' ? null : request.holdout_end;
  if (holdoutEnd !== null) {
    if (!isValidDate(holdoutEnd)) throw new ValidationError(`holdout_end "${holdoutEnd}" is not a date YYYY-MM-DD`, { field: 'holdout_end' });
    if (holdoutEnd <= calibrationEnd) throw new ValidationError(`holdout_end ${holdoutEnd} must be after calibration_end ${calibrationEnd}`, { field: 'holdout_end' });
    const today = localDate(now, workspace.settings.timezone);
    if (holdoutEnd >= today) throw new ValidationError(`holdout_end ${holdoutEnd} must be a day that is over (before ${today}): a running day would undercount purchases`, { field: 'holdout_end' });
  }
  return {
    calibrationEnd,
    timeUnit,
    holdoutEnd,
    horizonDays: number(request.horizon_days, 'horizon_days', 365, (n) => n > 0 && n <= 36_500, 'a number of days above 0 (at most 36,500)'),
    discount: number(request.discount, 'discount', 0.1, (n) => n >= 0 && n <= 10, 'a yearly rate from 0 (e.g. 0.1 for 10 %)'),
    margin: number(request.margin, 'margin', workspace.settings.gross_margin, (n) => n >= 0 && n <= 1, 'a share from 0 to 1'),
    top: number(request.top, 'top', 20, (n) => Number.isInteger(n) && n >= 0 && n <= 10_000, 'a whole number from 0 to 10,000'),
  };
}
