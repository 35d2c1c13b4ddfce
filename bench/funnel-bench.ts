// Funnels on the warehouse (DuckDB): people generated inside DuckDB (SQL over
// range()) straight into the raw events table, the derived view built by
// Beacon, then a four-step ordered funnel (ad_click → page_view → signup →
// purchase, 7 days) through warehouse.funnelCounts and the whole funnelReport,
// beside a hand-written DuckDB statement giving the same counts and medians
// (a chain of joins, one per step, over the derived events); the bench checks
// the answers are equal. The same funnel by channel, strict and in any order
// is timed too, against Beacon's ordered one.
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { createWorkspace } from '../src/access/workspaces.js';
import { funnelReport } from '../src/funnels/funnel-service.js';
import type { QueryServices } from '../src/metrics/query-service.js';
import { DeriveScheduler, refreshWorkspace } from '../src/warehouse/derive-scheduler.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import type { FunnelCounts, FunnelQuery, Warehouse } from '../src/warehouse/warehouse.js';
import { fmt, median, ms, timedAsync } from './bench-support.js';

export interface FunnelBenchOptions {
  /** People generated (default 300,000; about 3.7 events each). */
  people: number;
  /** Timed runs of each statement after one warm-up (default 5). */
  runs: number;
}

const WORKSPACE = 'default';
const MONTH = { from: '2026-11-01', to: '2026-11-28' };
const DAY_MS = 86_400_000;
const WINDOW_MS = 7 * DAY_MS;
const STEPS = ['ad_click', 'page_view', 'signup', 'purchase'];

/** utm_source, utm_medium, utm_campaign of a click: Paid Search, Paid Social, Email, Display. */
const TRAFFIC = [
  ['google', 'cpc', 'search_brand'],
  ['google', 'cpc', 'search_generic'],
  ['facebook', 'paid_social', 'social_prospecting'],
  ['newsletter', 'email', 'weekly_digest'],
  ['gdn', 'display', 'display_awareness'],
];

/**
 * Person j ("p<j>"): one ad click at t0 (a random instant in the first 28 days
 * of November), a landing page view 5 s later and 0 to 2 more a minute apart;
 * 30 % a page view the day before t0; 25 % sign up 0 to 3 days after t0, and
 * 40 % of those buy 0 to 10 days after signing up (some beyond the window).
 */
