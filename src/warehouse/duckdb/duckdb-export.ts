// Files out of DuckDB: DuckDB's own writers (COPY … TO, FORMAT csv with a
// header or parquet) write a source's rows of one workspace, or rows already
// in memory (a query result, loaded into a throwaway in-memory instance), to
// a temporary file that is then streamed and removed.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Readable } from 'node:stream';
import { SOURCES, type SourceName } from '../../model/sources.js';
import { inputColumns } from '../tables.js';
import { streamWrittenFile } from '../temp-file-stream.js';
import type { ExportFormat } from '../warehouse.js';
import { quoteIdent } from './duckdb-ddl.js';

/** A SQL string literal (COPY takes no parameters). */
export function stringLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const COPY_OPTIONS: Record<ExportFormat, string> = { csv: 'FORMAT csv, HEADER true', parquet: 'FORMAT parquet' };

/** COPY (select) TO a temporary file in `format`, streamed. */
export function copyToStream(connection: DuckDBConnection, select: string, name: string, format: ExportFormat): Promise<Readable> {
  return streamWrittenFile(`${name}.${format}`, async (path) => {
    await connection.run(`COPY (${select}) TO ${stringLiteral(path)} (${COPY_OPTIONS[format]})`);
  });
}

/** The current rows of a source in one workspace: contract (and parsed event) columns, natural-key order. */
export function sourceExportSql(workspace: string, source: SourceName): string {
  const columns = inputColumns(source).map((c) => quoteIdent(c.name)).join(', ');
  const order = SOURCES[source].key.map(quoteIdent).join(', ');
  return `SELECT ${columns} FROM ${quoteIdent(source)} WHERE workspace_id = ${stringLiteral(workspace)} ORDER BY ${order}`;
}

/** A column of rows held in memory, and the DuckDB type it is written as. */
export interface MemoryColumn {
  name: string;
  type: 'VARCHAR' | 'DOUBLE' | 'DATE' | 'TIMESTAMP' | 'BOOLEAN';
}

/**
 * Writes rows held in memory as CSV or Parquet through an in-memory DuckDB
 * instance (the same writers as a source export, so both look alike), in
 * the rows' order.
 */
export async function rowsToStream(columns: readonly MemoryColumn[], rows: readonly Record<string, unknown>[], name: string, format: ExportFormat): Promise<Readable> {
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const connection = await instance.connect();
    try {
      await connection.run("SET TimeZone = 'UTC'");
      const definitions = columns.map((c) => `${quoteIdent(c.name)} ${c.type}`);
      await connection.run(`CREATE TABLE result (${['"#" BIGINT', ...definitions].join(', ')})`);
      const appender = await connection.createAppender('result');
      rows.forEach((row, index) => {
        appender.appendBigInt(BigInt(index));
        for (const column of columns) {
          const value = row[column.name];
          if (value === null || value === undefined) appender.appendNull();
          else if (column.type === 'DOUBLE') appender.appendDouble(Number(value));
          else if (column.type === 'BOOLEAN') appender.appendBoolean(Boolean(value));
          else appender.appendVarchar(String(value));
        }
        appender.endRow();
      });
      appender.closeSync();
      const list = columns.map((c) => quoteIdent(c.name)).join(', ');
      return await copyToStream(connection, `SELECT ${list} FROM result ORDER BY "#"`, name, format);
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}
