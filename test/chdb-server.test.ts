// The HTTP interface over chdb (test/support/chdb-server.ts) that the
// current-ClickHouse tests run on: how it reads a request and writes an
// error, then a running one answering @clickhouse/client as a server would
// (databases, per-request settings, inserts, compression, errors, WITH
// TOTALS over no rows), and stopped by pid.
import { ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireChdb, startChdb, type ChdbServer } from './support/chdb.js';
import { inOrder, serverError, statementOf } from './support/chdb-server.js';
import { alive } from './support/clickhouse.js';

const available = requireChdb();

describe('requireChdb', () => {
  it('fails in CI when chdb is missing, and only lets tests skip elsewhere', () => {
    expect(() => requireChdb(false, 'true')).toThrow(/CI must run the tests on modern ClickHouse/);
    expect(requireChdb(false, '')).toBe(false);
    expect(requireChdb(true, 'true')).toBe(true);
  });
});

describe('reading a request', () => {
  it('joins the query parameter and the body with a newline, as the server does for INSERT data', () => {
    const params = new URLSearchParams({ query: 'INSERT INTO t FORMAT JSONEachRow', database: 'd1', max_query_size: '100', query_id: 'q', enable_http_compression: '1' });
    expect(statementOf(params, '{"a":1}\n')).toEqual({
      sql: 'INSERT INTO t FORMAT JSONEachRow\n{"a":1}\n',
      database: 'd1',
      format: 'TabSeparated',
      settings: new Map([['max_query_size', '100']]),
    });
  });

  it('takes the statement from the body alone, the default database and the asked format', () => {
    expect(statementOf(new URLSearchParams({ default_format: 'JSON' }), 'SELECT 1')).toMatchObject({ sql: 'SELECT 1', database: 'default', format: 'JSON' });
  });

  it('refuses query parameters and setting names that are not names', () => {
    expect(() => statementOf(new URLSearchParams({ param_x: '1' }), 'SELECT {x:UInt8}')).toThrow(/not supported/);
    expect(() => statementOf(new URLSearchParams({ 'a b': '1' }), 'SELECT 1')).toThrow(/bad setting name/);
  });

  it('writes errors as the server does: engine errors as they are, others as code 1001', () => {
    const engine = Object.assign(new Error('Code: 60. DB::Exception: Unknown table expression identifier \'nope\'. (UNKNOWN_TABLE)'), { clickhouseCode: 60 });
    expect(serverError(engine)).toEqual({ code: 60, name: 'UNKNOWN_TABLE', text: engine.message });
    expect(serverError(new Error('boom'))).toEqual({ code: 1001, name: 'STD_EXCEPTION', text: 'Code: 1001. DB::Exception: boom. (STD_EXCEPTION)' });
  });

  it('puts a WITH TOTALS answer over no rows back in order, and leaves any other answer alone', () => {
    const start = '{\n\t"meta":\n\t[\n\t\t{\n\t\t\t"name": "n",\n\t\t\t"type": "UInt64"\n\t\t}\n\t],\n\n\t"data":\n\t[\n';
    const totals = '\n\t],\n\n\t"totals":\n\t{\n\t\t"n": "0"\n\t}';
    const end = ',\n\n\t"rows": 0,\n\n\t"statistics":\n\t{\n\t\t"elapsed": 0.001,\n\t\t"rows_read": 0,\n\t\t"bytes_read": 0\n\t}\n}\n';
    const repaired = inOrder(Buffer.from(totals + start + end)).toString();
    expect(repaired).toBe(start + totals + end);
    expect(JSON.parse(repaired)).toMatchObject({ data: [], totals: { n: '0' }, rows: 0 });
    for (const other of [start + totals + end, '1\t2\n', 'garbage']) expect(inOrder(Buffer.from(other)).toString()).toBe(other);
  });
});

