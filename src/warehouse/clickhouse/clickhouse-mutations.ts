// Waiting for ALTER … DELETE mutations: 18.16 runs them in the background and
// has no way to wait for one in the statement itself, so callers poll
// system.mutations until every mutation of the table is done (on a cluster,
// on every shard).
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { localName, SHARDED_TABLES } from './clickhouse-cluster.js';
import { quoteIdent, quoteString } from '../../sql/clickhouse/clickhouse-literals.js';

/** Resolves once no mutation of `table` is pending; throws after `timeoutMs`. */
export async function waitForMutations(connection: ClickHouseConnection, table: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const sql = `SELECT count() AS pending FROM system.mutations
    WHERE database = ${quoteString(connection.target.database)} AND table = ${quoteString(table)} AND is_done = 0`;
  for (let delay = 10; ; delay = Math.min(delay * 2, 500)) {
    const [{ pending }] = await connection.select<{ pending: string }>(sql);
    if (Number(pending) === 0) return;
    if (Date.now() > deadline) throw new Error(`a deletion on ${table} did not finish within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/**
 * Deletes the rows of `table` matching `where` (values already quoted) and
 * waits until they are gone; on a cluster, a sharded table's rows go from
 * every shard's local table.
 */
export async function deleteWhere(connection: ClickHouseConnection, table: string, where: string): Promise<void> {
  const layout = connection.cluster;
  const targets = layout && SHARDED_TABLES.has(table) ? layout.nodes.map((node) => ({ node, table: localName(table) })) : [{ node: connection, table }];
  await Promise.all(
    targets.map(async (t) => {
      await t.node.command(`ALTER TABLE ${quoteIdent(t.table)} DELETE WHERE ${where}`);
      await waitForMutations(t.node, t.table);
    }),
  );
}

/** `column IN ('a', 'b', …)`, or a condition never true for no values. */
export function inSetCondition(column: string, values: readonly string[]): string {
  return values.length === 0 ? '0' : `${column} IN (${values.map(quoteString).join(', ')})`;
}
