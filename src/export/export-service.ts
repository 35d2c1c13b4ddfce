// Exports (GET and POST /v1/export, beacon export): a source's current rows
// of the workspace, written by the engine itself; or a metric query's answer,
// asked as POST /v1/query asks it and written by an in-memory DuckDB (the rows
// are in memory already; DuckDB's writers make its CSV and Parquet look like a
// source export's), one column per result column in the result's order.
import { ValidationError } from '../core/errors.js';
import { answerQuery, type QueryServices } from '../metrics/query-service.js';
import type { QueryResult, ResultColumn } from '../metrics/types.js';
import { rowsToStream, type MemoryColumn } from '../warehouse/duckdb/duckdb-export.js';
import type { DataOut, Workspace } from '../warehouse/warehouse.js';
import { exportFile, exportFormat, exportSourceName, type ExportFile } from './export-format.js';

/**
 * The workspace's current rows of a source as CSV or Parquet.
 *
 * @example await exportSource(warehouse, workspace, 'orders', 'parquet') // { stream, contentType: 'application/vnd.apache.parquet', fileName: 'orders.parquet' }
 */
export async function exportSource(warehouse: DataOut, workspace: Workspace, source: unknown, format: unknown): Promise<ExportFile> {
  const name = exportSourceName(source);
  const chosen = exportFormat(format);
  return exportFile(await warehouse.exportSource(workspace.name, name, chosen), `${workspace.name}-${name}`, chosen);
}

/** A time bucket is a DATE, or a TIMESTAMP at an hour grain; dimensions are text, metrics numbers. */
function memoryColumn(column: ResultColumn, rows: QueryResult['rows']): MemoryColumn {
  if (column.kind === 'metric') return { name: column.name, type: 'DOUBLE' };
  if (column.kind === 'time') {
    const dates = rows.every((r) => r[column.name] === null || /^\d{4}-\d{2}-\d{2}$/.test(String(r[column.name])));
    return { name: column.name, type: dates ? 'DATE' : 'TIMESTAMP' };
  }
  return { name: column.name, type: 'VARCHAR' };
}

/**
 * A metric query's rows as CSV or Parquet: `body` is `{ query: <the POST /v1/query body>, format }`.
 *
 * @example await exportQuery(services, workspace, { query: { metrics: ['cost'], dimensions: ['channel'], from: '2026-10-01', to: '2026-10-31' }, format: 'csv' })
 */
export async function exportQuery(services: QueryServices, workspace: Workspace, body: unknown): Promise<ExportFile> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ValidationError('the body must be an object: { "query": { … }, "format": "csv" | "parquet" }');
  const { query, format, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new ValidationError(`unknown field ${unknown[0]}: the body takes query and format`, { field: unknown[0] });
  if (query === undefined) throw new ValidationError('query is required: the body of POST /v1/query', { field: 'query' });
  const chosen = exportFormat(format);
  const result = await answerQuery(services, workspace, query);
  const columns = result.columns.map((c) => memoryColumn(c, result.rows));
  return exportFile(await rowsToStream(columns, result.rows, 'query', chosen), `${workspace.name}-query`, chosen);
}
