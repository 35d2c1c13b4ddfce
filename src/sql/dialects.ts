// The dialect of each warehouse engine.
import { clickhouseDialect } from './clickhouse/clickhouse-dialect.js';
import type { Dialect } from './dialect.js';
import { duckdbDialect } from './duckdb/duckdb-dialect.js';

export function dialectFor(engine: 'duckdb' | 'clickhouse'): Dialect {
  return engine === 'duckdb' ? duckdbDialect : clickhouseDialect;
}
