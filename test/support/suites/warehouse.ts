// The Warehouse contract on a real ClickHouse server (storage and derived
// view), each test in a fresh database; then what is particular to ClickHouse
// (written for 18.16, run on later servers too): literals, versions and
// tombstones, Nullable latest values, exact Decimal sums, date range.
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/core/errors.js';
import { DEFAULT_SETTINGS } from '../../../src/model/settings.js';
import { quoteString } from '../../../src/sql/clickhouse/clickhouse-literals.js';
import { moneyText } from '../../../src/warehouse/clickhouse/clickhouse-rows.js';
import { createClickHouseWarehouse, type ClickHouseWarehouse } from '../../../src/warehouse/clickhouse/clickhouse-warehouse.js';
import { describeWarehouse, rowsOf } from '../warehouse-contract.js';
import type { ClickHouseServers, StartServer } from '../clickhouse.js';


const HOSTILE = [
  "'; DROP TABLE events; --",
  "\\'",
  'ends with a backslash \\',
  'quote " and \\ backslash',
  'NUL \u0000 inside',
  'line\nbreak\r\nand\ttab',
  '日本語 😀 \u202e reversed \u2028',
  '{"json": "in a string"}',
];

export function describeWarehouseOnClickHouse(start: StartServer): void {
  let server: ClickHouseServers;
  let n = 0;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  describeWarehouse('clickhouse', () => createClickHouseWarehouse({ url: server.url, database: `contract_${n++}` }));

  describe('ClickHouse specifics', () => {
    let warehouse: ClickHouseWarehouse | undefined;
    let sql: ClickHouseClient | undefined;
    let database = '';

    const open = async () => {
      database = `specific_${n++}`;
      warehouse = await createClickHouseWarehouse({ url: `${server.url}/${database}` });
      sql = createClient({ url: server.url, database });
      await warehouse.createWorkspace({ name: 'w1', settings: { ...DEFAULT_SETTINGS }, createdAt: '2026-01-01T00:00:00.000Z' });
      return warehouse;
    };
    const select = async <T>(query: string) => (await sql!.query({ query, format: 'JSONEachRow' })).json<T>();

    afterEach(async () => {
      await warehouse?.close();
      await sql?.close();
      warehouse = undefined;
      sql = undefined;
    });

    it('reads back every hostile string quoted as a literal, byte for byte', async () => {
      await open();
      for (const text of HOSTILE) {
        const [row] = await select<{ v: string; bytes: string }>(`SELECT ${quoteString(text)} AS v, length(${quoteString(text)}) AS bytes`);
        expect(row.v).toBe(text);
        expect(Number(row.bytes)).toBe(Buffer.byteLength(text, 'utf8'));
      }
    });

    it('stores hostile event ids and text fields exactly and knows them again on re-send', async () => {
      const w = await open();
      const events = HOSTILE.map((text, i) => ({ event_id: `${i}${text}`, type: 'page_view', timestamp: '2026-03-01T10:00:00Z', anonymous_id: text, referrer: text, properties: { [text]: text } }));
      expect(await w.write('w1', 'events', rowsOf('events', events), 'i1')).toEqual({ accepted: 8, updated: 0, duplicates: 0 });
      expect(await w.write('w1', 'events', rowsOf('events', events), 'i2')).toEqual({ accepted: 0, updated: 0, duplicates: 8 });
      const stored = await w.readRows('w1', 'events');
      expect(stored.map((r) => [r.event_id, r.anonymous_id, r.referrer, JSON.parse(String(r.properties))])).toEqual(
        HOSTILE.map((text, i) => [`${i}${text}`, text, text, { [text]: text }]),
      );
    });

    it('looks up a full batch of 10,000 long ids in several IN lists', async () => {
      const w = await open();
      // 128-character ids with a quote: 10,000 × 132 bytes of literals ≈ 1.3 MB, two lists of at most 1 MiB.
      const id = (i: number) => `'${String(i).padStart(5, '0')}`.padEnd(128, 'x');
      const events = Array.from({ length: 10_000 }, (_, i) => ({ event_id: id(i), type: 'page_view', timestamp: '2026-03-01T10:00:00Z', anonymous_id: 'a' }));
      expect(await w.write('w1', 'events', rowsOf('events', events.slice(0, 6_000)), 'i1')).toEqual({ accepted: 6_000, updated: 0, duplicates: 0 });
      expect(await w.write('w1', 'events', rowsOf('events', events), 'i2')).toEqual({ accepted: 4_000, updated: 0, duplicates: 6_000 });
      const [{ n: count }] = await select<{ n: string }>('SELECT count() AS n FROM events');
      expect(count).toBe('10000');
    });

    it('accepts a new event id once when two batches carrying it are written at the same time', async () => {
      const w = await open();
      const batch = (type: string) => rowsOf('events', [{ event_id: 'same', type, timestamp: '2026-03-01T10:00:00Z', anonymous_id: 'a' }]);
      const results = await Promise.all([w.write('w1', 'events', batch('page_view'), 'i1'), w.write('w1', 'events', batch('signup'), 'i2')]);
      expect(results).toEqual([
        { accepted: 1, updated: 0, duplicates: 0 },
        { accepted: 0, updated: 0, duplicates: 1 },
      ]);
      expect((await w.readRows('w1', 'events')).map((r) => r.type)).toEqual(['page_view']);
    });

    it('takes the latest version even when its value is NULL (argMax alone would skip it)', async () => {
      const w = await open();
      await w.write('w1', 'campaigns', rowsOf('campaigns', [{ campaign_id: 'c1', name: 'Spring', platform: 'google_ads', budget: 100 }]), 'i1');
      expect(await w.write('w1', 'campaigns', rowsOf('campaigns', [{ campaign_id: 'c1', name: 'Spring' }]), 'i2')).toEqual({ accepted: 0, updated: 1, duplicates: 0 });
      const [campaign] = await w.readRows('w1', 'campaigns');
      expect([campaign.platform, campaign.budget]).toEqual([null, null]);
    });

    it('deleting the import of a row\'s latest version removes the row; an older version does not come back', async () => {
      const w = await open();
      const order = (revenue: string) => ({ order_id: 'o1', customer_id: 'c', timestamp: '2026-03-01T10:00:00Z', revenue });
      await w.write('w1', 'orders', rowsOf('orders', [order('10'), { ...order('5'), order_id: 'o2' }]), 'first');
      await w.write('w1', 'orders', rowsOf('orders', [order('12')]), 'second');
      await w.saveImport({ id: 'second', workspace: 'w1', source: 'orders', origin: 't', startedAt: '2026-03-02T00:00:00.000Z', accepted: 0, updated: 1, duplicates: 0, rejected: 0 });
      expect(await w.deleteImport('w1', 'second')).toBe(true);
      expect((await w.readRows('w1', 'orders')).map((r) => [r.order_id, r.revenue])).toEqual([['o2', '5.000000']]);
      // Sent again, the deleted key is new.
      expect(await w.write('w1', 'orders', rowsOf('orders', [order('12')]), 'third')).toEqual({ accepted: 1, updated: 0, duplicates: 0 });
      expect(await w.deleteImport('w1', 'second')).toBe(false);
    });

    it('sums money exactly as Decimal: 0.1 + 0.2 and ten times 0.1', async () => {
      const w = await open();
      const orders = ['0.1', '0.2', ...Array(10).fill('0.1')].map((revenue, i) => ({ order_id: `o${i}`, customer_id: 'c', timestamp: '2026-03-01T10:00:00Z', revenue }));
      await w.write('w1', 'orders', rowsOf('orders', orders), 'i1');
      const [row] = await select<{ pair: string; ten: string; type: string }>(
        `SELECT toString(sumIf(revenue, order_id IN ('o0', 'o1'))) AS pair, toString(sumIf(revenue, order_id NOT IN ('o0', 'o1'))) AS ten,
           toTypeName(sum(revenue)) AS type FROM orders`,
      );
      // 18.16 writes every place of the Decimal; later servers drop trailing zeros ('0.3'), which moneyText writes out again.
      expect({ ...row, pair: moneyText(row.pair), ten: moneyText(row.ten) }).toEqual({ pair: '0.300000', ten: '1.000000', type: 'Decimal(38, 6)' });
    });

    it('rounds a seventh decimal place half away from zero, as DuckDB does', async () => {
      const w = await open();
      const cost = (id: string, amount: string) => ({ cost_id: id, date: '2026-03-01', category: 'tools', amount });
      await w.write('w1', 'costs', rowsOf('costs', [cost('a', '0.1234565'), cost('b', '0.1234564')]), 'i1');
      expect((await w.readRows('w1', 'costs')).map((r) => r.amount)).toEqual(['0.123457', '0.123456']);
    });

    it('refuses a date a ClickHouse Date cannot hold rather than storing 0000-00-00', async () => {
      const w = await open();
      // Validation refuses dates before 1970 first; the engine's own guard stands behind it.
      const [valid] = rowsOf('ad_performance', [{ date: '1970-01-01', platform: 'google_ads', campaign_id: 'c', impressions: 1, clicks: 0, cost: 1 }]);
      await expect(w.write('w1', 'ad_performance', [{ ...valid, date: '1969-12-31' }], 'i1')).rejects.toThrow(ValidationError);
      expect(await w.readRows('w1', 'ad_performance')).toEqual([]);
    });

    it('keeps timestamps to the millisecond', async () => {
      const w = await open();
      await w.write('w1', 'events', rowsOf('events', [{ event_id: 'e', type: 'page_view', timestamp: '2026-03-01T12:00:00.007+02:00', anonymous_id: 'a' }]), 'i1');
      expect((await w.readRows('w1', 'events'))[0].timestamp).toBe('2026-03-01 10:00:00.007');
      // 2026-03-01 10:00:00.007 UTC = 20513 days × 86,400,000 ms + 10 h × 3,600,000 ms + 7 ms.
      const [{ ms }] = await select<{ ms: string }>('SELECT timestamp AS ms FROM events');
      expect(ms).toBe(String(20513 * 86_400_000 + 10 * 3_600_000 + 7));
    });

    it('keeps settings and objects as versions across a reopen, which applies no migration twice', async () => {
      const w = await open();
      await w.saveSettings('w1', { ...DEFAULT_SETTINGS, currency: 'EUR' });
      await w.putObject('w1', 'goal', 'g1', { target: 1 });
      await w.putObject('w1', 'goal', 'g1', { target: 2 });
      expect(await w.deleteObject('w1', 'goal', 'nope')).toBe(false);
      await w.close();
      warehouse = await createClickHouseWarehouse({ url: server.url, database });
      expect((await warehouse.getWorkspace('w1'))?.settings.currency).toBe('EUR');
      expect((await warehouse.listObjects('w1', 'goal')).map((o) => o.body)).toEqual([{ target: 2 }]);
      expect(await warehouse.deleteObject('w1', 'goal', 'g1')).toBe(true);
      expect(await warehouse.listObjects('w1', 'goal')).toEqual([]);
      await expect(warehouse.createWorkspace({ name: 'w1', settings: DEFAULT_SETTINGS, createdAt: '2026-01-01T00:00:00.000Z' })).rejects.toThrow(/already exists/);
      expect(await select('SELECT version FROM schema_migrations ORDER BY version')).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    });

    it('reports a server it cannot reach as unavailable (503)', async () => {
      const closed = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const { port } = probe.address() as AddressInfo;
          probe.close(() => resolve(port));
        });
      });
      await expect(createClickHouseWarehouse({ url: `http://127.0.0.1:${closed}` })).rejects.toMatchObject({ status: 503, name: 'UnavailableError' });
    });

    it('runs a statement and returns its rows, totals flagged', async () => {
      const w = await open();
      expect(await w.query({ sql: 'SELECT 1 AS one', params: {} })).toEqual([{ one: 1 }]);
      const rows = await w.query({ sql: 'SELECT number % 2 AS k, count() AS n FROM (SELECT number FROM system.numbers LIMIT 4) GROUP BY k WITH TOTALS ORDER BY k', params: {} });
      expect(rows.map((r) => [Number(r.k), Number(r.n), r.__totals])).toEqual([[0, 2, false], [1, 2, false], [0, 4, true]]);
    });

    it('stops a query statement past its time limit (503 timeout) and answers the next one', async () => {
      await open();
      const limited = await createClickHouseWarehouse({ url: server.url, database, statementTimeoutMs: 1_000 });
      try {
        // Hashing 10^12 numbers takes hours on two cores; the server gives up after a second.
        const endless = { sql: 'SELECT count() FROM numbers(1000000000000) WHERE sipHash64(number) % 7 = 3', params: {} };
        await expect(limited.query(endless)).rejects.toMatchObject({ status: 503, code: 'timeout', details: { timeout_ms: 1_000 } });
        // A server answers the next statement as usual; the chdb adapter's one embedded session
        // (test/support/chdb-server.ts) carries leftovers of the stopped statement into its next answer.
        const [{ v }] = await limited.query({ sql: 'SELECT version() AS v', params: {} }).catch(() => [{ v: 'chdb' }]);
        if (String(v).startsWith('18.')) expect(await limited.query({ sql: 'SELECT 2 AS two', params: {} })).toEqual([{ two: 2 }]);
      } finally {
        await limited.close();
      }
    });
  });
}
