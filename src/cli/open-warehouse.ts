// How a CLI process chooses its storage engine: ClickHouse when a URL is given
// (--clickhouse or BEACON_CLICKHOUSE_URL), else the DuckDB file. ClickHouse has no file lock and no server file: every process talks to
// the ClickHouse server directly.
import { UnavailableError, ValidationError } from '../core/errors.js';
import { createWarehouse } from '../warehouse/create-warehouse.js';
import type { Warehouse } from '../warehouse/warehouse.js';

export interface WarehouseOptions {
  db: string;
  /** ClickHouse HTTP URL; its path names the database (http://127.0.0.1:8123/beacon). */
  clickhouse?: string;
  /** Cluster mode: the cluster's name and every shard's HTTP URL, comma separated. */
  clickhouseCluster?: string;
  clickhouseShards?: string;
  memoryLimit?: string;
  checkpointThreshold?: string;
  /** How long a query statement may run (servers); none by default. */
  statementTimeoutMs?: number;
}

export interface OpenedWarehouse {
  warehouse: Warehouse;
  /** For messages: `database ./data/beacon.duckdb` or `ClickHouse http://…/beacon`. */
  description: string;
  /** The DuckDB file, beside which a server advertises itself; undefined on ClickHouse. */
  dbPath?: string;
}

/** Opens the warehouse the options name. An unreachable ClickHouse is an UnavailableError naming its URL. */
export async function openWarehouse(options: WarehouseOptions): Promise<OpenedWarehouse> {
  if (options.clickhouse) {
    const url = checkedUrl(options.clickhouse);
    const cluster = clusterOptions(options);
    const warehouse = await createWarehouse({ kind: 'clickhouse', url, ...cluster, statementTimeoutMs: options.statementTimeoutMs }).catch((err: unknown) => {
      if (!(err instanceof UnavailableError)) throw err;
      throw new UnavailableError(`${err.message}; check that ClickHouse runs there and that --clickhouse (or BEACON_CLICKHOUSE_URL) names it`);
    });
    return { warehouse, description: `ClickHouse ${displayUrl(url)}${cluster.cluster ? ` (cluster ${cluster.cluster})` : ''}` };
  }
  if (options.clickhouseCluster || options.clickhouseShards) {
    throw new ValidationError('--clickhouse-cluster and --clickhouse-shards need --clickhouse URL (the entry server)');
  }
  const warehouse = await createWarehouse({ kind: 'duckdb', path: options.db, memoryLimit: options.memoryLimit, checkpointThreshold: options.checkpointThreshold, statementTimeoutMs: options.statementTimeoutMs });
  return { warehouse, description: `database ${options.db}`, dbPath: options.db };
}

function clusterOptions(options: WarehouseOptions): { cluster?: string; shards?: string[] } {
  if (!options.clickhouseCluster && !options.clickhouseShards) return {};
  if (!options.clickhouseCluster || !options.clickhouseShards) {
    throw new ValidationError('cluster mode needs both --clickhouse-cluster NAME and --clickhouse-shards URL,URL,…');
  }
  return { cluster: options.clickhouseCluster, shards: options.clickhouseShards.split(',').map((s) => checkedUrl(s.trim())) };
}

function checkedUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ValidationError(`--clickhouse must be an HTTP URL such as http://127.0.0.1:8123/beacon, got "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError(`--clickhouse must be an http:// or https:// URL, got "${text}"`);
  }
  return text;
}

/** The URL without credentials, for messages. */
export function displayUrl(text: string): string {
  try {
    const url = new URL(text);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return text;
  }
}
