// The dialect of each warehouse engine.
import type { Dialect } from './dialect.js';
import { duckdbDialect } from './duckdb/duckdb-dialect.js';

export function dialectFor(engine: 'duckdb' | 'clickhouse'): Dialect {
  if (engine === 'duckdb') return duckdbDialect;
  throw new Error(`no SQL dialect for engine ${engine} yet`);
}
