// Idempotent writes into DuckDB: events are inserted once per event_id (the
// first copy wins), table rows upsert on their natural key with a content
// hash telling an identical re-send (duplicate) from a change (update).
import type { DuckDBConnection } from '@duckdb/node-api';
import { SOURCES, type SourceName } from '../../model/sources.js';
import type { Row } from '../../model/validate.js';
import { keepFirstByKey, keepLastByKey, keyFunction } from '../batch-dedupe.js';
import { inputColumns, type StoredColumn } from '../tables.js';
import type { WriteResult } from '../warehouse.js';
import { fromStage, quoteIdent } from './duckdb-ddl.js';
import { stageNdjson, stageRows, withStageFile } from './duckdb-stage.js';

const HASH_COLUMN: StoredColumn = { name: 'row_hash', kind: 'string' };

export interface BatchContext {
  workspace: string;
  importId: string;
  seq: number;
}

/** One caller's batch of events, deduplicated and serialised before it waits for the writer. */
export interface EventPart {
  workspace: string;
  importId: string;
  /** Rows after within-batch deduplication (first copy wins). */
  rows: Row[];
  /** Rows the caller sent, for its duplicate count. */
  sent: number;
  /** The rows as staging NDJSON, built outside the write queue so it overlaps other writes. */
  stage: string;
}

const PART_COLUMNS: readonly StoredColumn[] = [
  { name: 'workspace_id', kind: 'string' },
  { name: 'import_id', kind: 'string' },
];

export function prepareEventPart(workspace: string, importId: string, rows: readonly Row[]): EventPart {
  const unique = keepFirstByKey(rows, (r) => String(r.event_id));
  return { workspace, importId, rows: unique.rows, sent: rows.length, stage: eventStage(workspace, importId, unique.rows) };
}

function eventStage(workspace: string, importId: string, rows: readonly Row[]): string {
  return stageNdjson(inputColumns('events'), rows, { workspace_id: workspace, import_id: importId });
}

/** Drops rows whose (workspace, event_id) an earlier part of the same group already carries. */
export function withoutCrossPartDuplicates(parts: readonly EventPart[]): EventPart[] {
  if (parts.length < 2) return [...parts];
  const seen = new Set<string>();
  return parts.map((part) => withoutEvents(part, (row) => {
    const key = `${part.workspace}\u0001${row.event_id}`;
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  }));
}

/** The part without the rows `drop` picks (its staging text rebuilt only when something was dropped). */
export function withoutEvents(part: EventPart, drop: (row: Row) => boolean): EventPart {
  const rows = part.rows.filter((row) => !drop(row));
  return rows.length === part.rows.length ? part : { ...part, rows, stage: eventStage(part.workspace, part.importId, rows) };
}

/** The event ids among `ids` that the workspace has stored. */
export async function storedEventIds(connection: DuckDBConnection, workspace: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const params: Record<string, string> = { ws: workspace };
  ids.forEach((id, i) => (params[`i${i}`] = id));
  const found = await connection.runAndReadAll(
    `SELECT event_id FROM events WHERE workspace_id = $ws AND event_id IN (${ids.map((_, i) => `$i${i}`).join(', ')})`,
    params,
  );
  return new Set(found.getRows().map((r) => String(r[0])));
}

/**
 * Inserts several callers' events in one statement (inside the caller's
 * transaction). The parts hold only events not stored yet (the caller drops
 * known ids with its KnownIds set, see known-ids.ts), so nothing here scans
 * the table: the cost of a write does not grow with the events stored.
 */
export async function insertEventParts(connection: DuckDBConnection, parts: readonly EventPart[], seq: number): Promise<WriteResult[]> {
  const columns = inputColumns('events');
  const names = ['workspace_id', 'import_id', 'seq', 'received_at', ...columns.map((c) => c.name)];
  const values = ['s.workspace_id', 's.import_id', '$seq', 'CAST(now() AS TIMESTAMP)', ...columns.map((c) => fromStage(c.kind, `s.${quoteIdent(c.name)}`))];
  const stage = parts.map((p) => p.stage).filter((text) => text.length > 0).join('\n');
  if (stage.length > 0) {
    await withStageFile(stage, [...columns, ...PART_COLUMNS], (source) =>
      connection.run(`INSERT INTO events (${names.map(quoteIdent).join(', ')}) SELECT ${values.join(', ')} FROM ${source} s`, { seq }),
    );
  }
  return parts.map((part) => ({ accepted: part.rows.length, updated: 0, duplicates: part.sent - part.rows.length }));
}

function insertSelect(source: SourceName, columns: readonly StoredColumn[], extra: string[] = []): string {
  const names = ['workspace_id', 'import_id', 'seq', 'received_at', ...columns.map((c) => c.name), ...extra];
  const values = [
    '$ws',
    '$import',
    '$seq',
    'CAST(now() AS TIMESTAMP)',
    ...columns.map((c) => fromStage(c.kind, `s.${quoteIdent(c.name)}`)),
    ...extra.map((e) => `s.${quoteIdent(e)}`),
  ];
  return `INSERT INTO ${quoteIdent(source)} (${names.map(quoteIdent).join(', ')}) SELECT ${values.join(', ')}`;
}

/** Upserts one batch of table rows inside the caller's transaction. */
export async function writeTableRows(
  connection: DuckDBConnection,
  source: Exclude<SourceName, 'events'>,
  rows: readonly Row[],
  context: BatchContext,
): Promise<WriteResult> {
  const columns = inputColumns(source);
  const key = SOURCES[source].key;
  const batch = keepLastByKey(rows, keyFunction(key), columns.map((c) => c.name));
  const stage = `stage_${source}`;
  await stageRows(connection, stage, [...columns, HASH_COLUMN], batch.rows.map((r) => ({ ...r.row, row_hash: r.hash })));
  const params = { ws: context.workspace };
  const keyMatch = key.map((k) => `t.${quoteIdent(k)} = ${fromStage(kindOf(columns, k), `s.${quoteIdent(k)}`)}`).join(' AND ');
  const counts = await connection.runAndReadAll(
    `SELECT count(*) FILTER (WHERE t.row_hash IS NULL), count(*) FILTER (WHERE t.row_hash = s.row_hash)
     FROM ${stage} s LEFT JOIN ${quoteIdent(source)} t ON t.workspace_id = $ws AND ${keyMatch}`,
    params,
  );
  const [fresh, same] = counts.getRows()[0].map(Number);
  await connection.run(
    `DELETE FROM ${quoteIdent(source)} t USING ${stage} s
     WHERE t.workspace_id = $ws AND ${keyMatch} AND t.row_hash <> s.row_hash`,
    params,
  );
  await connection.run(
    `${insertSelect(source, columns, ['row_hash'])} FROM ${stage} s
     WHERE NOT EXISTS (SELECT 1 FROM ${quoteIdent(source)} t WHERE t.workspace_id = $ws AND ${keyMatch})`,
    { ws: context.workspace, import: context.importId, seq: context.seq },
  );
  const changed = batch.rows.length - fresh - same;
  return { accepted: fresh, updated: changed + batch.updated, duplicates: same + batch.duplicates };
}

function kindOf(columns: readonly StoredColumn[], name: string) {
  const column = columns.find((c) => c.name === name);
  if (!column) throw new Error(`unknown key column ${name}`);
  return column.kind;
}
