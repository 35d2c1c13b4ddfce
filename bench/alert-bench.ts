// Alerting. First, 200 rules (threshold, change and anomaly conditions over
// the catalog, some filtered, some split by campaign or channel) evaluated
// through the alert scheduler on the generated shop of the overview bench,
// beside the floor: the same metric queries each rule makes, run directly
// through the query service at the scheduler's concurrency. Second, event
// ingestion over HTTP into a Beacon server with 50 real-time rules beside the
// same ingestion with none, alternating, with the count of real-time
// evaluations the server ran. Webhooks go to a receiver on loopback.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApiKey } from '../src/access/api-keys.js';
import { createWorkspace } from '../src/access/workspaces.js';
import { AlertScheduler } from '../src/alerts/alert-scheduler.js';
import { listRules, putState, type StoredAlertRule } from '../src/alerts/alert-store.js';
import { alertWindow } from '../src/alerts/alert-window.js';
import { createAlert } from '../src/alerts/alerts-service.js';
import type { AlertServices } from '../src/alerts/evaluate-rule.js';
import { IDLE } from '../src/alerts/firing-state.js';
import { metricSplit } from '../src/alerts/metric-parts.js';
import { checkAnomalyBody } from '../src/anomalies/anomaly-request.js';
import { anomalyWindow } from '../src/anomalies/anomaly-series.js';
import { predictedValues } from '../src/clv/predicted-values.js';
import { addDays } from '../src/core/time.js';
import type { CatalogMetric } from '../src/metrics/catalog.js';
import { metricCatalog } from '../src/metrics/metrics-service.js';
import { answerQuery } from '../src/metrics/query-service.js';
import { bucketStart } from '../src/metrics/time-buckets.js';
import { DeriveScheduler, refreshWorkspace } from '../src/warehouse/derive-scheduler.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import type { Warehouse, Workspace } from '../src/warehouse/warehouse.js';
import { fmt, median, ms, startServer, stopServer } from './bench-support.js';
import { generateOverviewData } from './overview-data.js';

export interface AlertBenchOptions {
  /** Events of the generated shop the 200 rules read (default 10,000,000; ad rows a tenth of it). */
  events: number;
  /** Timed evaluations of all rules, and of the floor (default 3). */
  runs: number;
  /** Events POSTed in each ingestion run (default 1,000,000: long enough for a real-time round to start during the load). */
  ingestEvents: number;
  /** Ingestion runs with no rules and with 50 real-time rules, alternating (default 2 each). */
  ingestRuns: number;
}

const WORKSPACE = 'default';
const END = '2026-11-20';
/** The instant the rules are evaluated at: mid-afternoon of the shop's last day. */
const RUN_AT = Date.parse(`${END}T15:00:00Z`);
/** The scheduler's default: evaluations at once, all rules together. */
const CONCURRENCY = 2;
/** Rules that must not run on their schedule during the measurement (real-time only). */
const YEARLY = '0 0 1 1 *';

type Filter = { dimension: string; op: 'eq' | 'in'; values: string[] };
const eq = (dimension: string, value: string): Filter => ({ dimension, op: 'eq', values: [value] });

// ---- the rules ------------------------------------------------------------

/** A typical level of each metric on the shop: thresholds around it, so some rules hold and some do not. */
const LEVELS: Record<string, number> = { cost: 5_000, cpa: 40, roas: 3, ctr: 2, cpc: 1, sessions: 10_000, conversions: 400, revenue: 40_000, visitors: 8_000, clicks: 5_000, cvr: 3, aov: 100 };
const SCHEDULED_METRICS = Object.keys(LEVELS);
const SCHEDULED_FILTERS: Filter[][] = [[], [], [eq('channel', 'Paid Search')], [eq('channel', 'Paid Social')], [eq('platform', 'google_ads')], [eq('campaign', 'cmp_3')], [{ dimension: 'campaign', op: 'in', values: ['cmp_12', 'cmp_14'] }]];

