// The derived view (identities, resolved campaigns, channels, sessions,
// money in the workspace currency, conversion credits, ad facts) built by
// Beacon over the overview shop (bench/overview-data.ts), beside a floor
// measured in the same run on the same rows: the engine's own window
// functions cutting the events into sessions (lag, running sum, the first
// event's traffic) in one INSERT … SELECT into a table. Then incremental
// refreshes of 1 % and 0.1 % of the events from returning visitors, to show
// what a refresh costs against the events it takes in. On ClickHouse the raw
// tables of the same DuckDB file are copied in and the same is measured, the
// floor written with arrays (18.16, the server here, has no window functions).
import { DuckDBInstance } from '@duckdb/node-api';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createWorkspace } from '../src/access/workspaces.js';
import { createClickHouseWarehouse } from '../src/warehouse/clickhouse/clickhouse-warehouse.js';
import { refreshWorkspace } from '../src/warehouse/derive-scheduler.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { fmt } from './bench-support.js';
import { clickhouseStatement, copyRawTables } from './clickhouse-load.js';
import { generateOverviewData } from './overview-data.js';

const END = '2026-11-20';
const SEQ_BASE = 10_000_000_000;

export interface DeriveBenchOptions {
  events: number;
  adRows: number;
  /** HTTP URL of a ClickHouse server to benchmark beside DuckDB. */
  clickhouse?: string;
  clickhouseEvents: number;
}

interface Timed {
  seconds: number;
  /** CPU seconds of this process (DuckDB's threads included) over the same span. */
  cpu: number;
}

async function time(work: () => Promise<unknown>): Promise<Timed> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 };
}

const rate = (events: number, t: Timed) => `${fmt(t.seconds, 1)} s · ${fmt(events / t.seconds)} events/s · ${fmt((t.cpu * 1e6) / events, 1)} µs CPU/event`;

/** The floor: DuckDB's window functions sessionizing the same rows, written to a table. */
const DUCKDB_FLOOR = `
CREATE TABLE floor_sessions AS
WITH gaps AS (
  SELECT event_id, anonymous_id, "timestamp" AS ts, parsed_utm_source AS source,
    CASE WHEN lag("timestamp") OVER w IS NULL OR "timestamp" - lag("timestamp") OVER w > INTERVAL 30 MINUTE THEN 1 ELSE 0 END AS starts
  FROM events WHERE workspace_id = 'default'
  WINDOW w AS (PARTITION BY anonymous_id ORDER BY "timestamp", event_id)
),
numbered AS (
  SELECT *, anonymous_id || '|' || CAST(sum(starts) OVER (PARTITION BY anonymous_id ORDER BY ts, event_id ROWS UNBOUNDED PRECEDING) AS VARCHAR) AS session_key
  FROM gaps
)
SELECT event_id, anonymous_id, ts, session_key, first_value(source) OVER (PARTITION BY session_key ORDER BY ts, event_id) AS session_source
FROM numbered`;

/**
 * The same shape on ClickHouse, written for 18.16 (no window functions): each
 * visitor's events as a sorted array, the running count of gaps over 30
 * minutes, and each event's session's first source, into a MergeTree table.
 */
const CLICKHOUSE_FLOOR = [
  `CREATE TABLE floor_sessions (event_id String, anonymous_id String, ts Int64, session_key String, session_source Nullable(String))
   ENGINE = MergeTree ORDER BY anonymous_id`,
  `INSERT INTO floor_sessions
   SELECT tupleElement(ev, 1), anonymous_id, tupleElement(ev, 2), concat(anonymous_id, '|', toString(n)), first_source
   FROM (
     SELECT anonymous_id, evs, ns, arrayMap(i -> tupleElement(evs[indexOf(ns, ns[i])], 3), arrayEnumerate(evs)) AS firsts
     FROM (
       SELECT anonymous_id, evs,
         arrayCumSum(arrayMap(i -> if(i = 1 OR tupleElement(evs[i], 2) - tupleElement(evs[i - 1], 2) > 1800000, 1, 0), arrayEnumerate(evs))) AS ns
       FROM (
         SELECT anonymous_id, arraySort(x -> (tupleElement(x, 2), tupleElement(x, 1)), groupArray((event_id, timestamp, parsed_utm_source))) AS evs
         FROM events WHERE workspace_id = 'default' GROUP BY anonymous_id
       )
     )
   )
   ARRAY JOIN evs AS ev, ns AS n, firsts AS first_source`,
];

