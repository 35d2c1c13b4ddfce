// The current rows of a versioned (ReplacingMergeTree) table: per key, the
// version with the highest number, unless that version is a tombstone. Merges
// happen whenever the server likes, so reads never rely on them.
//
// 18.16's argMax skips NULL arguments (argMax(x, v) returns an older non-NULL x
// when the latest x is NULL), so all columns travel in one tuple, which is
// never NULL itself: argMax(tuple(a, b, deleted), v).
import { quoteIdent } from '../../sql/clickhouse/clickhouse-literals.js';

export interface LatestQuery {
  table: string;
  /** Columns identifying a row (the table's sorting key). */
  key: readonly string[];
  /** Other columns to read. */
  columns: readonly string[];
  /** The version column. */
  version: string;
  /** Condition on stored rows (raw SQL, values already quoted), e.g. the workspace. */
  where: string;
}

/**
 * A SELECT of the key and column values of every current row, usable as a
 * subquery: `SELECT … FROM (${latestRowsSql(q)}) ORDER BY …`.
 */
export function latestRowsSql(query: LatestQuery): string {
  const key = query.key.map(quoteIdent).join(', ');
  const carried = [...query.columns, 'deleted'].map(quoteIdent).join(', ');
  const unpacked = query.columns.map((c, i) => `tupleElement(latest, ${i + 1}) AS ${quoteIdent(c)}`);
  const inner =
    `SELECT ${key}, argMax(tuple(${carried}), ${quoteIdent(query.version)}) AS latest ` +
    `FROM ${quoteIdent(query.table)} WHERE ${query.where} GROUP BY ${key}`;
  return `SELECT ${[key, ...unpacked].join(', ')} FROM (${inner}) WHERE tupleElement(latest, ${query.columns.length + 1}) = 0`;
}
