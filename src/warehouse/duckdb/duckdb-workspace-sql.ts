// Read-only SQL over one workspace on DuckDB. Each statement gets a
// connection of its own, on which TEMP views named after the sources (events,
// orders, …) hold only the workspace's current rows, without bookkeeping
// columns, and TEMP tables hold what the caller adds (the KPI catalog). Temp
// objects belong to that connection alone and shadow the base tables of the
// same name; the statement, checked first (duckdb-sql-check.ts), may name
// nothing else, and must prepare as a SELECT. The connection is closed after.
import { StatementType, type DuckDBConnection, type DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { QueryError, StatementTimeoutError } from '../../core/errors.js';
import { SOURCE_NAMES } from '../../model/sources.js';
import { inputColumns } from '../tables.js';
import type { SqlResult, SqlTable } from '../warehouse.js';
import { quoteIdent } from './duckdb-ddl.js';
import { stringLiteral } from './duckdb-export.js';
import { checkReadOnlySelect } from './duckdb-sql-check.js';

export interface WorkspaceSqlOptions {
  tables: readonly SqlTable[];
  limit: number;
  timeoutMs?: number;
}

async function createViews(connection: DuckDBConnection, workspace: string, tables: readonly SqlTable[]): Promise<void> {
  const [{ db }] = (await connection.runAndReadAll('SELECT current_database() AS db')).getRowObjectsJson() as { db: string }[];
  for (const source of SOURCE_NAMES) {
    const columns = inputColumns(source).map((c) => quoteIdent(c.name)).join(', ');
    await connection.run(
      `CREATE TEMP VIEW ${quoteIdent(source)} AS SELECT ${columns} FROM ${quoteIdent(db)}.main.${quoteIdent(source)} WHERE workspace_id = ${stringLiteral(workspace)}`,
    );
  }
  for (const table of tables) {
    await connection.run(`CREATE TEMP TABLE ${quoteIdent(table.name)} (${table.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ')})`);
    if (table.rows.length === 0) continue;
    const params: DuckDBValue[] = [];
    const tuples = table.rows.map((row) => `(${table.columns.map((c) => (params.push(row[c.name] ?? null), `$${params.length}`)).join(', ')})`);
    await connection.run(`INSERT INTO ${quoteIdent(table.name)} VALUES ${tuples.join(', ')}`, params);
  }
}

/** Names of every table and view the connection could resolve, in lower case. */
async function catalogNames(connection: DuckDBConnection): Promise<Set<string>> {
  const rows = (await connection.runAndReadAll(
    'SELECT lower(table_name) AS name FROM duckdb_tables() UNION SELECT lower(view_name) FROM duckdb_views()',
  )).getRowObjectsJson();
  return new Set(rows.map((r) => String(r.name)));
}

/** Runs `sql` over the workspace's views on a connection of its own. */
export async function runWorkspaceSql(instance: DuckDBInstance, workspace: string, sql: string, options: WorkspaceSqlOptions): Promise<SqlResult> {
  const connection = await instance.connect();
  try {
    await connection.run("SET TimeZone = 'UTC'");
    await createViews(connection, workspace, options.tables);
    const views = new Set([...SOURCE_NAMES, ...options.tables.map((t) => t.name)].map((n) => n.toLowerCase()));
    const serialized = (await connection.runAndReadAll('SELECT json_serialize_sql(CAST($sql AS VARCHAR)) AS tree', { sql })).getRowObjectsJson()[0].tree;
    checkReadOnlySelect(String(serialized), views, await catalogNames(connection));
    const prepared = await connection.prepare(sql).catch((err: Error) => {
      throw new QueryError(`the statement does not run: ${err.message}`);
    });
    if (prepared.statementType !== StatementType.SELECT) throw new QueryError('only SELECT statements are allowed');
    let stopped = false;
    const timer = options.timeoutMs
      ? setTimeout(() => {
          stopped = true;
          connection.interrupt();
        }, options.timeoutMs)
      : undefined;
    try {
      const reader = await prepared.streamAndReadUntil(options.limit + 1);
      const types = reader.columnTypes();
      const columns = reader.columnNames().map((name, i) => ({ name, type: types[i].toString() }));
      const rows = reader.getRowObjectsJson() as Record<string, unknown>[];
      return { columns, rows: rows.slice(0, options.limit), truncated: rows.length > options.limit };
    } catch (err) {
      if (stopped && options.timeoutMs) throw new StatementTimeoutError(options.timeoutMs);
      throw new QueryError(`the statement failed: ${(err as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    connection.closeSync();
  }
}
