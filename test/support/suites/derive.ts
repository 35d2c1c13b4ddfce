// What is particular to refreshing the derived view on ClickHouse: which
// rows a refresh replaces (only the affected people's, only in their
// workspace), full rebuilds after an import is deleted or the view is
// invalidated, the refresh state, and scratch tables dropped afterwards.
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { trafficResolver } from '../../../src/model/resolve-traffic.js';
import { DEFAULT_SETTINGS, type WorkspaceSettings } from '../../../src/model/settings.js';
import { createClickHouseWarehouse, type ClickHouseWarehouse } from '../../../src/warehouse/clickhouse/clickhouse-warehouse.js';
import { rowsOf } from '../warehouse-contract.js';
import type { ClickHouseServers, StartServer } from '../clickhouse.js';


const view = (id: string, anonymous_id: string, timestamp: string) => ({ event_id: id, type: 'page_view', timestamp, anonymous_id, url: 'https://shop.example/' });

export function describeDeriveOnClickHouse(start: StartServer): void {
  let server: ClickHouseServers;
  let warehouse: ClickHouseWarehouse | undefined;
  let sql: ClickHouseClient | undefined;
  let n = 0;

  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server?.stop();
  });
  afterEach(async () => {
    await warehouse?.close();
    await sql?.close();
    warehouse = undefined;
    sql = undefined;
  });

  const open = async (...workspaces: string[]) => {
    const database = `derive_${n++}`;
    warehouse = await createClickHouseWarehouse({ url: server.url, database });
    sql = createClient({ url: server.url, database });
    for (const name of workspaces) await warehouse.createWorkspace({ name, settings: { ...DEFAULT_SETTINGS }, createdAt: '2026-01-01T00:00:00.000Z' });
    return warehouse;
  };
  const select = async <T>(query: string) => (await sql!.query({ query, format: 'JSONEachRow' })).json<T>();
  const refresh = (w: ClickHouseWarehouse, name: string, settings: WorkspaceSettings = DEFAULT_SETTINGS) =>
    w.refreshDerived(name, { settings, resolveTraffic: trafficResolver(settings) });
  const ids = async (w: ClickHouseWarehouse, name: string) => (await w.readDerived(name, 'event_facts')).map((f) => f.event_id);

  it('replaces only the affected people\'s rows, and only in their workspace', async () => {
    const w = await open('w1', 'w2');
    await w.write('w1', 'events', rowsOf('events', [view('a', 'p1', '2026-03-01T10:00:00Z'), view('b', 'p2', '2026-03-01T10:00:00Z')]), 'i1');
    await w.write('w2', 'events', rowsOf('events', [view('a', 'p1', '2026-03-01T10:00:00Z')]), 'i2');
    await refresh(w, 'w1');
    await refresh(w, 'w2');
    await w.write('w1', 'events', rowsOf('events', [view('c', 'p1', '2026-03-01T10:10:00Z')]), 'i3');
    await refresh(w, 'w1');
    expect(await ids(w, 'w1')).toEqual(['a', 'b', 'c']);
    expect(await ids(w, 'w2')).toEqual(['a']);
    // p1's session now holds two page views; every event has exactly one row.
    const sessions = await w.readDerived('w1', 'sessions');
    expect(sessions.map((s) => [s.anonymous_id, s.pageviews])).toEqual([['p1', '2'], ['p2', '1']]);
    const rows = await select<{ anonymous_id: string; n: string }>(
      "SELECT anonymous_id, count() AS n FROM event_facts WHERE workspace_id = 'w1' GROUP BY anonymous_id ORDER BY anonymous_id",
    );
    expect(rows).toEqual([{ anonymous_id: 'p1', n: '2' }, { anonymous_id: 'p2', n: '1' }]);
  });

  it('rebuilds whole after an import is deleted: the deleted events leave no derived rows', async () => {
    const w = await open('w1');
    await w.write('w1', 'events', rowsOf('events', [view('a', 'p1', '2026-03-01T10:00:00Z')]), 'keep');
    await w.write('w1', 'events', rowsOf('events', [{ ...view('b', 'p2', '2026-03-01T10:00:00Z'), type: 'purchase', user_id: 'cus_2' }]), 'drop');
    await w.saveImport({ id: 'drop', workspace: 'w1', source: 'events', origin: 't', startedAt: '2026-03-01T00:00:00.000Z', accepted: 1, updated: 0, duplicates: 0, rejected: 0 });
    await refresh(w, 'w1');
    expect((await w.readDerived('w1', 'identities')).map((i) => i.anonymous_id)).toEqual(['p2']);
    expect(await w.deleteImport('w1', 'drop')).toBe(true);
    await refresh(w, 'w1');
    expect(await ids(w, 'w1')).toEqual(['a']);
    expect((await w.readDerived('w1', 'sessions')).map((s) => s.anonymous_id)).toEqual(['p1']);
    expect(await w.readDerived('w1', 'identities')).toEqual([]);
    expect(await select("SELECT conv_key FROM conversion_credits")).toEqual([]);
  });

  it('applies changed settings after invalidateDerived, and skips a refresh when nothing changed', async () => {
    const w = await open('w1');
    await w.write('w1', 'events', rowsOf('events', [view('a', 'p1', '2026-03-01T10:00:00Z'), view('b', 'p1', '2026-03-01T10:20:00Z')]), 'i1');
    await refresh(w, 'w1');
    expect((await w.readDerived('w1', 'sessions')).length).toBe(1);
    const state = () => select<{ n: string }>("SELECT count() AS n FROM derive_state WHERE workspace = 'w1'");
    const [written] = await state();
    // Nothing new: no rebuild, no new state version.
    await refresh(w, 'w1');
    expect(await state()).toEqual([written]);
    const shorter = { ...DEFAULT_SETTINGS, session_timeout_minutes: 10 };
    await w.saveSettings('w1', shorter);
    await w.invalidateDerived('w1');
    await refresh(w, 'w1', shorter);
    expect((await w.readDerived('w1', 'sessions')).map((s) => s.session_key)).toEqual(['p1|1', 'p1|2']);
  });

  it('drops its scratch tables, after a failed refresh too', async () => {
    const w = await open('w1');
    await w.write('w1', 'events', rowsOf('events', [view('a', 'p1', '2026-03-01T10:00:00Z')]), 'i1');
    await refresh(w, 'w1');
    // A zone ClickHouse does not know fails the refresh half way.
    await w.invalidateDerived('w1');
    await expect(refresh(w, 'w1', { ...DEFAULT_SETTINGS, timezone: 'Not/AZone' })).rejects.toThrow(/ClickHouse refused/);
    const tables = await select<{ name: string }>("SELECT name FROM system.tables WHERE database = currentDatabase() AND name LIKE 'derive\\\\_%'");
    expect(tables).toEqual([{ name: 'derive_state' }]);
    // The state still asks for a full rebuild, which a good refresh then does.
    await refresh(w, 'w1');
    expect(await ids(w, 'w1')).toEqual(['a']);
  });
}
