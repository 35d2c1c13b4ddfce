// Event ingestion over HTTP into DuckDB (durable: each 200 comes after the
// commit) against the fastest raw DuckDB load of the same rows (read_json of
// NDJSON files into a fresh table), measured in the same run, and against
// the least DuckDB itself spends to store them durably in Beacon's events
// table (the floor under any server, before parsing or validation). With a
// ClickHouse server, the same requests go to `beacon serve --clickhouse`, and
// its baseline is one INSERT … FORMAT JSONEachRow of the same rows, encoded as
// the engine stores them, into a fresh events table; and the same on a
// two-shard cluster (both servers on this machine), at most CLUSTER_EVENTS
// events, against one insert of the same rows into its Distributed table.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApiKey } from '../src/access/api-keys.js';
import { createWorkspace } from '../src/access/workspaces.js';
import { createClickHouseWarehouse } from '../src/warehouse/clickhouse/clickhouse-warehouse.js';
import { createSourceTableSql, storedColumns } from '../src/warehouse/clickhouse/clickhouse-ddl.js';
import { encodeRow } from '../src/warehouse/clickhouse/clickhouse-rows.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { duckType, quoteIdent } from '../src/warehouse/duckdb/duckdb-ddl.js';
import { sourceTable, type StoredColumn } from '../src/warehouse/tables.js';
import { SERVER_CHECKPOINT_THRESHOLD } from '../src/cli/commands/serve-command.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { cpuSeconds, fmt, median, startServer, stopServer, type Storage } from './bench-support.js';
import { clickhouseCount, clickhouseStatement, insertFile } from './clickhouse-load.js';
import { startClickHouse, type ClickHouseServers } from '../test/support/clickhouse.js';

const BATCH = 10_000;
const IN_FLIGHT = Number(process.env.BEACON_BENCH_IN_FLIGHT ?? 8);

function makeEvents(count: number, offset: number): Record<string, unknown>[] {
  const types = ['page_view', 'page_view', 'page_view', 'scroll', 'ad_click', 'purchase'];
  return Array.from({ length: count }, (_, i) => {
    const n = offset + i;
    const type = types[n % types.length];
    return {
      event_id: `bench-${n}`,
      type,
      timestamp: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
      anonymous_id: `anon-${n % 50_000}`,
      url: `https://shop.example/products/${n % 500}?utm_source=google&utm_medium=cpc&utm_campaign=spring`,
      referrer: n % 3 === 0 ? 'https://www.google.com/' : undefined,
      user_agent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36',
      ...(type === 'purchase' ? { revenue: 49.9, currency: 'USD', order_id: `o-${n}` } : {}),
      properties: { device: 'desktop', country: 'US' },
    };
  });
}

interface HttpRun {
  eventsPerSecond: number;
  /** Server CPU time (all threads, until the last acknowledgement) per event, in µs: what the rate would cost on a quiet machine. */
  cpuMicros: number;
  /** The same for the storage engine's own server processes (ClickHouse), when given. */
  engineCpuMicros?: number;
}

/** CPU seconds of processes `pids`, all threads. */
function cpuOf(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
}

