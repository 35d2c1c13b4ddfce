// The integrations on DuckDB, each beside its floor measured in the same run.
// Segment: analytics.js-style `page` and `track` calls (messageId,
// anonymousId, timestamp, context.page.url with UTM parameters, context.campaign,
// context.userAgent) posted as batches to POST /v1/segment/batch (the ingest
// key as HTTP Basic username) of `beacon serve`, beside the same events as
// Beacon records (the mapping's own output for each call) posted to POST
// /v1/events: the floor, as the Segment route maps the calls and then ingests
// them the way /v1/events does. Each run starts a fresh database; events/s to
// the last acknowledgement and server CPU per event, as the ingestion bench.
// Export: the events of the generated shop written as Parquet and as CSV by
// the export service (GET /v1/export's: DuckDB COPY of the contract columns
// in natural-key order to a temporary file, streamed; here to a file), beside
// a plain DuckDB `COPY (SELECT * FROM events WHERE workspace_id = …) TO file`
// on the same database file (all stored columns, no order): what DuckDB's
// writer alone costs. Medians after one warm-up, and the bytes written.
import { DuckDBInstance } from '@duckdb/node-api';
import { createWriteStream, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createApiKey } from '../src/access/api-keys.js';
import { createWorkspace } from '../src/access/workspaces.js';
import { exportSource } from '../src/export/export-service.js';
import { segmentCallToEvent } from '../src/ingest/segment/segment-call.js';
import { DEFAULT_SEGMENT_EVENTS } from '../src/model/settings.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import type { ExportFormat } from '../src/warehouse/warehouse.js';
import { cpuSeconds, fmt, median, ms, startServer, stopServer, timedAsync } from './bench-support.js';
import { generateOverviewData } from './overview-data.js';

export interface IntegrationsBenchOptions {
  /** Segment calls posted per run (default 200,000). */
  segmentEvents: number;
  /** Runs of each endpoint, alternating (default 3). */
  segmentRuns: number;
  /** Events of the generated shop the exports read (default 1,000,000). */
  exportEvents: number;
  /** Timed runs of each export, after one warm-up (default 3). */
  exportRuns: number;
}

const WORKSPACE = 'default';
/** Calls per request: Segment bodies are about twice the size of Beacon's, and this keeps them well under the 10 MB body limit. */
const BATCH = 5_000;
const BODY_LIMIT = 10 * 1024 * 1024;
const IN_FLIGHT = Number(process.env.BEACON_BENCH_IN_FLIGHT ?? 8);
/** Fixed so the Beacon records are built as the route would build them (no sentAt: the timestamps are kept as sent). */
const RECEIVED_AT = Date.UTC(2026, 5, 1);

export async function benchIntegrations(dir: string, options: IntegrationsBenchOptions): Promise<void> {
  await benchSegment(dir, options.segmentEvents, options.segmentRuns);
  await benchExport(dir, options.exportEvents, options.exportRuns);
}

// ---------------------------------------------------------------- Segment

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36';
const CAMPAIGNS = [
  { source: 'google', medium: 'cpc', name: 'spring' },
  { source: 'facebook', medium: 'paid_social', name: 'retargeting' },
  { source: 'newsletter', medium: 'email', name: 'weekly' },
];

/** The n-th call: three page views, then a Product Viewed, a Product Added and an Order Completed track (→ purchase). */
function segmentCall(n: number): Record<string, unknown> {
  const campaign = CAMPAIGNS[n % CAMPAIGNS.length];
  const path = `/products/${n % 500}`;
  const search = `?utm_source=${campaign.source}&utm_medium=${campaign.medium}&utm_campaign=${campaign.name}`;
  const context = {
    page: { url: `https://shop.example${path}${search}`, path, search, title: `Product ${n % 500}`, referrer: n % 3 === 0 ? 'https://www.google.com/' : '' },
    campaign,
    userAgent: UA,
    library: { name: 'analytics.js', version: '5.2.0' },
  };
  const base = { messageId: `seg-${n}`, anonymousId: `anon-${n % 50_000}`, timestamp: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(), context };
  switch (n % 6) {
    case 3:
      return { ...base, type: 'track', event: 'Product Viewed', properties: { product_id: `p-${n % 500}`, price: 49.9 } };
    case 4:
      return { ...base, type: 'track', event: 'Product Added', properties: { product_id: `p-${n % 500}`, quantity: 1 } };
    case 5:
      return { ...base, type: 'track', event: 'Order Completed', properties: { order_id: `o-${n}`, revenue: 49.9, currency: 'usd' } };
    default:
      return { ...base, type: 'page', name: 'Product', properties: { device: 'desktop' } };
  }
}

