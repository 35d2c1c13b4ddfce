// Multi-touch attribution, in two parts.
//
// 1. A path file: ChannelAttribution's public sample
//    (../shared/datasets/ChannelAttribution_Data.csv, read in place), parsed
//    by parsePathFile (the floor: reading the paths) and credited by Markov
//    (order 1) and Shapley; medians after warm-ups. The product target:
//    Markov under 50 ms. The C++ ChannelAttribution package is quoted as
//    context, not measured.
// 2. The warehouse: about a million journeys (one person's visits from UTM
//    links of a handful of channels and campaigns over November, some ending
//    in a purchase) generated inside DuckDB (SQL over range()) straight into
//    the raw events table, the derived view built by Beacon, then
//    warehouse.journeyPaths alone (the floor: the distinct paths out of the
//    engine) beside the whole attributionReport with Markov and with Shapley,
//    with the peak RSS of the process while the reports run. The product
//    target: Markov on 1 M journeys under 10 s on two cores.
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourceUsage } from 'node:process';
import { createWorkspace, updateSettings } from '../src/access/workspaces.js';
import { attributionReport } from '../src/attribution/attribution-service.js';
import { attributeMarkov } from '../src/attribution/markov.js';
import { parsePathFile } from '../src/attribution/path-file.js';
import { attributeShapley } from '../src/attribution/shapley.js';
import { freshView, type QueryServices } from '../src/metrics/query-service.js';
import { DeriveScheduler, refreshWorkspace } from '../src/warehouse/derive-scheduler.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import type { JourneyQuery } from '../src/warehouse/warehouse.js';
import { fmt, mb, median, ms, ROOT, seconds, timedAsync, timedSync } from './bench-support.js';
import { MemoryWatch, RSS_SAMPLE_MS, type Watched } from './memory-watch.js';

export interface AttributionOptions {
  /** Journeys generated in the warehouse (default 1,000,000). */
  journeys: number;
  /** Timed runs on the path file, after FILE_WARMUPS warm-ups (default 21). */
  fileRuns: number;
  /** Whether to run the warehouse part (DuckDB). */
  duckdb: boolean;
}

const DATASET = join(ROOT, '..', 'shared', 'datasets', 'ChannelAttribution_Data.csv');
const FILE_WARMUPS = 3;
const FILE_TARGET_MS = 50;
/** Not measured here: the C++ ChannelAttribution package (simulated Markov chain) on this kind of machine. */
const CHANNEL_ATTRIBUTION_CPP_S = 0.2;

const WAREHOUSE_RUNS = 3;
const WAREHOUSE_TARGET_S = 10;
const WORKSPACE = 'default';
const MONTH = { from: '2026-11-01', to: '2026-11-30' };

/**
 * Where journeys come from, weighted by repetition: utm_source, utm_medium,
 * utm_campaign (null for a direct visit). Six channels under the default
 * grouping: Paid Search, Paid Social, Email, Display, Affiliates, Direct.
 */
const TRAFFIC: readonly (readonly [string | null, string | null, string | null])[] = [
  ...Array(4).fill(['google', 'cpc', 'search_brand']),
  ...Array(3).fill(['google', 'cpc', 'search_generic']),
  ...Array(3).fill(['facebook', 'paid_social', 'social_prospecting']),
  ...Array(2).fill(['instagram', 'paid_social', 'social_retargeting']),
  ...Array(3).fill(['newsletter', 'email', 'weekly_digest']),
  ['newsletter', 'email', 'winback'],
  ...Array(2).fill(['gdn', 'display', 'display_awareness']),
  ...Array(2).fill(['partner_network', 'affiliate', 'affiliate_deals']),
  ...Array(3).fill([null, null, null]),
];
const CAMPAIGNS = new Set(TRAFFIC.filter((t) => t[2] !== null).map((t) => t[2])).size;

