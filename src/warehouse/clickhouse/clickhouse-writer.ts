// Idempotent writes into ClickHouse. Tables: a new version of a row is
// written only when its content hash differs from the latest stored version
// of its key (identical = duplicate, changed = updated, unknown or deleted =
// accepted). Events: see clickhouse-event-writer.ts; here is the lookup of
// stored event ids it falls back to. Writes must not overlap (the warehouse
// runs them one at a time).
import { SOURCES, type SourceName, type TableSourceName } from '../../model/sources.js';
import type { Row } from '../../model/validate.js';
import { keepLastByKey, keyFunction } from '../batch-dedupe.js';
import { inputColumns } from '../tables.js';
import type { WriteResult } from '../warehouse.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { storedColumns } from './clickhouse-ddl.js';
import { latestRowsSql } from './clickhouse-latest.js';
import { literal, numberLiteral, quoteIdent, quoteString } from '../../sql/clickhouse/clickhouse-literals.js';
import { deleteWhere } from './clickhouse-mutations.js';
import { encodeRow, wellFormed } from './clickhouse-rows.js';

export interface BatchContext {
  workspace: string;
  importId: string;
  /** The batch's version: every row it writes carries it as `seq`. */
  seq: number;
  receivedAt: number;
}

/**
 * SQL text per IN list: about 10,000 typical ids. 18.16 builds the set of a
 * literal IN list at a cost far beyond its text (a list of 60,000 ids in one
 * query took over 20 GB), so a larger batch takes several queries.
 */
const IN_LIST_BYTES = 256 * 1024;

/** Groups SQL literals into comma-separated IN lists of at most about `maxBytes` each. */
export function inLists(literals: readonly string[], maxBytes = IN_LIST_BYTES): string[] {
  const lists: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const item of literals) {
    if (current.length > 0 && size + item.length > maxBytes) {
      lists.push(current.join(', '));
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.length + 2;
  }
  if (current.length > 0) lists.push(current.join(', '));
  return lists;
}

/** The bookkeeping columns every row of the batch carries. */
export function bookkeeping(context: BatchContext): Row {
  return { workspace_id: context.workspace, import_id: context.importId, seq: context.seq, received_at: context.receivedAt };
}

/** Those of `ids` the workspace has stored, looked up in the table. */
export async function storedEventIds(connection: ClickHouseConnection, workspace: string, ids: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (const list of inLists(ids.map(quoteString))) {
    const found = await connection.select<{ event_id: string }>(
      `SELECT event_id FROM events WHERE workspace_id = ${quoteString(workspace)} AND event_id IN (${list})`,
    );
    for (const { event_id } of found) known.add(event_id);
  }
  return known;
}

interface StoredVersion {
  hash: string;
  deleted: boolean;
}

/** The latest row_hash (and whether it is a tombstone) of each of `rows`' keys that is stored. */
async function latestHashes(
  connection: ClickHouseConnection,
  source: TableSourceName,
  workspace: string,
  rows: readonly Row[],
  keyOf: (row: Row) => string,
): Promise<Map<string, StoredVersion>> {
  const key = SOURCES[source].key;
  const keySql = key.map(quoteIdent).join(', ');
  const tuple = (row: Row) => {
    const values = key.map((k) => literal(row[k] ?? ''));
    return values.length === 1 ? values[0] : `(${values.join(', ')})`;
  };
  const stored = new Map<string, StoredVersion>();
  for (const list of inLists(rows.map(tuple))) {
    const found = await connection.select<Row & { h: string; d: number }>(
      `SELECT ${keySql}, argMax(row_hash, seq) AS h, argMax(deleted, seq) AS d FROM ${quoteIdent(source)}
       WHERE workspace_id = ${quoteString(workspace)} AND ${key.length === 1 ? keySql : `(${keySql})`} IN (${list})
       GROUP BY ${keySql}`,
    );
    for (const row of found) stored.set(keyOf(row), { hash: row.h, deleted: Number(row.d) === 1 });
  }
  return stored;
}

/** Upserts one batch of table rows on the source's natural key. */
export async function writeTableRows(
  connection: ClickHouseConnection,
  source: TableSourceName,
  rows: readonly Row[],
  context: BatchContext,
): Promise<WriteResult> {
  const plainKey = keyFunction(SOURCES[source].key);
  const keyOf = (row: Row) => wellFormed(plainKey(row));
  const batch = keepLastByKey(rows, keyOf, inputColumns(source).map((c) => c.name));
  const stored = await latestHashes(connection, source, context.workspace, batch.rows.map((r) => r.row), keyOf);
  let fresh = 0;
  let same = 0;
  const writes: Row[] = [];
  for (const { row, hash } of batch.rows) {
    const latest = stored.get(keyOf(row));
    if (latest && !latest.deleted && latest.hash === hash) {
      same++;
      continue;
    }
    if (!latest || latest.deleted) fresh++;
    writes.push({ ...row, ...bookkeeping(context), row_hash: hash, deleted: false });
  }
  const columns = storedColumns(source);
  await connection.insert(source, writes.map((row) => encodeRow(columns, row)));
  const changed = writes.length - fresh;
  return { accepted: fresh, updated: changed + batch.updated, duplicates: same + batch.duplicates };
}

/**
 * Removes what one import stored. Events go with a mutation (ALTER … DELETE),
 * waited for; a table row whose latest version came from the import gets a
 * tombstone version, so its key is gone (an older version does not come back).
 */
export async function deleteImportRows(
  connection: ClickHouseConnection,
  source: SourceName,
  workspace: string,
  importId: string,
  seq: number,
): Promise<void> {
  const where = `workspace_id = ${quoteString(workspace)}`;
  if (source === 'events') {
    await deleteWhere(connection, 'events', `${where} AND import_id = ${quoteString(importId)}`);
    return;
  }
  const columns = storedColumns(source).map((c) => c.name);
  const key = ['workspace_id', ...SOURCES[source].key];
  const carried = columns.filter((c) => !key.includes(c) && c !== 'seq' && c !== 'deleted');
  const latest = latestRowsSql({ table: source, key, columns: carried, version: 'seq', where });
  const values = columns.map((c) => (c === 'seq' ? numberLiteral(seq) : c === 'deleted' ? '1' : quoteIdent(c)));
  await connection.command(
    `INSERT INTO ${quoteIdent(source)} (${columns.map(quoteIdent).join(', ')})
     SELECT ${values.join(', ')} FROM (${latest}) WHERE import_id = ${quoteString(importId)}`,
  );
}
