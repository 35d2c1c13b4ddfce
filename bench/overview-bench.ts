// The dashboard "overview" query — 10 headline KPIs by channel and day over
// 90 days, then the same plus visitors — on a generated shop (default 10 M events + 1 M ad rows), timed
// through the service (POST /v1/query over loopback HTTP) and, in the same
// run on the same file, as hand-written DuckDB SQL over the stored tables.
// With a ClickHouse server, the raw tables of the same DuckDB file are copied
// into ClickHouse, Beacon builds the ClickHouse derived view, and the same
// queries are timed through a Beacon server over ClickHouse; its totals must
// equal DuckDB's.
import { join } from 'node:path';
import { createApiKey } from '../src/access/api-keys.js';
import { createWorkspace } from '../src/access/workspaces.js';
import { refreshWorkspace } from '../src/warehouse/derive-scheduler.js';
import { runServer } from '../src/server/run-server.js';
import { createClickHouseWarehouse } from '../src/warehouse/clickhouse/clickhouse-warehouse.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { roundMoney } from '../src/core/money.js';
import { fmt, median } from './bench-support.js';
import { copyRawTables } from './clickhouse-load.js';
import { generateOverviewData } from './overview-data.js';

const END = '2026-11-20';
const FROM = '2026-08-23';
/** The dashboard's headline KPIs; the second run adds visitors, an exact distinct count over the sessions. */
const METRICS = ['cost', 'impressions', 'clicks', 'ctr', 'cpc', 'sessions', 'conversions', 'revenue', 'cpa', 'roas'];
const WITH_VISITORS = [...METRICS, 'visitors'];

/** The same answer written by hand: each fact aggregated by day and channel (and over the period), then joined. */
const handWritten = (visitors: boolean) => `
WITH ad AS (
  SELECT a."date" AS day,
    coalesce(c.channel, CASE a.platform WHEN 'google_ads' THEN 'Paid Search' ELSE 'Paid Social' END) AS channel,
    sum(a.cost) AS cost, sum(a.clicks) AS clicks, sum(a.impressions) AS impressions
  FROM ad_performance a LEFT JOIN campaigns c ON c.workspace_id = a.workspace_id AND c.campaign_id = a.campaign_id
  WHERE a.workspace_id = 'default' AND a."date" BETWEEN DATE '${FROM}' AND DATE '${END}'
  GROUP BY GROUPING SETS ((1, 2), ())
),
s AS (
  SELECT CAST(local_started_at AS DATE) AS day, channel, count(*) AS sessions
  FROM sessions
  WHERE workspace_id = 'default' AND NOT is_bot
    AND local_started_at >= TIMESTAMP '${FROM} 00:00:00' AND local_started_at < TIMESTAMP '${END} 00:00:00' + INTERVAL 1 DAY
  GROUP BY GROUPING SETS ((1, 2), ())
),
v AS (
  SELECT CAST(local_ts AS DATE) AS day, channel, ${visitors ? 'count(DISTINCT anonymous_id)' : '0'} AS visitors
  FROM event_facts
  WHERE ${visitors ? '' : 'false AND '}workspace_id = 'default' AND NOT is_bot AND is_onsite
    AND local_ts >= TIMESTAMP '${FROM} 00:00:00' AND local_ts < TIMESTAMP '${END} 00:00:00' + INTERVAL 1 DAY
  GROUP BY GROUPING SETS ((1, 2), ())
),
ev AS (SELECT * FROM event_facts WHERE workspace_id = 'default' AND NOT is_bot),
purchases AS (
  SELECT person_id, ts, local_ts, revenue_converted AS revenue, coalesce(order_id, event_id) AS k,
    lag(ts) OVER (PARTITION BY person_id ORDER BY ts, coalesce(order_id, event_id)) AS prev_ts
  FROM ev WHERE is_conversion
  QUALIFY row_number() OVER (PARTITION BY coalesce(order_id, event_id) ORDER BY ts, event_id) = 1
),
clicks AS (SELECT person_id, ts, channel FROM ev WHERE type IN ('ad_click', 'email_click')),
touches AS (
  SELECT person_id, ts, channel, 1 AS r FROM clicks
  UNION ALL
  SELECT person_id, started_at, channel, 0 FROM sessions x
  WHERE workspace_id = 'default' AND NOT is_bot
    AND NOT EXISTS (SELECT 1 FROM clicks k WHERE k.person_id = x.person_id AND k.ts <= x.started_at AND k.ts >= x.started_at - INTERVAL 30 MINUTE)
),
credited AS (
  SELECT p.k, arg_max(t.channel, (CASE WHEN t.channel <> 'Direct' THEN 8796093022208 ELSE 0 END) + epoch_ms(t.ts) * 2 + t.r) AS channel
  FROM purchases p JOIN touches t ON t.person_id = p.person_id AND t.ts <= p.ts AND t.ts >= p.ts - INTERVAL 30 DAY
    AND (p.prev_ts IS NULL OR t.ts > p.prev_ts)
  GROUP BY p.k
),
conv AS (
  SELECT CAST(p.local_ts AS DATE) AS day, coalesce(c.channel, 'Direct') AS channel, count(*) AS conversions, sum(p.revenue) AS revenue
  FROM purchases p LEFT JOIN credited c ON c.k = p.k
  WHERE p.local_ts >= TIMESTAMP '${FROM} 00:00:00' AND p.local_ts < TIMESTAMP '${END} 00:00:00' + INTERVAL 1 DAY
  GROUP BY GROUPING SETS ((1, 2), ())
),
keys AS (SELECT day, channel FROM ad UNION SELECT day, channel FROM s UNION SELECT day, channel FROM conv${visitors ? ' UNION SELECT day, channel FROM v' : ''})
SELECT k.day, k.channel, coalesce(ad.cost, 0) AS cost, coalesce(ad.impressions, 0) AS impressions, coalesce(ad.clicks, 0) AS clicks,
  100.0 * ad.clicks / nullif(ad.impressions, 0) AS ctr, ad.cost / nullif(ad.clicks, 0) AS cpc,
  coalesce(s.sessions, 0) AS sessions${visitors ? ', coalesce(v.visitors, 0) AS visitors' : ''},
  coalesce(conv.conversions, 0) AS conversions, coalesce(conv.revenue, 0) AS revenue,
  ad.cost / nullif(conv.conversions, 0) AS cpa, conv.revenue / nullif(ad.cost, 0) AS roas
FROM keys k
LEFT JOIN ad ON ad.day IS NOT DISTINCT FROM k.day AND ad.channel IS NOT DISTINCT FROM k.channel
LEFT JOIN s ON s.day IS NOT DISTINCT FROM k.day AND s.channel IS NOT DISTINCT FROM k.channel
LEFT JOIN conv ON conv.day IS NOT DISTINCT FROM k.day AND conv.channel IS NOT DISTINCT FROM k.channel
LEFT JOIN v ON v.day IS NOT DISTINCT FROM k.day AND v.channel IS NOT DISTINCT FROM k.channel
ORDER BY k.channel, k.day`;