async function generatePeople(path: string, people: number): Promise<number> {
  const instance = await DuckDBInstance.create(path);
  const db = await instance.connect();
  try {
    const traffic = TRAFFIC.map((t, i) => `(${i}, ${t.map((v) => `'${v}'`).join(', ')})`).join(', ');
    await db.run(`CREATE TEMP TABLE traffic AS SELECT * FROM (VALUES ${traffic}) v(k, source, medium, campaign)`);
    await db.run(
      `CREATE TEMP TABLE bench_people AS
       SELECT j, TIMESTAMP '${MONTH.from} 00:00:00' + to_milliseconds(CAST(hash(j * 3) % ${28 * DAY_MS} AS BIGINT)) AS t0,
         hash(j * 7) % ${TRAFFIC.length} AS k, 1 + hash(j * 5) % 3 AS views, hash(j * 11) % 100 < 30 AS before,
         hash(j * 13) % 100 < 25 AS signs, hash(j * 17) % ${3 * DAY_MS} AS signup_after, hash(j * 19) % 100 < 40 AS buys,
         hash(j * 23) % ${10 * DAY_MS} AS purchase_after
       FROM range(${people}) r(j)`,
    );
    const columns = `workspace_id, import_id, seq, received_at, event_id, type, "timestamp", anonymous_id, url, referrer,
      revenue, currency, order_id, user_agent, properties, parsed_utm_source, parsed_utm_medium, parsed_utm_campaign,
      parsed_click_id_kind, parsed_landing_page, parsed_referrer_host, parsed_is_bot`;
    const row = (seq: string, id: string, type: string, at: string, url: string, utm: string, extra = 'NULL, NULL, NULL') =>
      `SELECT '${WORKSPACE}', 'bench', ${seq}, now(), ${id}, '${type}', ${at}, 'p' || j, ${url}, NULL, ${extra}, 'Mozilla/5.0', '{}', ${utm}, NULL, '/', NULL, false`;
    const landing = `'https://shop.example/?utm_source=' || source || '&utm_medium=' || medium || '&utm_campaign=' || campaign`;
    const tagged = 'source, medium, campaign';
    const plain = 'NULL, NULL, NULL';
    const toMs = (n: string) => `to_milliseconds(CAST(${n} AS BIGINT))`;
    await db.run(`INSERT INTO events (${columns}) ${row('j * 8', `'c' || j`, 'ad_click', 't0', landing, tagged)} FROM bench_people JOIN traffic USING (k)`);
    await db.run(
      `INSERT INTO events (${columns}) ${row('j * 8 + 1 + v', `'v' || j || '_' || v`, 'page_view', `t0 + ${toMs('5000 + 60000 * v')}`, `CASE WHEN v = 0 THEN ${landing} ELSE 'https://shop.example/p' END`, `CASE WHEN v = 0 THEN source END, CASE WHEN v = 0 THEN medium END, CASE WHEN v = 0 THEN campaign END`)}
       FROM bench_people JOIN traffic USING (k), range(3) r(v) WHERE v < views`,
    );
    await db.run(`INSERT INTO events (${columns}) ${row('j * 8 + 4', `'b' || j`, 'page_view', `t0 - INTERVAL 1 DAY`, `'https://shop.example/'`, plain)} FROM bench_people WHERE before`);
    await db.run(`INSERT INTO events (${columns}) ${row('j * 8 + 5', `'s' || j`, 'signup', `t0 + ${toMs('signup_after')}`, `'https://shop.example/signup'`, plain)} FROM bench_people WHERE signs`);
    await db.run(
      `INSERT INTO events (${columns}) ${row('j * 8 + 6', `'o' || j`, 'purchase', `t0 + ${toMs('signup_after + purchase_after')}`, `'https://shop.example/checkout'`, plain, `CAST(40 AS DECIMAL(18,6)), NULL, 'order-' || j`)}
       FROM bench_people WHERE signs AND buys`,
    );
    return Number((await db.runAndReadAll(`SELECT count(*) FROM events WHERE workspace_id = '${WORKSPACE}'`)).getRows()[0][0]);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

/**
 * The ordered funnel written by hand for DuckDB over the derived events: the
 * first click in the period, then for each step the first event of its type
 * at or after the previous step's, within 7 days of the click (the steps'
 * types differ, so "after" is "at or after"); counts and exact medians.
 */
function handWritten(start: number, end: number): string {
  const next = (k: number) => `s${k} AS (
      SELECT s${k - 1}.person_id, t1, ${Array.from({ length: k - 2 }, (_, i) => `t${i + 2}, `).join('')}min(e.ms) AS t${k}
      FROM s${k - 1} JOIN e ON e.person_id = s${k - 1}.person_id AND e.k = ${k} AND e.ms >= t${k - 1} AND e.ms <= t1 + ${WINDOW_MS}
      GROUP BY ALL)`;
  return `WITH e AS (
      SELECT person_id, epoch_ms(ts) AS ms, CASE type ${STEPS.map((s, i) => `WHEN '${s}' THEN ${i + 1}`).join(' ')} END AS k
      FROM event_facts WHERE workspace_id = '${WORKSPACE}' AND NOT is_bot AND type IN (${STEPS.map((s) => `'${s}'`).join(', ')})
        AND ts >= make_timestamp(${start * 1000}) AND ts < make_timestamp(${(end + WINDOW_MS) * 1000})),
    s1 AS (SELECT person_id, min(ms) AS t1 FROM e WHERE k = 1 AND ms < ${end} GROUP BY person_id),
    ${[2, 3, 4].map(next).join(',\n    ')}
    SELECT (SELECT count(*) FROM s1) AS reached_1,
      ${[2, 3, 4].map((k) => `(SELECT count(*) FROM s${k}) AS reached_${k}, (SELECT median(CAST(t${k} - t${k - 1} AS DOUBLE)) FROM s${k}) AS median_${k}`).join(',\n      ')}`;
}

function countsOf(row: Record<string, unknown>): FunnelCounts {
  return {
    key: null,
    entered: Number(row.reached_1),
    reached: [1, 2, 3, 4].map((k) => Number(row[`reached_${k}`])),
    medianMs: [null, ...[2, 3, 4].map((k) => (row[`median_${k}`] === null ? null : Number(row[`median_${k}`])))],
  };
}

async function prepare(dir: string, people: number): Promise<{ warehouse: Warehouse; events: number; loadSeconds: number; deriveSeconds: number }> {
  const path = join(dir, 'funnels.duckdb');
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

export async function benchFunnels(dir: string, options: FunnelBenchOptions): Promise<void> {
  const { warehouse, events, loadSeconds, deriveSeconds } = await prepare(dir, options.people);
  try {
    const workspace = (await warehouse.getWorkspace(WORKSPACE))!;
    const query: FunnelQuery = {
      steps: STEPS.map((type) => ({ kind: 'event', type })),
      order: 'ordered',
      windowMs: WINDOW_MS,
      ...MONTH,
      timeZone: workspace.settings.timezone,
      botFiltering: workspace.settings.bot_filtering,
    };
    const start = Date.parse(`${MONTH.from}T00:00:00Z`);
    const end = Date.parse(`${MONTH.to}T00:00:00Z`) + DAY_MS;
    console.log(
      `\nFunnels on the warehouse (DuckDB) · ${fmt(options.people)} people, ${fmt(events)} events (${fmt(events / options.people, 2)} a person), ` +
        `${STEPS.join(' → ')} within 7 days, entering ${MONTH.from}..${MONTH.to} (${workspace.settings.timezone}) · loaded in ${fmt(loadSeconds, 1)} s, ` +
        `derived view ${fmt(deriveSeconds, 1)} s · medians of ${options.runs} runs after 1 warm-up`,
    );
    const [beacon] = await warehouse.funnelCounts(WORKSPACE, query);
    const baseline = countsOf((await warehouse.query({ sql: handWritten(start, end), params: {} }))[0]);
    if (JSON.stringify(beacon) !== JSON.stringify(baseline)) {
      throw new Error(`funnel bench: Beacon's counts ${JSON.stringify(beacon)} differ from the hand-written statement's ${JSON.stringify(baseline)}`);
    }
    console.log(`  counts ${beacon.reached.map((n) => fmt(n)).join(' → ')}; median seconds ${beacon.medianMs.slice(1).map((m) => fmt((m ?? 0) / 1000, 1)).join(', ')} (equal to the hand-written statement's)`);

    const services: QueryServices = { warehouse, derived: new DeriveScheduler(warehouse) };
    const body = { steps: STEPS, window_days: 7, ...MONTH };
    const hand = await timedAsync(1, options.runs, () => warehouse.query({ sql: handWritten(start, end), params: {} }));
    const counts = await timedAsync(1, options.runs, () => warehouse.funnelCounts(WORKSPACE, query));
    const report = await timedAsync(1, options.runs, () => funnelReport(services, workspace, body));
    const floor = median(hand);
    const label = (s: string) => `  ${s.padEnd(44)}`;
    console.log(`${label('hand-written DuckDB (joins, the baseline):')}${ms(hand, 0)}`);
    console.log(`${label('warehouse.funnelCounts (one statement):')}${ms(counts, 0)} · ratio ${fmt(median(counts) / floor, 2)}`);
    console.log(`${label('funnelReport (service, fresh-view check):')}${ms(report, 0)} · ratio ${fmt(median(report) / floor, 2)}`);
    const ordered = median(counts);
    for (const [name, variant] of [
      ['by channel', { ...query, by: 'channel' }],
      ['strict', { ...query, order: 'strict' }],
      ['any order', { ...query, order: 'any' }],
    ] as const) {
      const times = await timedAsync(1, options.runs, () => warehouse.funnelCounts(WORKSPACE, variant as FunnelQuery));
      console.log(`${label(`funnelCounts, ${name}:`)}${ms(times, 0)} · ratio to the ordered funnel ${fmt(median(times) / ordered, 2)}`);
    }
  } finally {
    await warehouse.close();
  }
}
