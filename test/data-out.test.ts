// Data out on every engine: a source's current rows exported as CSV and
// Parquet (read back with DuckDB's read_parquet) hold the workspace's rows
// only, bookkeeping columns left out; a metric query's rows exported alike;
// read-only SQL over the workspace's views on DuckDB refuses every statement
// but one SELECT and never shows another workspace's rows, whatever it names;
// ClickHouse answers SQL with a clear 422 (its BI users take row policies).
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BeaconError } from '../src/core/errors.js';
import { exportQuery, exportSource } from '../src/export/export-service.js';
import { runSql } from '../src/export/sql-service.js';
import { DeriveScheduler } from '../src/warehouse/derive-scheduler.js';
import type { Warehouse, Workspace } from '../src/warehouse/warehouse.js';
import { everyEngine, type OpenedWarehouse } from './support/every-engine.js';
import { loadWorkspace } from './support/metrics-fixture.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('data-out');
afterAll(() => dir.remove());

// alpha: two orders and two days of Google Ads rows; beta: one order that alpha must never see.
const ALPHA = {
  orders: [
    { order_id: 'o2', customer_id: 'c2', timestamp: '2026-10-02T12:30:00Z', revenue: 40.5, currency: 'USD', status: 'refunded' },
    { order_id: 'o1', customer_id: 'c1', timestamp: '2026-10-01T10:00:00Z', revenue: 100, currency: 'USD', status: 'completed' },
  ],
  ad_performance: [
    { date: '2026-10-01', platform: 'google_ads', campaign_id: 'g1', impressions: 1000, clicks: 10, cost: 20 },
    { date: '2026-10-02', platform: 'google_ads', campaign_id: 'g1', impressions: 500, clicks: 5, cost: 7.25 },
  ],
};
const BETA = { orders: [{ order_id: 'o9', customer_id: 'secret', timestamp: '2026-10-01T09:00:00Z', revenue: 999, currency: 'USD', status: 'completed' }] };

