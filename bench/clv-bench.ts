// Customer value: the BG/NBD and Gamma-Gamma fits on CDNOW (the published
// data set) against the target and Python lifetimes' time for the same fits,
// and on a generated order history of N customers in
// a DuckDB file: GET /v1/clv's whole report and the predicted_clv metric,
// each beside the warehouse's RFM statement alone (its floor), with peak RSS.
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkspace } from '../src/access/workspaces.js';
import { fitBgNbd } from '../src/clv/bg-nbd.js';
import { clvReport } from '../src/clv/clv-service.js';
import { fitGammaGamma } from '../src/clv/gamma-gamma.js';
import { predictedValues } from '../src/clv/predicted-values.js';
import { buildRfm, type Order } from '../src/clv/rfm.js';
import { addDays, utcDate } from '../src/core/time.js';
import { answerQuery, type QueryServices } from '../src/metrics/query-service.js';
import { DeriveScheduler, refreshWorkspace } from '../src/warehouse/derive-scheduler.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { fmt, mb, median, ms, ROOT, seconds, timedAsync, timedSync } from './bench-support.js';
import { MemoryWatch, type Watched } from './memory-watch.js';

const CDNOW_SAMPLE = join(ROOT, '..', 'shared', 'datasets', 'CDNOW_sample.txt');
const CDNOW_CALIBRATION_END = Date.UTC(1997, 8, 30);
/** The target for the fits on CDNOW, and what Python's lifetimes takes for the same fits on this kind of machine. */
const FIT_TARGET_MS = 50;
const LIFETIMES_S = 0.15;
const WORKSPACE = 'default';
const WAREHOUSE_RUNS = 3;

export interface ClvBenchOptions {
  customers: number;
  fitRuns: number;
}

export async function benchClv(dir: string, options: ClvBenchOptions): Promise<void> {
  benchCdnow(options.fitRuns);
  await benchWarehouse(dir, options.customers);
}

function readCdnow(): Order[] {
  return readFileSync(CDNOW_SAMPLE, 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const [, customer, date, , value] = line.trim().split(/\s+/);
      return { customer, time: Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8)), value: Number(value) };
    });
}

function benchCdnow(runs: number): void {
  if (!existsSync(CDNOW_SAMPLE)) {
    console.log(`\nCLV on CDNOW: ${CDNOW_SAMPLE} not found, skipped`);
    return;
  }
  const orders = readCdnow();
  const customers = buildRfm(orders, { calibrationEnd: CDNOW_CALIBRATION_END, timeUnit: 'week' });
  const rfm = timedSync(2, runs, () => buildRfm(orders, { calibrationEnd: CDNOW_CALIBRATION_END, timeUnit: 'week' }));
  const bgNbd = timedSync(2, runs, () => fitBgNbd(customers));
  const gammaGamma = timedSync(2, runs, () => fitGammaGamma(customers));
  const fit = fitBgNbd(customers);
  const both = median(bgNbd) + median(gammaGamma);
  console.log(`\nCLV on CDNOW (${fmt(orders.length)} orders of ${fmt(customers.length)} customers, weeks, calibration to 1997-09-30) · ${runs} runs after 2 warm-ups`);
  console.log(`  RFM in TypeScript:  ${ms(rfm, 2)}`);
  console.log(`  BG/NBD fit:         ${ms(bgNbd, 2)} · ${fit.fit.evaluations} likelihood evaluations (${fmt(median(bgNbd) / fit.fit.evaluations * 1000, 1)} µs each)`);
  console.log(`  Gamma-Gamma fit:    ${ms(gammaGamma, 2)}`);
  console.log(
    `  both fits:          ${fmt(both, 1)} ms · target < ${FIT_TARGET_MS} ms${both < FIT_TARGET_MS ? '' : ' (MISSED)'} · Python lifetimes ≈ ${fmt(LIFETIMES_S * 1000)} ms here (not run: no Python packages on this machine)`,
  );
}

/**
 * N customers in the orders table, written by SQL: customer c first buys on a
 * day of the last year, then every 5–64 days up to yesterday; their number of
 * orders is geometric (another one with probability 0.6, at most 8), revenue 10–209.
 */