async function timed(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  await work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

const close = (a: number | null, b: number | null) => a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));
/** Money metrics come back rounded to the currency's minor unit (USD here); the hand-written answer is rounded the same way. */
const MONEY = new Set(['cost', 'cpc', 'revenue', 'cpa']);
const asServed = (metric: string, value: number | null) => (value !== null && MONEY.has(metric) ? roundMoney(value, 'USD') : value);

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)];

type Answer = { rows: unknown[]; totals: Record<string, number | null> };
type Totals = Record<string, number | null>;

/** Times POST /v1/query for `metrics` on a Beacon server over `warehouse`; resolves with the times and the last answer. */
async function timeService(warehouse: Warehouse, key: string, metrics: readonly string[], runs: number): Promise<{ times: number[]; answer: Answer }> {
  const server = await runServer({ warehouse, host: '127.0.0.1', port: 0, logLevel: 'silent', version: 'bench' });
  try {
    const body = JSON.stringify({ metrics, dimensions: ['channel'], grain: 'day', from: FROM, to: END });
    let answer: Answer | undefined;
    const times = await timed(runs, async () => {
      const response = await fetch(`${server.url}/v1/query`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body });
      if (response.status !== 200) throw new Error(`query failed: ${response.status} ${await response.text()}`);
      answer = (await response.json()) as Answer;
    });
    return { times, answer: answer! };
  } finally {
    await server.stop();
  }
}

const ms = (times: number[]) => `median ${fmt(median(times), 1)} ms · p95 ${fmt(p95(times), 1)} ms`;
const label = (metrics: readonly string[]) => (metrics === METRICS ? `${metrics.length} headline KPIs` : '+ visitors (exact distinct count)');

interface DuckDbResult {
  path: string;
  deriveSeconds: number;
  /** Median service time and the served totals, per metric set. */
  served: Map<readonly string[], { times: number[]; totals: Totals }>;
}

