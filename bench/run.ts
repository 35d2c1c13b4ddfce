// npm run bench: every benchmark, each printing its figure beside a baseline
// measured in the same run. Options: --only
// ingest|overview|derive|mixed|dashboard|attribution|clv|cohorts|funnels|experiments|forecast|anomalies|alerts|quality|budget|integrations,
// --events N (ingestion, default 1,000,000), --runs N (ingestion runs, default 3),
// --overview-events N (default 10,000,000), --ad-rows N (default 1,000,000),
// --query-runs N (default 20), --engines duckdb,clickhouse (default: both
// when clickhouse-server is installed, else duckdb), --clickhouse-events N
// (overview size on ClickHouse, default 2,000,000) and --clickhouse-ad-rows N
// (default: --ad-rows scaled like the events), and for the derived view
// (--only derive) --derive-events N (DuckDB, default 10,000,000; ad rows a
// tenth of that) and --clickhouse-derive-events N (default 2,000,000), and for the mixed load
// --mixed-events N (each of two workspaces, default 1,000,000), --mixed-seconds
// S (each load, default 10) and --mixed-rate N (events a second, default 20,000),
// and for the dashboard in Chromium --dashboard-loads N (default 7) and
// --demo-visitors N (default 50,000, as `beacon demo`), and for attribution
// --journeys N (journeys in the warehouse, DuckDB only, default 1,000,000) and
// --attribution-runs N (runs on the path file, default 21), and for customer
// value --clv-customers N (the generated order history, default 1,000,000) and
// --clv-runs N (fits on CDNOW, default 21), and for cohorts --cohort-customers N
// (the generated order history, default 200,000) and --cohort-runs N (default 7),
// and for funnels --funnel-people N (DuckDB, default 300,000) and --funnel-runs N (default 5),
// for experiment readouts --experiment-people N (DuckDB, default 300,000) and
// --experiment-runs N (default 5), and for forecasts --forecast-runs N (fits
// on AirPassengers, default 21), and for anomaly detection --anomaly-runs N
// (default 21), and for alerts (DuckDB; --only alerts) --alert-events N (the
// overview shop the 200 rules read, default 10,000,000), --alert-runs N
// (default 3), --alert-ingest-events N (events a run of ingestion with and
// without 50 real-time rules, default 1,000,000) and --alert-ingest-runs N (each, default 2),
// and for the data-quality audit (DuckDB) --quality-events N (default 10,000,000;
// ad rows scaled like --ad-rows) and --quality-runs N (default 3), and for budgets
// --budget-fit-runs N (default 3) and --budget-runs N (optimizer, default 21), and for the
// integrations (DuckDB) --segment-events N (Segment calls a run, default 200,000),
// --segment-runs N (default 3), --export-events N (the generated shop the
// exports read, default 1,000,000) and --export-runs N (default 3).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { clickhouseBinary, startClickHouse, type ClickHouseServers } from '../test/support/clickhouse.js';
import { benchAlerts } from './alert-bench.js';
import { benchAnomalies } from './anomaly-bench.js';
import { benchQuality } from './quality-bench.js';
import { benchBudget } from './budget-bench.js';
import { benchAttribution } from './attribution-bench.js';
import { benchClv } from './clv-bench.js';
import { benchCohorts } from './cohort-bench.js';
import { benchDashboard } from './dashboard-bench.js';
import { benchExperiments } from './experiment-bench.js';
import { benchForecast } from './forecast-bench.js';
import { benchFunnels } from './funnel-bench.js';
import { benchDerive } from './derive-bench.js';
import { benchIngest } from './ingest-bench.js';
import { benchIntegrations } from './integrations-bench.js';
import { benchMixed } from './mixed-load-bench.js';
import { benchOverview } from './overview-bench.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    engines: { type: 'string' },
    events: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    'overview-events': { type: 'string', default: '10000000' },
    'ad-rows': { type: 'string', default: '1000000' },
    'query-runs': { type: 'string', default: '20' },
    'clickhouse-events': { type: 'string', default: '2000000' },
    'clickhouse-ad-rows': { type: 'string' },
    'derive-events': { type: 'string', default: '10000000' },
    'clickhouse-derive-events': { type: 'string', default: '2000000' },
    'mixed-events': { type: 'string', default: '1000000' },
    'mixed-seconds': { type: 'string', default: '10' },
    'mixed-rate': { type: 'string', default: '20000' },
    'dashboard-loads': { type: 'string', default: '7' },
    'demo-visitors': { type: 'string', default: '50000' },
    journeys: { type: 'string', default: '1000000' },
    'attribution-runs': { type: 'string', default: '21' },
    'clv-customers': { type: 'string', default: '1000000' },
    'clv-runs': { type: 'string', default: '21' },
    'cohort-customers': { type: 'string', default: '200000' },
    'cohort-runs': { type: 'string', default: '7' },
    'funnel-people': { type: 'string', default: '300000' },
    'funnel-runs': { type: 'string', default: '5' },
    'experiment-people': { type: 'string', default: '300000' },
    'experiment-runs': { type: 'string', default: '5' },
    'forecast-runs': { type: 'string', default: '21' },
    'anomaly-runs': { type: 'string', default: '21' },
    'quality-events': { type: 'string', default: '10000000' },
    'quality-runs': { type: 'string', default: '3' },
    'budget-fit-runs': { type: 'string', default: '3' },
    'budget-runs': { type: 'string', default: '21' },
    'alert-events': { type: 'string', default: '10000000' },
    'alert-runs': { type: 'string', default: '3' },
    'alert-ingest-events': { type: 'string', default: '1000000' },
    'alert-ingest-runs': { type: 'string', default: '2' },
    'segment-events': { type: 'string', default: '200000' },
    'segment-runs': { type: 'string', default: '3' },
    'export-events': { type: 'string', default: '1000000' },
    'export-runs': { type: 'string', default: '3' },
  },
});

