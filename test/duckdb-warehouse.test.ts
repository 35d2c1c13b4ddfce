// The Warehouse contract on a real DuckDB file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../src/model/settings.js';
import { trafficResolver } from '../src/model/resolve-traffic.js';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { describeWarehouse, rowsOf } from './support/warehouse-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'beacon-duckdb-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeWarehouse('duckdb', () => createDuckDbWarehouse({ path: join(dir, `w${n++}.duckdb`) }));

describe('DuckDB event duplicates across processes and deletions', () => {
  const event = (id: string) => ({ event_id: id, type: 'page_view', timestamp: '2026-03-01T10:00:00Z', anonymous_id: 'a' });

  it('knows the stored ids after reopening, and forgets the ones an import deletion removed', async () => {
    const path = join(dir, `known-${n++}.duckdb`);
    let warehouse = await createDuckDbWarehouse({ path });
    await warehouse.createWorkspace({ name: 'w', settings: { ...DEFAULT_SETTINGS }, createdAt: '2026-01-01T00:00:00.000Z' });
    expect(await warehouse.write('w', 'events', rowsOf('events', [event('e1'), event('e2')]), 'imp1', { origin: 'test', startedAt: '2026-03-01T00:00:00.000Z', rejected: 0 })).toEqual({ accepted: 2, updated: 0, duplicates: 0 });
    await warehouse.close();

    warehouse = await createDuckDbWarehouse({ path });
    // A new process: e1 is known from the file, e3 is new.
    expect(await warehouse.write('w', 'events', rowsOf('events', [event('e1'), event('e3')]), 'imp2')).toEqual({ accepted: 1, updated: 0, duplicates: 1 });
    expect(await warehouse.deleteImport('w', 'imp1')).toBe(true);
    // e1 and e2 were deleted with their import: sent again they are new; e3 is still there.
    expect(await warehouse.write('w', 'events', rowsOf('events', [event('e1'), event('e2'), event('e3')]), 'imp3')).toEqual({ accepted: 2, updated: 0, duplicates: 1 });
    expect((await warehouse.readRows('w', 'events')).map((r) => r.event_id)).toEqual(['e1', 'e2', 'e3']);
    await warehouse.close();
  });
});

