// The derived view computed by two methods: the same hand-built data set
// (test/support/derived-fixture.ts) goes into a DuckDB file and a ClickHouse
// (each server the caller starts), both refresh after each of three writing steps, and every
// derived relation must come out identical (event facts, sessions and
// identities through readDerived; conversion credits and ad facts through a
// plain SELECT on each engine). A few values are also checked against what
// was worked out by hand, so that agreeing on a wrong answer fails too.
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { trafficResolver } from '../../../src/model/resolve-traffic.js';
import type { WorkspaceSettings } from '../../../src/model/settings.js';
import type { SourceName } from '../../../src/model/sources.js';
import type { Row } from '../../../src/model/validate.js';
import { createClickHouseWarehouse } from '../../../src/warehouse/clickhouse/clickhouse-warehouse.js';
import { quoteString } from '../../../src/sql/clickhouse/clickhouse-literals.js';
import { decodeRow, readExpression } from '../../../src/warehouse/clickhouse/clickhouse-rows.js';
import { createDuckDbWarehouse } from '../../../src/warehouse/duckdb/duckdb-warehouse.js';
import { AD_FACTS, CONVERSION_CREDITS, type TableSpec } from '../../../src/warehouse/tables.js';
import { rowsOf } from '../warehouse-contract.js';
import type { Warehouse } from '../../../src/warehouse/warehouse.js';
import type { ClickHouseServers, StartServer } from '../clickhouse.js';
import { AD_ROWS, CAMPAIGNS, EVENTS, FX_RATES, LATE_EVENTS, LATE_FX_RATES, SETTINGS } from '../derived-fixture.js';

const WS = 'w';
/** Other settings for the same data: EUR books, no bot filtering, 10-minute sessions, more conversion types, 2-day lookback. */
const ALT: WorkspaceSettings = {
  ...SETTINGS,
  currency: 'EUR',
  timezone: 'Asia/Kolkata',
  bot_filtering: false,
  session_timeout_minutes: 10,
  conversion_types: ['purchase', 'signup', 'lead'],
  lookback_days: 2,
};
const HOSTILE = [
  "'; DROP TABLE events; --",
  'ends with a backslash \\',
  'quote " and \\ backslash',
  'NUL \u0000 inside',
  'line\nbreak\r\nand\ttab',
  '日本語 😀 \u202e reversed \u2028',
  'NULL',
  '(\'a\',NULL)',
];

interface Snapshot {
  event_facts: Row[];
  sessions: Row[];
  identities: Row[];
  conversion_credits: Row[];
  ad_facts: Row[];
}

