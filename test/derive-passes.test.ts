// The DuckDB derived view built in many passes (people split by a hash of
// their anonymous_id, a few events a pass) against the same view built in one
// pass, on the hand-built data set of test/support/derived-fixture.ts: every
// derived relation must come out identical, after a full build and after an
// incremental refresh, and a few values are checked against the hand-worked
// answers so that agreeing on a wrong answer fails too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trafficResolver } from '../src/model/resolve-traffic.js';
import type { SourceName } from '../src/model/sources.js';
import type { Row } from '../src/model/validate.js';
import { createDuckDbWarehouse, type DuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { AD_ROWS, CAMPAIGNS, EVENTS, FX_RATES, LATE_EVENTS, SETTINGS } from './support/derived-fixture.js';
import { rowsOf } from './support/warehouse-contract.js';

const WS = 'w';
const TABLES = ['event_facts', 'sessions', 'identities', 'conversion_credits', 'ad_facts'] as const;

const sorted = (rows: Row[]) => [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe('the derived view built a few people at a time', () => {
  let dir: string;
  let onePass: DuckDbWarehouse;
  let manyPasses: DuckDbWarehouse;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'beacon-passes-'));
    onePass = await createDuckDbWarehouse({ path: join(dir, 'one.duckdb') });
    // One event a pass: as many passes as there are buckets.
    manyPasses = await createDuckDbWarehouse({ path: join(dir, 'many.duckdb'), derivePassEvents: 1 });
    for (const w of [onePass, manyPasses]) await w.createWorkspace({ name: WS, settings: SETTINGS, createdAt: '2026-01-01T00:00:00.000Z' });
  });

  afterAll(async () => {
    await onePass?.close();
    await manyPasses?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const writeBoth = async (source: SourceName, records: Record<string, unknown>[], importId: string) => {
    for (const w of [onePass, manyPasses]) await w.write(WS, source, rowsOf(source, records), importId);
  };
  const refreshBoth = async () => {
    for (const w of [onePass, manyPasses]) await w.refreshDerived(WS, { settings: SETTINGS, resolveTraffic: trafficResolver(SETTINGS) });
  };
  const table = async (w: DuckDbWarehouse, name: string) =>
    sorted((await w.query({ sql: `SELECT * EXCLUDE (workspace_id) FROM ${name} WHERE workspace_id = $ws`, params: { ws: WS } })) as Row[]);
  /** Asserts both builds equal table by table; returns the many-pass build's event facts by id and its credits. */
  const compare = async () => {
    for (const name of TABLES) expect(await table(manyPasses, name), name).toEqual(await table(onePass, name));
    const facts = Object.fromEntries((await table(manyPasses, 'event_facts')).map((f) => [f.event_id, f]));
    const credits = await table(manyPasses, 'conversion_credits');
    const credit = (model: string, conv: string) => credits.find((c) => c.model === model && c.conv_key === conv);
    return { facts, credit };
  };

  it('agrees after a full build', async () => {
    await writeBoth('campaigns', CAMPAIGNS, 'i-campaigns');
    await writeBoth('ad_performance', AD_ROWS, 'i-ads');
    await writeBoth('fx_rates', FX_RATES, 'i-fx');
    await writeBoth('events', EVENTS, 'i-events');
    await refreshBoth();
    const { facts, credit } = await compare();
    // Worked by hand in derived-fixture.ts: the click's campaign and ad, the session after it, the explicit session, the converted EUR.
    expect([facts.a2.channel, facts.a2.campaign_id, facts.a2.ad_id]).toEqual(['Paid Search', 'cmp_search', 'ad_1']);
    expect([facts.a3.session_key, facts.b2.session_key]).toEqual([facts.a2.session_key, 'anon-b|s:s1']);
    expect([facts.a5.revenue_converted, facts.b4.revenue_converted]).toEqual(['110.000000', '54.989000']);
    expect([credit('first_touch', 'o:o3')?.channel, credit('last_touch', 'o:o3')?.campaign_id]).toEqual(['Email', 'news_1']);
  });

  it('agrees after an incremental refresh that joins two anonymous ids into one person', async () => {
    await writeBoth('events', LATE_EVENTS, 'i-late');
    await refreshBoth();
    const { facts, credit } = await compare();
    expect([facts.a1.person_id, facts.e2.person_id, facts.b6.session_key]).toEqual(['cus_a', 'cus_a', facts.b3.session_key]);
    expect(['first_touch', 'last_touch', 'last_non_direct'].map((m) => credit(m, 'o:o5')?.channel)).toEqual(['Direct', 'Paid Search', 'Paid Search']);
  });
});
