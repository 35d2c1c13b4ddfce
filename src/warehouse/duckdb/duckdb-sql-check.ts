// Which SQL a workspace's read-only SQL runs: DuckDB parses the statement
// (json_serialize_sql serializes SELECT statements only) and the parse tree
// must name nothing but the workspace's views and its own CTEs. Refused:
// any other statement, more than one statement, a table named with a schema
// or catalog (main.orders), a table that is no view of the workspace
// (event_facts, 'file.csv'), table functions other than range,
// generate_series and unnest (read_parquet, duckdb_tables, query_table…),
// functions that reach files, settings, variables or sequences, and CTE
// names that a table of the database also has (outside its scope a CTE name
// would resolve to that table).
import { QueryError } from '../../core/errors.js';

const TABLE_FUNCTIONS = new Set(['range', 'generate_series', 'unnest']);
const FUNCTION_DENIED = /^(read_|duckdb_|pragma_|parquet_|sniff_|iceberg_|delta_|json_serialize|json_deserialize|glob$|query$|query_table$|getenv$|current_setting$|getvariable$|nextval$|currval$|setseed$|checkpoint$|force_checkpoint$)/i;

/** Why a statement is refused, as the caller reads it. */
function refuse(message: string): never {
  throw new QueryError(`${message}: beacon sql runs one SELECT (or WITH … SELECT) statement over the workspace's views only`);
}

interface Names {
  tables: { name: string; schema: string; catalog: string }[];
  tableFunctions: { name: string; schema: string; catalog: string }[];
  functions: { name: string; schema: string; catalog: string }[];
  ctes: string[];
}

function collect(node: unknown, names: Names): void {
  if (Array.isArray(node)) {
    for (const child of node) collect(child, names);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (record.type === 'BASE_TABLE') {
    names.tables.push({ name: String(record.table_name ?? ''), schema: String(record.schema_name ?? ''), catalog: String(record.catalog_name ?? '') });
  } else if (record.type === 'TABLE_FUNCTION') {
    const fn = record.function as Record<string, unknown> | undefined;
    names.tableFunctions.push({ name: String(fn?.function_name ?? ''), schema: String(fn?.schema ?? ''), catalog: String(fn?.catalog ?? '') });
  } else if (record.class === 'FUNCTION' && typeof record.function_name === 'string') {
    names.functions.push({ name: record.function_name, schema: String(record.schema ?? ''), catalog: String(record.catalog ?? '') });
  }
  const cteMap = (record.cte_map as { map?: { key: string }[] } | undefined)?.map;
  if (Array.isArray(cteMap)) for (const entry of cteMap) names.ctes.push(String(entry.key));
  for (const value of Object.values(record)) collect(value, names);
}

/**
 * Checks the answer of json_serialize_sql for a statement: one SELECT whose
 * tables are among `views` (or its own CTEs, none named like anything in
 * `catalogNames`). Throws a QueryError naming what it refuses.
 *
 * @example checkReadOnlySelect(serialized, new Set(['orders']), new Set(['orders', 'event_facts']))
 */
export function checkReadOnlySelect(serialized: string, views: ReadonlySet<string>, catalogNames: ReadonlySet<string>): void {
  let parsed: { error?: boolean; error_message?: string; statements?: unknown[] };
  try {
    parsed = JSON.parse(serialized) as typeof parsed;
  } catch {
    refuse('the statement could not be read');
  }
  if (parsed.error) {
    const message = String(parsed.error_message ?? '');
    refuse(/Only SELECT/i.test(message) ? 'only SELECT statements are allowed' : `the statement does not parse (${message})`);
  }
  const statements = parsed.statements ?? [];
  if (statements.length !== 1) refuse(statements.length === 0 ? 'there is no statement' : 'only one statement is allowed');
  const names: Names = { tables: [], tableFunctions: [], functions: [], ctes: [] };
  collect(statements[0], names);
  const ctes = new Set(names.ctes.map((n) => n.toLowerCase()));
  for (const cte of ctes) {
    if (catalogNames.has(cte) && !views.has(cte)) refuse(`the CTE name "${cte}" is taken by a table; choose another`);
  }
  for (const table of names.tables) {
    if (table.schema || table.catalog) refuse(`"${[table.catalog, table.schema, table.name].filter(Boolean).join('.')}" names a schema; name the views alone (${[...views].join(', ')})`);
    const name = table.name.toLowerCase();
    if (!views.has(name) && !ctes.has(name)) refuse(`"${table.name}" is not one of the views (${[...views].join(', ')})`);
  }
  for (const fn of names.tableFunctions) {
    if (fn.schema || fn.catalog || !TABLE_FUNCTIONS.has(fn.name.toLowerCase())) refuse(`the table function ${fn.name}() is not allowed`);
  }
  for (const fn of names.functions) {
    if (fn.schema || fn.catalog || FUNCTION_DENIED.test(fn.name)) refuse(`the function ${fn.name}() is not allowed`);
  }
}