const binary = clickhouseBinary();
const engines = new Set((values.engines ?? (binary ? 'duckdb,clickhouse' : 'duckdb')).split(',').map((e) => e.trim()));
for (const engine of engines) {
  if (engine !== 'duckdb' && engine !== 'clickhouse') throw new Error(`--engines takes duckdb and/or clickhouse, got "${engine}"`);
}
if (engines.has('clickhouse') && !binary) throw new Error('--engines clickhouse: clickhouse-server is not installed');

const overviewEvents = Number(values['overview-events']);
const adRows = Number(values['ad-rows']);
const clickhouseEvents = Number(values['clickhouse-events']);
const clickhouseAdRows = Number(values['clickhouse-ad-rows'] ?? Math.round((adRows * clickhouseEvents) / overviewEvents));

const dir = mkdtempSync(join(tmpdir(), 'beacon-bench-'));
let clickhouse: ClickHouseServers | undefined;
try {
  console.log(`Beacon benchmarks · node ${process.version} · ${new Date().toISOString()}`);
  console.log(`engines: ${[...engines].join(', ')}${binary ? '' : ' (clickhouse-server not found: the ClickHouse benchmarks are skipped)'}`);
  if (engines.has('clickhouse')) {
    clickhouse = await startClickHouse();
    const version = (await (await fetch(`${clickhouse.url}/?query=SELECT%20version()`)).text()).trim();
    console.log(`ClickHouse ${version}: one server on loopback (${binary}), sharing the machine's cores with Beacon and the load generator`);
  }
  const duckdb = engines.has('duckdb');
  if (!values.only || values.only === 'ingest') {
    await benchIngest(dir, { total: Number(values.events), runs: Number(values.runs), duckdb, clickhouse: clickhouse?.url, clickhousePids: clickhouse?.pids });
  }
  if (!values.only || values.only === 'overview') {
    if (clickhouse) {
      console.log(`\noverview sizes: ${duckdb ? `DuckDB ${overviewEvents.toLocaleString('en-US')} events + ${adRows.toLocaleString('en-US')} ad rows; ` : ''}ClickHouse ${clickhouseEvents.toLocaleString('en-US')} events + ${clickhouseAdRows.toLocaleString('en-US')} ad rows`);
    }
    await benchOverview(dir, {
      events: overviewEvents,
      adRows,
      runs: Number(values['query-runs']),
      duckdb,
      clickhouse: clickhouse?.url,
      clickhouseEvents,
      clickhouseAdRows,
    });
  }
  if (!values.only || values.only === 'derive') {
    const events = Number(values['derive-events']);
    await benchDerive(dir, { events, adRows: Math.round(events / 10), clickhouse: clickhouse?.url, clickhouseEvents: Number(values['clickhouse-derive-events']) });
  }
  if ((!values.only || values.only === 'mixed') && duckdb) {
    const events = Number(values['mixed-events']);
    await benchMixed(dir, { events, adRows: Math.round(events / 10), seconds: Number(values['mixed-seconds']), rate: Number(values['mixed-rate']), batch: 5_000 });
  }
  if ((!values.only || values.only === 'dashboard') && duckdb) {
    await benchDashboard(dir, { loads: Number(values['dashboard-loads']), visitors: Number(values['demo-visitors']), days: 90 });
  }
  if (!values.only || values.only === 'attribution') {
    await benchAttribution(dir, { journeys: Number(values.journeys), fileRuns: Number(values['attribution-runs']), duckdb });
  }
  if ((!values.only || values.only === 'clv') && duckdb) {
    await benchClv(dir, { customers: Number(values['clv-customers']), fitRuns: Number(values['clv-runs']) });
  }
  if ((!values.only || values.only === 'cohorts') && duckdb) {
    await benchCohorts(dir, { customers: Number(values['cohort-customers']), runs: Number(values['cohort-runs']) });
  }
  if ((!values.only || values.only === 'funnels') && duckdb) {
    await benchFunnels(dir, { people: Number(values['funnel-people']), runs: Number(values['funnel-runs']) });
  }
  if ((!values.only || values.only === 'experiments') && duckdb) {
    await benchExperiments(dir, { people: Number(values['experiment-people']), runs: Number(values['experiment-runs']) });
  }
  if (!values.only || values.only === 'forecast') {
    benchForecast({ runs: Number(values['forecast-runs']) });
  }
  if (!values.only || values.only === 'anomalies') {
    benchAnomalies({ runs: Number(values['anomaly-runs']) });
  }
  if (!values.only || values.only === 'budget') {
    benchBudget({ fitRuns: Number(values['budget-fit-runs']), optimizerRuns: Number(values['budget-runs']) });
  }
  if ((!values.only || values.only === 'quality') && duckdb) {
    const events = Number(values['quality-events']);
    await benchQuality(dir, { events, adRows: Math.round((adRows * events) / overviewEvents), runs: Number(values['quality-runs']) });
  }
  if ((!values.only || values.only === 'alerts') && duckdb) {
    await benchAlerts(dir, {
      events: Number(values['alert-events']),
      runs: Number(values['alert-runs']),
      ingestEvents: Number(values['alert-ingest-events']),
      ingestRuns: Number(values['alert-ingest-runs']),
    });
  }
  if ((!values.only || values.only === 'integrations') && duckdb) {
    await benchIntegrations(dir, {
      segmentEvents: Number(values['segment-events']),
      segmentRuns: Number(values['segment-runs']),
      exportEvents: Number(values['export-events']),
      exportRuns: Number(values['export-runs']),
    });
  }
} finally {
  await clickhouse?.stop();
  rmSync(dir, { recursive: true, force: true });
}
