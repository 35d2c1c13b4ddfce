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
import { appendToStage, prepareStage } from './duckdb-stage.js';

const HASH_COLUMN: StoredColumn = { name: 'row_hash', kind: 'string' };

export interface BatchContext {
  workspace: string;
  importId: string;
  seq: number;
}

/** Writes one batch inside the caller's transaction. */
export async function writeBatch(
  connection: DuckDBConnection,
  source: SourceName,
  rows: readonly Row[],
  context: BatchContext,
): Promise<WriteResult> {
  return source === 'events'
    ? writeEvents(connection, rows, context)
    : writeTableRows(connection, source, rows, context);
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

async function writeEvents(connection: DuckDBConnection, rows: readonly Row[], context: BatchContext): Promise<WriteResult> {
  const columns = inputColumns('events');
  const unique = keepFirstByKey(rows, (r) => String(r.event_id));
  await prepareStage(connection, 'stage_events', columns);
  await appendToStage(connection, 'stage_events', columns, unique.rows);
  const result = await connection.run(
    `${insertSelect('events', columns)} FROM stage_events s
     WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.workspace_id = $ws AND e.event_id = s.event_id)`,
    { ws: context.workspace, import: context.importId, seq: context.seq },
  );
  const accepted = Number(result.rowsChanged);
  return { accepted, updated: 0, duplicates: rows.length - accepted };
}

async function writeTableRows(
  connection: DuckDBConnection,
  source: SourceName,
  rows: readonly Row[],
  context: BatchContext,
): Promise<WriteResult> {
  const columns = inputColumns(source);
  const key = SOURCES[source].key;
  const batch = keepLastByKey(rows, keyFunction(key), columns.map((c) => c.name));
  const stage = `stage_${source}`;
  await prepareStage(connection, stage, columns, [HASH_COLUMN]);
  await appendToStage(
    connection,
    stage,
    columns,
    batch.rows.map((r) => r.row),
    [HASH_COLUMN],
    (i) => [batch.rows[i].hash],
  );
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
