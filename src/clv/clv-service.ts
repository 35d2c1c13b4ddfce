// Predicted customer value (GET /v1/clv, beacon clv): RFM per customer
// computed in the warehouse up to a calibration end, BG/NBD and Gamma-Gamma
// fitted on it, and each customer's residual value over a horizon — with the
// time unit, the traps the data may hold, and the fits' convergence stated.
import { ValidationError } from '../core/errors.js';
import { roundMoney } from '../core/money.js';
import { addDays, isValidDate, localDate } from '../core/time.js';
import { freshView, type QueryServices } from '../metrics/query-service.js';
import type { Workspace } from '../warehouse/warehouse.js';
import { estimateClv, newCustomerLifetimeValue, discountRatePerPeriod, type ClvOptions } from './clv.js';
import { dropoutWarning, type FitReport } from './bg-nbd.js';
import { DAYS_PER_UNIT, type RfmCustomer, type TimeUnit } from './rfm.js';

export interface ClvRequest {
  calibration_end?: string;
  time_unit?: string;
  horizon_days?: string | number;
  discount?: string | number;
  margin?: string | number;
  top?: string | number;
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
  }[];
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
  warnings: string[];
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
  const rows = await services.warehouse.customerRfm(workspace.name, { calibrationEnd: input.calibrationEnd, timeUnit: input.timeUnit });
  const customers: RfmCustomer[] = rows.map((r) => ({ id: r.id, frequency: r.frequency, recency: r.recency, T: r.T, monetary: r.monetary }));
  const options: ClvOptions = {
    horizon: input.horizonDays / DAYS_PER_UNIT[input.timeUnit],
    periodLength: PERIOD_DAYS / DAYS_PER_UNIT[input.timeUnit],
    discountRate: discountRatePerPeriod(input.discount, PERIOD_DAYS / DAYS_PER_UNIT[input.timeUnit], input.timeUnit),
    margin: input.margin,
  };
  const { bgNbd, gammaGamma, clv } = estimateClv(customers, options);
  const currency = workspace.settings.currency;
  const byId = new Map(customers.map((c) => [c.id, c]));
  const top = [...clv.customers].sort((a, b) => b.clv - a.clv || a.id.localeCompare(b.id)).slice(0, input.top);
  return {
    params: { ...bgNbd.params, ...gammaGamma.params },
    log_likelihood: bgNbd.logLikelihood,
    customers: top.map((c) => {
      const rfm = byId.get(c.id)!;
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
      };
    }),
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
    warnings: [
      ...[dropoutWarning(bgNbd.params)].filter((w): w is string => w !== null),
      ...gammaGamma.warnings,
      ...(gammaGamma.excludedOneTimeBuyers > 0 ? [`${gammaGamma.excludedOneTimeBuyers} one-time buyers are left out of the order-value model (they have no repeat order to learn from)`] : []),
      ...(bgNbd.fit.converged && gammaGamma.fit.converged ? [] : ['a model fit did not converge; treat the values with care']),
    ],
  };
}

interface ClvInput {
  calibrationEnd: string;
  timeUnit: TimeUnit;
  horizonDays: number;
  discount: number;
  margin: number;
  top: number;
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
  return {
    calibrationEnd,
    timeUnit,
    horizonDays: number(request.horizon_days, 'horizon_days', 365, (n) => n > 0 && n <= 36_500, 'a number of days above 0 (at most 36,500)'),
    discount: number(request.discount, 'discount', 0.1, (n) => n >= 0 && n <= 10, 'a yearly rate from 0 (e.g. 0.1 for 10 %)'),
    margin: number(request.margin, 'margin', workspace.settings.gross_margin, (n) => n >= 0 && n <= 1, 'a share from 0 to 1'),
    top: number(request.top, 'top', 20, (n) => Number.isInteger(n) && n >= 0 && n <= 10_000, 'a whole number from 0 to 10,000'),
  };
}
