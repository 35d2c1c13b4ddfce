// Beacon on a two-shard ClickHouse cluster: the metrics data set
// (test/support/metrics-fixture.ts) plus one person whose two anonymous_ids
// live on different shards and are stitched by user_id goes into the cluster
// and into DuckDB. Events must really spread over both shards, and the
// derived view (readDerived) and the metric matrix must match DuckDB, before
// and after an incremental refresh; the stitched person's journey (sessions,
// first-touch credit) must be whole although it spans both shards.
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshWorkspace } from '../src/warehouse/derive-scheduler.js';
import { LocalBackend } from '../src/cli/local-backend.js';
import { createClickHouseWarehouse } from '../src/warehouse/clickhouse/clickhouse-warehouse.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import type { Row } from '../src/model/validate.js';
import type { DerivedRelation, Warehouse } from '../src/warehouse/warehouse.js';
import { requireClickHouse, startClickHouse, type ClickHouseServers } from './support/clickhouse.js';
import { differences, QUERIES, runMetrics } from './support/metrics-compare.js';
import { loadWorkspace, METRICS_DATA, type DataSet } from './support/metrics-fixture.js';

const available = requireClickHouse();
const DB = 'sharded';
const USER = 'stitched_user';
const SHOP = 'https://shop.example';
const RELATIONS: DerivedRelation[] = ['event_facts', 'sessions', 'identities'];