/** Appends `count` page views from returning visitors (on the shop's last day) straight into the raw events table. */
async function appendReturningVisits(path: string, count: number, round: number): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const db = await instance.connect();
  try {
    await db.run(
      `INSERT INTO events (workspace_id, import_id, seq, received_at, event_id, type, "timestamp", anonymous_id, url, properties, parsed_landing_page, parsed_is_bot)
       SELECT 'default', 'bench-late', ${SEQ_BASE * round} + n, now(), 'late_${round}_' || n, 'page_view',
         TIMESTAMP '${END} 12:00:00' + INTERVAL (n % 3600) SECOND, 'anon_' || (hash(n + ${round}) % 1000000), 'https://shop.example/p/' || (n % 300),
         '{"device":"desktop"}', '/p/' || (n % 300), false
       FROM range(${count}) t(n)`,
    );
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

async function benchDuckDb(dir: string, events: number, adRows: number): Promise<void> {
  const path = join(dir, `derive-${events}.duckdb`);
  let warehouse: Warehouse = await createDuckDbWarehouse({ path });
  await createWorkspace(warehouse, 'default');
  await warehouse.close();
  const generated = await time(() => generateOverviewData(path, 'default', { events, adRows, days: 90, end: END }));
  console.log(`\nDerived view on DuckDB · ${fmt(events / 4)} sessions of ${fmt(events / 8)} visitors + ${fmt(adRows)} ad rows, generated in ${fmt(generated.seconds, 1)} s · ${cpus().length} cores`);

  const memoryLimit = process.env.BEACON_DUCKDB_MEMORY_LIMIT;
  warehouse = await createDuckDbWarehouse({ path, ...(memoryLimit ? { memoryLimit } : {}) });
  let total = 0;
  let full: Timed;
  try {
    total = Number((await warehouse.query({ sql: "SELECT count(*) AS n FROM events WHERE workspace_id = 'default'", params: {} }))[0].n);
    full = await time(() => refreshWorkspace(warehouse, 'default'));
    console.log(`  full build by Beacon, ${fmt(total)} events:   ${rate(total, full)} (target ≥ 250,000 events/s)`);
  } finally {
    await warehouse.close();
  }
  const instance = await DuckDBInstance.create(path);
  const db = await instance.connect();
  try {
    const floor = await time(() => db.run(DUCKDB_FLOOR));
    console.log(`  floor: DuckDB window functions (sessions):  ${rate(total, floor)}`);
    console.log(`  ratio Beacon / floor (events/s): ${fmt(floor.seconds / full.seconds, 2)}`);
    await db.run('DROP TABLE floor_sessions');
  } finally {
    db.closeSync();
    instance.closeSync();
  }

  for (const [round, share] of [[1, 0.01], [2, 0.001]] as const) {
    const count = Math.max(1, Math.round(total * share));
    await appendReturningVisits(path, count, round);
    warehouse = await createDuckDbWarehouse({ path, ...(memoryLimit ? { memoryLimit } : {}) });
    try {
      const refresh = await time(() => refreshWorkspace(warehouse, 'default'));
      console.log(`  incremental refresh, ${fmt(count)} new events (${share * 100} %) from returning visitors: ${fmt(refresh.seconds, 2)} s · ${fmt(count / refresh.seconds)} new events/s`);
    } finally {
      await warehouse.close();
    }
  }
}

async function benchClickHouse(dir: string, url: string, events: number, adRows: number): Promise<void> {
  const path = join(dir, `derive-clickhouse-${events}.duckdb`);
  const local = await createDuckDbWarehouse({ path });
  await createWorkspace(local, 'default');
  await local.close();
  await generateOverviewData(path, 'default', { events, adRows, days: 90, end: END });
  const database = 'derive';
  let warehouse: Warehouse = await createClickHouseWarehouse({ url: `${url}/${database}` });
  await createWorkspace(warehouse, 'default');
  await warehouse.close();
  const copy = await copyRawTables(path, dir, url, database, ['campaigns', 'ad_performance', 'events']);
  const total = copy.copied.find((c) => c.table === 'events')!.rows;
  console.log(`\nDerived view on ClickHouse · ${fmt(total)} events copied from a DuckDB file (INSERT … FORMAT JSONEachRow ${fmt(copy.loadSeconds, 1)} s)`);
  warehouse = await createClickHouseWarehouse({ url: `${url}/${database}` });
  let full: Timed;
  try {
    full = await time(() => refreshWorkspace(warehouse, 'default'));
    console.log(`  full build by Beacon:                       ${fmt(full.seconds, 1)} s · ${fmt(total / full.seconds)} events/s`);
  } finally {
    await warehouse.close();
  }
  const floor = await time(async () => {
    for (const statement of CLICKHOUSE_FLOOR) await clickhouseStatement(url, statement, database);
  });
  console.log(`  floor: INSERT … SELECT with arrays (sessions): ${fmt(floor.seconds, 1)} s · ${fmt(total / floor.seconds)} events/s`);
  console.log(`  ratio Beacon / floor (events/s): ${fmt(floor.seconds / full.seconds, 2)}`);
  await clickhouseStatement(url, `DROP DATABASE ${database}`);
}

export async function benchDerive(dir: string, options: DeriveBenchOptions): Promise<void> {
  await benchDuckDb(dir, options.events, options.adRows);
  if (options.clickhouse) await benchClickHouse(dir, options.clickhouse, options.clickhouseEvents, Math.round((options.adRows * options.clickhouseEvents) / options.events));
}