async function benchPathFile(runs: number): Promise<void> {
  if (!existsSync(DATASET)) {
    console.log(`\nAttribution on a path file: ${DATASET} is missing: skipped`);
    return;
  }
  const text = readFileSync(DATASET, 'utf8');
  const parsed = parsePathFile(text);
  if (parsed.rejected > 0) throw new Error(`attribution bench: ${parsed.rejected} lines of ${DATASET} were rejected: ${parsed.errors[0].message}`);
  const channels = new Set(parsed.paths.flatMap((p) => p.touches)).size;
  const conversions = parsed.paths.reduce((sum, p) => sum + p.conversions, 0);
  console.log(
    `\nAttribution on a path file · ChannelAttribution_Data.csv (${fmt(parsed.accepted)} lines, ${fmt(parsed.paths.length)} distinct paths, ${channels} channels, ` +
      `${fmt(conversions)} conversions) · medians of ${runs} runs after ${FILE_WARMUPS} warm-ups`,
  );
  const parse = timedSync(FILE_WARMUPS, runs, () => parsePathFile(text));
  const markov = timedSync(FILE_WARMUPS, runs, () => attributeMarkov(parsed.paths, { order: 1 }));
  const shapley = timedSync(FILE_WARMUPS, runs, () => attributeShapley(parsed.paths));
  const floor = median(parse);
  const label = (s: string) => `  ${s.padEnd(38)}`;
  console.log(`${label('parsePathFile (the floor):')}${ms(parse)}`);
  console.log(
    `${label('Markov order 1 (exact chain):')}${ms(markov)} · ratio markov / parse ${fmt(median(markov) / floor, 2)} · ` +
      `target < ${FILE_TARGET_MS} ms${median(markov) < FILE_TARGET_MS ? '' : ' (MISSED)'}`,
  );
  console.log(`${label(`Shapley (${attributeShapley(parsed.paths).method}, ${channels} channels):`)}${ms(shapley)} · ratio shapley / parse ${fmt(median(shapley) / floor, 2)}`);
  console.log(`  context, not measured here: the C++ ChannelAttribution package (simulated Markov) takes about ${CHANNEL_ATTRIBUTION_CPP_S} s on this kind of machine`);
}

/**
 * The journeys, generated inside DuckDB straight into the raw events table of
 * a closed warehouse file (the fastest way the benchmarks load event sets).
 * Journey j is person "p<j>": 1 to 3 visits (15 / 35 / 50 %), the first in
 * the first 24 days of November, each later one 1 to 97 hours after the one
 * before, each landing from a weighted TRAFFIC entry; 6.5 / 9 / 11.5 % of them
 * (by visits) end with a purchase 5 minutes into the last visit.
 */
