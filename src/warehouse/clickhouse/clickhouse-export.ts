// Files out of ClickHouse: the server writes a source's current rows of one
// workspace in its own formats (CSVWithNames, Parquet) and the answer is
// streamed as it arrives. Stored shapes are turned back into the contract's
// types: epoch milliseconds into timestamps (whole seconds on 18.16, which
// has no DateTime64), UInt8 flags into booleans where the server has Bool;
// NULL is an empty CSV field, as DuckDB writes it.
// 18.16 has no Parquet format: asking it for Parquet is a 422 that says so.
import type { Readable } from 'node:stream';
import { QueryError } from '../../core/errors.js';
import { SOURCES, type SourceName } from '../../model/sources.js';
import { quoteIdent } from '../../sql/clickhouse/clickhouse-literals.js';
import { inputColumns, type StoredColumn } from '../tables.js';
import type { ExportFormat } from '../warehouse.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { currentRows } from './clickhouse-source-reads.js';

const FORMATS: Record<ExportFormat, string> = { csv: 'CSVWithNames', parquet: 'Parquet' };

/** The first ClickHouse release series with the Bool type and DateTime64 (fromUnixTimestamp64Milli). */
const MODERN_MAJOR = 21;

function exportExpression(column: StoredColumn, modern: boolean, format: ExportFormat): string {
  const name = quoteIdent(column.name);
  const value = column.kind === 'timestamp' ? (modern ? `fromUnixTimestamp64Milli(${name}, 'UTC')` : `toDateTime(intDiv(${name}, 1000), 'UTC')`)
    : column.kind === 'boolean' && modern ? `CAST(${name} AS Nullable(Bool))`
    : name;
  // 18.16 writes NULL in CSV as \N and has no setting to change it: NULL is an empty field, as DuckDB writes it.
  if (!modern && format === 'csv') return `ifNull(toString(${value}), '') AS ${name}`;
  return value === name ? name : `${value} AS ${name}`;
}

async function majorVersion(connection: ClickHouseConnection): Promise<{ version: string; major: number }> {
  const [row] = await connection.select<{ v: string }>('SELECT version() AS v');
  return { version: row.v, major: Number(row.v.split('.')[0]) };
}

/** The workspace's current rows of `source` in natural-key order, as the server writes them in `format`. */
export async function exportSourceStream(connection: ClickHouseConnection, workspace: string, source: SourceName, format: ExportFormat): Promise<Readable> {
  const { version, major } = await majorVersion(connection);
  if (format === 'parquet' && major < 19) {
    throw new QueryError(`this ClickHouse server (${version}) has no Parquet format: Parquet export needs ClickHouse 19.x or later; export --format csv instead`);
  }
  const modern = major >= MODERN_MAJOR;
  const columns = inputColumns(source).map((c) => exportExpression(c, modern, format)).join(', ');
  const order = SOURCES[source].key.map(quoteIdent).join(', ');
  // NULL in CSV is an empty field, as DuckDB writes it.
  const settings = modern && format === 'csv' ? { format_csv_null_representation: '' } : undefined;
  return connection.stream(`SELECT ${columns} FROM ${currentRows(source, workspace)} ORDER BY ${order} FORMAT ${FORMATS[format]}`, settings);
}

/** Read-only SQL is not served on ClickHouse: its own read-only users with row policies serve BI tools. */
export function sqlNotServed(): never {
  throw new QueryError(
    'beacon sql runs on the embedded DuckDB engine; on ClickHouse, give BI tools a read-only user with a row policy per workspace (README "SQL for BI tools")',
  );
}