interface HttpRun {
  eventsPerSecond: number;
  /** Server CPU (all threads, until the last acknowledgement) per event, µs. */
  cpuMicros: number;
}

async function httpRun(path: string, route: string, auth: (key: string) => string, bodies: readonly string[], total: number): Promise<HttpRun> {
  const warehouse = await createDuckDbWarehouse({ path });
  await createWorkspace(warehouse, WORKSPACE);
  const key = (await createApiKey(warehouse, WORKSPACE, 'ingest')).key;
  await warehouse.close();
  const { child, url } = await startServer({ db: path });
  try {
    let next = 0;
    let accepted = 0;
    const cpuBefore = cpuSeconds(child.pid!);
    const started = performance.now();
    const worker = async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const response = await fetch(`${url}${route}`, { method: 'POST', headers: { authorization: auth(key), 'content-type': 'application/json' }, body });
        if (response.status !== 200) throw new Error(`${route}: HTTP ${response.status}: ${await response.text()}`);
        accepted += ((await response.json()) as { accepted: number }).accepted;
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(child.pid!) - cpuBefore;
    if (accepted !== total) throw new Error(`${route}: accepted ${accepted} of ${total}`);
    return { eventsPerSecond: total / seconds, cpuMicros: (cpu * 1e6) / total };
  } finally {
    await stopServer(child);
  }
}

async function benchSegment(dir: string, total: number, runs: number): Promise<void> {
  // Bodies are built once, before timing: the Segment batch and the same events as Beacon records.
  const segmentBodies: string[] = [];
  const beaconBodies: string[] = [];
  for (let offset = 0; offset < total; offset += BATCH) {
    const calls = Array.from({ length: Math.min(BATCH, total - offset) }, (_, i) => segmentCall(offset + i));
    const records = calls.map((call) => {
      const mapped = segmentCallToEvent(call, { events: DEFAULT_SEGMENT_EVENTS, receivedAtMs: RECEIVED_AT });
      if (!mapped.ok) throw new Error(`call ${String(call.messageId)}: ${mapped.field}: ${mapped.message}`);
      return mapped.record;
    });
    segmentBodies.push(JSON.stringify({ batch: calls }));
    beaconBodies.push(JSON.stringify(records));
  }
  const largest = Math.max(...segmentBodies.map((b) => Buffer.byteLength(b)));
  if (largest > BODY_LIMIT) throw new Error(`a Segment batch is ${largest} bytes, over the server's body limit`);
  const bytes = (bodies: string[]) => bodies.reduce((sum, b) => sum + Buffer.byteLength(b), 0) / total;

  const segment: HttpRun[] = [];
  const events: HttpRun[] = [];
  const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
  const bearer = (key: string) => `Bearer ${key}`;
  for (let run = 0; run < runs; run++) {
    segment.push(await httpRun(join(dir, `segment-${run}.duckdb`), '/v1/segment/batch', basic, segmentBodies, total));
    events.push(await httpRun(join(dir, `segment-floor-${run}.duckdb`), '/v1/events', bearer, beaconBodies, total));
  }

  console.log(`\nSegment ingestion on DuckDB: ${fmt(total)} calls (page and track), batches of ${fmt(BATCH)}, ${IN_FLIGHT} requests in flight, median of ${runs} runs`);
  console.log(`  bytes a call: Segment ${fmt(bytes(segmentBodies))}, Beacon record ${fmt(bytes(beaconBodies))}`);
  const rates = (r: HttpRun[]) => r.map((x) => x.eventsPerSecond);
  const cpus = (r: HttpRun[]) => r.map((x) => x.cpuMicros);
  const rate = (label: string, r: HttpRun[]) => console.log(`  ${label.padEnd(46)}${fmt(median(rates(r))).padStart(10)} events/s   runs: ${rates(r).map((x) => fmt(x)).join(', ')}`);
  const cpu = (label: string, r: HttpRun[]) => console.log(`  ${label.padEnd(46)}${fmt(median(cpus(r)), 1).padStart(10)} µs/event   runs: ${cpus(r).map((x) => fmt(x, 1)).join(', ')}`);
  rate('POST /v1/segment/batch → DuckDB', segment);
  rate('POST /v1/events, same events (floor)', events);
  console.log(`  ${'ratio Segment / events'.padEnd(46)}${fmt(median(rates(segment)) / median(rates(events)), 2).padStart(10)}`);
  cpu('CPU, server on /v1/segment/batch', segment);
  cpu('CPU, server on /v1/events (floor)', events);
  console.log(`  ${'ratio CPU Segment / events'.padEnd(46)}${fmt(median(cpus(segment)) / median(cpus(events)), 2).padStart(10)}`);
}