/** Rule i of the scheduled mix: every 20th an anomaly rule, else threshold and change alternately; a quarter split by campaign or channel; a tenth weekly. */
function scheduledRule(i: number, webhook: string): Record<string, unknown> {
  const metric = SCHEDULED_METRICS[i % SCHEDULED_METRICS.length];
  const filters = SCHEDULED_FILTERS[Math.floor(i / SCHEDULED_METRICS.length) % SCHEDULED_FILTERS.length];
  const anomaly = i % 20 === 19;
  const op = i % 4 < 2 ? 'above' : 'below';
  const condition = anomaly ? { kind: 'anomaly' } : i % 2 === 0 ? { kind: 'threshold', op, value: LEVELS[metric] } : { kind: 'change', op, percent: 20 };
  const by = anomaly ? undefined : i % 8 === 1 ? 'campaign' : i % 8 === 4 ? 'channel' : undefined;
  const grain = !anomaly && i % 10 === 7 ? 'week' : 'day';
  return { name: `${metric} rule ${i}`, metric, filters, grain, condition, ...(by ? { by } : {}), webhook: { url: webhook } };
}

/** A level each real-time rule's threshold sits at; rules on ad metrics (cpa, roas, cvr) have no ad data here and judge nothing. */
const REALTIME_LEVELS: Record<string, number> = { sessions: 1_000, conversions: 100, revenue: 5_000, visitors: 1_000, pageviews: 5_000, aov: 40, bounce_rate: 50, cpa: 40, cvr: 2, roas: 3 };
const REALTIME_METRICS = Object.keys(REALTIME_LEVELS);
const REALTIME_FILTERS: Filter[][] = [[], [], [eq('channel', 'Paid Search')], [eq('channel', 'Paid Social')], [eq('channel', 'Direct')]];

/** Real-time rule i: event-based metrics, threshold and change alternately, every tenth split by channel; never due on its schedule. */
function realtimeRule(i: number, webhook: string): Record<string, unknown> {
  const metric = REALTIME_METRICS[i % REALTIME_METRICS.length];
  const filters = REALTIME_FILTERS[Math.floor(i / REALTIME_METRICS.length) % REALTIME_FILTERS.length];
  const condition = i % 2 === 0 ? { kind: 'threshold', op: 'above', value: REALTIME_LEVELS[metric] } : { kind: 'change', op: 'above', percent: 50 };
  return { name: `${metric} live ${i}`, metric, filters, condition, ...(i % 10 === 9 ? { by: 'channel' } : {}), realtime: true, schedule: YEARLY, webhook: { url: webhook } };
}

async function createRules(warehouse: Warehouse, count: number, body: (i: number) => Record<string, unknown>, createdAt: number): Promise<void> {
  const workspace = (await warehouse.getWorkspace(WORKSPACE))!;
  for (let i = 0; i < count; i++) await createAlert(warehouse, workspace, body(i), createdAt);
}

// ---- the webhook receiver -------------------------------------------------

interface Receiver {
  url: string;
  received(): number;
  stop(): Promise<void>;
}

