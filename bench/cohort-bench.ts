// Acquisition cohorts on a generated order history (DuckDB). Customers are
// acquired over 2025 by their first order and order again up to five times,
// weeks apart; a few orders are refunded. Timed: warehouse.cohortActivity
// (Beacon's one statement, written once for every engine), the whole
// cohortReport (the statement plus the matrix, by month and by week), and
// beside them a hand-written DuckDB query of the same matrix over the raw
// orders table (first completed order per customer, periods by calendar
// month or Monday week): the baseline. The bench checks that both give the
// same cohort sizes, purchasers and revenue. It also times acquiredCustomers
// alone, the acquisition definition the statement reuses (lifecycle stages,
// first orders, first touches): the floor of any statement built on it.
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { createWorkspace } from '../src/access/workspaces.js';
import { cohortReport } from '../src/cohorts/cohort-service.js';
import { periodStart, type PeriodGrain } from '../src/core/period-index.js';
import { ParamBag } from '../src/sql/dialect.js';
import { DeriveScheduler, refreshWorkspace } from '../src/warehouse/derive-scheduler.js';
import { duckdbBuild } from '../src/warehouse/duckdb/duckdb-relations.js';
import { cohortContext } from '../src/warehouse/relations/customer-cohorts.js';
import { acquiredCustomers } from '../src/warehouse/relations/customer-relations.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import type { CohortActivity, CohortQuery, Warehouse } from '../src/warehouse/warehouse.js';
import { fmt, median, timedAsync } from './bench-support.js';

export interface CohortBenchOptions {
  /** Customers generated (default 200,000). */
  customers: number;
  /** Timed runs of each query after one warm-up (default 7). */
  runs: number;
}

const WORKSPACE = 'default';
const YEAR = { from: '2025-01-01', to: '2025-12-31' };
/** Seen from mid-January 2026 (UTC), so the last cohort has one complete period after its own. */
const NOW = Date.UTC(2026, 0, 15, 12);
const THROUGH = '2026-01-15';
const DAY_MS = 86_400_000;

/**
 * Orders straight into the raw orders table of a closed warehouse file:
 * customer c's first order at a moment of 2025 (hash-spread), then 0 to 5
 * more (1 + hash % 6 orders in all), each 7 to 90 days after the one before,
 * those after THROUGH left out; 20 to 199 USD; 3 % of repeat orders refunded.
 */
