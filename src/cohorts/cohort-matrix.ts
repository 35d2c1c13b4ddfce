// The cohort triangle: one row per acquisition period from `from` to the
// current one, one cell per period since acquisition up to the period that
// holds today (later cells null), each with the cohort's size, the customers
// active, the cumulative revenue and the metric's value; and the average of
// the cohorts that completed each period, weighted by their sizes.
import { roundMoney } from '../core/money.js';
import { periodEnd, periodIndex, periodStart, type PeriodGrain } from '../core/period-index.js';
import type { CohortActivityKind, CohortPeriod, CohortSize } from '../warehouse/warehouse.js';
import type { CohortMetric } from './cohort-input.js';

/** What a cohort did in one period since its acquisition. */
export interface CohortCell {
  period: number;
  /** The cohort's size. */
  customers: number;
  /** Customers active in the period (by the request's activity). */
  active: number;
  /** Completed-order revenue of the cohort from its acquisition period through this one, in the workspace currency. */
  revenue: number;
  /** retention: active / customers × 100; revenue: revenue / customers; null for an empty cohort. */
  value: number | null;
  /** False for the period that holds today: it is still running. */
  complete: boolean;
  /** With subscription activity: customers subscribed since acquisition without a churn before this period began. */
  survivors?: number;
}

/** A cohort: its acquisition period, size and cells (null after the period that holds today). */
export interface CohortRow {
  /** First date of the acquisition period. */
  cohort: string;
  /** Last date of the acquisition period. */
  end: string;
  customers: number;
  cells: (CohortCell | null)[];
}

/** Per period since acquisition: the cohorts that completed it, added up, and the metric's value over them. */
export interface AverageCell {
  period: number;
  /** Customers of the cohorts that completed the period (and the number of such cohorts). */
  customers: number;
  cohorts: number;
  active: number;
  revenue: number;
  value: number | null;
}

/** What a matrix is built from and for. */
export interface MatrixSpec {
  by: PeriodGrain;
  metric: CohortMetric;
  activity: CohortActivityKind;
  from: string;
  to: string;
  today: string;
  currency: string;
}

/** The periods since acquisition a matrix shows: 0 … the number of periods from `from`'s to today's. */
export function matrixPeriods(spec: Pick<MatrixSpec, 'by' | 'from' | 'today'>): number[] {
  const span = periodIndex(spec.today, spec.by) - periodIndex(spec.from, spec.by);
  return Array.from({ length: Math.max(span + 1, 0) }, (_, k) => k);
}

/**
 * The rows of one group of cohorts (everyone, or one breakdown key): every
 * period from `from`'s to the last of `to`'s and today's, empty ones with
 * size 0 and null values.
 *
 * @example
 * cohortRows([{ cohort: '2026-01-01', key: null, customers: 2, churners: 0 }],
 *   [{ cohort: '2026-01-01', key: null, period: 0, purchasers: 2, subscribers: 0, survivors: 0, revenue: 210 }], spec)
 * // [{ cohort: '2026-01-01', end: '2026-01-31', customers: 2, cells: [{ period: 0, customers: 2, active: 2, revenue: 210, value: 100, complete: true }, …] }, …]
 */
export function cohortRows(sizes: readonly CohortSize[], periods: readonly CohortPeriod[], spec: MatrixSpec): CohortRow[] {
  const today = periodIndex(spec.today, spec.by);
  const first = periodIndex(spec.from, spec.by);
  const last = Math.min(periodIndex(spec.to, spec.by), today);
  const columns = matrixPeriods(spec).length;
  const sizeOf = new Map(sizes.map((s) => [s.cohort, s.customers]));
  const periodOf = new Map(periods.map((p) => [`${p.cohort} ${p.period}`, p]));
  const rows: CohortRow[] = [];
  for (let c = first; c <= last; c++) {
    const cohort = periodStart(c, spec.by);
    const customers = sizeOf.get(cohort) ?? 0;
    let revenue = 0;
    const cells = Array.from({ length: columns }, (_, k): CohortCell | null => {
      if (c + k > today) return null;
      const p = periodOf.get(`${cohort} ${k}`);
      revenue += p?.revenue ?? 0;
      return cellOf(spec, k, customers, p, revenue, c + k < today);
    });
    rows.push({ cohort, end: periodEnd(c, spec.by), customers, cells });
  }
  return rows;
}

function cellOf(spec: MatrixSpec, period: number, customers: number, p: CohortPeriod | undefined, revenue: number, complete: boolean): CohortCell {
  const active = spec.activity === 'subscription' ? (p?.subscribers ?? 0) : (p?.purchasers ?? 0);
  return {
    period,
    customers,
    active,
    revenue: roundMoney(revenue, spec.currency),
    value: metricValue(spec, active, revenue, customers),
    complete,
    ...(spec.activity === 'subscription' ? { survivors: p?.survivors ?? 0 } : {}),
  };
}

/** The metric over a cohort (or cohorts) of `customers`: % active, or revenue per customer; null without customers. */
function metricValue(spec: Pick<MatrixSpec, 'metric' | 'currency'>, active: number, revenue: number, customers: number): number | null {
  if (customers === 0) return null;
  return spec.metric === 'retention' ? (active / customers) * 100 : roundMoney(revenue / customers, spec.currency);
}

/**
 * Per period since acquisition, the cohorts (with customers) whose cell is
 * complete, summed: a ratio of sums, so larger cohorts weigh more; null where
 * no cohort has completed the period yet.
 */
export function averageRow(rows: readonly CohortRow[], spec: Pick<MatrixSpec, 'metric' | 'currency'>, columns: number): (AverageCell | null)[] {
  return Array.from({ length: columns }, (_, period) => {
    const cells = rows.map((r) => r.cells[period]).filter((c): c is CohortCell => c !== null && c !== undefined && c.complete && c.customers > 0);
    if (cells.length === 0) return null;
    const sum = (f: (c: CohortCell) => number) => cells.reduce((total, c) => total + f(c), 0);
    const customers = sum((c) => c.customers);
    const active = sum((c) => c.active);
    const revenue = sum((c) => c.revenue);
    return { period, customers, cohorts: cells.length, active, revenue: roundMoney(revenue, spec.currency), value: metricValue(spec, active, revenue, customers) };
  });
}
