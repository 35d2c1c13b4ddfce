// Opens the storage engine a configuration names: the embedded DuckDB file
// (the default) or a ClickHouse server (single or a cluster). Each engine's
// client is loaded only when it is opened: a DuckDB process never loads the
// ClickHouse client, nor a ClickHouse one DuckDB's native library.
import type { ClickHouseOptions } from './clickhouse/clickhouse-warehouse.js';
import type { DuckDbOptions } from './duckdb/duckdb-warehouse.js';
import type { Warehouse } from './warehouse.js';

export type WarehouseConfig = ({ kind: 'duckdb' } & DuckDbOptions) | ({ kind: 'clickhouse' } & ClickHouseOptions);

/**
 * Opens (creating and migrating it if needed) the warehouse `config` names.
 * An unreachable ClickHouse is an UnavailableError naming its URL; a DuckDB
 * file another process holds is an UnavailableError naming that process.
 *
 * @example
 * const warehouse = await createWarehouse({ kind: 'duckdb', path: './data/beacon.duckdb' });
 * const cluster = await createWarehouse({ kind: 'clickhouse', url: 'http://127.0.0.1:8123/beacon' });
 */
export async function createWarehouse(config: WarehouseConfig): Promise<Warehouse> {
  const { kind, ...options } = config;
  if (kind === 'duckdb') return (await import('./duckdb/duckdb-warehouse.js')).createDuckDbWarehouse(options as DuckDbOptions);
  return (await import('./clickhouse/clickhouse-warehouse.js')).createClickHouseWarehouse(options as ClickHouseOptions);
}