async function generateOrders(path: string, customers: number): Promise<number> {
  const instance = await DuckDBInstance.create(path);
  const db = await instance.connect();
  try {
    await db.run(
      `INSERT INTO orders (workspace_id, import_id, seq, received_at, order_id, customer_id, "timestamp", revenue, currency, gross_margin, status, row_hash)
       SELECT '${WORKSPACE}', 'bench', c * 8 + i, now(), 'o' || c || '_' || i, 'c' || c, ts, CAST(20 + hash(c * 13 + i) % 180 AS DECIMAL(18,6)), 'USD', NULL,
         CASE WHEN i > 0 AND hash(c * 17 + i) % 100 < 3 THEN 'refunded' ELSE 'completed' END, 'bench'
       FROM (SELECT c, i, TIMESTAMP '${YEAR.from} 00:00:00' + to_milliseconds(CAST(hash(c) % ${365 * DAY_MS} + i * (7 + hash(c * 3) % 84) * ${DAY_MS} AS BIGINT)) AS ts
             FROM range(${customers}) r(c), range(6) k(i) WHERE i < 1 + hash(c * 5) % 6)
       WHERE ts < TIMESTAMP '${THROUGH} 00:00:00' + INTERVAL 1 DAY`,
    );
    return Number((await db.runAndReadAll(`SELECT count(*) FROM orders WHERE workspace_id = '${WORKSPACE}'`)).getRows()[0][0]);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

/** The same matrix written by hand for DuckDB over the raw orders (UTC, USD, no lifecycle): kind 0 rows are sizes, kind 1 periods. */
function handWritten(by: PeriodGrain): string {
  const index = (ts: string) => (by === 'month' ? `date_diff('month', DATE '1970-01-01', CAST(${ts} AS DATE))` : `((CAST(${ts} AS DATE) - DATE '1970-01-01' + 3) // 7)`);
  return `WITH completed AS (
      SELECT customer_id, "timestamp" AS ts, revenue FROM orders WHERE workspace_id = '${WORKSPACE}' AND coalesce(status, 'completed') = 'completed'),
    acquired AS (
      SELECT customer_id, ${index('min(ts)')} AS cohort FROM completed GROUP BY customer_id
      HAVING min(ts) >= TIMESTAMP '${YEAR.from} 00:00:00' AND min(ts) < TIMESTAMP '${YEAR.to} 00:00:00' + INTERVAL 1 DAY),
    active AS (
      SELECT cohort, ${index('ts')} - cohort AS period, count(DISTINCT customer_id) AS purchasers, sum(revenue) AS revenue
      FROM completed JOIN acquired USING (customer_id)
      WHERE ${index('ts')} >= cohort AND ${index('ts')} <= ${index(`TIMESTAMP '${THROUGH} 00:00:00'`)} GROUP BY ALL)
    SELECT 0 AS kind, cohort, 0 AS period, count(*) AS n, 0 AS revenue FROM acquired GROUP BY cohort
    UNION ALL SELECT 1, cohort, period, purchasers, revenue FROM active`;
}

/** The hand-written rows as Beacon's aggregates (purchase activity), to compare. */
function asActivity(rows: Record<string, unknown>[], by: PeriodGrain): CohortActivity {
  const cohort = (row: Record<string, unknown>) => periodStart(Number(row.cohort), by);
  const order = (a: { cohort: string; period?: number }, b: { cohort: string; period?: number }) => (a.cohort < b.cohort ? -1 : a.cohort > b.cohort ? 1 : (a.period ?? 0) - (b.period ?? 0));
  return {
    cohorts: rows.filter((r) => Number(r.kind) === 0).map((r) => ({ cohort: cohort(r), key: null, customers: Number(r.n), churners: 0 })).sort(order),
    periods: rows
      .filter((r) => Number(r.kind) === 1)
      .map((r) => ({ cohort: cohort(r), key: null, period: Number(r.period), purchasers: Number(r.n), subscribers: 0, survivors: 0, revenue: Number(r.revenue) }))
      .sort(order),
  };
}

function expectSame(found: CohortActivity, expected: CohortActivity, by: PeriodGrain): void {
  const round = (a: CohortActivity) => ({ ...a, periods: a.periods.map((p) => ({ ...p, revenue: Math.round(p.revenue * 100) / 100 })) });
  if (JSON.stringify(round(found)) !== JSON.stringify(round(expected))) throw new Error(`cohort bench: Beacon's ${by} cohorts differ from the hand-written query's`);
}

async function benchGrain(warehouse: Warehouse, by: PeriodGrain, runs: number, floorMs: number): Promise<void> {
  const query: CohortQuery = { by, ...YEAR, through: THROUGH, activity: 'purchase' };
  const workspace = (await warehouse.getWorkspace(WORKSPACE))!;
  const services = { warehouse, derived: new DeriveScheduler(warehouse) };
  const hand = handWritten(by);
  expectSame(await warehouse.cohortActivity(WORKSPACE, query), asActivity(await warehouse.query({ sql: hand, params: {} }), by), by);
  const statement = await timedAsync(1, runs, () => warehouse.cohortActivity(WORKSPACE, query));
  const report = await timedAsync(1, runs, () => cohortReport(services, workspace, { by, metric: 'retention', ...YEAR }, NOW));
  const baseline = await timedAsync(1, runs, () => warehouse.query({ sql: hand, params: {} }));
  const answer = await cohortReport(services, workspace, { by, metric: 'retention', ...YEAR }, NOW);
  const ms = (times: number[]) => `${fmt(median(times))} ms`;
  console.log(
    `  by ${by} (${answer.matrix.cohorts.length} cohorts × ${answer.periods.length} periods): cohortActivity ${ms(statement)} · whole report ${ms(report)} · ` +
      `hand-written DuckDB ${ms(baseline)} · ratio report / hand-written ${fmt(median(report) / median(baseline), 2)}, report / acquiredCustomers ${fmt(median(report) / floorMs, 2)}`,
  );
}

/** Cohorts by month and by week over a year of generated orders, beside a hand-written query of the same matrix. */
export async function benchCohorts(dir: string, options: CohortBenchOptions): Promise<void> {
  const path = join(dir, 'cohorts.duckdb');
  let warehouse = await createDuckDbWarehouse({ path });
  await createWorkspace(warehouse, WORKSPACE);
  await warehouse.close();
  const started = performance.now();
  const orders = await generateOrders(path, options.customers);
  const loadSeconds = (performance.now() - started) / 1000;
  warehouse = await createDuckDbWarehouse({ path, memoryLimit: process.env.BEACON_DUCKDB_MEMORY_LIMIT ?? '4GB' });
  try {
    await refreshWorkspace(warehouse, WORKSPACE);
    console.log(
      `\nCohorts on the warehouse (DuckDB) · ${fmt(options.customers)} customers acquired in 2025, ${fmt(orders)} orders (UTC, USD), seen on ${THROUGH} · ` +
        `loaded in ${fmt(loadSeconds, 1)} s (SQL into the raw orders table) · medians of ${options.runs} runs after 1 warm-up; answers checked equal`,
    );
    const bag = new ParamBag((name) => `$${name}`);
    const ctx = cohortContext(WORKSPACE, await warehouse.getWorkspace(WORKSPACE));
    const facts = { sql: `SELECT count(*) AS n, max(ts) AS last, count(DISTINCT channel) AS channels FROM (${acquiredCustomers(duckdbBuild(WORKSPACE, (v) => bag.add(v)), ctx)})`, params: bag.params };
    const floor = await timedAsync(1, options.runs, () => warehouse.query(facts));
    console.log(`  acquiredCustomers alone (the acquisition definition reused, the floor): ${fmt(median(floor))} ms`);
    await benchGrain(warehouse, 'month', options.runs, median(floor));
    await benchGrain(warehouse, 'week', options.runs, median(floor));
  } finally {
    await warehouse.close();
  }
}
