// Data out over HTTP and from the CLI: GET and POST /v1/export stream CSV and
// Parquet downloads with their Content-Type and Content-Disposition to a
// read key; POST /v1/sql answers read-only SELECTs over the key's own
// workspace; beacon export and beacon sql do the same on a local database.
import { DuckDBInstance } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';

const dir = tempDir('http-data-out');
let t: TestServer;

const SHOP_ORDERS = [
  { order_id: 'o1', customer_id: 'c1', timestamp: '2026-10-01T10:00:00Z', revenue: 100, currency: 'USD', status: 'completed' },
  { order_id: 'o2', customer_id: 'c2', timestamp: '2026-10-02T12:30:00Z', revenue: 40.5, currency: 'USD', status: 'refunded' },
];
const OTHER_ORDERS = [{ order_id: 'o9', customer_id: 'secret', timestamp: '2026-10-01T09:00:00Z', revenue: 999, currency: 'USD' }];
const ADS = [
  { date: '2026-10-01', platform: 'google_ads', campaign_id: 'g1', impressions: 1000, clicks: 10, cost: 20 },
  { date: '2026-10-02', platform: 'google_ads', campaign_id: 'g1', impressions: 500, clicks: 5, cost: 7.25 },
];

async function parquetRows(path: string, select: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(select.replace('FROM p', `FROM read_parquet('${path}')`))).getRowsJson();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

beforeAll(async () => {
  t = await startTestServer(dir.path);
  for (const [path, body, key] of [
    ['/v1/import/orders', SHOP_ORDERS, t.keys.ingest],
    ['/v1/import/ad_performance', ADS, t.keys.ingest],
    ['/v1/import/orders', OTHER_ORDERS, t.keys.otherAdmin],
  ] as const) {
    const response = await call(t.url, 'POST', path, { key, body: JSON.stringify(body) });
    expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
  }
});
afterAll(async () => {
  await t?.stop();
  dir.remove();
});

