import { describe, expect, it } from 'vitest';
import type { CohortPeriod } from '../warehouse/warehouse.js';
import { averageRow, cohortRows, matrixPeriods, type MatrixSpec } from './cohort-matrix.js';

const size = (cohort: string, customers: number) => ({ cohort, key: null, customers, churners: 0 });
const period = (cohort: string, k: number, purchasers: number, revenue: number, subscribers = 0, survivors = 0): CohortPeriod => ({
  cohort,
  key: null,
  period: k,
  purchasers,
  subscribers,
  survivors,
  revenue,
});

// January: 4 customers, 3 buy in January (100), 1 in February (20.5), 2 in April (30). February: nobody. March: 2 customers, 1 buys in March (15).
const SIZES = [size('2026-01-01', 4), size('2026-03-01', 2)];
const PERIODS = [period('2026-01-01', 0, 3, 100), period('2026-01-01', 1, 1, 20.5), period('2026-01-01', 3, 2, 30), period('2026-03-01', 0, 1, 15)];
const SPEC: MatrixSpec = { by: 'month', metric: 'retention', activity: 'purchase', from: '2026-01-01', to: '2026-03-31', today: '2026-04-15', currency: 'USD' };

describe('cohortRows', () => {
  it('has a column per month from January to April, a row per cohort month, an empty February, null after today', () => {
    expect(matrixPeriods(SPEC)).toEqual([0, 1, 2, 3]);
    const rows = cohortRows(SIZES, PERIODS, SPEC);
    expect(rows.map((r) => [r.cohort, r.end, r.customers, r.cells.map((c) => c && c.value)])).toEqual([
      ['2026-01-01', '2026-01-31', 4, [75, 25, 0, 50]],
      ['2026-02-01', '2026-02-28', 0, [null, null, null, null]],
      ['2026-03-01', '2026-03-31', 2, [50, 0, null, null]],
    ]);
    // April holds today: January's period 3, February's period 2 and March's period 1 are running.
    expect(rows.map((r) => r.cells.map((c) => c && c.complete))).toEqual([
      [true, true, true, false],
      [true, true, false, null],
      [true, false, null, null],
    ]);
  });

  it('carries the cohort size, the active customers and the revenue to date in every cell', () => {
    const [january] = cohortRows(SIZES, PERIODS, { ...SPEC, metric: 'revenue' });
    expect(january.cells).toEqual([
      { period: 0, customers: 4, active: 3, revenue: 100, value: 25, complete: true },
      { period: 1, customers: 4, active: 1, revenue: 120.5, value: 30.13, complete: true },
      { period: 2, customers: 4, active: 0, revenue: 120.5, value: 30.13, complete: true },
      { period: 3, customers: 4, active: 2, revenue: 150.5, value: 37.63, complete: false },
    ]);
  });

  it('counts subscribers as active with subscription activity, and adds survivors to the cells', () => {
    const subscribed = [period('2026-03-01', 0, 1, 15, 2, 2), period('2026-03-01', 1, 0, 0, 1, 1)];
    const [march] = cohortRows([size('2026-03-01', 2)], subscribed, { ...SPEC, from: '2026-03-01', activity: 'subscription' });
    expect(march.cells.map((c) => c && [c.active, c.survivors, c.value])).toEqual([
      [2, 2, 100],
      [1, 1, 50],
    ]);
  });

  it('ends with the current period when `to` is later, and has nothing when `from` is after today', () => {
    expect(cohortRows(SIZES, PERIODS, { ...SPEC, to: '2026-12-31' }).map((r) => r.cohort)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01']);
    expect(cohortRows(SIZES, PERIODS, { ...SPEC, from: '2026-05-01', to: '2026-06-30' })).toEqual([]);
    expect(matrixPeriods({ ...SPEC, from: '2026-05-01' })).toEqual([]);
  });

  it('cuts weeks Monday to Sunday', () => {
    const spec: MatrixSpec = { ...SPEC, by: 'week', from: '2026-03-01', to: '2026-03-02', today: '2026-03-09' };
    expect(matrixPeriods(spec)).toEqual([0, 1, 2]);
    expect(cohortRows([], [], spec).map((r) => [r.cohort, r.end])).toEqual([
      ['2026-02-23', '2026-03-01'],
      ['2026-03-02', '2026-03-08'],
    ]);
  });
});

describe('averageRow', () => {
  it('adds up the cohorts that completed each period, ignoring empty cohorts and running periods', () => {
    const rows = cohortRows(SIZES, PERIODS, SPEC);
    // Period 0: January and March (3 + 1 of 6); period 1: January only (March's is running); period 2: January; period 3: none.
    expect(averageRow(rows, SPEC, 4)).toEqual([
      { period: 0, customers: 6, cohorts: 2, active: 4, revenue: 115, value: (4 / 6) * 100 },
      { period: 1, customers: 4, cohorts: 1, active: 1, revenue: 120.5, value: 25 },
      { period: 2, customers: 4, cohorts: 1, active: 0, revenue: 120.5, value: 0 },
      null,
    ]);
    // Revenue per customer over the same cohorts: 115 / 6.
    expect(averageRow(cohortRows(SIZES, PERIODS, { ...SPEC, metric: 'revenue' }), { ...SPEC, metric: 'revenue' }, 4)[0]?.value).toBe(19.17);
  });
});