describe('DuckDB derived view: exact conversion and full rebuilds', () => {
  const settings = { ...DEFAULT_SETTINGS };
  const refresh = (w: Awaited<ReturnType<typeof createDuckDbWarehouse>>) => w.refreshDerived('w', { settings, resolveTraffic: trafficResolver(settings) });

  it('converts money in decimal arithmetic, rounding a tie half away from zero', async () => {
    const warehouse = await createDuckDbWarehouse({ path: join(dir, `fx-${n++}.duckdb`) });
    await warehouse.createWorkspace({ name: 'w', settings, createdAt: '2026-01-01T00:00:00.000Z' });
    await warehouse.write('w', 'fx_rates', rowsOf('fx_rates', [{ date: '2026-03-01', currency: 'EUR', rate: 1.9 }]), 'fx');
    await warehouse.write('w', 'events', rowsOf('events', [
      { event_id: 'p1', type: 'purchase', timestamp: '2026-03-01T10:00:00Z', anonymous_id: 'a', revenue: '17.347775', currency: 'EUR' },
    ]), 'ev');
    await refresh(warehouse);
    // 17.347775 × 1.9 = 32.9607725 exactly: the tie rounds up to 32.960773 (a binary-float product lands below it).
    const [fact] = await warehouse.readDerived('w', 'event_facts');
    expect(Number(fact.revenue_converted)).toBe(32.960773);
    await warehouse.close();
  });

  it('drops the derived rows of people whose events an import deletion removed', async () => {
    const warehouse = await createDuckDbWarehouse({ path: join(dir, `del-${n++}.duckdb`) });
    await warehouse.createWorkspace({ name: 'w', settings, createdAt: '2026-01-01T00:00:00.000Z' });
    const view = (anon: string, id: string) => ({ event_id: id, type: 'page_view', timestamp: '2026-03-01T10:00:00Z', anonymous_id: anon, user_id: `u-${anon}` });
    await warehouse.write('w', 'events', rowsOf('events', [view('a', 'e1')]), 'imp-a');
    await warehouse.write('w', 'events', rowsOf('events', [view('b', 'e2')]), 'imp-b');
    await refresh(warehouse);
    expect((await warehouse.readDerived('w', 'sessions')).map((s) => s.anonymous_id)).toEqual(['a', 'b']);
    await warehouse.saveImport({ id: 'imp-a', workspace: 'w', source: 'events', origin: 'test', startedAt: '2026-03-01T00:00:00.000Z', accepted: 1, updated: 0, duplicates: 0, rejected: 0 });
    expect(await warehouse.deleteImport('w', 'imp-a')).toBe(true);
    await refresh(warehouse);
    for (const relation of ['event_facts', 'sessions', 'identities'] as const) {
      expect((await warehouse.readDerived('w', relation)).map((r) => r.anonymous_id)).toEqual(['b']);
    }
    await warehouse.close();
  });

  it('keeps committing events while a refresh runs, and derives every one of them by the next refresh', async () => {
    const warehouse = await createDuckDbWarehouse({ path: join(dir, `concurrent-${n++}.duckdb`) });
    await warehouse.createWorkspace({ name: 'w', settings, createdAt: '2026-01-01T00:00:00.000Z' });
    const view = (anon: string, i: number) => ({ event_id: `${anon}-${i}`, type: 'page_view', timestamp: `2026-03-01T10:${String(i % 60).padStart(2, '0')}:00Z`, anonymous_id: anon });
    await warehouse.write('w', 'events', rowsOf('events', Array.from({ length: 3000 }, (_, i) => view(`p${i % 300}`, i))), 'first');
    // A refresh and ten more writes, all under way at once.
    const refreshing = refresh(warehouse);
    const writes = Array.from({ length: 10 }, (_, k) => warehouse.write('w', 'events', rowsOf('events', Array.from({ length: 50 }, (_, i) => view(`late${k}`, i))), `late${k}`));
    expect((await Promise.all(writes)).map((r) => r.accepted)).toEqual(Array(10).fill(50));
    await refreshing;
    await refresh(warehouse);
    const facts = await warehouse.readDerived('w', 'event_facts');
    // 3,000 events of 300 people, then 10 people with 50 each.
    expect(facts.length).toBe(3500);
    expect(new Set(facts.map((f) => f.anonymous_id)).size).toBe(310);
    await warehouse.close();
  });
});

describe('DuckDB statement time limit', () => {
  it('interrupts a query statement past its limit (503 timeout), and the next query runs', async () => {
    const warehouse = await createDuckDbWarehouse({ path: join(dir, `timeout-${n++}.duckdb`), statementTimeoutMs: 300 });
    try {
      // A cross product of 10^6 × 10^6 rows: hours on two cores.
      const endless = { sql: 'SELECT count(*) FROM range(1000000) a, range(1000000) b WHERE (a.range * b.range) % 7 = 3', params: {} };
      await expect(warehouse.query(endless)).rejects.toMatchObject({ status: 503, code: 'timeout', details: { timeout_ms: 300 } });
      expect(await warehouse.query({ sql: 'SELECT 2 AS two', params: {} })).toEqual([{ two: 2 }]);
    } finally {
      await warehouse.close();
    }
  });
});

describe('DuckDB reads side by side', () => {
  it("answers a short read while another tenant's long query still runs", async () => {
    const warehouse = await createDuckDbWarehouse({ path: join(dir, `readers-${n++}.duckdb`), statementTimeoutMs: 3_000 });
    try {
      let longSettled = false;
      const long = warehouse
        .query({ sql: 'SELECT count(*) FROM range(1000000) a, range(1000000) b WHERE (a.range * b.range) % 7 = 3', params: {} })
        .catch((err: unknown) => err)
        .finally(() => (longSettled = true));
      expect(await warehouse.query({ sql: 'SELECT 2 AS two', params: {} })).toEqual([{ two: 2 }]);
      // With one read connection the short read would have waited for the long one to be stopped (3 s).
      expect(longSettled).toBe(false);
      expect(await long).toMatchObject({ code: 'timeout' });
    } finally {
      await warehouse.close();
    }
  });
});