/** Rows in one order whatever order an engine returned them in. */
const sorted = (rows: Row[]) => [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

async function select<T>(client: ClickHouseClient, query: string): Promise<T[]> {
  return (await client.query({ query, format: 'JSONEachRow' })).json<T>();
}

/** Two anonymous_ids sipHash64 sends to different shards of a two-shard cluster (slot = hash % 2). */
async function splitPair(client: ClickHouseClient): Promise<[string, string]> {
  const candidates = Array.from({ length: 20 }, (_, i) => `stitch${i}`);
  const rows = await select<{ id: string; slot: number }>(
    client,
    `SELECT id, toUInt8(sipHash64(id) % 2) AS slot FROM (SELECT arrayJoin([${candidates.map((c) => `'${c}'`).join(', ')}]) AS id)`,
  );
  const first = rows.find((r) => Number(r.slot) === 0);
  const second = rows.find((r) => Number(r.slot) === 1);
  if (!first || !second) throw new Error('no pair of ids on different shards');
  return [first.id, second.id];
}

/** The stitched person: an ad click as `a`, later a direct visit and a purchase as `b`, both signed in as USER. */
function stitchedEvents(a: string, b: string): Record<string, unknown>[] {
  return [
    { event_id: 'st1', type: 'page_view', timestamp: '2026-03-05T09:00:00Z', anonymous_id: a, url: `${SHOP}/?utm_source=google&utm_medium=cpc&utm_campaign=C1` },
    { event_id: 'st2', type: 'page_view', timestamp: '2026-03-05T09:03:00Z', anonymous_id: a, url: `${SHOP}/account`, user_id: USER },
    { event_id: 'st3', type: 'page_view', timestamp: '2026-03-07T15:00:00Z', anonymous_id: b, url: `${SHOP}/`, user_id: USER },
    { event_id: 'st4', type: 'purchase', timestamp: '2026-03-07T15:05:00Z', anonymous_id: b, url: `${SHOP}/checkout`, user_id: USER, order_id: 'ost1', revenue: 77 },
  ];
}

/** Events written after the first refresh: another purchase of the stitched person, on `a`'s shard. */
function laterEvents(a: string): Record<string, unknown>[] {
  return [
    { event_id: 'st5', type: 'page_view', timestamp: '2026-03-12T08:00:00Z', anonymous_id: a, url: `${SHOP}/` },
    { event_id: 'st6', type: 'purchase', timestamp: '2026-03-12T08:04:00Z', anonymous_id: a, url: `${SHOP}/checkout`, order_id: 'ost2', revenue: 21.5 },
  ];
}

describe.skipIf(!available && !process.env.CI)('Beacon on a two-shard ClickHouse cluster', () => {
  let cluster: ClickHouseServers;
  let dir: string;
  let duck: Warehouse;
  let click: Warehouse;
  let shards: ClickHouseClient[];
  let pair: [string, string];

  beforeAll(async () => {
    cluster = await startClickHouse({ shards: 2 });
    shards = cluster.urls.map((url) => createClient({ url }));
    pair = await splitPair(shards[0]);
    dir = mkdtempSync(join(tmpdir(), 'beacon-cluster-'));
    duck = await createDuckDbWarehouse({ path: join(dir, 'cluster.duckdb') });
    click = await createClickHouseWarehouse({ url: cluster.url, database: DB, cluster: cluster.cluster, shards: cluster.urls });
    const data: DataSet = { ...METRICS_DATA, events: [...(METRICS_DATA.events ?? []), ...stitchedEvents(...pair)] };
    for (const w of [duck, click]) {
      await loadWorkspace(w, 'utc', data);
      await loadWorkspace(w, 'ny', data, { timezone: 'America/New_York' });
    }
  }, 300_000);

  afterAll(async () => {
    await Promise.all((shards ?? []).map((c) => c.close()));
    await duck?.close();
    await click?.close();
    await cluster?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a shard list that does not match the cluster', async () => {
    await expect(createClickHouseWarehouse({ url: cluster.url, database: 'other', cluster: cluster.cluster, shards: [cluster.url] })).rejects.toThrow(
      /2 shards, but 1 shard URLs/,
    );
    await expect(createClickHouseWarehouse({ url: cluster.url, database: 'other', cluster: cluster.cluster })).rejects.toThrow(/needs the HTTP URL/);
  });

  it('spreads events over both shards by anonymous_id', async () => {
    const counts = await Promise.all(shards.map(async (c) => Number((await select<{ n: string }>(c, `SELECT count() AS n FROM ${DB}.events_local`))[0].n)));
    expect(counts.every((n) => n > 0)).toBe(true);
    const [{ n: total }] = await select<{ n: string }>(shards[0], `SELECT count() AS n FROM ${DB}.events`);
    expect(counts[0] + counts[1]).toBe(Number(total));
    // Each of the stitched person's ids is on its own shard, and derived rows followed them.
    for (const [i, id] of pair.entries()) {
      for (const table of ['events_local', 'event_facts_local', 'sessions_local']) {
        const here = await select<{ n: string }>(shards[i], `SELECT count() AS n FROM ${DB}.${table} WHERE anonymous_id = '${id}'`);
        const there = await select<{ n: string }>(shards[1 - i], `SELECT count() AS n FROM ${DB}.${table} WHERE anonymous_id = '${id}'`);
        expect([table, Number(here[0].n) > 0, Number(there[0].n)]).toEqual([table, true, 0]);
      }
    }
  });

  const sameDerived = async () => {
    for (const workspace of ['utc', 'ny']) {
      for (const relation of RELATIONS) {
        const fromDuck = sorted(await duck.readDerived(workspace, relation));
        const fromClick = sorted(await click.readDerived(workspace, relation));
        expect(fromDuck.length).toBeGreaterThan(0);
        expect(differences(fromClick, fromDuck, `${workspace}.${relation}`)).toEqual([]);
      }
    }
  };

  it('derives the same view as DuckDB, the stitched person whole', async () => {
    await sameDerived();
    const facts = (await click.readDerived('utc', 'event_facts')).filter((r) => pair.includes(String(r.anonymous_id)));
    expect(facts.map((r) => r.person_id)).toEqual(facts.map(() => USER));
    const [credit] = await select<{ channel: string }>(
      shards[0],
      `SELECT channel FROM ${DB}.conversion_credits WHERE workspace_id = 'utc' AND person_id = '${USER}' AND model = 'first_touch'`,
    );
    expect(credit?.channel).toBe('Paid Search');
  });

  it.each(QUERIES)('metrics like DuckDB — %s: %s', async (workspace, _label, body) => {
    const fromDuck = await runMetrics(duck, workspace, body);
    const fromClick = await runMetrics(click, workspace, body);
    expect(differences(fromClick, fromDuck)).toEqual([]);
  }, 60_000);

  it('counts the stitched person once and credits the journey across shards like DuckDB', async () => {
    const body = { metrics: ['visitors', 'sessions', 'conversions', 'revenue'], dimensions: ['channel'], attribution: { model: 'first_touch', lookback_days: 30 }, from: '2026-03-05', to: '2026-03-07' };
    const fromDuck = await runMetrics(duck, 'utc', body);
    expect(differences(await runMetrics(click, 'utc', body), fromDuck)).toEqual([]);
  });

  it('stays equal to DuckDB after an incremental refresh', async () => {
    for (const w of [duck, click]) {
      const backend = new LocalBackend(w, 'utc', 'test');
      await backend.importRecords({ source: 'events', records: laterEvents(pair[0]).map((value, index) => ({ index, value })), origin: 'test' });
      await refreshWorkspace(w, 'utc');
    }
    await sameDerived();
    for (const [, , body] of QUERIES.filter(([ws]) => ws === 'utc').slice(0, 4)) {
      expect(differences(await runMetrics(click, 'utc', body), await runMetrics(duck, 'utc', body))).toEqual([]);
    }
  }, 120_000);

  it('forgets a deleted import on every shard, and opens again on the same tables', async () => {
    for (const w of [duck, click]) {
      const later = (await w.listImports('utc')).find((r) => r.source === 'events' && r.accepted === laterEvents(pair[0]).length);
      expect(later).toBeDefined();
      expect(await w.deleteImport('utc', later!.id)).toBe(true);
      await refreshWorkspace(w, 'utc');
    }
    await sameDerived();
    for (const c of shards) {
      const [{ n }] = await select<{ n: string }>(c, `SELECT count() AS n FROM ${DB}.events_local WHERE workspace_id = 'utc' AND event_id IN ('st5', 'st6')`);
      expect(Number(n)).toBe(0);
    }
    const again = await createClickHouseWarehouse({ url: cluster.url, database: DB, cluster: cluster.cluster, shards: cluster.urls });
    try {
      expect(sorted(await again.readDerived('utc', 'sessions'))).toEqual(sorted(await click.readDerived('utc', 'sessions')));
    } finally {
      await again.close();
    }
  }, 120_000);
});
