// Experiment readouts on the warehouse (DuckDB): people generated inside
// DuckDB (SQL over range()) straight into the raw events table, each exposed
// to one variant of checkout_button, the derived view built by Beacon, then
// the per-variant sums of conversions a person (one per order, first exposure
// per person, people who saw both variants left out, the CUPED covariate in
// the 14 days before) through warehouse.experimentSums and the whole
// experimentReport (statistics included), beside a hand-written DuckDB
// statement giving the same sums (a plain aggregate query); the bench checks
// the sums are equal. Revenue and 0/1 (visitor_cvr) readouts are timed too.
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { createWorkspace } from '../src/access/workspaces.js';
import { experimentReport } from '../src/experiments/experiment-service.js';
import type { QueryServices } from '../src/metrics/query-service.js';
import { DeriveScheduler, refreshWorkspace } from '../src/warehouse/derive-scheduler.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import type { ExperimentQuery, ExperimentSums, Warehouse } from '../src/warehouse/warehouse.js';
import { fmt, median, ms, timedAsync } from './bench-support.js';

export interface ExperimentBenchOptions {
  /** People generated (default 300,000; about 7 events each). */
  people: number;
  /** Timed runs of each statement after one warm-up (default 5). */
  runs: number;
}

const WORKSPACE = 'default';
const EXPERIMENT = 'checkout_button';
const TEST = { from: '2026-11-01', to: '2026-11-30' };
const DAY_MS = 86_400_000;
const PRE_MS = 14 * DAY_MS;

/**
 * Person j ("p<j>"): one exposure at t0 (a random instant in the first 28
 * days of November) to control or green, half each; 0.5 % a second one to the
 * other variant an hour later. 1 to 3 page views in the days before t0 and 2
 * to 6 after. Buyers (4 % of control, 4.6 % of green, 30 % of those who
 * bought before) purchase 0 to 10 days after t0 (some after the test ends),
 * a fifth of them twice, and a tenth of the orders are sent twice (same
 * order_id); 3 % bought 0 to 20 days before t0 (the covariate window is 14).
 */