describe('GET /v1/export', () => {
  it("streams a source's rows of the key's workspace as a CSV download", async () => {
    const response = await call(t.url, 'GET', '/v1/export?source=orders&format=csv', { key: t.keys.read });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="shop-orders.csv"');
    expect(response.body).toBe(
      'order_id,customer_id,timestamp,revenue,currency,gross_margin,status\n' +
        'o1,c1,2026-10-01 10:00:00,100.000000,USD,,completed\n' +
        'o2,c2,2026-10-02 12:30:00,40.500000,USD,,refunded\n',
    );
  });

  it('streams Parquet, read back equal to the rows loaded', async () => {
    const response = await fetch(`${t.url}/v1/export?source=ad_performance&format=parquet`, { headers: { authorization: `Bearer ${t.keys.read}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    const path = join(dir.path, 'ads.parquet');
    writeFileSync(path, Buffer.from(await response.arrayBuffer()));
    expect(await parquetRows(path, 'SELECT CAST(date AS VARCHAR), campaign_id, CAST(clicks AS INTEGER), CAST(cost AS DOUBLE) FROM p')).toEqual([
      ['2026-10-01', 'g1', 10, 20],
      ['2026-10-02', 'g1', 5, 7.25],
    ]);
  });

  it('needs a read key and a known source', async () => {
    expect((await call(t.url, 'GET', '/v1/export?source=orders', { key: t.keys.ingest })).status).toBe(403);
    expect((await call(t.url, 'GET', '/v1/export?source=orders')).status).toBe(401);
    const unknown = await call(t.url, 'GET', '/v1/export?source=nope', { key: t.keys.read });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/source must be one of/);
  });
});

describe('POST /v1/export', () => {
  it("streams a metric query's rows as CSV", async () => {
    const body = { query: { metrics: ['cost', 'clicks'], grain: 'day', from: '2026-10-01', to: '2026-10-02' }, format: 'csv' };
    const response = await call(t.url, 'POST', '/v1/export', { key: t.keys.read, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="shop-query.csv"');
    expect(response.body).toBe('date,cost,clicks\n2026-10-01,20.0,10.0\n2026-10-02,7.25,5.0\n');
  });

  it('answers a bad query as /v1/query does', async () => {
    const response = await call(t.url, 'POST', '/v1/export', { key: t.keys.read, body: JSON.stringify({ query: { metrics: ['nope'], from: '2026-10-01', to: '2026-10-02' } }) });
    expect(response.status).toBe(400);
  });
});

describe('POST /v1/sql', () => {
  it("answers a SELECT over the key's workspace only", async () => {
    const response = await call(t.url, 'POST', '/v1/sql', { key: t.keys.read, body: JSON.stringify({ sql: 'SELECT order_id, status FROM orders WHERE true OR 1=1 ORDER BY order_id' }) });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      columns: [{ name: 'order_id', type: 'VARCHAR' }, { name: 'status', type: 'VARCHAR' }],
      rows: [{ order_id: 'o1', status: 'completed' }, { order_id: 'o2', status: 'refunded' }],
      truncated: false,
    });
  });

  it('refuses a write with a clear 422', async () => {
    const response = await call(t.url, 'POST', '/v1/sql', { key: t.keys.admin, body: JSON.stringify({ sql: 'DELETE FROM orders' }) });
    expect(response.status).toBe(422);
    expect(response.body.error.message).toMatch(/only SELECT statements are allowed/);
  });
});

describe('beacon export and beacon sql through a server', () => {
  it("download the key's workspace over HTTP", async () => {
    const server = ['--server', t.url, '--key', t.keys.read];
    const csv = await runCli([...server, 'export', '--source', 'orders'], {});
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.trimEnd().split('\n').map((line) => line.split(',')[0])).toEqual(['order_id', 'o1', 'o2']);
    const out = join(dir.path, 'query.parquet');
    const query = await runCli([...server, 'export', '--metrics', 'cost', '--grain', 'day', '--from', '2026-10-01', '--to', '2026-10-02', '--format', 'parquet', '--out', out], {});
    expect(query.code, query.stderr).toBe(0);
    expect(await parquetRows(out, 'SELECT CAST(date AS VARCHAR), cost FROM p')).toEqual([['2026-10-01', 20], ['2026-10-02', 7.25]]);
    const sql = await runCli([...server, 'sql', 'SELECT count(*) AS n FROM orders', '--format', 'csv'], {});
    expect(sql.code, sql.stderr).toBe(0);
    expect(sql.stdout).toBe('n\n2\n');
    const refused = await runCli([...server, 'export', '--source', 'nope'], {});
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/source must be one of/);
  });
});

describe('beacon export and beacon sql', () => {
  const env = { BEACON_DB: join(dir.path, 'cli.duckdb') };

  beforeAll(async () => {
    const file = join(dir.path, 'orders.json');
    writeFileSync(file, JSON.stringify(SHOP_ORDERS));
    const imported = await runCli(['import', 'orders', file], env);
    expect(imported.code, imported.stderr).toBe(0);
  });

  it('writes CSV to standard output and Parquet to --out', async () => {
    const csv = await runCli(['export', '--source', 'orders'], env);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split('\n').slice(0, 2)).toEqual(['order_id,customer_id,timestamp,revenue,currency,gross_margin,status', 'o1,c1,2026-10-01 10:00:00,100.000000,USD,,completed']);
    const out = join(dir.path, 'orders.parquet');
    const parquet = await runCli(['export', '--source', 'orders', '--format', 'parquet', '--out', out], env);
    expect(parquet.code, parquet.stderr).toBe(0);
    expect(await parquetRows(out, 'SELECT order_id, CAST(revenue AS DOUBLE) FROM p')).toEqual([['o1', 100], ['o2', 40.5]]);
  });

  it('says Parquet needs --out, and what to export', async () => {
    const parquet = await runCli(['export', '--source', 'orders', '--format', 'parquet'], env);
    expect(parquet.code).not.toBe(0);
    expect(parquet.stderr).toMatch(/--out FILE/);
    const neither = await runCli(['export'], env);
    expect(neither.stderr).toMatch(/--source NAME, or --metrics/);
  });

  it('prints a SELECT as a table and refuses anything else', async () => {
    const table = await runCli(['sql', 'SELECT order_id, revenue FROM orders ORDER BY order_id'], env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toBe('order_id  revenue\no1        100.000000\no2        40.500000\n');
    const refused = await runCli(['sql', 'DROP TABLE orders'], env);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/only SELECT statements are allowed/);
  });
});