/** An HTTP server on a free loopback port answering every request 200. */
async function startReceiver(): Promise<Receiver> {
  let count = 0;
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      count++;
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/beacon`, received: () => count, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

// ---- evaluation of 200 rules ----------------------------------------------

/** The answerQuery bodies a rule's evaluation runs, in its order (as rule-data reads them). */
function ruleQueries(rule: StoredAlertRule, metric: CatalogMetric, catalog: ReadonlyMap<string, CatalogMetric>, timeZone: string): Record<string, unknown>[] {
  const window = alertWindow(rule.grain, RUN_AT, timeZone);
  const filters = rule.filters;
  if (rule.condition.kind === 'anomaly') {
    const grain = rule.grain === 'hour' ? 'day' : rule.grain;
    const to = addDays(window.from, -1);
    const from = bucketStart(to, grain);
    const request = checkAnomalyBody({ metric: metric.id, filters: [...filters], grain, from, to });
    return [{ metrics: [metric.id], grain, from: anomalyWindow(from, to, grain, request.trainingPeriods).trainingFrom, to, filters }];
  }
  const hour = window.hour ? { grain: 'hour' } : {};
  const current = { from: window.from, to: window.to };
  const previous = { from: window.previousFrom, to: window.previousTo };
  const bodies: Record<string, unknown>[] = [{ metrics: [metric.id], ...hour, ...current, filters }];
  if (rule.condition.kind === 'change' || rule.by) bodies.push({ metrics: [metric.id], ...hour, ...previous, filters });
  if (rule.by) {
    const split = metricSplit(metric, catalog);
    const metrics = split.kind === 'ratio' ? [split.numerator, split.denominator] : [metric.id];
    if (split.kind !== 'none') for (const dates of [current, previous]) bodies.push({ metrics, dimensions: [rule.by], ...hour, ...dates, filters });
  }
  return bodies;
}

/** Runs `work` on each item, `concurrency` at a time. */
async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

interface SchedulerRun {
  ms: number;
  evaluated: number;
  met: number;
  fired: number;
  noData: number;
}

/**
 * Every rule back to idle and never evaluated, so each run does the same
 * work (the same rules fire and send their webhooks), then one scheduler
 * whose clock stands at RUN_AT catches up on all of them; timed to idle.
 */
async function schedulerRun(services: AlertServices, rules: readonly StoredAlertRule[]): Promise<SchedulerRun> {
  for (const rule of rules) await putState(services.warehouse, WORKSPACE, { rule_id: rule.id, state: IDLE, last_evaluated_at: null });
  const run: SchedulerRun = { ms: 0, evaluated: 0, met: 0, fired: 0, noData: 0 };
  const errors: unknown[] = [];
  const scheduler = new AlertScheduler(services, {
    clock: { now: () => RUN_AT, setTimeout: () => undefined, clearTimeout: () => undefined },
    concurrency: CONCURRENCY,
    onEvaluated: (evaluation) => {
      run.evaluated++;
      if (evaluation.met) run.met++;
      if (evaluation.fired) run.fired++;
      if (evaluation.no_data) run.noData++;
    },
    onError: (error) => errors.push(error),
  });
  const started = performance.now();
  scheduler.start();
  await scheduler.idle();
  run.ms = performance.now() - started;
  await scheduler.stop();
  if (errors.length > 0) throw new Error(`alert bench: ${errors.length} evaluations failed, the first: ${String(errors[0])}`);
  if (run.evaluated !== rules.length) throw new Error(`alert bench: the scheduler evaluated ${run.evaluated} of ${rules.length} rules`);
  return run;
}

async function prepareShop(dir: string, events: number): Promise<{ warehouse: Warehouse; generateSeconds: number; deriveSeconds: number }> {
  const path = join(dir, `alerts-${events}.duckdb`);
  let warehouse: Warehouse = await createDuckDbWarehouse({ path });
  await createWorkspace(warehouse, WORKSPACE);
  await warehouse.close();
  let started = performance.now();
  await generateOverviewData(path, WORKSPACE, { events, adRows: Math.round(events / 10), days: 90, end: END });
  const generateSeconds = (performance.now() - started) / 1000;
  warehouse = await createDuckDbWarehouse({ path, memoryLimit: process.env.BEACON_DUCKDB_MEMORY_LIMIT ?? '4GB' });
  started = performance.now();
  await refreshWorkspace(warehouse, WORKSPACE);
  return { warehouse, generateSeconds, deriveSeconds: (performance.now() - started) / 1000 };
}

async function benchEvaluation(dir: string, options: AlertBenchOptions, receiver: Receiver): Promise<void> {
  const { warehouse, generateSeconds, deriveSeconds } = await prepareShop(dir, options.events);
  try {
    await createRules(warehouse, 200, (i) => scheduledRule(i, receiver.url), RUN_AT - 86_400_000);
    const workspace: Workspace = (await warehouse.getWorkspace(WORKSPACE))!;
    const services: AlertServices = {
      warehouse,
      derived: new DeriveScheduler(warehouse),
      customerValues: predictedValues(warehouse),
      delivery: { policy: { allowPrivate: false, allow: ['127.0.0.1'] } },
    };
    const rules = await listRules(warehouse, WORKSPACE);
    const catalog = await metricCatalog(warehouse, WORKSPACE);
    const bodies = rules.flatMap((rule) => ruleQueries(rule, catalog.get(rule.metric!)!, catalog, workspace.settings.timezone));
    const kinds = count(rules.map((r) => (r.by ? `${r.condition.kind} by ${r.by}` : r.condition.kind)));
    console.log(
      `\nAlert evaluation (DuckDB) · ${rules.length} rules (${kinds}; ${rules.filter((r) => r.filters.length > 0).length} filtered) · ` +
        `${fmt(options.events)} events + ${fmt(options.events / 10)} ad rows, generated in ${fmt(generateSeconds, 1)} s, derived view ${fmt(deriveSeconds, 1)} s · ` +
        `at ${new Date(RUN_AT).toISOString()} (${workspace.settings.timezone}) · concurrency ${CONCURRENCY} · medians of ${options.runs} runs after 1 warm-up`,
    );
    const floor = async () => pool(bodies, CONCURRENCY, (body) => answerQuery(services, workspace, body));
    const runs: SchedulerRun[] = [];
    const floors: number[] = [];
    await schedulerRun(services, rules);
    await floor();
    // Alternating, so a slower stretch of the machine weighs on both.
    for (let i = 0; i < options.runs; i++) {
      runs.push(await schedulerRun(services, rules));
      const started = performance.now();
      await floor();
      floors.push(performance.now() - started);
    }
    const last = runs.at(-1)!;
    const times = runs.map((r) => r.ms);
    const label = (s: string) => `  ${s.padEnd(58)}`;
    console.log(`  each run from idle state: ${last.met} rules met, ${last.fired} fired (webhooks received ${fmt(receiver.received())} in all), ${last.noData} without data`);
    console.log(`${label(`${rules.length} rules through AlertScheduler (catch-up, to idle):`)}${ms(times, 0)} · ${fmt(median(times) / rules.length, 1)} ms a rule`);
    console.log(`${label(`floor: the same ${bodies.length} answerQuery calls, ${CONCURRENCY} at a time:`)}${ms(floors, 0)}`);
    console.log(`  ratio rules / floor (medians): ${fmt(median(times) / median(floors), 2)}`);
  } finally {
    await warehouse.close();
  }
}

function count(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

// ---- ingestion with real-time rules ---------------------------------------

const BATCH = 10_000;
const IN_FLIGHT = 8;
const UTM = ['utm_source=google&utm_medium=cpc&utm_campaign=spring', 'utm_source=facebook&utm_medium=paid_social&utm_campaign=retarget', ''];

/** Events of the last few hours (so the rules' current day holds them): page views, scrolls, ad clicks and purchases. */
function makeEvents(count: number, offset: number, start: number): Record<string, unknown>[] {
  const types = ['page_view', 'page_view', 'page_view', 'scroll', 'ad_click', 'purchase'];
  return Array.from({ length: count }, (_, i) => {
    const n = offset + i;
    const type = types[n % types.length];
    const utm = UTM[Math.floor(n / 6) % UTM.length];
    return {
      event_id: `alert-bench-${n}`,
      type,
      timestamp: new Date(start + n * 20).toISOString(),
      anonymous_id: `anon-${n % 50_000}`,
      url: `https://shop.example/products/${n % 500}${utm ? `?${utm}` : ''}`,
      user_agent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36',
      ...(type === 'purchase' ? { revenue: 49.9, currency: 'USD', order_id: `o-${n}` } : {}),
      properties: { device: 'desktop', country: 'US' },
    };
  });
}

