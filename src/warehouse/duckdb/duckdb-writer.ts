// Idempotent writes into DuckDB: events are inserted once per event_id (the
// first copy wins), table rows upsert on their natural key with a content
// hash telling an identical re-send (duplicate) from a change (update).
import type { DuckDBConnection } from '@duckdb/node-api';
import { SOURCES, type SourceName } from '../../model/sources.js';
import type { Row } from '../../model/validate.js';
import { keepLastByKey, keyFunction } from '../batch-dedupe.js';
import { STAGED_EVENT_COLUMNS, type StagedEvents } from '../staged-events.js';
import { inputColumns, type StoredColumn } from '../tables.js';
import type { WriteResult } from '../warehouse.js';
import { fromStage, quoteIdent } from './duckdb-ddl.js';
import { readStagedEventsSql, stageRows } from './duckdb-stage.js';

const HASH_COLUMN: StoredColumn = { name: 'row_hash', kind: 'string' };

export interface BatchContext {
  workspace: string;
  importId: string;
  seq: number;
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

/** One caller's staged events, with the ids of them not to insert. */
export interface StagedPart {
  workspace: string;
  importId: string;
  staged: StagedEvents;
  /** Ids stored already, or carried by an earlier part of the same commit. */
  skip: ReadonlySet<string>;
}

/**
 * Loads several callers' staging files in one statement (inside the caller's
 * transaction): one INSERT over the list of files costs half the CPU of one
 * per file, as DuckDB then fills row groups in larger runs. The caller finds
 * the ids to skip with its KnownIds set (see known-ids.ts), so nothing here
 * scans the table: the cost of a write does not grow with the events stored.
 */
export async function insertStagedEvents(connection: DuckDBConnection, parts: readonly StagedPart[], seq: number): Promise<WriteResult[]> {
  const results = parts.map((p) => {
    const accepted = p.staged.count - p.skip.size;
    return { accepted, updated: 0, duplicates: p.staged.sent - accepted };
  });
  const loaded = parts.filter((_, i) => results[i].accepted > 0);
  if (loaded.length === 0) return results;
  const params: Record<string, string | number> = { seq };
  const param = (value: string) => {
    const name = `p${Object.keys(params).length}`;
    params[name] = value;
    return `$${name}`;
  };
  // File paths are Beacon's own; workspace, import and event ids travel as parameters.
  const file = (p: StagedPart) => `'${p.staged.file.replace(/'/g, "''")}'`;
  const perFile = (value: (p: StagedPart) => string) => `CASE s.filename ${loaded.map((p) => `WHEN ${file(p)} THEN ${value(p)}`).join(' ')} END`;
  const workspace = perFile((p) => param(p.workspace));
  const importId = perFile((p) => param(p.importId));
  const skips = loaded
    .filter((p) => p.skip.size > 0)
    .map((p) => `NOT (s.filename = ${file(p)} AND s.event_id IN (${[...p.skip].map(param).join(', ')}))`);
  await connection.run(
    `${insertSelect('events', STAGED_EVENT_COLUMNS, [], { workspace, importId })} FROM ${readStagedEventsSql(loaded.map((p) => p.staged.file), 's')}` +
      (skips.length > 0 ? ` WHERE ${skips.join(' AND ')}` : ''),
    params,
  );
  return results;
}

function insertSelect(
  source: SourceName,
  columns: readonly StoredColumn[],
  extra: string[] = [],
  origin: { workspace: string; importId: string } = { workspace: '$ws', importId: '$import' },
): string {
  const names = ['workspace_id', 'import_id', 'seq', 'received_at', ...columns.map((c) => c.name), ...extra];
  const values = [
    origin.workspace,
    origin.importId,
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
