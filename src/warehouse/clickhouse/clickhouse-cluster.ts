// Tables on a ClickHouse cluster (18.16, no ZooKeeper, so no ON CLUSTER DDL).
// The engine is given the HTTP URL of every shard and connects to each:
// - person tables (events and the derived tables keyed by anonymous_id) are a
//   `<name>_local` MergeTree on every shard plus a `<name>` Distributed table
//   over them on every shard (and on the entry server), sharded by
//   sipHash64(anonymous_id), so a person's events share a shard;
// - every other table (metadata, campaigns, ad rows, fx rates, orders,
//   lifecycle, surveys, costs, refresh state) stays unsharded on the entry server.
// Statements name `<name>`: reads go through the Distributed tables, inserts
// are synchronous (insert_distributed_sync) and land by the sharding key, and
// IN / JOIN subqueries over Distributed tables run once on the entry server
// and are shipped to the shards (distributed_product_mode = 'global'), so a
// person stitched across shards is seen whole. Deletions (ALTER … DELETE) run
// on every shard's local table and are awaited on each.
import type { ClickHouseConnection, ClusterLayout } from './clickhouse-connection.js';
import { quoteIdent, quoteString } from '../../sql/clickhouse/clickhouse-literals.js';

/** Tables sharded by person; each has an anonymous_id column. */
export const SHARDED_TABLES: ReadonlySet<string> = new Set(['events', 'event_facts', 'sessions', 'identities', 'visitor_days', 'conversion_credits']);

export const SHARDING_KEY = 'sipHash64(anonymous_id)';

/** Settings every statement on a cluster's entry server runs with. */
export const CLUSTER_SETTINGS = { insert_distributed_sync: 1, distributed_product_mode: 'global' } as const;

export function localName(table: string): string {
  return `${table}_local`;
}

/** The table a CREATE TABLE IF NOT EXISTS statement creates. */
function createdTable(statement: string): string | undefined {
  return /^\s*CREATE TABLE IF NOT EXISTS\s+`?(\w+)`?/.exec(statement)?.[1];
}

/**
 * Runs a CREATE TABLE statement where it belongs: a sharded table as its
 * local table and Distributed table on every node, anything else on the entry server.
 */
export async function createOnCluster(layout: ClusterLayout, statement: string): Promise<void> {
  const table = createdTable(statement);
  if (!table || !SHARDED_TABLES.has(table)) {
    await layout.nodes[0].command(statement);
    return;
  }
  const local = statement.replace(/^(\s*CREATE TABLE IF NOT EXISTS\s+)`?\w+`?/, `$1${quoteIdent(localName(table))}`);
  for (const node of layout.nodes) {
    const database = quoteString(node.target.database);
    await node.command(local);
    await node.command(
      `CREATE TABLE IF NOT EXISTS ${quoteIdent(table)} AS ${quoteIdent(localName(table))}
       ENGINE = Distributed(${quoteIdent(layout.name)}, ${database}, ${quoteString(localName(table))}, ${SHARDING_KEY})`,
    );
  }
}

/** Refuses a shard list that does not match the cluster the entry server knows. */
export async function checkShards(entry: ClickHouseConnection, cluster: string, shardCount: number): Promise<void> {
  const [row] = await entry.select<{ n: string }>(`SELECT uniqExact(shard_num) AS n FROM system.clusters WHERE cluster = ${quoteString(cluster)}`);
  const known = Number(row?.n ?? 0);
  if (known === 0) throw new Error(`ClickHouse at the entry server has no cluster ${cluster} in remote_servers`);
  if (known !== shardCount) throw new Error(`cluster ${cluster} has ${known} shards, but ${shardCount} shard URLs were given`);
}
