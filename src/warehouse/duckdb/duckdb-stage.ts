// Moves rows from JS into DuckDB: the rows are written as one JSON array file
// (JSON.stringify, native) that DuckDB's JSON reader loads in its own threads.
// Measured several times faster than handing values over one by one
// (appender or data chunks).
import type { DuckDBConnection } from '@duckdb/node-api';
import { rm, writeFile } from 'node:fs/promises';
import type { Row } from '../../model/validate.js';
import { newStagingFile, STAGED_EVENT_COLUMNS } from '../staged-events.js';
import type { StoredColumn } from '../tables.js';
import { quoteIdent, stageType } from './duckdb-ddl.js';

/**
 * The read_json table expression over a staging file holding rows of
 * `columns` as one JSON array (keys not among the columns are ignored). The
 * path is Beacon's own, never input.
 */
function readStageSql(file: string, columns: readonly StoredColumn[]): string {
  const types = `{${columns.map((c) => `'${c.name}': '${stageType(c.kind)}'`).join(', ')}}`;
  return `read_json('${file.replace(/'/g, "''")}', format = 'array', columns = ${types})`;
}

/** Creates (replacing) temp table `name` holding `rows`, in staging types (see duckdb-ddl). */
export async function stageRows(
  connection: DuckDBConnection,
  name: string,
  columns: readonly StoredColumn[],
  rows: readonly Row[],
): Promise<void> {
  const file = newStagingFile('stage');
  await writeFile(file, JSON.stringify(rows));
  try {
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(name)} AS SELECT * FROM ${readStageSql(file, columns)}`);
  } finally {
    await rm(file, { force: true });
  }
}

/**
 * The staged events of several files (see staged-events.ts) as a table
 * expression with each file's name and one column per stored column, in
 * staging types.
 */
export function readStagedEventsSql(files: readonly string[], alias: string): string {
  const values = STAGED_EVENT_COLUMNS.map((c, i) => `CAST(v[${i + 1}] AS ${stageType(c.kind)}) AS ${quoteIdent(c.name)}`);
  const list = files.map((file) => `'${file.replace(/'/g, "''")}'`).join(', ');
  return `(SELECT filename, ${values.join(', ')} FROM read_json([${list}], format = 'newline_delimited', records = false, filename = true, columns = {'v': 'VARCHAR[]'})) ${alias}`;
}