/** Generates the shop into a DuckDB file, builds the derived view and times the service against hand-written SQL. */
async function benchDuckDb(dir: string, events: number, adRows: number, runs: number): Promise<DuckDbResult> {
  console.log(`\nOverview query on DuckDB (${METRICS.length} KPIs by channel and day, 90 days) · ${fmt(events)} events + ${fmt(adRows)} ad rows · ${runs} runs each`);
  const path = join(dir, `overview-${events}-${adRows}.duckdb`);
  let warehouse = await createDuckDbWarehouse({ path });
  await createWorkspace(warehouse, 'default');
  const key = (await createApiKey(warehouse, 'default', 'read')).key;
  await warehouse.close();

  let started = performance.now();
  await generateOverviewData(path, 'default', { events, adRows, days: 90, end: END });
  console.log(`  generated in DuckDB: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  warehouse = await createDuckDbWarehouse({ path, memoryLimit: process.env.BEACON_DUCKDB_MEMORY_LIMIT ?? '4GB' });
  started = performance.now();
  await refreshWorkspace(warehouse, 'default');
  const deriveSeconds = (performance.now() - started) / 1000;
  console.log(`  derived view (sessions, channels, identities, conversion credits, ad facts): ${deriveSeconds.toFixed(1)} s`);

  const served = new Map<readonly string[], { times: number[]; totals: Totals }>();
  try {
    for (const metrics of [METRICS, WITH_VISITORS]) {
      const service = await timeService(warehouse, key, metrics, runs);
      let hand: Record<string, unknown>[] = [];
      const baseline = await timed(runs, async () => {
        hand = await warehouse.query({ sql: handWritten(metrics === WITH_VISITORS), params: {} });
      });
      const handTotals = hand.find((r) => r.day === null && r.channel === null)!;
      const same = metrics.every((m) => close(service.answer.totals[m], asServed(m, handTotals[m] === null ? null : Number(handTotals[m]))));
      served.set(metrics, { times: service.times, totals: service.answer.totals });
      console.log(`  ${label(metrics)}:`);
      console.log(`    service (HTTP):      ${ms(service.times)}`);
      console.log(`    hand-written DuckDB: ${ms(baseline)}`);
      console.log(`    ratio service / hand-written (medians): ${(median(service.times) / median(baseline)).toFixed(2)} (target ≤ 1.5; p95 target < 300 ms)`);
      console.log(`    totals equal to the hand-written answer: ${same ? 'yes' : 'NO'} (${service.answer.rows.length} rows)`);
    }
  } finally {
    await warehouse.close();
  }
  return { path, deriveSeconds, served };
}

/** Copies the DuckDB file's raw tables into a fresh ClickHouse database, lets Beacon derive, and times the same queries. */
async function benchClickHouse(dir: string, server: string, duckdb: DuckDbResult, events: number, adRows: number, runs: number): Promise<void> {
  console.log(`\nOverview query on ClickHouse (single server, same rows as the DuckDB file) · ${fmt(events)} events + ${fmt(adRows)} ad rows · ${runs} runs each`);
  const url = `${server}/overview`;
  let warehouse = await createClickHouseWarehouse({ url });
  await createWorkspace(warehouse, 'default');
  const key = (await createApiKey(warehouse, 'default', 'read')).key;
  await warehouse.close();

  const copy = await copyRawTables(duckdb.path, dir, server, 'overview', ['campaigns', 'ad_performance', 'events']);
  console.log(
    `  copied from DuckDB (${copy.copied.map((c) => `${c.table} ${fmt(c.rows)}`).join(', ')} rows; counts equal): export ${copy.exportSeconds.toFixed(1)} s, INSERT … FORMAT JSONEachRow ${copy.loadSeconds.toFixed(1)} s`,
  );
  warehouse = await createClickHouseWarehouse({ url });
  try {
    const started = performance.now();
    await refreshWorkspace(warehouse, 'default');
    const deriveSeconds = (performance.now() - started) / 1000;
    console.log(`  derived view built by Beacon: ${deriveSeconds.toFixed(1)} s (DuckDB, same rows: ${duckdb.deriveSeconds.toFixed(1)} s)`);
    for (const metrics of [METRICS, WITH_VISITORS]) {
      const service = await timeService(warehouse, key, metrics, runs);
      const reference = duckdb.served.get(metrics)!;
      const different = metrics.filter((m) => !close(service.answer.totals[m], reference.totals[m]));
      console.log(`  ${label(metrics)}:`);
      console.log(`    service (HTTP) over ClickHouse: ${ms(service.times)}`);
      console.log(`    service (HTTP) over DuckDB:     ${ms(reference.times)}`);
      console.log(`    ratio ClickHouse / DuckDB (medians): ${(median(service.times) / median(reference.times)).toFixed(2)}`);
      console.log(
        `    totals equal to DuckDB's: ${different.length === 0 ? 'yes' : `NO (${different.map((m) => `${m}: ${service.answer.totals[m]} vs ${reference.totals[m]}`).join('; ')})`} (${service.answer.rows.length} rows)`,
      );
    }
  } finally {
    await warehouse.close();
  }
}

export interface OverviewOptions {
  events: number;
  adRows: number;
  runs: number;
  duckdb: boolean;
  /** HTTP URL of a ClickHouse server to benchmark beside DuckDB. */
  clickhouse?: string;
  clickhouseEvents: number;
  clickhouseAdRows: number;
}

/**
 * DuckDB runs at its size; ClickHouse gets the rows of a DuckDB file at its
 * own size. When the sizes differ (or DuckDB alone is not asked for), DuckDB
 * also runs at the ClickHouse size, for the side-by-side figures and the
 * totals check.
 */
export async function benchOverview(dir: string, options: OverviewOptions): Promise<void> {
  let atDuckDbSize: DuckDbResult | undefined;
  if (options.duckdb) atDuckDbSize = await benchDuckDb(dir, options.events, options.adRows, options.runs);
  if (!options.clickhouse) return;
  const sameSize = options.duckdb && options.events === options.clickhouseEvents && options.adRows === options.clickhouseAdRows;
  const reference = sameSize ? atDuckDbSize! : await benchDuckDb(dir, options.clickhouseEvents, options.clickhouseAdRows, options.runs);
  await benchClickHouse(dir, options.clickhouse, reference, options.clickhouseEvents, options.clickhouseAdRows, options.runs);
}
