// Read-only SQL over a workspace (POST /v1/sql, beacon sql): one SELECT over
// views holding only the workspace's rows, one per source (events, orders,
// ad_performance, …), and `kpis`, the workspace's KPI catalog (id, label,
// formula, unit, custom). The engine enforces the isolation (see DataOut).
import { ValidationError } from '../core/errors.js';
import { metricCatalog } from '../metrics/metrics-service.js';
import type { DataOut, MetadataStore, SqlResult, SqlTable, Workspace } from '../warehouse/warehouse.js';

/** Rows a statement returns when it asks for no limit, and at most. */
export const DEFAULT_SQL_LIMIT = 10_000;
export const MAX_SQL_LIMIT = 100_000;

/** The KPI catalog as a table the statement may read. */
export async function kpiTable(store: MetadataStore, workspace: string): Promise<SqlTable> {
  const catalog = await metricCatalog(store, workspace);
  return {
    name: 'kpis',
    columns: [
      { name: 'id', type: 'VARCHAR' },
      { name: 'label', type: 'VARCHAR' },
      { name: 'formula', type: 'VARCHAR' },
      { name: 'unit', type: 'VARCHAR' },
      { name: 'custom', type: 'BOOLEAN' },
    ],
    rows: [...catalog.values()].map((m) => ({ id: m.id, label: m.label, formula: m.formula, unit: m.unit, custom: m.custom })),
  };
}

/**
 * Runs `body.sql` (one SELECT) over the workspace's views; `body.limit` caps the rows (default 10,000).
 *
 * @example await runSql(warehouse, workspace, { sql: 'SELECT status, count(*) AS n FROM orders GROUP BY status' })
 * // { columns: [{ name: 'status', type: 'VARCHAR' }, { name: 'n', type: 'BIGINT' }], rows: [{ status: 'completed', n: '12' }], truncated: false }
 */
export async function runSql(warehouse: DataOut & MetadataStore, workspace: Workspace, body: unknown): Promise<SqlResult> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ValidationError('the body must be an object: { "sql": "SELECT …", "limit": 1000 }');
  const { sql, limit, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new ValidationError(`unknown field ${unknown[0]}: the body takes sql and limit`, { field: unknown[0] });
  if (typeof sql !== 'string' || sql.trim() === '') throw new ValidationError('sql must be a SELECT statement', { field: 'sql' });
  const rows = limit === undefined ? DEFAULT_SQL_LIMIT : limit;
  if (typeof rows !== 'number' || !Number.isInteger(rows) || rows < 1 || rows > MAX_SQL_LIMIT) {
    throw new ValidationError(`limit must be a whole number from 1 to ${MAX_SQL_LIMIT}`, { field: 'limit' });
  }
  return warehouse.readOnlySql(workspace.name, sql, { tables: [await kpiTable(warehouse, workspace.name)], limit: rows });
}
