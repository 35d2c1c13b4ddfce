// Within-batch idempotency, shared by every engine: the same natural key twice
// in one batch is resolved before the batch meets stored data.
import { createHash } from 'node:crypto';
import type { Row } from '../model/validate.js';

/** Keeps the first row per key (events: the first copy wins); returns how many were dropped. */
export function keepFirstByKey(rows: readonly Row[], keyOf: (row: Row) => string): { rows: Row[]; dropped: number } {
  const seen = new Set<string>();
  const kept: Row[] = [];
  for (const row of rows) {
    const key = keyOf(row);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(row);
  }
  return { rows: kept, dropped: rows.length - kept.length };
}

export interface HashedRow {
  row: Row;
  hash: string;
}

/**
 * Keeps the last row per key (tables: the latest arrival wins). An earlier
 * copy identical to a later one counts as a duplicate, a different one as an
 * update.
 */
export function keepLastByKey(
  rows: readonly Row[],
  keyOf: (row: Row) => string,
  columns: readonly string[],
): { rows: HashedRow[]; duplicates: number; updated: number } {
  const byKey = new Map<string, HashedRow>();
  let duplicates = 0;
  let updated = 0;
  for (const row of rows) {
    const hashed = { row, hash: hashRow(row, columns) };
    const key = keyOf(row);
    const previous = byKey.get(key);
    if (previous) {
      if (previous.hash === hashed.hash) duplicates++;
      else updated++;
      byKey.delete(key); // re-insert so the batch keeps arrival order
    }
    byKey.set(key, hashed);
  }
  return { rows: [...byKey.values()], duplicates, updated };
}

/** A content hash of a row's contract columns, to tell an identical re-send from a change. */
export function hashRow(row: Row, columns: readonly string[]): string {
  const hash = createHash('sha1');
  for (const column of columns) {
    const v = row[column];
    hash.update(v === null || v === undefined ? '\u0000' : `${typeof v === 'number' ? 'n' : 's'}${v}`);
    hash.update('\u0001');
  }
  return hash.digest('base64url');
}

export function keyFunction(key: readonly string[]): (row: Row) => string {
  if (key.length === 1) {
    const [k] = key;
    return (row) => String(row[k]);
  }
  return (row) => key.map((k) => String(row[k] ?? '')).join('\u0001');
}