describe.skipIf(!available && !process.env.CI)('a running chdb behind the HTTP interface', () => {
  let server: ChdbServer;
  let client: ClickHouseClient;
  const clients: ClickHouseClient[] = [];
  const open = (options: Parameters<typeof createClient>[0] = {}) => {
    const c = createClient({ url: server.url, log: { level: ClickHouseLogLevel.OFF }, ...options });
    clients.push(c);
    return c;
  };
  const rows = async <T>(c: ClickHouseClient, query: string) => (await c.query({ query, format: 'JSONEachRow' })).json<T>();

  beforeAll(async () => {
    server = await startChdb();
    client = open();
    await client.command({ query: 'CREATE DATABASE one' });
    await client.command({ query: 'CREATE DATABASE two' });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server?.stop();
    if (server) expect(server.pids.map(alive)).toEqual([false]);
  });

  it('listens on loopback and is a current ClickHouse (23.x or later)', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const [{ v }] = await rows<{ v: string }>(client, 'SELECT version() AS v');
    expect(v).toBe(server.version);
    expect(Number(v.split('.')[0])).toBeGreaterThanOrEqual(23);
    expect(await client.ping()).toMatchObject({ success: true });
  });

  it('quotes 64-bit integers in JSON, as a server does by default', async () => {
    expect(await rows(client, 'SELECT toUInt64(9007199254740993) AS big, toInt32(-5) AS small')).toEqual([{ big: '9007199254740993', small: -5 }]);
  });

  it('runs each request in its own database, concurrent requests too', async () => {
    const [a, b] = [open({ database: 'one' }), open({ database: 'two' })];
    await a.command({ query: 'CREATE TABLE t (k UInt32, v String) ENGINE = MergeTree ORDER BY k' });
    await b.command({ query: 'CREATE TABLE t (k UInt32, v String) ENGINE = MergeTree ORDER BY k' });
    await a.insert({ table: 't', values: [{ k: 1, v: "it's one" }, { k: 2, v: 'line\nbreak' }], format: 'JSONEachRow' });
    await b.insert({ table: 't', values: [{ k: 3, v: 'two' }], format: 'JSONEachRow' });
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => rows<{ db: string; n: string }>(i % 2 ? b : a, 'SELECT currentDatabase() AS db, count() AS n FROM t')));
    expect(answers.map(([r]) => [r.db, r.n])).toEqual(Array.from({ length: 12 }, (_, i) => (i % 2 ? ['two', '1'] : ['one', '2'])));
    expect(await rows(a, 'SELECT k, v FROM t ORDER BY k')).toEqual([{ k: 1, v: "it's one" }, { k: 2, v: 'line\nbreak' }]);
  });

  it('applies settings to their own request alone', async () => {
    const setting = "SELECT value FROM system.settings WHERE name = 'max_query_size'";
    const [{ value: initial }] = await rows<{ value: string }>(client, setting);
    const tuned = open({ clickhouse_settings: { max_query_size: '12345' } });
    expect(await rows(tuned, setting)).toEqual([{ value: '12345' }]);
    expect(await rows(client, setting)).toEqual([{ value: initial }]);
    // An unknown setting is refused as a server refuses it.
    await expect(rows(open({ clickhouse_settings: { no_such_setting: 1 } as never }), 'SELECT 1')).rejects.toMatchObject({ code: '115', type: 'UNKNOWN_SETTING' });
  });

  it('reads gzip request bodies and sends gzip answers when asked', async () => {
    const zipped = open({ database: 'one', compression: { request: true, response: true } });
    await zipped.insert({ table: 't', values: [{ k: 10, v: 'zipped' }], format: 'JSONEachRow' });
    expect(await rows(zipped, 'SELECT v FROM t WHERE k = 10')).toEqual([{ v: 'zipped' }]);
  });

  it('answers an error with the server\'s status, code header and text, which the client raises', async () => {
    const response = await fetch(`${server.url}/?query=${encodeURIComponent('SELECT * FROM no_such_table')}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-clickhouse-exception-code')).toBe('60');
    expect(await response.text()).toMatch(/^Code: 60\. DB::Exception: .*\(UNKNOWN_TABLE\) \(version \d+\.\d+/s);
    await expect(client.command({ query: 'SELEC 1' })).rejects.toMatchObject({ code: '62', type: 'SYNTAX_ERROR' });
  });

  it('answers WITH TOTALS over no rows as one JSON document', async () => {
    const result = await client.query({ query: 'SELECT number % 2 AS k, count() AS n FROM numbers(10) WHERE number > 100 GROUP BY k WITH TOTALS', format: 'JSON' });
    expect(await result.json()).toMatchObject({ data: [], totals: { k: 0, n: '0' }, rows: 0 });
  });
});
