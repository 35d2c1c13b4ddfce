// Reads of the raw source tables: rows in natural-key order and freshness per
// source and platform. Table sources are read at their latest, non-deleted
// version of each key.
import { utcDate } from '../../core/time.js';
import { SOURCES, SOURCE_NAMES, type SourceName } from '../../model/sources.js';
import type { Row } from '../../model/validate.js';
import { inputColumns } from '../tables.js';
import type { FreshnessRow } from '../warehouse.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { storedColumns } from './clickhouse-ddl.js';
import { latestRowsSql } from './clickhouse-latest.js';
import { numberLiteral, quoteIdent, quoteString } from '../../sql/clickhouse/clickhouse-literals.js';
import { decodeRow, readExpression } from './clickhouse-rows.js';

/** The relation holding a source's current rows in a workspace (a subquery for tables). */
export function currentRows(source: SourceName, workspace: string): string {
  const where = `workspace_id = ${quoteString(workspace)}`;
  if (source === 'events') return `(SELECT * FROM events WHERE ${where})`;
  const key = SOURCES[source].key;
  const columns = storedColumns(source).map((c) => c.name).filter((c) => !key.includes(c) && c !== 'deleted');
  return `(${latestRowsSql({ table: source, key, columns, version: 'seq', where })})`;
}

export async function readSourceRows(connection: ClickHouseConnection, workspace: string, source: SourceName, limit: number): Promise<Row[]> {
  const columns = inputColumns(source);
  const order = SOURCES[source].key.map(quoteIdent).join(', ');
  const rows = await connection.select(
    `SELECT ${columns.map(readExpression).join(', ')} FROM ${currentRows(source, workspace)}
     ORDER BY ${order} LIMIT ${numberLiteral(Math.floor(limit))}`,
  );
  return rows.map((raw) => decodeRow(columns, raw));
}

/** Latest date and row count of one source, per platform where the source has one. */
async function sourceFreshness(connection: ClickHouseConnection, workspace: string, source: SourceName): Promise<FreshnessRow[]> {
  const field = SOURCES[source].dateField;
  const isTimestamp = inputColumns(source).find((c) => c.name === field)?.kind === 'timestamp';
  const byPlatform = source === 'ad_performance' || source === 'campaigns';
  const latest = isTimestamp ? `max(${quoteIdent(field)})` : `toString(max(${quoteIdent(field)}))`;
  const rows = await connection.select<{ platform?: string | null; latest: string | null; rows: string }>(
    `SELECT ${byPlatform ? 'platform, ' : ''}${latest} AS latest, count() AS rows FROM ${currentRows(source, workspace)}
     ${byPlatform ? 'GROUP BY platform' : ''}`,
  );
  return rows.map((r) => {
    const count = Number(r.rows);
    // An aggregate over no rows gives the type's default (0, 0000-00-00), not NULL.
    const date = count === 0 || r.latest === null ? null : isTimestamp ? utcDate(Number(r.latest)) : r.latest;
    return { source, platform: r.platform ?? null, latest_date: date, rows: count };
  });
}

/** Ordered by source, then platform with no platform first (as the DuckDB engine orders them). */
export async function readFreshness(connection: ClickHouseConnection, workspace: string): Promise<FreshnessRow[]> {
  const parts = await Promise.all(SOURCE_NAMES.map((source) => sourceFreshness(connection, workspace, source)));
  return parts.flat().sort((a, b) =>
    a.source !== b.source ? (a.source < b.source ? -1 : 1)
    : a.platform === b.platform ? 0
    : a.platform === null ? -1
    : b.platform === null ? 1
    : a.platform < b.platform ? -1 : 1,
  );
}
