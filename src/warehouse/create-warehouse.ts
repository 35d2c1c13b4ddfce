// Opens the storage engine a configuration names: the embedded DuckDB file
// (the default) or a ClickHouse server (single or a cluster).
import { createClickHouseWarehouse, type ClickHouseOptions } from './clickhouse/clickhouse-warehouse.js';
import { createDuckDbWarehouse, type DuckDbOptions } from './duckdb/duckdb-warehouse.js';
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
export function createWarehouse(config: WarehouseConfig): Promise<Warehouse> {
  const { kind, ...options } = config;
  return kind === 'duckdb' ? createDuckDbWarehouse(options as DuckDbOptions) : createClickHouseWarehouse(options as ClickHouseOptions);
}