/** From the server's GET /metrics: real-time evaluations (every outcome, and failed ones) and the derived view's lag. */
async function serverCounts(url: string): Promise<{ total: number; errors: number; lagSeconds: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const counts = { total: 0, errors: 0, lagSeconds: 0 };
  for (const line of text.split('\n')) {
    const lag = /^beacon_derived_view_lag_seconds (\S+)$/.exec(line);
    if (lag) counts.lagSeconds = Number(lag[1]);
    const m = /^beacon_alert_evaluations_total\{([^}]*)\} (\S+)$/.exec(line);
    if (!m || !m[1].includes('trigger="realtime"')) continue;
    counts.total += Number(m[2]);
    if (m[1].includes('outcome="error"')) counts.errors += Number(m[2]);
  }
  return counts;
}

/**
 * After the load: waits until at least `rules` real-time evaluations have
 * ended (every rule is in the round under way or in the one after the load),
 * the derived view has taken in every event and the count has not moved for
 * 5 s; at most 3 minutes.
 */
async function settledCounts(url: string, rules: number): Promise<{ total: number; errors: number }> {
  const deadline = performance.now() + 180_000;
  let last = await serverCounts(url);
  let still = performance.now();
  while (performance.now() < deadline && (last.total < rules || last.lagSeconds > 0 || performance.now() - still < 5_000)) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await serverCounts(url);
    if (now.total !== last.total || now.lagSeconds > 0) still = performance.now();
    last = now;
  }
  return last;
}