async function bytesOf(stream: NodeJS.ReadableStream | Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Rows of `select` over a Parquet file (named `p` in it), read by a fresh in-memory DuckDB. */
async function readParquet(bytes: Buffer, select: string): Promise<unknown[][]> {
  const path = join(mkdtempSync(join(tmpdir(), 'parquet-')), 'f.parquet');
  writeFileSync(path, bytes);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run("SET TimeZone = 'UTC'");
    return (await connection.runAndReadAll(select.replace(/ FROM p$/, ` FROM read_parquet('${path}')`))).getRowsJson();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function csvRows(text: string): string[][] {
  return parse(text) as string[][];
}

async function refusal(work: Promise<unknown>): Promise<BeaconError> {
  const err = await work.then(() => undefined, (e: unknown) => e);
  expect(err, 'expected a refusal').toBeInstanceOf(BeaconError);
  return err as BeaconError;
}

for (const engine of everyEngine('data_out').filter((e) => e.available)) {
  describe(engine.name, () => {
    let opened: OpenedWarehouse;
    let warehouse: Warehouse;
    let alpha: Workspace;
    let beta: Workspace;

    beforeAll(async () => {
      opened = await engine.open(dir.path);
      warehouse = opened.warehouse;
      await loadWorkspace(warehouse, 'alpha', ALPHA);
      await loadWorkspace(warehouse, 'beta', BETA);
      alpha = (await warehouse.getWorkspace('alpha'))!;
      beta = (await warehouse.getWorkspace('beta'))!;
    }, 120_000);
    afterAll(() => opened?.stop());

    it("exports a source's current rows of the workspace as CSV, in key order, without bookkeeping columns", async () => {
      const file = await exportSource(warehouse, alpha, 'orders', 'csv');
      expect(file.contentType).toBe('text/csv; charset=utf-8');
      expect(file.fileName).toBe('alpha-orders.csv');
      const [header, ...rows] = csvRows((await bytesOf(file.stream)).toString('utf8'));
      expect(header).toEqual(['order_id', 'customer_id', 'timestamp', 'revenue', 'currency', 'gross_margin', 'status']);
      expect(rows.map((r) => [r[0], r[1], r[2].replace(/\.0+$/, ''), Number(r[3]), r[4], r[5], r[6]])).toEqual([
        ['o1', 'c1', '2026-10-01 10:00:00', 100, 'USD', '', 'completed'],
        ['o2', 'c2', '2026-10-02 12:30:00', 40.5, 'USD', '', 'refunded'],
      ]);
    });

    if (engine.name.startsWith('ClickHouse 18.16') || engine.name.includes('18.16 cluster')) {
      it('answers Parquet with a clear 422: 18.16 has no Parquet format', async () => {
        const err = await refusal(exportSource(warehouse, alpha, 'orders', 'parquet'));
        expect(err.status).toBe(422);
        expect(err.message).toMatch(/has no Parquet format.*ClickHouse 19/);
      });
    } else {
      it('exports the same rows as Parquet, typed', async () => {
        const file = await exportSource(warehouse, alpha, 'ad_performance', 'parquet');
        expect(file.contentType).toBe('application/vnd.apache.parquet');
        const rows = await readParquet(await bytesOf(file.stream), 'SELECT CAST(date AS VARCHAR), platform, campaign_id, CAST(impressions AS BIGINT), CAST(clicks AS BIGINT), CAST(cost AS DOUBLE) FROM p');
        expect(rows).toEqual([
          ['2026-10-01', 'google_ads', 'g1', '1000', '10', 20],
          ['2026-10-02', 'google_ads', 'g1', '500', '5', 7.25],
        ]);
        const orders = await readParquet(
          await bytesOf((await exportSource(warehouse, alpha, 'orders', 'parquet')).stream),
          'SELECT order_id, CAST(CAST("timestamp" AS TIMESTAMP) AS VARCHAR), CAST(revenue AS DOUBLE), status FROM p',
        );
        expect(orders).toEqual([
          ['o1', '2026-10-01 10:00:00', 100, 'completed'],
          ['o2', '2026-10-02 12:30:00', 40.5, 'refunded'],
        ]);
      });
    }

    it("exports another workspace's rows to that workspace alone", async () => {
      const [, ...rows] = csvRows((await bytesOf((await exportSource(warehouse, beta, 'orders', 'csv')).stream)).toString('utf8'));
      expect(rows.map((r) => r[0])).toEqual(['o9']);
    });

    it("exports a metric query's rows as CSV and Parquet", async () => {
      const services = { warehouse, derived: new DeriveScheduler(warehouse) };
      const query = { metrics: ['cost', 'clicks'], grain: 'day', from: '2026-10-01', to: '2026-10-02' };
      const csv = await exportQuery(services, alpha, { query, format: 'csv' });
      expect(csv.fileName).toBe('alpha-query.csv');
      const [header, ...rows] = csvRows((await bytesOf(csv.stream)).toString('utf8'));
      expect(header).toEqual(['date', 'cost', 'clicks']);
      expect(rows.map(([d, c, k]) => [d, Number(c), Number(k)])).toEqual([['2026-10-01', 20, 10], ['2026-10-02', 7.25, 5]]);
      const parquet = await exportQuery(services, alpha, { query, format: 'parquet' });
      const read = await readParquet(await bytesOf(parquet.stream), "SELECT typeof(date), CAST(date AS VARCHAR), cost, clicks FROM p");
      expect(read).toEqual([['DATE', '2026-10-01', 20, 10], ['DATE', '2026-10-02', 7.25, 5]]);
    });

    it('refuses an unknown source or format', async () => {
      expect((await refusal(exportSource(warehouse, alpha, 'secrets', 'csv'))).status).toBe(400);
      expect((await refusal(exportSource(warehouse, alpha, 'orders', 'xlsx'))).status).toBe(400);
    });

    if (engine.name !== 'DuckDB') {
      it('answers read-only SQL with a clear 422 that points at the BI user recipe', async () => {
        const err = await refusal(runSql(warehouse, alpha, { sql: 'SELECT 1' }));
        expect(err.status).toBe(422);
        expect(err.message).toMatch(/SQL for BI tools/);
      });
      return;
    }

    describe('read-only SQL', () => {
      const sql = (workspace: Workspace, statement: string) => runSql(warehouse, workspace, { sql: statement });

      it("reads the workspace's views, and only its rows", async () => {
        const result = await sql(alpha, 'SELECT order_id, revenue, status FROM orders ORDER BY order_id');
        expect(result.columns.map((c) => c.name)).toEqual(['order_id', 'revenue', 'status']);
        expect(result.rows.map((r) => [r.order_id, Number(r.revenue), r.status])).toEqual([['o1', 100, 'completed'], ['o2', 40.5, 'refunded']]);
        expect((await sql(beta, 'SELECT order_id FROM orders')).rows).toEqual([{ order_id: 'o9' }]);
        const cost = await sql(alpha, 'WITH d AS (SELECT date, sum(cost) AS cost FROM ad_performance GROUP BY date) SELECT sum(cost) AS total FROM d');
        expect(Number(cost.rows[0].total)).toBe(27.25);
      });

      it('reads the KPI catalog as kpis', async () => {
        const result = await sql(alpha, "SELECT id, label, formula, unit FROM kpis WHERE id = 'roas'");
        expect(result.rows).toEqual([{ id: 'roas', label: 'ROAS', formula: 'revenue / cost', unit: 'ratio' }]);
      });

      it('caps the rows at the limit and says so', async () => {
        const result = await runSql(warehouse, alpha, { sql: 'SELECT * FROM range(5)', limit: 3 });
        expect(result.rows.length).toBe(3);
        expect(result.truncated).toBe(true);
      });

      it.each([
        ['INSERT', "INSERT INTO orders VALUES ('x')"],
        ['UPDATE', "UPDATE orders SET revenue = 0"],
        ['DELETE', 'DELETE FROM orders'],
        ['CREATE', 'CREATE TABLE t AS SELECT 1'],
        ['DROP', 'DROP TABLE orders'],
        ['ATTACH', "ATTACH ':memory:' AS x"],
        ['COPY', "COPY orders TO '/tmp/leak.csv'"],
        ['PRAGMA', 'PRAGMA show_tables'],
        ['SET', "SET TimeZone = 'UTC'"],
        ['CALL', 'CALL duckdb_tables()'],
        ['EXPLAIN', 'EXPLAIN SELECT 1'],
        ['two statements', 'SELECT 1; SELECT 2'],
        ['a write after a select', 'SELECT 1; DELETE FROM orders'],
      ])('refuses %s', async (_name, statement) => {
        const err = await refusal(sql(alpha, statement));
        expect(err.status).toBe(422);
        expect(err.message).toMatch(/only (SELECT statements are allowed|one statement is allowed)/);
      });

      it.each([
        ['a base table by schema', 'SELECT * FROM main.orders'],
        ['a derived table', 'SELECT * FROM event_facts'],
        ['the metadata tables', 'SELECT * FROM api_keys'],
        ['a file by name', "SELECT * FROM 'orders.csv'"],
        ['read_parquet', "SELECT * FROM read_parquet('/tmp/x.parquet')"],
        ['read_csv', "SELECT * FROM read_csv('/etc/passwd')"],
        ['duckdb_tables()', 'SELECT * FROM duckdb_tables()'],
        ['duckdb_tables() in a subquery', 'SELECT (SELECT count(*) FROM duckdb_tables()) AS n'],
        ['query()', "SELECT * FROM query('SELECT * FROM main.orders')"],
        ['query_table()', "SELECT * FROM query_table('main.orders')"],
        ['a catalog function', "SELECT current_setting('threads') AS t"],
        ['a CTE named like a base table, used outside its scope', 'SELECT * FROM (WITH api_keys AS (SELECT 1) SELECT * FROM api_keys), api_keys'],
        ['a table in a UNION', 'SELECT order_id FROM orders UNION ALL SELECT order_id FROM main.orders'],
        ['information_schema', 'SELECT * FROM information_schema.tables'],
        ['a system view', 'SELECT * FROM sqlite_master'],
        ['glob()', "SELECT * FROM glob('*')"],
        ['a base table inside a CTE', 'WITH orders AS (SELECT * FROM main.orders) SELECT * FROM orders'],
        ['a lateral subquery on a base table', 'SELECT * FROM orders, LATERAL (SELECT * FROM main.orders)'],
        ['a sequence', "SELECT nextval('s') AS n"],
      ])('refuses %s', async (_name, statement) => {
        const err = await refusal(sql(alpha, statement));
        expect(err.status).toBe(422);
      });

      it("does not show another workspace's rows to tricks on the views", async () => {
        for (const statement of [
          'SELECT order_id FROM orders WHERE true OR 1=1 ORDER BY 1',
          'SELECT order_id FROM orders o1 FULL JOIN orders o2 USING (order_id) ORDER BY 1',
          "SELECT order_id FROM orders WHERE customer_id = 'secret' OR customer_id <> 'secret' ORDER BY 1",
          'SELECT order_id FROM "ORDERS" ORDER BY 1',
          'WITH x AS (SELECT * FROM orders) SELECT order_id FROM x ORDER BY 1',
        ]) {
          expect((await sql(alpha, statement)).rows.map((r) => r.order_id), statement).toEqual(['o1', 'o2']);
        }
        expect((await sql(alpha, 'SELECT count(*) AS n FROM orders WHERE revenue = 999')).rows).toEqual([{ n: '0' }]);
      });

      it('leaves the data as it was', async () => {
        const [, ...rows] = csvRows((await bytesOf((await exportSource(warehouse, alpha, 'orders', 'csv')).stream)).toString('utf8'));
        expect(rows.map((r) => r[0])).toEqual(['o1', 'o2']);
      });
    });
  });
}