async function generatePeople(path: string, people: number): Promise<number> {
  const instance = await DuckDBInstance.create(path);
  const db = await instance.connect();
  try {
    await db.run(
      `CREATE TEMP TABLE bench_people AS
       SELECT j, TIMESTAMP '${TEST.from} 00:00:00' + to_milliseconds(CAST(hash(j * 3) % ${28 * DAY_MS} AS BIGINT)) AS t0,
         CASE WHEN hash(j * 7) % 2 = 0 THEN 'control' ELSE 'green' END AS variant, hash(j * 11) % 1000 < 5 AS second,
         1 + hash(j * 5) % 3 AS before, 2 + hash(j * 13) % 5 AS after, hash(j * 17) % 1000 < 30 AS bought,
         hash(j * 19) % ${20 * DAY_MS} AS bought_before, hash(j * 23) % 1000 AS draw, hash(j * 29) % ${10 * DAY_MS} AS buys_after,
         hash(j * 31) % 5 = 0 AS twice, hash(j * 37) % 10 = 0 AS resent
       FROM range(${people}) r(j)`,
    );
    await db.run(
      `CREATE TEMP TABLE bench_orders AS
       SELECT j, k, t0 + to_milliseconds(CAST(buys_after + k * ${DAY_MS} AS BIGINT)) AS ordered_at, resent AND k = 0 AS resent
       FROM bench_people, range(2) r(k)
       WHERE (draw < CASE variant WHEN 'control' THEN 40 ELSE 46 END OR (bought AND draw >= 700)) AND (k = 0 OR twice)`,
    );
    const columns = `workspace_id, import_id, seq, received_at, event_id, type, "timestamp", anonymous_id, url, referrer,
      revenue, currency, order_id, user_agent, properties, parsed_utm_source, parsed_utm_medium, parsed_utm_campaign,
      parsed_click_id_kind, parsed_landing_page, parsed_referrer_host, parsed_is_bot`;
    const row = (seq: string, id: string, type: string, at: string, url: string, money = 'NULL, NULL, NULL', properties = `'{}'`) =>
      `SELECT '${WORKSPACE}', 'bench', ${seq}, now(), ${id}, '${type}', ${at}, 'p' || j, '${url}', NULL, ${money}, 'Mozilla/5.0', ${properties}, NULL, NULL, NULL, NULL, '/', NULL, false`;
    const toMs = (n: string) => `to_milliseconds(CAST(${n} AS BIGINT))`;
    const exposure = (variant: string) => `'{"experiment":"${EXPERIMENT}","variant":"' || ${variant} || '"}'`;
    const other = `CASE variant WHEN 'control' THEN 'green' ELSE 'control' END`;
    const order = (key: string) => `CAST(20 + hash(j * 41 + ${key}) % 80 AS DECIMAL(18,6)), NULL, 'order-' || j || '-' || ${key}`;
    await db.run(`INSERT INTO events (${columns}) ${row('j * 32', `'x' || j`, 'experiment_exposure', 't0', 'https://shop.example/cart', undefined, exposure('variant'))} FROM bench_people`);
    await db.run(
      `INSERT INTO events (${columns}) ${row('j * 32 + 1', `'y' || j`, 'experiment_exposure', 't0 + INTERVAL 1 HOUR', 'https://shop.example/cart', undefined, exposure(other))} FROM bench_people WHERE second`,
    );
    await db.run(
      `INSERT INTO events (${columns}) ${row('j * 32 + 2 + v', `'b' || j || '_' || v`, 'page_view', `t0 - ${toMs(`(v + 1) * ${DAY_MS} - CAST(hash(j * 43 + v) % ${DAY_MS} AS BIGINT)`)}`, 'https://shop.example/')}
       FROM bench_people, range(3) r(v) WHERE v < before`,
    );
    await db.run(
      `INSERT INTO events (${columns}) ${row('j * 32 + 5 + v', `'a' || j || '_' || v`, 'page_view', `t0 + ${toMs(`60000 * (v + 1) + v * CAST(hash(j * 47 + v) % ${DAY_MS} AS BIGINT)`)}`, 'https://shop.example/p')}
       FROM bench_people, range(6) r(v) WHERE v < after`,
    );
    await db.run(
      `INSERT INTO events (${columns}) ${row('j * 32 + 11', `'e' || j`, 'purchase', `t0 - ${toMs('bought_before + 1')}`, 'https://shop.example/checkout', order('2'))} FROM bench_people WHERE bought`,
    );
    await db.run(`INSERT INTO events (${columns}) ${row('j * 32 + 12 + k', `'o' || j || '_' || k`, 'purchase', 'ordered_at', 'https://shop.example/checkout', order('k'))} FROM bench_orders`);
    await db.run(
      `INSERT INTO events (${columns}) ${row('j * 32 + 14', `'r' || j`, 'purchase', 'ordered_at + INTERVAL 2 MINUTE', 'https://shop.example/checkout', order('k'))} FROM bench_orders WHERE resent`,
    );
    return Number((await db.runAndReadAll(`SELECT count(*) FROM events WHERE workspace_id = '${WORKSPACE}'`)).getRows()[0][0]);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

/**
 * The conversions readout written by hand for DuckDB: exposures from the
 * derived events with their variant from the raw event's properties, each
 * person's first exposure and how many variants they saw, their orders (one
 * per order_id, at its first event, before the end of the test), then per
 * variant n and the sums of y (orders from the first exposure on), x (orders
 * in the 14 days before it), y², x², xy; people who saw two variants in one
 * row with a null variant.
 */
function handWritten(start: number, end: number): string {
  return `WITH exposure AS (
      SELECT f.person_id, epoch_ms(f.ts) AS ms, json_extract_string(e.properties, '$.variant') AS variant
      FROM event_facts f JOIN events e ON e.workspace_id = f.workspace_id AND e.event_id = f.event_id
      WHERE f.workspace_id = '${WORKSPACE}' AND f.type = 'experiment_exposure' AND e.type = 'experiment_exposure' AND NOT f.is_bot
        AND f.ts >= make_timestamp(${start * 1000}) AND f.ts < make_timestamp(${end * 1000})
        AND json_extract_string(e.properties, '$.experiment') = '${EXPERIMENT}'),
    exposed AS (SELECT person_id, min(ms) AS first_ms, min(variant) AS variant, count(DISTINCT variant) AS variants FROM exposure GROUP BY person_id),
    orders AS (
      SELECT person_id, min(epoch_ms(ts)) AS ms FROM event_facts
      WHERE workspace_id = '${WORKSPACE}' AND is_conversion AND NOT is_bot AND ts < make_timestamp(${end * 1000})
      GROUP BY person_id, coalesce('o:' || order_id, 'e:' || event_id)),
    per_person AS (
      SELECT p.person_id, any_value(p.variant) AS variant, any_value(p.variants) AS variants,
        count(o.ms) FILTER (WHERE o.ms >= p.first_ms) AS y, count(o.ms) FILTER (WHERE o.ms < p.first_ms AND o.ms >= p.first_ms - ${PRE_MS}) AS x
      FROM exposed p LEFT JOIN orders o USING (person_id) GROUP BY p.person_id)
    SELECT CASE WHEN variants = 1 THEN variant END AS variant, count(*) AS n, CAST(sum(y) AS DOUBLE) AS sum_y, CAST(sum(y * y) AS DOUBLE) AS sum_yy,
      CAST(sum(x) AS DOUBLE) AS sum_x, CAST(sum(x * x) AS DOUBLE) AS sum_xx, CAST(sum(x * y) AS DOUBLE) AS sum_xy
    FROM per_person GROUP BY ALL ORDER BY variant NULLS LAST`;
}

/** The hand-written statement's rows as the variants and the people left out, to compare with ExperimentSums. */
function sumsOf(rows: readonly Record<string, unknown>[]): Pick<ExperimentSums, 'variants' | 'multipleVariants'> {
  return {
    variants: rows
      .filter((r) => r.variant !== null)
      .map((r) => ({
        variant: String(r.variant),
        people: Number(r.n),
        sum: Number(r.sum_y),
        sumSquares: Number(r.sum_yy),
        preSum: Number(r.sum_x),
        preSumSquares: Number(r.sum_xx),
        crossSum: Number(r.sum_xy),
      })),
    multipleVariants: Number(rows.find((r) => r.variant === null)?.n ?? 0),
  };
}

async function prepare(dir: string, people: number): Promise<{ warehouse: Warehouse; events: number; loadSeconds: number; deriveSeconds: number }> {
  const path = join(dir, 'experiments.duckdb');
  let warehouse: Warehouse = await createDuckDbWarehouse({ path });
  await createWorkspace(warehouse, WORKSPACE);
  await warehouse.close();
  let started = performance.now();
  const events = await generatePeople(path, people);
  const loadSeconds = (performance.now() - started) / 1000;
  warehouse = await createDuckDbWarehouse({ path, memoryLimit: process.env.BEACON_DUCKDB_MEMORY_LIMIT ?? '4GB' });
  started = performance.now();
  await refreshWorkspace(warehouse, WORKSPACE);
  return { warehouse, events, loadSeconds, deriveSeconds: (performance.now() - started) / 1000 };
}

export async function benchExperiments(dir: string, options: ExperimentBenchOptions): Promise<void> {
  const { warehouse, events, loadSeconds, deriveSeconds } = await prepare(dir, options.people);
  try {
    const workspace = (await warehouse.getWorkspace(WORKSPACE))!;
    const start = Date.parse(`${TEST.from}T00:00:00Z`);
    const end = Date.parse(`${TEST.to}T00:00:00Z`) + DAY_MS;
    if (workspace.settings.timezone !== 'UTC') throw new Error(`experiment bench: the workspace's time zone is ${workspace.settings.timezone}, the bench's window is in UTC`);
    const query: ExperimentQuery = { experiment: EXPERIMENT, outcome: { kind: 'conversions' }, binary: false, start, end, preMs: PRE_MS, botFiltering: workspace.settings.bot_filtering };
    console.log(
      `\nExperiment readouts on the warehouse (DuckDB) · ${fmt(options.people)} people, ${fmt(events)} events (${fmt(events / options.people, 2)} a person), ` +
        `${EXPERIMENT} exposures ${TEST.from}..${TEST.to}, conversions a person with 14 days of CUPED covariate · loaded in ${fmt(loadSeconds, 1)} s, ` +
        `derived view ${fmt(deriveSeconds, 1)} s · medians of ${options.runs} runs after 1 warm-up`,
    );
    const beacon = await warehouse.experimentSums(WORKSPACE, query);
    const baseline = sumsOf(await warehouse.query({ sql: handWritten(start, end), params: {} }));
    const compared = { variants: beacon.variants, multipleVariants: beacon.multipleVariants };
    if (JSON.stringify(compared) !== JSON.stringify(baseline)) {
      throw new Error(`experiment bench: Beacon's sums ${JSON.stringify(compared)} differ from the hand-written statement's ${JSON.stringify(baseline)}`);
    }

    const services: QueryServices = { warehouse, derived: new DeriveScheduler(warehouse) };
    const body = { experiment: EXPERIMENT, metric: 'conversions', ...TEST };
    const report = await experimentReport(services, workspace, body);
    const [control, green] = report.variants;
    const pct = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : `${fmt(100 * x, 1)} %`);
    console.log(
      `  ${control.name} ${fmt(control.n)} people, ${fmt(control.value, 4)} conversions a person; ${green.name} ${fmt(green.n)} people, ${fmt(green.value, 4)} ` +
        `(lift ${pct(green.lift?.relative)}, p ${green.p_value === null ? 'n/a' : green.p_value.toExponential(2)}, CUPED variance reduction ${pct(green.cuped?.variance_reduction)}); ` +
        `${fmt(beacon.multipleVariants)} people who saw both left out (sums equal to the hand-written statement's)`,
    );

    const hand = await timedAsync(1, options.runs, () => warehouse.query({ sql: handWritten(start, end), params: {} }));
    const sums = await timedAsync(1, options.runs, () => warehouse.experimentSums(WORKSPACE, query));
    const whole = await timedAsync(1, options.runs, () => experimentReport(services, workspace, body));
    const floor = median(hand);
    const label = (s: string) => `  ${s.padEnd(50)}`;
    console.log(`${label('hand-written DuckDB (plain aggregate, the floor):')}${ms(hand, 0)}`);
    console.log(`${label('warehouse.experimentSums (conversions):')}${ms(sums, 0)} · ratio ${fmt(median(sums) / floor, 2)}`);
    console.log(`${label('experimentReport (service, statistics):')}${ms(whole, 0)} · ratio ${fmt(median(whole) / floor, 2)}`);
    for (const [name, variant] of [
      ['revenue', { ...query, outcome: { kind: 'revenue' } }],
      ['0/1 (visitor_cvr)', { ...query, binary: true }],
    ] as const) {
      const times = await timedAsync(1, options.runs, () => warehouse.experimentSums(WORKSPACE, variant as ExperimentQuery));
      console.log(`${label(`experimentSums, ${name}:`)}${ms(times, 0)} · ratio ${fmt(median(times) / floor, 2)}`);
    }
  } finally {
    await warehouse.close();
  }
}
