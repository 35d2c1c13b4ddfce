// Event writes into ClickHouse: a known (workspace, event_id) is a duplicate
// and the first copy wins. Which ids of a write are stored is answered before
// its insert (clickhouse-event-ids.ts), so writes must not overlap (the
// warehouse runs them one at a time); batches that arrive together go in one
// insert.
import type { Row } from '../../model/validate.js';
import { keepFirstByKey } from '../batch-dedupe.js';
import { idHash, KnownIds } from '../known-ids.js';
import { STAGED_EVENT_COLUMNS } from '../staged-events.js';
import type { WriteResult } from '../warehouse.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { storedColumns } from './clickhouse-ddl.js';
import type { StoredEventIndex } from './clickhouse-event-ids.js';
import { encodeRow, wellFormed, type JsonRow } from './clickhouse-rows.js';
import { StagedLines } from './clickhouse-staged-lines.js';
import { bookkeeping, type BatchContext } from './clickhouse-writer.js';

/** Stores the batch's new events; ids are compared as stored (well-formed UTF-8). */
export async function writeEvents(connection: ClickHouseConnection, index: StoredEventIndex, rows: readonly Row[], context: BatchContext): Promise<WriteResult> {
  const idOf = (row: Row) => wellFormed(String(row.event_id));
  const unique = keepFirstByKey(rows, idOf);
  const ids = unique.rows.map(idOf);
  const lookup = await index.open();
  const known = await lookup.storedAmong(context.workspace, ids, ids.map(idHash));
  const fresh = unique.rows.filter((row) => !known.has(idOf(row)));
  const columns = storedColumns('events');
  const extra = bookkeeping(context);
  const rowsOut = fresh.map((row) => encodeRow(columns, { ...row, ...extra }));
  await insertEvents(connection, index, rowsOut, [{ workspace: context.workspace, hashes: fresh.map((row) => idHash(idOf(row))) }]);
  return { accepted: fresh.length, updated: 0, duplicates: rows.length - fresh.length };
}

/** Staged events of one batch (staged-events.ts: validated, one copy per id, one JSON array of values a line). */
export interface StagedBatch {
  /** The staging file's text. */
  text: string;
  /** The ids of its lines, in order. */
  ids: readonly string[];
  /** idHash of each id, as staged. */
  hashes: ArrayLike<number>;
  context: BatchContext;
}

/** The ids a group has kept so far in one workspace: by hash, the ids themselves read only when a hash repeats. */
interface KeptInGroup {
  hashes: KnownIds;
  ids: string[];
  set?: Set<string>;
}

/**
 * Stores the new events of several staged batches in one insert (each insert
 * makes a part, whose cost hardly depends on its rows), writing each line
 * straight from its staged text (clickhouse-staged-lines.ts). An id stored
 * already, or kept from an earlier batch of the group, is a duplicate.
 */
export async function writeStagedEventGroup(connection: ClickHouseConnection, index: StoredEventIndex, batches: readonly StagedBatch[]): Promise<WriteResult[]> {
  const lookup = await index.open();
  const kept = new Map<string, KeptInGroup>();
  const rows: JsonRow[] = [];
  const stored: { workspace: string; hashes: number[] }[] = [];
  for (const batch of batches) {
    const { text, context } = batch;
    // Ids are compared as stored: a lone surrogate is stored as U+FFFD.
    const ids = batch.ids.map(wellFormed);
    const hashes = ids.map((id, i) => (id === batch.ids[i] ? batch.hashes[i] : idHash(id)));
    const known = await lookup.storedAmong(context.workspace, ids, hashes);
    let earlier = kept.get(context.workspace);
    if (!earlier) kept.set(context.workspace, (earlier = { hashes: new KnownIds(), ids: [] }));
    const lines = new StagedLines(STAGED_EVENT_COLUMNS, bookkeeping(context));
    const fresh: number[] = [];
    const loneSurrogates = text.includes('\\ud');
    let start = 0;
    for (let i = 0; i < ids.length; i++) {
      const end = text.indexOf('\n', start);
      if (end === -1) throw new Error(`a staged file holds fewer lines than its ${ids.length} ids`);
      const line = start;
      start = end + 1;
      if (known.size > 0 && known.has(ids[i])) continue;
      if (!earlier.hashes.add(hashes[i])) {
        earlier.set ??= new Set(earlier.ids);
        if (earlier.set.has(ids[i])) continue;
      }
      earlier.ids.push(ids[i]);
      earlier.set?.add(ids[i]);
      lines.add(text, line, end, loneSurrogates);
      fresh.push(hashes[i]);
    }
    rows.push(...lines.rows());
    stored.push({ workspace: context.workspace, hashes: fresh });
  }
  await insertEvents(connection, index, rows, stored);
  return batches.map(({ ids }, i) => ({ accepted: stored[i].hashes.length, updated: 0, duplicates: ids.length - stored[i].hashes.length }));
}

/** Inserts encoded events and tells the index what was stored (after a failure it reads everything again: some rows may be stored). */
async function insertEvents(
  connection: ClickHouseConnection,
  index: StoredEventIndex,
  rows: readonly JsonRow[],
  stored: readonly { workspace: string; hashes: readonly number[] }[],
): Promise<void> {
  try {
    await connection.insert('events', rows);
  } catch (err) {
    index.forget();
    throw err;
  }
  for (const { workspace, hashes } of stored) index.inserted(workspace, hashes);
}
