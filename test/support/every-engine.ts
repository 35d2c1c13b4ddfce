// The engines a warehouse statement written once must agree on: DuckDB, a
// current ClickHouse (chdb), ClickHouse 18.16 alone, and 18.16 as a two-shard
// cluster whose person tables are sharded (a stitched person's ids and events
// may sit on different shards). Each test opens them over its own data.
import { join } from 'node:path';
import { createClickHouseWarehouse } from '../../src/warehouse/clickhouse/clickhouse-warehouse.js';
import { createDuckDbWarehouse } from '../../src/warehouse/duckdb/duckdb-warehouse.js';
import type { Warehouse } from '../../src/warehouse/warehouse.js';
import { requireChdb, startChdb } from './chdb.js';
import { requireClickHouse, startClickHouse, type StartServer } from './clickhouse.js';

/** An open warehouse and how to close it (and stop its server). */
export interface OpenedWarehouse {
  warehouse: Warehouse;
  stop(): Promise<void>;
}

export interface EngineCase {
  name: string;
  /** False where the engine is not installed (outside CI only; with CI set the suites require it). */
  available: boolean;
  /** Opens the engine; DuckDB keeps its file in `dir`. */
  open(dir: string): Promise<OpenedWarehouse>;
  /** A ClickHouse engine, whose answers a test may also hold against DuckDB's on the same data. */
  reference: boolean;
}

/** A DuckDB file `<name>.duckdb` in `dir`. */
export async function openDuckDb(dir: string, name: string): Promise<OpenedWarehouse> {
  const warehouse = await createDuckDbWarehouse({ path: join(dir, `${name}.duckdb`) });
  return { warehouse, stop: () => warehouse.close() };
}

async function openClickHouse(start: StartServer, database: string): Promise<OpenedWarehouse> {
  const server = await start();
  try {
    const sharded = server.cluster ? { cluster: server.cluster, shards: server.urls } : {};
    const warehouse = await createClickHouseWarehouse({ url: server.url, database, ...sharded });
    return { warehouse, stop: async () => (await warehouse.close(), await server.stop()) };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

/**
 * Every engine, its DuckDB file and ClickHouse database named `name`.
 *
 * @example for (const engine of everyEngine('funnels').filter((e) => e.available)) describe(engine.name, () => { … });
 */
export function everyEngine(name: string): EngineCase[] {
  return [
    { name: 'DuckDB', available: true, open: (dir) => openDuckDb(dir, name), reference: false },
    { name: 'a current ClickHouse (chdb)', available: requireChdb(), open: () => openClickHouse(startChdb, name), reference: true },
    { name: 'ClickHouse 18.16', available: requireClickHouse(), open: () => openClickHouse(startClickHouse, name), reference: true },
    { name: 'a two-shard ClickHouse 18.16 cluster', available: requireClickHouse(), open: () => openClickHouse(() => startClickHouse({ shards: 2 }), name), reference: true },
  ];
}