async function generateOrders(path: string, customers: number, end: string): Promise<number> {
  const instance = await DuckDBInstance.create(path);
  const db = await instance.connect();
  try {
    await db.run(
      `INSERT INTO orders (workspace_id, import_id, seq, received_at, order_id, customer_id, "timestamp", revenue, currency, gross_margin, status, row_hash)
       SELECT '${WORKSPACE}', 'bench', c * 8 + k, now(), 'o' || c || '_' || k, 'c' || c,
         TIMESTAMP '${end} 12:00:00' - to_milliseconds(CAST((hash(c) % 365) * 86400000 AS BIGINT))
           + to_milliseconds(CAST(k * (5 + hash(c * 7) % 60) * 86400000 AS BIGINT)),
         CAST(10 + hash(c * 13 + k) % 200 AS DECIMAL(18,6)), 'USD', NULL, 'completed', 'h' || c || '_' || k
       FROM range(${customers}) r(c), range(8) s(k)
       WHERE k < 1 + floor(ln((hash(c * 3) % 10000 + 1) / 10001.0) / ln(0.6))
         AND (hash(c) % 365) - k * (5 + hash(c * 7) % 60) >= 0`,
    );
    return Number((await db.runAndReadAll(`SELECT count(*) FROM orders WHERE workspace_id = '${WORKSPACE}'`)).getRows()[0][0]);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

async function benchWarehouse(dir: string, customers: number): Promise<void> {
  const path = join(dir, 'clv.duckdb');
  const yesterday = addDays(utcDate(Date.now()), -1);
  let warehouse = await createDuckDbWarehouse({ path });
  await createWorkspace(warehouse, WORKSPACE);
  await warehouse.close();
  let started = performance.now();
  const orders = await generateOrders(path, customers, yesterday);
  const loadSeconds = (performance.now() - started) / 1000;
  warehouse = await createDuckDbWarehouse({ path, memoryLimit: process.env.BEACON_DUCKDB_MEMORY_LIMIT ?? '4GB' });
  try {
    started = performance.now();
    await refreshWorkspace(warehouse, WORKSPACE);
    const workspace = (await warehouse.getWorkspace(WORKSPACE))!;
    const services: QueryServices = { warehouse, derived: new DeriveScheduler(warehouse) };
    console.log(
      `\nCLV on the warehouse (DuckDB) · ${fmt(customers)} customers, ${fmt(orders)} orders over the year to ${yesterday} (SQL into the orders table, ${fmt(loadSeconds, 1)} s) · ${WAREHOUSE_RUNS} runs after 1 warm-up`,
    );
    const rfm = await timedAsync(1, WAREHOUSE_RUNS, () => warehouse.customerRfm(WORKSPACE, { calibrationEnd: yesterday, timeUnit: 'day' }));
    const watch = await MemoryWatch.start();
    try {
      const report = await watchRuns(watch, () => clvReport(services, workspace, { time_unit: 'day' }));
      const query = { metrics: ['new_customers', 'predicted_clv'], grain: 'month', from: addDays(yesterday, -364), to: yesterday };
      const plain = await timedAsync(1, WAREHOUSE_RUNS, () => answerQuery(services, workspace, { ...query, metrics: ['new_customers'] }));
      // Each run gets a fresh source of values, so each one fits: the cost of the first query of a day (later ones reuse the fit).
      const metric = await watchRuns(watch, () => answerQuery({ ...services, customerValues: predictedValues(warehouse) }, workspace, query));
      const floor = median(rfm);
      const line = (label: string, runs: Watched[]) =>
        `  ${label.padEnd(34)}${seconds(runs.map((r) => r.ms))} · ratio / RFM ${fmt(median(runs.map((r) => r.ms)) / floor, 2)} · peak RSS ${mb(Math.max(...runs.map((r) => r.peakRss)))}`;
      console.log(`  ${'RFM statement alone (floor):'.padEnd(34)}${seconds(rfm)}`);
      console.log(line('GET /v1/clv (RFM, fits, values):', report));
      console.log(`  ${'query new_customers by month:'.padEnd(34)}${seconds(plain)}`);
      console.log(line('+ predicted_clv (fitting anew):', metric));
    } finally {
      await watch.stop();
    }
  } finally {
    await warehouse.close();
  }
}

async function watchRuns(watch: MemoryWatch, work: () => Promise<unknown>): Promise<Watched[]> {
  await work();
  const runs: Watched[] = [];
  for (let i = 0; i < WAREHOUSE_RUNS; i++) runs.push(await watch.watch(work));
  return runs;
}