async function generateJourneys(path: string, journeys: number): Promise<number> {
  const instance = await DuckDBInstance.create(path);
  const db = await instance.connect();
  try {
    const lit = (v: string | null) => (v === null ? 'NULL' : `'${v}'`);
    const traffic = TRAFFIC.map((t, i) => `(${i}, ${t.map(lit).join(', ')})`).join(', ');
    const hour = 3_600_000;
    await db.run(`CREATE TEMP TABLE traffic AS SELECT * FROM (VALUES ${traffic}) v(k, source, medium, campaign)`);
    await db.run(
      `CREATE TEMP TABLE bench_journeys AS
       SELECT j, visits, t0,
         t0 + to_milliseconds(CAST(CASE WHEN visits >= 2 THEN g1 ELSE 0 END + CASE WHEN visits >= 3 THEN g2 ELSE 0 END AS BIGINT)) AS t_last,
         hash(j * 5) % 1000 < 40 + 25 * visits AS buys
       FROM (SELECT j, CASE WHEN hash(j) % 20 < 3 THEN 1 WHEN hash(j) % 20 < 10 THEN 2 ELSE 3 END AS visits,
               TIMESTAMP '${MONTH.from} 00:00:00' + to_milliseconds(CAST(hash(j * 3) % ${24 * 24 * hour} AS BIGINT)) AS t0,
               ${hour} + hash(j * 11 + 1) % ${96 * hour} AS g1, ${hour} + hash(j * 11 + 2) % ${96 * hour} AS g2
             FROM range(${journeys}) r(j))`,
    );
    const columns = `workspace_id, import_id, seq, received_at, event_id, type, "timestamp", anonymous_id, url, referrer,
      revenue, currency, order_id, user_agent, properties, parsed_utm_source, parsed_utm_medium, parsed_utm_campaign,
      parsed_click_id_kind, parsed_landing_page, parsed_referrer_host, parsed_is_bot`;
    // Visit i starts at t0 + the first i gaps (recomputed as in bench_journeys).
    await db.run(
      `INSERT INTO events (${columns})
       SELECT '${WORKSPACE}', 'bench', j * 4 + i, now(), 'v' || j || '_' || i, 'page_view',
         t0 + to_milliseconds(CAST(CASE WHEN i >= 1 THEN ${hour} + hash(j * 11 + 1) % ${96 * hour} ELSE 0 END
                                 + CASE WHEN i >= 2 THEN ${hour} + hash(j * 11 + 2) % ${96 * hour} ELSE 0 END AS BIGINT)),
         'p' || j,
         CASE WHEN source IS NULL THEN 'https://shop.example/' ELSE 'https://shop.example/?utm_source=' || source || '&utm_medium=' || medium || '&utm_campaign=' || campaign END,
         NULL, NULL, NULL, NULL, 'Mozilla/5.0', '{"device":"desktop"}', source, medium, campaign, NULL, '/', NULL, false
       FROM bench_journeys, range(3) v(i), traffic
       WHERE i < visits AND traffic.k = hash(j * 7 + i) % ${TRAFFIC.length}`,
    );
    await db.run(
      `INSERT INTO events (${columns})
       SELECT '${WORKSPACE}', 'bench', j * 4 + 3, now(), 'o' || j, 'purchase', t_last + INTERVAL 5 MINUTE, 'p' || j,
         'https://shop.example/checkout', NULL, CAST(20 + hash(j * 13) % 180 AS DECIMAL(18,6)), NULL, 'order-' || j, 'Mozilla/5.0',
         '{"device":"desktop"}', NULL, NULL, NULL, NULL, '/checkout', NULL, false
       FROM bench_journeys WHERE buys`,
    );
    return Number((await db.runAndReadAll(`SELECT count(*) FROM events WHERE workspace_id = '${WORKSPACE}'`)).getRows()[0][0]);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

async function benchWarehouse(dir: string, journeys: number): Promise<void> {
  const path = join(dir, 'attribution.duckdb');
  let warehouse = await createDuckDbWarehouse({ path });
  await createWorkspace(warehouse, WORKSPACE);
  await updateSettings(warehouse, WORKSPACE, { bot_filtering: false });
  await warehouse.close();

  let started = performance.now();
  const events = await generateJourneys(path, journeys);
  const loadSeconds = (performance.now() - started) / 1000;
  warehouse = await createDuckDbWarehouse({ path, memoryLimit: process.env.BEACON_DUCKDB_MEMORY_LIMIT ?? '4GB' });
  try {
    started = performance.now();
    await refreshWorkspace(warehouse, WORKSPACE);
    const deriveSeconds = (performance.now() - started) / 1000;
    const workspace = (await warehouse.getWorkspace(WORKSPACE))!;
    console.log(
      `\nAttribution on the warehouse (DuckDB) · ${fmt(journeys)} journeys, ${fmt(events)} events (${fmt(events / journeys, 2)} a journey; ` +
        `${CAMPAIGNS} campaigns, ${MONTH.from}..${MONTH.to}, zone ${workspace.settings.timezone}, lookback ${workspace.settings.lookback_days} days, bot filtering off) · ` +
        `loaded in ${fmt(loadSeconds, 1)} s (SQL into the raw events table), derived view ${fmt(deriveSeconds, 1)} s · ${WAREHOUSE_RUNS} rounds of floor, markov, shapley after 1 warm-up each`,
    );

    const query: JourneyQuery = {
      ...MONTH,
      dimension: 'channel',
      lookbackDays: workspace.settings.lookback_days,
      timeZone: workspace.settings.timezone,
      botFiltering: workspace.settings.bot_filtering,
    };
    const services: QueryServices = { warehouse, derived: new DeriveScheduler(warehouse) };
    let paths = await warehouse.journeyPaths(WORKSPACE, query);
    const steps = {
      floor: async () => (paths = await warehouse.journeyPaths(WORKSPACE, query)),
      markov: () => attributionReport(services, workspace, { model: 'markov', dimension: 'channel', ...MONTH }),
      shapley: () => attributionReport(services, workspace, { model: 'shapley', dimension: 'channel', ...MONTH }),
    };
    // One warm-up of each report (the floor's is the call above), then rounds of all three in turn, so that what
    // else the machine runs meanwhile weighs on each alike.
    await steps.markov();
    await steps.shapley();
    const watch = await MemoryWatch.start();
    const runs: Record<keyof typeof steps, Watched[]> = { floor: [], markov: [], shapley: [] };
    const maxRssBefore = resourceUsage().maxRSS * 1024;
    try {
      for (let round = 0; round < WAREHOUSE_RUNS; round++) {
        for (const step of ['floor', 'markov', 'shapley'] as const) runs[step].push(await watch.watch(steps[step]));
      }
    } finally {
      await watch.stop();
    }
    const maxRssAfter = resourceUsage().maxRSS * 1024;

    const times = (step: keyof typeof steps) => runs[step].map((r) => r.ms);
    const floor = median(times('floor'));
    const sequences = new Set(paths.map((p) => p.touches.join('\u0000'))).size;
    const channels = [...new Set(paths.flatMap((p) => p.touches))].sort();
    const converted = paths.reduce((sum, p) => sum + p.conversions, 0);
    const nulls = paths.reduce((sum, p) => sum + p.nulls, 0);
    const label = (s: string) => `  ${s.padEnd(40)}`;
    const memory = (step: keyof typeof steps) => {
      const w = runs[step];
      return `peak RSS ${mb(Math.max(...w.map((r) => r.peakRss)))} (${mb(Math.min(...w.map((r) => r.startRss)))}–${mb(Math.max(...w.map((r) => r.startRss)))} at the start of a run) · peak JS heap ${mb(Math.max(...w.map((r) => r.peakHeap)))}`;
    };
    console.log(
      `${label('journeyPaths alone (the floor):')}${seconds(times('floor'))} · ${fmt(paths.length)} distinct paths ` +
        `(${fmt(sequences)} distinct touch sequences; keyed by touches and day offsets) · ${fmt(converted)} conversions, ${fmt(nulls)} null journeys · channels ${channels.join(', ')}`,
    );
    console.log(`${label('')}${memory('floor')}`);
    for (const model of ['markov', 'shapley'] as const) {
      const target = model === 'markov' ? ` · target < ${WAREHOUSE_TARGET_S} s${median(times(model)) / 1000 < WAREHOUSE_TARGET_S ? '' : ' (MISSED)'}` : '';
      console.log(`${label(`attributionReport, ${model}:`)}${seconds(times(model))} · ratio ${model} / floor ${fmt(median(times(model)) / floor, 2)}${target}`);
      console.log(`${label('')}${memory(model)}`);
    }
    console.log(
      `  RSS sampled every ${RSS_SAMPLE_MS} ms on a worker thread; DuckDB runs in this process, so RSS holds its buffer cache (memory limit ${process.env.BEACON_DUCKDB_MEMORY_LIMIT ?? '4GB'}) · ` +
        `lifetime peak RSS ${mb(maxRssBefore)} → ${mb(maxRssAfter)} over the timed rounds${maxRssAfter > maxRssBefore ? '' : ' (set earlier, by the generation or the derive)'}`,
    );

    // Where a report's time goes besides the floor: the fresh-view check, and each model on the floor's paths in TypeScript.
    const fresh = await timedAsync(1, WAREHOUSE_RUNS, () => freshView(services, WORKSPACE));
    const markov = timedSync(1, WAREHOUSE_RUNS, () => attributeMarkov(paths, { order: 1 }));
    const shapley = timedSync(1, WAREHOUSE_RUNS, () => attributeShapley(paths));
    console.log(
      `  where the time goes (medians): journeyPaths ${fmt(floor)} ms · fresh-view check (nothing new to derive) ${fmt(median(fresh), 2)} ms · ` +
        `attributeMarkov on the ${fmt(paths.length)} paths ${fmt(median(markov), 1)} ms · attributeShapley ${fmt(median(shapley), 1)} ms`,
    );
  } finally {
    await warehouse.close();
  }
}

export async function benchAttribution(dir: string, options: AttributionOptions): Promise<void> {
  await benchPathFile(options.fileRuns);
  if (options.duckdb) await benchWarehouse(dir, options.journeys);
}
