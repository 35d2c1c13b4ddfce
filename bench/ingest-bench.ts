// Event ingestion over HTTP into DuckDB (durable: each 200 comes after the
// commit) against the fastest raw DuckDB load of the same rows (read_json of
// an NDJSON file into a fresh table), measured in the same run.
import { DuckDBInstance } from '@duckdb/node-api';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApiKey } from '../src/access/api-keys.js';
import { createWorkspace } from '../src/access/workspaces.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { fmt, median, startServer, stopServer } from './bench-support.js';

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

async function httpRun(dir: string, run: number, bodies: readonly string[], total: number): Promise<number> {
  const db = join(dir, `http-${run}.duckdb`);
  const warehouse = await createDuckDbWarehouse({ path: db });
  await createWorkspace(warehouse, 'default');
  const key = (await createApiKey(warehouse, 'default', 'ingest')).key;
  await warehouse.close();
  const { child, url } = await startServer(db);
  let next = 0;
  let accepted = 0;
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
  await stopServer(child);
  if (accepted !== total) throw new Error(`accepted ${accepted} of ${total}`);
  return total / seconds;
}

async function rawRun(dir: string, run: number, file: string, total: number): Promise<number> {
  const instance = await DuckDBInstance.create(join(dir, `raw-${run}.duckdb`));
  const connection = await instance.connect();
  const started = performance.now();
  await connection.run(`CREATE TABLE events AS SELECT * FROM read_json('${file}', format = 'newline_delimited')`);
  const seconds = (performance.now() - started) / 1000;
  const count = Number((await connection.runAndReadAll('SELECT count(*) FROM events')).getRows()[0][0]);
  connection.closeSync();
  instance.closeSync();
  if (count !== total) throw new Error(`raw load stored ${count} of ${total}`);
  return total / seconds;
}

export async function benchIngest(dir: string, total: number, runs: number): Promise<void> {
  // Request bodies are built once, before timing; only their text is kept so
  // the load generator stays light beside the server on the same two cores.
  const bodies: string[] = [];
  const file = join(dir, 'events.ndjson');
  writeFileSync(file, '');
  for (let offset = 0; offset < total; offset += BATCH) {
    const events = makeEvents(Math.min(BATCH, total - offset), offset);
    bodies.push(JSON.stringify(events));
    appendFileSync(file, `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
  }
  const http: number[] = [];
  const raw: number[] = [];
  for (let run = 0; run < runs; run++) {
    http.push(await httpRun(dir, run, bodies, total));
    raw.push(await rawRun(dir, run, file, total));
  }
  const h = median(http);
  const r = median(raw);
  console.log(`\ningestion: ${fmt(total)} events, batches of ${fmt(BATCH)}, ${IN_FLIGHT} requests in flight, median of ${runs} runs`);
  console.log(`  HTTP → DuckDB (validated, durable)   ${fmt(h)} events/s   runs: ${http.map((x) => fmt(x)).join(', ')}`);
  console.log(`  raw DuckDB read_json (baseline)     ${fmt(r)} events/s   runs: ${raw.map((x) => fmt(x)).join(', ')}`);
  console.log(`  ratio HTTP / raw                    ${fmt(h / r, 2)}   (target: HTTP ≥ 100,000 events/s)`);
}