// ----------------------------------------------------------------- Export

const mb = (bytes: number) => `${fmt(bytes / 2 ** 20, 1)} MB`;
const COPY_OPTIONS: Record<ExportFormat, string> = { csv: 'FORMAT csv, HEADER true', parquet: 'FORMAT parquet' };

async function benchExport(dir: string, events: number, runs: number): Promise<void> {
  const path = join(dir, `export-${events}.duckdb`);
  let warehouse = await createDuckDbWarehouse({ path });
  await createWorkspace(warehouse, WORKSPACE);
  await warehouse.close();
  const generated = performance.now();
  await generateOverviewData(path, WORKSPACE, { events, adRows: 1_000, days: 90, end: '2026-11-20' });
  const generateSeconds = (performance.now() - generated) / 1000;

  const formats: ExportFormat[] = ['parquet', 'csv'];
  const service = new Map<ExportFormat, { times: number[]; bytes: number }>();
  const floor = new Map<ExportFormat, { times: number[]; bytes: number }>();
  warehouse = await createDuckDbWarehouse({ path });
  try {
    const workspace = (await warehouse.getWorkspace(WORKSPACE))!;
    for (const format of formats) {
      const file = join(dir, `export-service.${format}`);
      const times = await timedAsync(1, runs, async () => {
        const out = await exportSource(warehouse, workspace, 'events', format);
        await pipeline(out.stream, createWriteStream(file));
      });
      service.set(format, { times, bytes: statSync(file).size });
      unlinkSync(file);
    }
  } finally {
    await warehouse.close();
  }

  // The floor: DuckDB alone on the same database file, once the warehouse has closed it.
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  let rows = 0;
  try {
    rows = Number((await connection.runAndReadAll(`SELECT count(*) FROM events WHERE workspace_id = '${WORKSPACE}'`)).getRows()[0][0]);
    for (const format of formats) {
      const file = join(dir, `export-floor.${format}`);
      const times = await timedAsync(1, runs, async () => {
        await connection.run(`COPY (SELECT * FROM events WHERE workspace_id = '${WORKSPACE}') TO '${file}' (${COPY_OPTIONS[format]})`);
      });
      floor.set(format, { times, bytes: statSync(file).size });
      unlinkSync(file);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }

  console.log(`\nExport on DuckDB: the events source, ${fmt(rows)} events (generated in ${fmt(generateSeconds, 1)} s), ${runs} runs each after a warm-up`);
  for (const format of formats) {
    const s = service.get(format)!;
    const f = floor.get(format)!;
    console.log(`  ${`${format}: export service (GET /v1/export)`.padEnd(46)}${ms(s.times, 0)}   ${mb(s.bytes)}`);
    console.log(`  ${`${format}: plain DuckDB COPY SELECT * (floor)`.padEnd(46)}${ms(f.times, 0)}   ${mb(f.bytes)}`);
    console.log(`  ${`${format}: ratio service / floor`.padEnd(46)}${fmt(median(s.times) / median(f.times), 2)}   (${fmt((rows / median(s.times)) * 1000)} events/s through the service)`);
  }
}
