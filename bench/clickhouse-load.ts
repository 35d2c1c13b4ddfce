// Moving rows into ClickHouse for the benchmarks: plain HTTP statements, a
// file streamed as `INSERT INTO … FORMAT JSONEachRow`, and the copy of
// Beacon's raw tables out of a DuckDB file (COPY … TO NDJSON, with each
// column written the way the ClickHouse engine stores it: timestamps as epoch
// milliseconds, money as a bare decimal number, booleans as 0/1).
import { DuckDBInstance } from '@duckdb/node-api';
import { createReadStream } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { SourceName } from '../src/model/sources.js';
import { storedColumns } from '../src/warehouse/clickhouse/clickhouse-ddl.js';

/** Runs one statement over ClickHouse's HTTP interface and resolves with the answer's text. */
export async function clickhouseStatement(url: string, sql: string, database?: string): Promise<string> {
  const target = new URL(url);
  if (database) target.searchParams.set('database', database);
  const response = await fetch(target, { method: 'POST', body: sql });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`ClickHouse refused ${sql.slice(0, 120)}: ${text.trim()}`);
  return text;
}

/** Streams an NDJSON file into `table` as one INSERT … FORMAT JSONEachRow. */
export async function insertFile(url: string, database: string, table: string, file: string): Promise<void> {
  const target = new URL(url);
  target.searchParams.set('database', database);
  target.searchParams.set('query', `INSERT INTO \`${table}\` FORMAT JSONEachRow`);
  await new Promise<void>((resolve, reject) => {
    const req = request(target, { method: 'POST', agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`ClickHouse refused the insert into ${table}: ${text.trim()}`))));
      response.on('error', reject);
    });
    req.on('error', reject);
    pipeline(createReadStream(file), req).catch(reject);
  });
}

export async function clickhouseCount(url: string, database: string, table: string): Promise<number> {
  return Number((await clickhouseStatement(url, `SELECT count() FROM \`${table}\``, database)).trim());
}

/** The DuckDB expression that writes `name` as the ClickHouse engine stores a column of `kind`. */
function exportExpression(name: string, kind: string, present: boolean): string | undefined {
  const column = `"${name}"`;
  if (!present) return name === 'deleted' ? `0 AS deleted` : undefined;
  switch (kind) {
    case 'timestamp':
      return `epoch_ms(${column}) AS ${column}`;
    case 'money':
      // The decimal text as a bare JSON number: ClickHouse 18.16 reads Decimal exactly from it.
      return `CAST(CAST(${column} AS VARCHAR) AS JSON) AS ${column}`;
    case 'boolean':
      return `CAST(${column} AS INTEGER) AS ${column}`;
    case 'json':
      return `CAST(${column} AS VARCHAR) AS ${column}`;
    case 'date':
      return `strftime(${column}, '%Y-%m-%d') AS ${column}`;
    default:
      return column;
  }
}

export interface CopiedTable {
  table: SourceName;
  rows: number;
}

/**
 * Copies Beacon's raw `tables` from a (closed) DuckDB file into the ClickHouse
 * database, checking that every row arrived. Export and load are timed apart.
 */
export async function copyRawTables(
  duckdbPath: string,
  dir: string,
  url: string,
  database: string,
  tables: readonly SourceName[],
): Promise<{ copied: CopiedTable[]; exportSeconds: number; loadSeconds: number }> {
  const instance = await DuckDBInstance.create(duckdbPath);
  const db = await instance.connect();
  const copied: CopiedTable[] = [];
  let exportSeconds = 0;
  let loadSeconds = 0;
  try {
    for (const table of tables) {
      const present = new Set(
        (await db.runAndReadAll(`SELECT column_name FROM information_schema.columns WHERE table_name = '${table}'`)).getRows().map((r) => String(r[0])),
      );
      const select = storedColumns(table)
        .map((c) => exportExpression(c.name, c.kind, present.has(c.name)))
        .filter((e): e is string => e !== undefined)
        .join(', ');
      const file = join(dir, `copy-${table}.ndjson`);
      let started = performance.now();
      await db.run(`COPY (SELECT ${select} FROM "${table}") TO '${file}' (FORMAT JSON)`);
      exportSeconds += (performance.now() - started) / 1000;
      const expected = Number((await db.runAndReadAll(`SELECT count(*) FROM "${table}"`)).getRows()[0][0]);
      started = performance.now();
      await insertFile(url, database, table, file);
      loadSeconds += (performance.now() - started) / 1000;
      const stored = await clickhouseCount(url, database, table);
      if (stored !== expected) throw new Error(`${table}: DuckDB holds ${expected} rows, ClickHouse received ${stored}`);
      copied.push({ table, rows: stored });
    }
  } finally {
    db.closeSync();
    instance.closeSync();
  }
  return { copied, exportSeconds, loadSeconds };
}
