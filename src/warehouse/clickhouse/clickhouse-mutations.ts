// Waiting for ALTER … DELETE mutations: 18.16 runs them in the background and
// has no way to wait for one in the statement itself, so callers poll
// system.mutations until every mutation of the table is done.
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { quoteString } from './clickhouse-literals.js';

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

/** Deletes the rows of `table` matching `where` (values already quoted) and waits until they are gone. */
export async function deleteWhere(connection: ClickHouseConnection, table: string, where: string): Promise<void> {
  await connection.command(`ALTER TABLE ${table} DELETE WHERE ${where}`);
  await waitForMutations(connection, table);
}