/** Rows in one order whatever order an engine returned them in. */
const sorted = (rows: Row[]) => [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

export function describeDerivedVsDuckDb(start: StartServer): void {
  let server: ClickHouseServers;
  let dir: string;
  let duck: Warehouse;
  let click: Warehouse;
  let client: ClickHouseClient;

  beforeAll(async () => {
    server = await start();
    dir = mkdtempSync(join(tmpdir(), 'beacon-compare-'));
    duck = await createDuckDbWarehouse({ path: join(dir, 'compare.duckdb') });
    click = await createClickHouseWarehouse({ url: server.url, database: 'compare' });
    client = createClient({ url: server.url, database: 'compare' });
    const workspaces: [string, WorkspaceSettings][] = [[WS, SETTINGS], ['alt', ALT], ['hostile', SETTINGS]];
    for (const w of [duck, click]) {
      for (const [name, settings] of workspaces) await w.createWorkspace({ name, settings, createdAt: '2026-01-01T00:00:00.000Z' });
    }
  });

  afterAll(async () => {
    await duck?.close();
    await click?.close();
    await client?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const writeBoth = async (source: SourceName, records: Record<string, unknown>[], importId: string, ws = WS) => {
    for (const w of [duck, click]) await w.write(ws, source, rowsOf(source, records), importId);
  };
  const refreshBoth = async (ws = WS, settings = SETTINGS) => {
    for (const w of [duck, click]) await w.refreshDerived(ws, { settings, resolveTraffic: trafficResolver(settings) });
  };

  const duckTable = async (spec: TableSpec, ws: string) =>
    sorted((await duck.query({ sql: `SELECT * EXCLUDE (workspace_id) FROM ${spec.name} WHERE workspace_id = $ws`, params: { ws } })) as Row[]);
  const clickTable = async (spec: TableSpec, ws: string) => {
    const columns = spec.columns.filter((c) => c.name !== 'workspace_id');
    const result = await client.query({
      query: `SELECT ${columns.map(readExpression).join(', ')} FROM ${spec.name} WHERE workspace_id = ${quoteString(ws)}`,
      format: 'JSONEachRow',
    });
    return sorted((await result.json<Record<string, unknown>>()).map((raw) => decodeRow(columns, raw)));
  };
  const snapshot = async (w: Warehouse, table: typeof duckTable, ws: string): Promise<Snapshot> => ({
    event_facts: await w.readDerived(ws, 'event_facts'),
    sessions: await w.readDerived(ws, 'sessions'),
    identities: await w.readDerived(ws, 'identities'),
    conversion_credits: await table(CONVERSION_CREDITS, ws),
    ad_facts: await table(AD_FACTS, ws),
  });
  /** Both engines' snapshots, asserted equal relation by relation (`empty` may have no rows); DuckDB's is returned. */
  const compare = async (ws = WS, empty: (keyof Snapshot)[] = []): Promise<Snapshot> => {
    const [fromDuck, fromClick] = [await snapshot(duck, duckTable, ws), await snapshot(click, clickTable, ws)];
    for (const relation of Object.keys(fromDuck) as (keyof Snapshot)[]) {
      if (!empty.includes(relation)) expect(fromDuck[relation].length, relation).toBeGreaterThan(0);
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
    // No identity is known before step two (checked there by hand).
    const view = await compare(WS, ['identities']);
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

  it('agrees under other settings: currency, zone, timeout, conversion types, lookback, no bot filtering', async () => {
    await writeBoth('campaigns', CAMPAIGNS, 'i-campaigns', 'alt');
    await writeBoth('ad_performance', AD_ROWS, 'i-ads', 'alt');
    await writeBoth('fx_rates', [...FX_RATES, ...LATE_FX_RATES, { date: '2026-03-01', currency: 'USD', rate: 0.9 }], 'i-fx', 'alt');
    const usd = { event_id: 'u1', anonymous_id: 'anon-u', type: 'purchase', timestamp: '2026-03-02T12:00:00Z', revenue: 10, currency: 'USD', order_id: 'o6' };
    await writeBoth('events', [...EVENTS, ...LATE_EVENTS, usd], 'i-events', 'alt');
    await refreshBoth('alt', ALT);
    const view = await compare('alt');
    const facts = byId(view.event_facts);
    // EUR is the workspace currency now (and that of amounts without one); USD converts at 0.9; the bot's order counts.
    expect([facts.a5.revenue_converted, facts.e2.revenue_converted, facts.u1.revenue_converted, facts.x2.is_conversion]).toEqual(['100.000000', '30.000000', '9.000000', true]);
    expect(credit(view, 'last_touch', 'o:o4')?.channel).toBe('Direct');
    // 10-minute sessions: a3 (20 minutes after a2) starts its own.
    expect(facts.a3.session_key).not.toBe(facts.a2.session_key);
  });

  it('agrees on hostile text in ids, UTM values, properties and session ids', async () => {
    const events = HOSTILE.map((text, i) => ({
      event_id: `h${i}${text}`,
      type: i % 2 ? 'page_view' : 'purchase',
      timestamp: `2026-03-0${1 + (i % 3)}T1${i}:00:00Z`,
      anonymous_id: text,
      session_id: i % 3 === 0 ? text : undefined,
      utm_source: text,
      utm_campaign: text,
      order_id: text,
      revenue: 1,
      url: `${'https://shop.example/?utm_medium='}${encodeURIComponent(text)}`,
      properties: { device: text, [text]: text, percent: i },
    }));
    await writeBoth('campaigns', [{ campaign_id: HOSTILE[0], name: HOSTILE[1] }], 'i-campaigns', 'hostile');
    await writeBoth('events', events, 'i-events', 'hostile');
    await refreshBoth('hostile');
    const view = await compare('hostile', ['identities', 'ad_facts']);
    expect(view.event_facts.map((f) => [f.anonymous_id, f.device]).sort()).toEqual(HOSTILE.map((t) => [t, t]).sort());
  });
}
