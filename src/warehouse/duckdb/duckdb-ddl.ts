// DuckDB column types and CREATE TABLE statements for the neutral table specs.
import type { StoredKind, TableSpec } from '../tables.js';

const TYPES: Record<StoredKind, string> = {
  string: 'VARCHAR',
  timestamp: 'TIMESTAMP',
  date: 'DATE',
  integer: 'BIGINT',
  number: 'DOUBLE',
  money: 'DECIMAL(18,6)',
  json: 'VARCHAR', // JSON text, written by Beacon itself; DuckDB's JSON functions read it as is
  boolean: 'BOOLEAN',
};

/** Staging columns hold what JS hands over cheaply; INSERT … SELECT casts them. */
const STAGE_TYPES: Record<StoredKind, string> = {
  string: 'VARCHAR',
  timestamp: 'DOUBLE',
  date: 'VARCHAR',
  integer: 'DOUBLE',
  number: 'DOUBLE',
  money: 'VARCHAR',
  json: 'VARCHAR',
  boolean: 'BOOLEAN',
};

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function duckType(kind: StoredKind): string {
  return TYPES[kind];
}

export function stageType(kind: StoredKind): string {
  return STAGE_TYPES[kind];
}

export function createTableSql(spec: TableSpec, primaryKey?: readonly string[]): string {
  const cols = spec.columns.map((c) => `${quoteIdent(c.name)} ${duckType(c.kind)}`);
  if (primaryKey) cols.push(`PRIMARY KEY (${primaryKey.map(quoteIdent).join(', ')})`);
  return `CREATE TABLE IF NOT EXISTS ${quoteIdent(spec.name)} (\n  ${cols.join(',\n  ')}\n)`;
}

/** Expression turning a staged value back into its stored type. */
export function fromStage(kind: StoredKind, expr: string): string {
  switch (kind) {
    case 'timestamp':
      return `make_timestamp(CAST(${expr} * 1000 AS BIGINT))`;
    case 'date':
      return `CAST(${expr} AS DATE)`;
    case 'integer':
      return `CAST(${expr} AS BIGINT)`;
    case 'money':
      return `CAST(${expr} AS DECIMAL(18,6))`;
    default:
      return expr;
  }
}
