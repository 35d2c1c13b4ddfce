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
function withoutCrossPartDuplicates(parts: readonly EventPart[]): readonly EventPart[] {
  if (parts.length < 2) return parts;
  const seen = new Set<string>();
  return parts.map((part) => {
    const rows = part.rows.filter((row) => {
      const key = `${part.workspace}\u0001${row.event_id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return rows.length === part.rows.length ? part : { ...part, rows, stage: eventStage(part.workspace, part.importId, rows) };
  });
}

/**
 * Inserts several callers' events in one statement (inside the caller's
 * transaction): a known (workspace, event_id) is a duplicate and the first
 * copy wins, also across the parts. There is deliberately no index on
 * event_id: an ART index keeps every key in memory, while this anti-join
 * hashes only the batch and scans the two id columns.
 */
export async function writeEventParts(connection: DuckDBConnection, group: readonly EventPart[], seq: number): Promise<WriteResult[]> {
  const parts = withoutCrossPartDuplicates(group);
  const columns = inputColumns('events');
  const names = ['workspace_id', 'import_id', 'seq', 'received_at', ...columns.map((c) => c.name)];
  const values = ['s.workspace_id', 's.import_id', '$seq', 'CAST(now() AS TIMESTAMP)', ...columns.map((c) => fromStage(c.kind, `s.${quoteIdent(c.name)}`))];
  const stage = parts.map((p) => p.stage).filter((text) => text.length > 0).join('\n');
  if (stage.length === 0) return parts.map((part) => ({ accepted: 0, updated: 0, duplicates: part.sent }));
  await withStageFile(stage, [...columns, ...PART_COLUMNS], (source) =>
    connection.run(
      `INSERT INTO events (${names.map(quoteIdent).join(', ')}) SELECT ${values.join(', ')} FROM ${source} s
       WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.workspace_id = s.workspace_id AND e.event_id = s.event_id)`,
      { seq },
    ),
  );
  // seq is this transaction's own: the rows carrying it are exactly the ones just inserted.
  const inserted = await connection.runAndReadAll(
    'SELECT workspace_id, import_id, count(*) FROM events WHERE seq = $seq GROUP BY ALL',
    { seq },
  );
  const accepted = new Map(inserted.getRows().map(([ws, imp, n]) => [`${ws}\u0001${imp}`, Number(n)]));
  return parts.map((part) => {
    const key = `${part.workspace}\u0001${part.importId}`;
    const n = accepted.get(key) ?? 0;
    accepted.delete(key); // a repeated import id counts once
    return { accepted: n, updated: 0, duplicates: part.sent - n };
  });
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
