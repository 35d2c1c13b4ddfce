// The derived view computed by two methods: the same hand-built data set
// (test/support/derived-fixture.ts) goes into a DuckDB file and a ClickHouse
// 18.16 server, both refresh after each of three writing steps, and every
// derived relation must come out identical (event facts, sessions and
// identities through readDerived; conversion credits and ad facts through a
// plain SELECT on each engine). A few values are also checked against what
// was worked out by hand, so that agreeing on a wrong answer fails too.
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trafficResolver } from '../src/ingest/resolve-traffic.js';
import type { SourceName } from '../src/model/sources.js';
import type { Row } from '../src/model/validate.js';
import { createClickHouseWarehouse } from '../src/warehouse/clickhouse/clickhouse-warehouse.js';
import { quoteString } from '../src/warehouse/clickhouse/clickhouse-literals.js';
import { decodeRow, readExpression } from '../src/warehouse/clickhouse/clickhouse-rows.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { AD_FACTS, CONVERSION_CREDITS, type TableSpec } from '../src/warehouse/tables.js';
import { rowsOf } from '../src/warehouse/warehouse-contract.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { requireClickHouse, startClickHouse, type ClickHouseServers } from './support/clickhouse.js';
import { AD_ROWS, CAMPAIGNS, EVENTS, FX_RATES, LATE_EVENTS, LATE_FX_RATES, SETTINGS } from './support/derived-fixture.js';

const available = requireClickHouse();
const WS = 'w';

interface Snapshot {
  event_facts: Row[];
  sessions: Row[];
  identities: Row[];
  conversion_credits: Row[];
  ad_facts: Row[];
}