async function httpRun(storage: Storage, bodies: readonly string[], total: number, enginePids: readonly number[] = []): Promise<HttpRun> {
  const warehouse: Warehouse =
    'db' in storage
      ? await createDuckDbWarehouse({ path: storage.db })
      : await createClickHouseWarehouse({ url: storage.clickhouse, ...(storage.cluster ? { cluster: storage.cluster.name, shards: storage.cluster.shards } : {}) });
  await createWorkspace(warehouse, 'default');
  const key = (await createApiKey(warehouse, 'default', 'ingest')).key;
  await warehouse.close();
  const { child, url } = await startServer(storage);
  let next = 0;
  let accepted = 0;
  const cpuBefore = cpuSeconds(child.pid!);
  const engineBefore = cpuOf(enginePids);
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const response = await fetch(`${url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
      accepted += ((await response.json()) as { accepted: number }).accepted;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(child.pid!) - cpuBefore;
  const engineCpu = cpuOf(enginePids) - engineBefore;
  await stopServer(child);
  if (accepted !== total) throw new Error(`accepted ${accepted} of ${total}`);
  return { eventsPerSecond: total / seconds, cpuMicros: (cpu * 1e6) / total, ...(enginePids.length > 0 ? { engineCpuMicros: (engineCpu * 1e6) / total } : {}) };
}

async function rawRun(dir: string, run: number, files: readonly string[], total: number): Promise<HttpRun> {
  const instance = await DuckDBInstance.create(join(dir, `raw-${run}.duckdb`));
  const connection = await instance.connect();
  const list = files.map((file) => `'${file}'`).join(', ');
  return timedLoad(instance, connection, 'raw load', total, async () => {
    await connection.run(`CREATE TABLE events AS SELECT * FROM read_json([${list}], format = 'newline_delimited')`);
  });
}

/** Times an in-process DuckDB load (CPU of all this process's threads), then checks the events table holds `total` rows and closes the database. */
async function timedLoad(instance: DuckDBInstance, connection: DuckDBConnection, what: string, total: number, load: () => Promise<void>): Promise<HttpRun> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await load();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const count = Number((await connection.runAndReadAll('SELECT count(*) FROM events')).getRows()[0][0]);
  connection.closeSync();
  instance.closeSync();
  if (count !== total) throw new Error(`${what} stored ${count} of ${total}`);
  return { eventsPerSecond: total / seconds, cpuMicros: (cpu.user + cpu.system) / total };
}

/** Rows per transaction of the durable floor: about what one group commit of the server writes. */
const FLOOR_ROWS_PER_COMMIT = 40_000;

/**
 * The least DuckDB spends to store the same rows durably in Beacon's events
 * table: each file (FLOOR_ROWS_PER_COMMIT rows of NDJSON) is read by
 * read_json and inserted in its own committed transaction, with the server's
 * DuckDB settings (so it checkpoints when the server would), timed until the
 * last commit as the server is until its last acknowledgement. Only the
 * fields sent are stored: no validation, no parsed fields, no duplicate
 * check. What HTTP, parsing and validation cost comes on top of this.
 */
async function floorRun(dir: string, run: number, files: readonly string[], fields: readonly string[], total: number): Promise<HttpRun> {
  const path = join(dir, `floor-${run}.duckdb`);
  await (await createDuckDbWarehouse({ path })).close();
  const instance = await DuckDBInstance.create(path, { preserve_insertion_order: 'false', checkpoint_threshold: SERVER_CHECKPOINT_THRESHOLD });
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  const columns = sourceTable('events').columns.filter((c) => fields.includes(c.name));
  // Timestamps arrive as ISO text with a zone, properties as a JSON object (stored as its text).
  const readType = (c: StoredColumn) => (c.kind === 'timestamp' ? 'TIMESTAMPTZ' : c.kind === 'json' ? 'JSON' : duckType(c.kind));
  const types = `{${columns.map((c) => `'${c.name}': '${readType(c)}'`).join(', ')}}`;
  const names = columns.map((c) => quoteIdent(c.name));
  const values = columns.map((c, i) => (c.kind === 'timestamp' ? `CAST(${names[i]} AS TIMESTAMP)` : c.kind === 'json' ? `CAST(${names[i]} AS VARCHAR)` : names[i]));
  return timedLoad(instance, connection, 'durable floor', total, async () => {
    for (const [seq, file] of files.entries()) {
      await connection.run(
        `INSERT INTO events (workspace_id, import_id, seq, received_at, ${names.join(', ')})
         SELECT 'default', 'floor', ${seq}, CAST(now() AS TIMESTAMP), ${values.join(', ')}
         FROM read_json('${file}', format = 'newline_delimited', columns = ${types})`,
      );
    }
  });
}

/** The rows as the ClickHouse engine stores them, for its raw baseline (no validation, no duplicate lookup). */
function storedLine(event: Record<string, unknown>, seq: number, receivedAt: number): string {
  const row = {
    ...event,
    workspace_id: 'default',
    import_id: 'raw',
    seq,
    received_at: receivedAt,
    timestamp: Date.parse(String(event.timestamp)),
    properties: JSON.stringify(event.properties),
  } as Parameters<typeof encodeRow>[1];
  return encodeRow(EVENT_COLUMNS, row).line;
}

const EVENT_COLUMNS = storedColumns('events');

/** Events the cluster section sends at most (two servers and Beacon share the machine's cores). */
const CLUSTER_EVENTS = 100_000;

/** One insert of the file into a fresh database's Distributed events table, waiting for both shards. */
async function clusterRawRun(cluster: ClickHouseServers, run: number, file: string, total: number): Promise<HttpRun> {
  const database = `raw_cluster_${run}`;
  // Beacon creates the tables on every shard (events_local) and the Distributed events table over them.
  await (await createClickHouseWarehouse({ url: cluster.url, database, cluster: cluster.cluster, shards: cluster.urls })).close();
  const engineBefore = cpuOf(cluster.pids);
  const started = performance.now();
  await insertFile(`${cluster.url}/?insert_distributed_sync=1`, database, 'events', file);
  const seconds = (performance.now() - started) / 1000;
  const engineCpu = cpuOf(cluster.pids) - engineBefore;
  const count = await clickhouseCount(cluster.url, database, 'events');
  await dropEverywhere(cluster, database);
  if (count !== total) throw new Error(`raw cluster load stored ${count} of ${total}`);
  return { eventsPerSecond: total / seconds, cpuMicros: 0, engineCpuMicros: (engineCpu * 1e6) / total };
}

async function dropEverywhere(cluster: ClickHouseServers, database: string): Promise<void> {
  for (const url of cluster.urls) await clickhouseStatement(url, `DROP DATABASE IF EXISTS ${database}`);
}

async function clickhouseRawRun(server: string, run: number, file: string, total: number, enginePids: readonly number[] = []): Promise<HttpRun> {
  const database = `raw_${run}`;
  await clickhouseStatement(server, `CREATE DATABASE ${database}`);
  await clickhouseStatement(server, createSourceTableSql('events'), database);
  const cpuBefore = process.cpuUsage();
  const engineBefore = cpuOf(enginePids);
  const started = performance.now();
  await insertFile(server, database, 'events', file);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const engineCpu = cpuOf(enginePids) - engineBefore;
  const count = await clickhouseCount(server, database, 'events');
  await clickhouseStatement(server, `DROP DATABASE ${database}`);
  if (count !== total) throw new Error(`raw ClickHouse load stored ${count} of ${total}`);
  return { eventsPerSecond: total / seconds, cpuMicros: (cpu.user + cpu.system) / total, ...(enginePids.length > 0 ? { engineCpuMicros: (engineCpu * 1e6) / total } : {}) };
}

export interface IngestOptions {
  total: number;
  runs: number;
  duckdb: boolean;
  /** HTTP URL of a ClickHouse server to benchmark beside DuckDB. */
  clickhouse?: string;
  /** Process ids of that ClickHouse server, to print its CPU time per event. */
  clickhousePids?: readonly number[];
}

export async function benchIngest(dir: string, options: IngestOptions): Promise<void> {
  const { total, runs } = options;
  // Request bodies are built once, before timing; only their text is kept so
  // the load generator stays light beside the server on the same two cores.
  const bodies: string[] = [];
  const storedFile = join(dir, 'events-clickhouse.ndjson');
  writeFileSync(storedFile, '');
  const clusterTotal = Math.min(total, CLUSTER_EVENTS);
  const clusterFile = join(dir, 'events-cluster.ndjson');
  writeFileSync(clusterFile, '');
  // The rows as NDJSON, FLOOR_ROWS_PER_COMMIT to a file: the floor commits a file at a time, the raw load reads them all.
  const ndjsonFiles: string[] = [];
  const fields = new Set<string>();
  const receivedAt = Date.now();
  for (let offset = 0; offset < total; offset += BATCH) {
    const events = makeEvents(Math.min(BATCH, total - offset), offset);
    bodies.push(JSON.stringify(events));
    if (options.duckdb) {
      if (offset % FLOOR_ROWS_PER_COMMIT === 0) ndjsonFiles.push(join(dir, `events-${ndjsonFiles.length}.ndjson`));
      appendFileSync(ndjsonFiles.at(-1)!, `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
      for (const event of events) for (const key of Object.keys(event)) fields.add(key);
    }
    if (options.clickhouse) appendFileSync(storedFile, `${events.map((e, i) => storedLine(e, offset + i, receivedAt)).join('\n')}\n`);
    if (options.clickhouse && offset < clusterTotal) appendFileSync(clusterFile, `${events.map((e, i) => storedLine(e, offset + i, receivedAt)).join('\n')}\n`);
  }
  const http: HttpRun[] = [];
  const raw: HttpRun[] = [];
  const floor: HttpRun[] = [];
  const chHttp: HttpRun[] = [];
  const chRaw: HttpRun[] = [];
  for (let run = 0; run < runs; run++) {
    if (options.duckdb) {
      http.push(await httpRun({ db: join(dir, `http-${run}.duckdb`) }, bodies, total));
      raw.push(await rawRun(dir, run, ndjsonFiles, total));
      floor.push(await floorRun(dir, run, ndjsonFiles, [...fields], total));
    }
    if (options.clickhouse) {
      const database = `ingest_${run}`;
      chHttp.push(await httpRun({ clickhouse: `${options.clickhouse}/${database}` }, bodies, total, options.clickhousePids));
      await clickhouseStatement(options.clickhouse, `DROP DATABASE ${database}`);
      chRaw.push(await clickhouseRawRun(options.clickhouse, run, storedFile, total, options.clickhousePids));
    }
  }
  const clusterHttp: HttpRun[] = [];
  const clusterRaw: HttpRun[] = [];
  if (options.clickhouse) {
    const cluster = await startClickHouse({ shards: 2 });
    try {
      const clusterBodies = bodies.slice(0, Math.ceil(clusterTotal / BATCH));
      for (let run = 0; run < runs; run++) {
        const database = `ingest_cluster_${run}`;
        const storage = { clickhouse: `${cluster.url}/${database}`, cluster: { name: cluster.cluster!, shards: cluster.urls } };
        clusterHttp.push(await httpRun(storage, clusterBodies, clusterTotal, cluster.pids));
        await dropEverywhere(cluster, database);
        clusterRaw.push(await clusterRawRun(cluster, run, clusterFile, clusterTotal));
      }
    } finally {
      await cluster.stop();
    }
  }
  const line = (label: string, values: number[]) => console.log(`  ${label.padEnd(46)}${fmt(median(values)).padStart(10)} events/s   runs: ${values.map((x) => fmt(x)).join(', ')}`);
  const rates = (runs: HttpRun[]) => runs.map((r) => r.eventsPerSecond);
  const cpu = (label: string, runs: HttpRun[]) => console.log(`  ${label.padEnd(46)}${fmt(median(runs.map((r) => r.cpuMicros)), 1).padStart(10)} µs/event   runs: ${runs.map((r) => fmt(r.cpuMicros, 1)).join(', ')}`);
  const ratio = (label: string, value: number, note = '') => console.log(`  ${label.padEnd(46)}${fmt(value, 2).padStart(10)}${note}`);
  console.log(`\ningestion: ${fmt(total)} events, batches of ${fmt(BATCH)}, ${IN_FLIGHT} requests in flight, median of ${runs} runs`);
  if (options.duckdb) {
    line('HTTP → DuckDB (validated, durable)', rates(http));
    line('raw DuckDB read_json (baseline)', rates(raw));
    ratio('ratio HTTP / raw (DuckDB)', median(rates(http)) / median(rates(raw)), '   (target: HTTP ≥ 100,000 events/s)');
    line(`durable floor (commits of ${fmt(FLOOR_ROWS_PER_COMMIT)}, no validation)`, rates(floor));
    // CPU time per event does not depend on what else the machine runs as much as a rate does.
    cpu('CPU, server over HTTP (all threads)', http);
    cpu('CPU, raw DuckDB load', raw);
    cpu('CPU, durable floor', floor);
    // Two cores give 2,000,000 µs of CPU a second: the most events/s a CPU cost per event allows.
    const ceiling = (label: string, runs: HttpRun[]) => console.log(`  ${label.padEnd(46)}${fmt(2e6 / median(runs.map((r) => r.cpuMicros))).padStart(10)} events/s`);
    ceiling('two free cores at the server\'s CPU per event', http);
    ceiling('two free cores at the floor\'s CPU per event', floor);
  }
  if (options.clickhouse) {
    line('HTTP → ClickHouse (validated, stored)', rates(chHttp));
    line('raw ClickHouse INSERT JSONEachRow (baseline)', rates(chRaw));
    ratio('ratio HTTP / raw (ClickHouse)', median(rates(chHttp)) / median(rates(chRaw)));
    cpu('CPU, Beacon server over HTTP (all threads)', chHttp);
    cpu('CPU, bench process sending the raw insert', chRaw);
    if (options.clickhousePids) {
      const engineCpu = (label: string, runs: HttpRun[]) => cpu(label, runs.map((r) => ({ ...r, cpuMicros: r.engineCpuMicros ?? 0 })));
      engineCpu('CPU, ClickHouse server, HTTP ingestion', chHttp);
      engineCpu('CPU, ClickHouse server, raw insert', chRaw);
    }
    console.log(`\ningestion into a two-shard ClickHouse cluster (both servers on this machine): ${fmt(clusterTotal)} events, median of ${runs} runs`);
    line('HTTP → cluster (Distributed, validated)', rates(clusterHttp));
    line('raw INSERT into the Distributed table', rates(clusterRaw));
    ratio('ratio HTTP / raw (cluster)', median(rates(clusterHttp)) / median(rates(clusterRaw)));
    cpu('CPU, Beacon server over HTTP (all threads)', clusterHttp);
    cpu('CPU, both ClickHouse servers, HTTP ingestion', clusterHttp.map((r) => ({ ...r, cpuMicros: r.engineCpuMicros ?? 0 })));
    cpu('CPU, both ClickHouse servers, raw insert', clusterRaw.map((r) => ({ ...r, cpuMicros: r.engineCpuMicros ?? 0 })));
  }
  if (options.duckdb && options.clickhouse) {
    ratio('ratio HTTP ClickHouse / HTTP DuckDB', median(rates(chHttp)) / median(rates(http)));
  }
}