interface IngestRun {
  eventsPerSecond: number;
  /** Real-time evaluations by the last acknowledgement, and once they settled after it. */
  during: number;
  settled: number;
  errors: number;
}

/** A fresh database with `rules` real-time rules, a server on it, and the bodies POSTed IN_FLIGHT at a time; timed to the last acknowledgement. */
async function ingestRun(dir: string, name: string, bodies: readonly string[], total: number, rules: number, webhook: string): Promise<IngestRun> {
  const path = join(dir, `${name}.duckdb`);
  const warehouse = await createDuckDbWarehouse({ path });
  await createWorkspace(warehouse, WORKSPACE);
  const key = (await createApiKey(warehouse, WORKSPACE, 'ingest')).key;
  await createRules(warehouse, rules, (i) => realtimeRule(i, webhook), Date.now());
  await warehouse.close();
  const { child, url } = await startServer({ db: path }, { BEACON_WEBHOOK_ALLOW: '127.0.0.1' });
  try {
    let next = 0;
    let accepted = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < bodies.length) {
        const response = await fetch(`${url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: bodies[next++] });
        if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
        accepted += ((await response.json()) as { accepted: number }).accepted;
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const seconds = (performance.now() - started) / 1000;
    if (accepted !== total) throw new Error(`accepted ${accepted} of ${total}`);
    const during = (await serverCounts(url)).total;
    const settled = rules > 0 ? await settledCounts(url, rules) : { total: 0, errors: 0 };
    return { eventsPerSecond: total / seconds, during, settled: settled.total, errors: settled.errors };
  } finally {
    await stopServer(child);
  }
}

async function benchIngestion(dir: string, options: AlertBenchOptions, receiver: Receiver): Promise<void> {
  const { ingestEvents: total, ingestRuns: runs } = options;
  const start = Date.now() - total * 20 - 60_000;
  const bodies: string[] = [];
  for (let offset = 0; offset < total; offset += BATCH) bodies.push(JSON.stringify(makeEvents(Math.min(BATCH, total - offset), offset, start)));
  console.log(
    `\nIngestion with real-time rules (HTTP → DuckDB, batches of ${fmt(BATCH)}, ${IN_FLIGHT} in flight) · ${fmt(total)} events a run · ` +
      `no rules and 50 real-time rules alternating, ${runs} runs each, each into a fresh database`,
  );
  const none: IngestRun[] = [];
  const loaded: IngestRun[] = [];
  for (let run = 0; run < runs; run++) {
    none.push(await ingestRun(dir, `ingest-none-${run}`, bodies, total, 0, receiver.url));
    loaded.push(await ingestRun(dir, `ingest-rules-${run}`, bodies, total, 50, receiver.url));
  }
  const rates = (r: IngestRun[]) => r.map((x) => x.eventsPerSecond);
  const line = (label: string, r: IngestRun[]) =>
    console.log(`  ${label.padEnd(30)}median ${fmt(median(rates(r)))} events/s (runs ${rates(r).map((x) => fmt(x)).join(', ')})`);
  line('no rules:', none);
  line('50 real-time rules:', loaded);
  const ratio = median(rates(loaded)) / median(rates(none));
  const change = ratio <= 1 ? `${fmt((1 - ratio) * 100, 1)} % slower` : `${fmt((ratio - 1) * 100, 1)} % faster: noise`;
  console.log(`  ratio with rules / without (medians): ${fmt(ratio, 2)} (${change}; target < 10 % slower)`);
  console.log(
    `  real-time evaluations per loaded run, by the last acknowledgement: ${loaded.map((r) => fmt(r.during)).join(', ')}; ` +
      `once settled after it: ${loaded.map((r) => fmt(r.settled)).join(', ')} (${loaded.reduce((s, r) => s + r.errors, 0)} failed)`,
  );
}

export async function benchAlerts(dir: string, options: AlertBenchOptions): Promise<void> {
  const receiver = await startReceiver();
  try {
    await benchEvaluation(dir, options, receiver);
    await benchIngestion(dir, options, receiver);
  } finally {
    await receiver.stop();
  }
}