/** Rows in one order whatever order an engine returned them in. */
const sorted = (rows: Row[]) => [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe.skipIf(!available && !process.env.CI)('ClickHouse and DuckDB derive the same view', () => {
  let server: ClickHouseServers;
  let dir: string;
  let duck: Warehouse;
  let click: Warehouse;
  let client: ClickHouseClient;

  beforeAll(async () => {
    server = await startClickHouse();
    dir = mkdtempSync(join(tmpdir(), 'beacon-compare-'));
    duck = await createDuckDbWarehouse({ path: join(dir, 'compare.duckdb') });
    click = await createClickHouseWarehouse({ url: server.url, database: 'compare' });
    client = createClient({ url: server.url, database: 'compare' });
    for (const w of [duck, click]) await w.createWorkspace({ name: WS, settings: SETTINGS, createdAt: '2026-01-01T00:00:00.000Z' });
  });

  afterAll(async () => {
    await duck?.close();
    await click?.close();
    await client?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const writeBoth = async (source: SourceName, records: Record<string, unknown>[], importId: string) => {
    for (const w of [duck, click]) await w.write(WS, source, rowsOf(source, records), importId);
  };
  const refreshBoth = async () => {
    for (const w of [duck, click]) await w.refreshDerived(WS, { settings: SETTINGS, resolveTraffic: trafficResolver(SETTINGS) });
  };

  const duckTable = async (spec: TableSpec) =>
    sorted((await duck.query({ sql: `SELECT * EXCLUDE (workspace_id) FROM ${spec.name} WHERE workspace_id = $ws`, params: { ws: WS } })) as Row[]);
  const clickTable = async (spec: TableSpec) => {
    const columns = spec.columns.filter((c) => c.name !== 'workspace_id');
    const result = await client.query({
      query: `SELECT ${columns.map(readExpression).join(', ')} FROM ${spec.name} WHERE workspace_id = ${quoteString(WS)}`,
      format: 'JSONEachRow',
    });
    return sorted((await result.json<Record<string, unknown>>()).map((raw) => decodeRow(columns, raw)));
  };
  const snapshot = async (w: Warehouse, table: (spec: TableSpec) => Promise<Row[]>): Promise<Snapshot> => ({
    event_facts: await w.readDerived(WS, 'event_facts'),
    sessions: await w.readDerived(WS, 'sessions'),
    identities: await w.readDerived(WS, 'identities'),
    conversion_credits: await table(CONVERSION_CREDITS),
    ad_facts: await table(AD_FACTS),
  });
  /** Both engines' snapshots, asserted equal relation by relation; DuckDB's is returned. */
  const compare = async (): Promise<Snapshot> => {
    const [fromDuck, fromClick] = [await snapshot(duck, duckTable), await snapshot(click, clickTable)];
    for (const relation of Object.keys(fromDuck) as (keyof Snapshot)[]) {
      // No identity is known before step two (checked there by hand).
      if (relation !== 'identities') expect(fromDuck[relation].length, relation).toBeGreaterThan(0);
      expect(fromClick[relation], relation).toEqual(fromDuck[relation]);
    }
    return fromDuck;
  };
  const byId = (facts: Row[]) => Object.fromEntries(facts.map((f) => [f.event_id, f]));
  const credit = (view: Snapshot, model: string, conv: string) =>
    view.conversion_credits.find((c) => c.model === model && c.conv_key === conv);

  it('agrees after the first refresh', async () => {
    await writeBoth('campaigns', CAMPAIGNS, 'i-campaigns');
    await writeBoth('ad_performance', AD_ROWS, 'i-ads');
    await writeBoth('fx_rates', FX_RATES, 'i-fx');
    await writeBoth('events', EVENTS, 'i-events');
    await refreshBoth();
    const view = await compare();
    const facts = byId(view.event_facts);
    // The click's campaign comes from utm_id, its ad from utm_content; the session after it inherits its landing touch.
    expect([facts.a2.channel, facts.a2.campaign_id, facts.a2.ad_id, facts.a2.device]).toEqual(['Paid Search', 'cmp_search', 'ad_1', 'mobile']);
    expect([facts.a3.channel, facts.a3.session_key, facts.a3.percent]).toEqual(['Paid Search', facts.a2.session_key, 75]);
    expect(facts.a4.session_key).not.toBe(facts.a2.session_key);
    // 'RETARGET' names the campaign 'Retarget'; the explicit session holds an hour.
    expect([facts.b2.campaign_id, facts.b2.session_key]).toEqual(['cmp_social', 'anon-b|s:s1']);
    // 100 EUR × 1.1; 49.99 EUR on local day 03-03 × 1.1 (03-01's rate: 03-04's applies to UTC day only); GBP has no rate.
    expect([facts.a5.revenue_converted, facts.b4.revenue_converted, facts.c3.revenue_converted]).toEqual(['110.000000', '54.989000', null]);
    // Wall-clock time across the spring-forward and fall-back hours in New York.
    expect([facts.d1.local_ts, facts.d2.local_ts, facts.d3.local_ts, facts.d4.local_ts]).toEqual([
      '2026-03-08 01:30:00.123', '2026-03-08 03:10:00', '2026-11-01 01:30:00', '2026-11-01 01:20:00',
    ]);
    expect([facts.x1.is_bot, credit(view, 'last_touch', 'o:o4')]).toEqual([true, undefined]);
    // The order sent twice is one conversion; the email click and the session after it are one touch.
    expect(view.conversion_credits.filter((c) => c.conv_key === 'o:o2').length).toBe(3);
    expect([credit(view, 'first_touch', 'o:o3')?.channel, credit(view, 'last_touch', 'o:o3')?.campaign_id]).toEqual(['Email', 'news_1']);
    // Ad rows at their finest grain per day and campaign; EUR before any rate has no cost.
    const google = view.ad_facts.filter((a) => a.platform === 'google_ads').map((a) => [a.ad_id, a.cost]);
    expect(google).toEqual([['ad_1', '35.000000'], ['ad_2', '25.000000']]);
    const meta = Object.fromEntries(view.ad_facts.filter((a) => a.platform === 'meta_ads').map((a) => [a.day, a.cost]));
    expect(meta).toEqual({ '2026-02-27': null, '2026-03-02': '33.000000' });
    expect(view.ad_facts.find((a) => a.platform === 'newsletter_ads')?.channel).toBe('Paid Other');
  });

  it('agrees after late events: an identity learned later and a session that grows', async () => {
    await writeBoth('events', LATE_EVENTS, 'i-late');
    await refreshBoth();
    const view = await compare();
    const facts = byId(view.event_facts);
    expect([facts.a1.person_id, facts.e2.person_id, facts.b6.session_key]).toEqual(['cus_a', 'cus_a', facts.b3.session_key]);
    expect(view.identities.map((i) => [i.anonymous_id, i.user_id, i.first_seen])).toEqual([
      ['anon-a', 'cus_a', '2026-03-03 10:00:00'],
      ['anon-e', 'cus_a', '2026-03-06 12:00:00'],
    ]);
    // cus_a's second order: the path starts after o1 and holds the sign-up visit (Direct) and the gclid visit (Paid Search).
    expect(['first_touch', 'last_touch', 'last_non_direct'].map((m) => credit(view, m, 'o:o5')?.channel)).toEqual(['Direct', 'Paid Search', 'Paid Search']);
    // o1: the ad click (first and last non-Direct touch), then the Direct visit at 15:05 (last touch).
    expect(['first_touch', 'last_touch', 'last_non_direct'].map((m) => credit(view, m, 'o:o1')?.ad_id ?? credit(view, m, 'o:o1')?.channel)).toEqual(['ad_1', 'Direct', 'ad_1']);
  });

  it('agrees after a new fx rate rebuilds everything', async () => {
    await writeBoth('fx_rates', LATE_FX_RATES, 'i-fx-late');
    await refreshBoth();
    const view = await compare();
    // 49.99 × 1.15 = 57.4885 (local day 03-03 now has its own rate).
    expect(byId(view.event_facts).b4.revenue_converted).toBe('57.488500');
  });
});
