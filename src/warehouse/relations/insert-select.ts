// A derived table's rows as a SELECT of each of its columns, and the INSERT
// that stores them. The INSERT does not alias its values: on ClickHouse 18.16
// an alias hides the column of its name everywhere in the SELECT
// (`argMin(channel, ts) AS channel` would read itself); a relation read in a
// query aliases them, so its values must not read columns of those names.
import type { SqlHooks } from '../../sql/sql-hooks.js';
import type { TableSpec } from '../tables.js';

/** Every column of a table from its expression, and the rest of the SELECT (FROM …). */
export interface TableRows {
  values: Readonly<Record<string, string>>;
  from: string;
}

/** INSERT INTO the table, every one of its columns from its expression in `rows`. */
export function insertRowsSql(h: SqlHooks, table: TableSpec, rows: TableRows): string {
  const columns = table.columns.map((c) => c.name);
  const missing = columns.filter((c) => rows.values[c] === undefined);
  if (missing.length > 0) throw new Error(`${table.name}: no value for ${missing.join(', ')}`);
  return `INSERT INTO ${h.ident(table.name)} (${columns.map(h.ident).join(', ')})
    SELECT ${columns.map((c) => rows.values[c]).join(', ')}
    FROM ${rows.from}`;
}

/** The rows as a relation with the table's columns (less `omit`), for a query to read instead of the table. */
export function selectRowsSql(h: SqlHooks, table: TableSpec, rows: TableRows, omit: readonly string[]): string {
  const columns = table.columns.map((c) => c.name).filter((c) => !omit.includes(c));
  return `SELECT ${columns.map((c) => `${rows.values[c]} AS ${h.ident(c)}`).join(', ')}
    FROM ${rows.from}`;
}
