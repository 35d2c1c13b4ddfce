// Mixed load: ingestion at a steady rate into one workspace while the
// dashboard's overview query runs over and over in the same workspace and in
// another one, against a built `beacon serve` on a DuckDB file. Each figure is
// printed beside the same load run alone in the same run: ingestion
// throughput, query p50 / p95 / p99 and errors (any answer but 200).
import { join } from 'node:path';
import { createApiKey } from '../src/access/api-keys.js';
import { createWorkspace } from '../src/access/workspaces.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { refreshWorkspace } from '../src/warehouse/derive-scheduler.js';
import { fmt, median, startServer, stopServer } from './bench-support.js';
import { generateOverviewData } from './overview-data.js';

const END = '2026-11-20';
const FROM = '2026-08-23';
const OVERVIEW = { metrics: ['cost', 'impressions', 'clicks', 'ctr', 'cpc', 'sessions', 'conversions', 'revenue', 'cpa', 'roas'], dimensions: ['channel'], grain: 'day', from: FROM, to: END };

export interface MixedOptions {
  /** Events generated in each of the two workspaces. */
  events: number;
  adRows: number;
  /** Seconds each load runs. */
  seconds: number;
  /** Events a second the ingestion load sends, in bodies of `batch` events. */
  rate: number;
  batch: number;
}

interface QueryLoad {
  times: number[];
  errors: number;
}

interface IngestLoad {
  events: number;
  seconds: number;
  errors: number;
}

const quantile = (values: number[], q: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};

/** One query after another until `until`; times in ms. */
async function queryLoop(url: string, key: string, until: number): Promise<QueryLoad> {
  const load: QueryLoad = { times: [], errors: 0 };
  const body = JSON.stringify(OVERVIEW);
  while (performance.now() < until) {
    const started = performance.now();
    const response = await fetch(`${url}/v1/query`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body });
    await response.arrayBuffer();
    if (response.status === 200) load.times.push(performance.now() - started);
    else load.errors++;
  }
  return load;
}

/** Bodies of new events sent on a fixed schedule (rate events a second) until `until`. */
async function ingestLoop(url: string, key: string, options: MixedOptions, until: number, offset: { next: number }): Promise<IngestLoad> {
  const load: IngestLoad = { events: 0, seconds: 0, errors: 0 };
  const started = performance.now();
  const interval = (options.batch / options.rate) * 1000;
  let due = started;
  const inflight: Promise<void>[] = [];
  while (due < until) {
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const first = offset.next;
    offset.next += options.batch;
    const events = Array.from({ length: options.batch }, (_, i) => ({
      event_id: `mixed-${first + i}`,
      type: i % 10 === 0 ? 'purchase' : 'page_view',
      timestamp: new Date(Date.UTC(2026, 10, 20, 12) + ((first + i) % 3_600_000)).toISOString(),
      anonymous_id: `mv${(first + i) % 20_000}`,
      url: 'https://shop.example/?utm_source=google&utm_medium=cpc',
      ...(i % 10 === 0 ? { revenue: 40, order_id: `mo-${first + i}` } : {}),
    }));
    inflight.push(
      fetch(`${url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(events) }).then(async (response) => {
        const answer = (await response.json()) as { accepted?: number };
        if (response.status === 200) load.events += answer.accepted ?? 0;
        else load.errors++;
      }),
    );
    due += interval;
  }
  await Promise.all(inflight);
  load.seconds = (performance.now() - started) / 1000;
  return load;
}

const line = (label: string, load: QueryLoad, alone?: QueryLoad) => {
  const p95 = quantile(load.times, 0.95);
  const ratio = alone ? ` · p95 ratio mixed / alone ${fmt(p95 / quantile(alone.times, 0.95), 2)}` : '';
  return `  ${label.padEnd(44)} p50 ${fmt(median(load.times), 1)} ms · p95 ${fmt(p95, 1)} ms · p99 ${fmt(quantile(load.times, 0.99), 1)} ms · ${load.times.length} answers, ${load.errors} errors${ratio}`;
};

export async function benchMixed(dir: string, options: MixedOptions): Promise<void> {
  console.log(
    `\nMixed load on DuckDB · ${fmt(options.events)} events + ${fmt(options.adRows)} ad rows in each of two workspaces · ` +
      `ingestion ${fmt(options.rate)} events/s in bodies of ${fmt(options.batch)} · ${options.seconds} s a load`,
  );
  const path = join(dir, 'mixed.duckdb');
  let warehouse = await createDuckDbWarehouse({ path });
  await createWorkspace(warehouse, 'default');
  await createWorkspace(warehouse, 'other');
  const keys = {
    ingest: (await createApiKey(warehouse, 'default', 'ingest')).key,
    read: (await createApiKey(warehouse, 'default', 'read')).key,
    other: (await createApiKey(warehouse, 'other', 'read')).key,
  };
  await warehouse.close();
  for (const workspace of ['default', 'other']) await generateOverviewData(path, workspace, { events: options.events, adRows: options.adRows, days: 90, end: END });
  warehouse = await createDuckDbWarehouse({ path, memoryLimit: process.env.BEACON_DUCKDB_MEMORY_LIMIT ?? '4GB' });
  for (const workspace of ['default', 'other']) await refreshWorkspace(warehouse, workspace);
  await warehouse.close();

  const { child, url } = await startServer({ db: path }, { BEACON_RATE_LIMIT_PER_MINUTE: '1000000' });
  try {
    const offset = { next: 0 };
    const seconds = options.seconds * 1000;
    const queryAlone = await queryLoop(url, keys.read, performance.now() + seconds);
    const otherAlone = await queryLoop(url, keys.other, performance.now() + seconds);
    const ingestAlone = await ingestLoop(url, keys.ingest, options, performance.now() + seconds, offset);
    const until = performance.now() + seconds;
    const [ingest, query, other] = await Promise.all([
      ingestLoop(url, keys.ingest, options, until, offset),
      queryLoop(url, keys.read, until),
      queryLoop(url, keys.other, until),
    ]);
    const rate = (load: IngestLoad) => `${fmt(load.events / load.seconds)} events/s stored (${load.errors} errors)`;
    console.log(`  ingestion alone:                             ${rate(ingestAlone)}`);
    console.log(`  ingestion beside the queries:                ${rate(ingest)} · ratio mixed / alone ${fmt(ingest.events / ingest.seconds / (ingestAlone.events / ingestAlone.seconds), 2)}`);
    console.log(line('overview, ingesting workspace, alone:', queryAlone));
    console.log(line('overview, ingesting workspace, mixed:', query, queryAlone));
    console.log(line('overview, another workspace, alone:', otherAlone));
    console.log(line('overview, another workspace, mixed:', other, otherAlone));
  } finally {
    await stopServer(child);
  }
}
