// The data-quality audit and the insight reads on DuckDB over the generated
// shop (default 10 M events + 1 M ad rows, 90 days to 2026-11-20, audited the
// day after): the whole audit as GET /v1/quality runs it (the derived view
// current, every statement, the findings), beside each of its statements
// alone — each check's count, the events per day and the platform comparison
// — the slowest of which is the floor: the audit cannot take less than its
// largest query. Then explaining the change of CPA by channel and ranking
// campaigns by CTR, each beside the plain metric query of the same measures
// (POST /v1/query's service) as its floor.
import { join } from 'node:path';
import { createWorkspace } from '../src/access/workspaces.js';
import type { QueryServices } from '../src/metrics/query-service.js';
import { qualityReport } from '../src/quality/quality-service.js';
import { explainReport } from '../src/insight/explain-service.js';
import { underperformingReport } from '../src/insight/segments-service.js';
import { answerQuery } from '../src/metrics/query-service.js';
import { ParamBag } from '../src/sql/dialect.js';
import { CHECK_IDS, dailyEventsSql, platformConversionsSql, qualityCheckSql } from '../src/warehouse/relations/quality-checks.js';
import type { RelationBuild } from '../src/warehouse/relations/relation-build.js';
import { DeriveScheduler, refreshWorkspace } from '../src/warehouse/derive-scheduler.js';
import { duckdbBuild } from '../src/warehouse/duckdb/duckdb-relations.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import type { QualityQuery, Warehouse } from '../src/warehouse/warehouse.js';
import { fmt, median, ms, timedAsync } from './bench-support.js';
import { generateOverviewData } from './overview-data.js';

export interface QualityBenchOptions {
  events: number;
  adRows: number;
  /** Timed runs of the audit and of each statement, after one warm-up (default 3). */
  runs: number;
}

const WORKSPACE = 'default';
const END = '2026-11-20';
/** The audit runs at noon the day after the data ends. */
const NOW = Date.parse('2026-11-21T12:00:00Z');
const DAY_MS = 86_400_000;

export async function benchQuality(dir: string, options: QualityBenchOptions): Promise<void> {
  const { events, adRows, runs } = options;
  console.log(`\nData-quality audit on DuckDB · ${fmt(events)} events + ${fmt(adRows)} ad rows · ${runs} runs each`);
  const path = join(dir, `quality-${events}.duckdb`);
  let warehouse = await createDuckDbWarehouse({ path });
  await createWorkspace(warehouse, WORKSPACE);
  await warehouse.close();
  await generateOverviewData(path, WORKSPACE, { events, adRows, days: 90, end: END });
  warehouse = await createDuckDbWarehouse({ path, memoryLimit: process.env.BEACON_DUCKDB_MEMORY_LIMIT ?? '4GB' });
  try {
    const started = performance.now();
    await refreshWorkspace(warehouse, WORKSPACE);
    console.log(`  derived view built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const services: QueryServices = { warehouse, derived: new DeriveScheduler(warehouse) };
    const workspace = (await warehouse.getWorkspace(WORKSPACE))!;
    let findings = 0;
    const audit = await timedAsync(1, runs, async () => {
      findings = (await qualityReport(services, workspace, NOW)).findings.length;
    });
    const statements = await timeStatements(warehouse, queryFor(workspace.settings), runs);
    const [slowest] = [...statements].sort((a, b) => median(b.times) - median(a.times));
    for (const s of statements) console.log(`  ${s.name.padEnd(34)} ${ms(s.times)}`);
    console.log(`  whole audit (${findings} findings)          ${ms(audit)}`);
    console.log(`  floor: the largest statement alone (${slowest.name}) ${fmt(median(slowest.times), 1)} ms · audit / floor ${fmt(median(audit) / median(slowest.times), 2)}`);
    await timeInsight(services, workspace, runs);
  } finally {
    await warehouse.close();
  }
}

function queryFor(settings: { currency: string; timezone: string; attribution_model: string }): QualityQuery {
  const today = Math.floor(NOW / DAY_MS);
  return { currency: settings.currency, timeZone: settings.timezone, attributionModel: settings.attribution_model, nowMs: NOW, sinceDay: today - 84, untilDay: today - 1 };
}

/** Each statement of the audit alone, rendered for DuckDB as the warehouse renders it. */
async function timeStatements(warehouse: Warehouse, query: QualityQuery, runs: number): Promise<{ name: string; times: number[] }[]> {
  const run = (build: (b: RelationBuild) => string) => () => {
    const bag = new ParamBag((name) => `$${name}`);
    const sql = build(duckdbBuild(WORKSPACE, (value) => bag.add(value)));
    return warehouse.query({ sql, params: bag.params });
  };
  const pieces: [string, (b: RelationBuild) => string][] = [
    ...CHECK_IDS.map((id): [string, (b: RelationBuild) => string] => [id, (b) => qualityCheckSql(b, query, id)]),
    ['events per day', (b) => dailyEventsSql(b, query)],
    ['platform against tracked', (b) => platformConversionsSql(b, query)],
  ];
  const out: { name: string; times: number[] }[] = [];
  for (const [name, build] of pieces) out.push({ name, times: await timedAsync(1, runs, run(build)) });
  return out;
}

/** Explain and segments beside the metric queries that read the same measures (both periods for explain). */
async function timeInsight(services: QueryServices, workspace: NonNullable<Awaited<ReturnType<Warehouse['getWorkspace']>>>, runs: number): Promise<void> {
  const current = { from: '2026-11-07', to: '2026-11-20' };
  const previous = { from: '2026-10-24', to: '2026-11-06' };
  const explainFloor = await timedAsync(1, runs, async () => {
    for (const period of [current, previous]) await answerQuery(services, workspace, { metrics: ['cost', 'clicks', 'conversions'], dimensions: ['channel'], ...period });
  });
  const explain = await timedAsync(1, runs, () => explainReport(services, workspace, { metric: 'cpa', ...current, by: 'channel' }));
  const range = { from: '2026-08-23', to: '2026-11-20' };
  const segmentsFloor = await timedAsync(1, runs, () => answerQuery(services, workspace, { metrics: ['clicks', 'impressions', 'cost'], dimensions: ['campaign'], ...range }));
  const segments = await timedAsync(1, runs, () => underperformingReport(services, workspace, { metric: 'ctr', dimensions: ['campaign'], ...range }));
  console.log(`  explain CPA by channel, 2 × 14 days                ${ms(explain)} · floor (the two metric queries) ${fmt(median(explainFloor), 1)} ms · ratio ${fmt(median(explain) / median(explainFloor), 2)}`);
  console.log(`  underperforming campaigns by CTR, 90 days          ${ms(segments)} · floor (the metric query) ${fmt(median(segmentsFloor), 1)} ms · ratio ${fmt(median(segments) / median(segmentsFloor), 2)}`);
}
