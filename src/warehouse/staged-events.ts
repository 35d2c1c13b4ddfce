// Validated events written to a staging file before they reach a writer, so
// the costly part of ingestion (parsing, validating, encoding) can run on any
// thread and the writer only loads a file. The file is one JSON array with an
// array of values per row, in the order of STAGED_EVENT_COLUMNS, as validate()
// builds them (timestamps as epoch ms, money as decimal text): without keys,
// it is written in half the time of an array of objects. An engine reads it
// with its own bulk loader.
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Row } from '../model/validate.js';
import { idHash, KnownIds } from './known-ids.js';
import { inputColumns } from './tables.js';

export interface StagedEvents {
  /** The staging file; the writer that loads it removes it. */
  file: string;
  /** Events in the file: unique ids within the batch (the first copy wins). */
  count: number;
  /**
   * Their ids in file order, as one JSON array text (see stagedIds): a writer
   * needs them only when a hash matches, and one string crosses a thread
   * boundary far cheaper than thousands.
   */
  idList: string;
  /** idHash of each id (see known-ids.ts), so a writer checks them without hashing again. */
  hashes: Float64Array;
  /** Valid events sent, copies within the batch included (for the duplicate count). */
  sent: number;
}

/** The columns of a staged row, in order. */
export const STAGED_EVENT_COLUMNS = inputColumns('events');

// Generated once: reads the columns of a row into an array (names are our own, never input).
const valuesOf = new Function('row', `return [${STAGED_EVENT_COLUMNS.map((c) => `row[${JSON.stringify(c.name)}]`).join(', ')}];`) as (row: Row) => Row[string][];

/** Drops copies within the batch and writes the rest to a new staging file. */
export async function stageEvents(rows: readonly Row[]): Promise<StagedEvents> {
  const ids: string[] = [];
  const hashes = new Float64Array(rows.length);
  const values: Row[string][][] = [];
  // Copies are found by hash; only a repeated hash (a copy, or rarely two ids
  // sharing one) compares the ids themselves.
  const hashed = new KnownIds(rows.length);
  let kept: Set<string> | undefined;
  for (const row of rows) {
    const id = String(row.event_id);
    const hash = idHash(id);
    if (!hashed.add(hash)) {
      kept ??= new Set(ids);
      if (kept.has(id)) continue;
    }
    kept?.add(id);
    hashes[ids.length] = hash;
    ids.push(id);
    values.push(valuesOf(row));
  }
  const file = newStagingFile('events');
  await writeFile(file, JSON.stringify(values));
  return { file, count: ids.length, idList: JSON.stringify(ids), hashes: ids.length === rows.length ? hashes : hashes.slice(0, ids.length), sent: rows.length };
}

/** The ids of the staged events, in file order. */
export function stagedIds(staged: StagedEvents): string[] {
  return JSON.parse(staged.idList) as string[];
}

export async function discardStaged(staged: StagedEvents): Promise<void> {
  await rm(staged.file, { force: true });
}

/** The staged rows, for an engine without a bulk loader for the file. */
export async function readStagedRows(staged: StagedEvents): Promise<Row[]> {
  const values = JSON.parse(await readFile(staged.file, 'utf8')) as Row[string][][];
  return values.map((row) => Object.fromEntries(STAGED_EVENT_COLUMNS.map((c, i) => [c.name, row[i]])));
}

/**
 * A new staging file path in the temp directory: beacon-events-… (events) or
 * beacon-stage-… (table rows), carrying the writing process's id so that
 * removeOrphanedStagingFiles can tell a dead process's files.
 */
export function newStagingFile(kind: 'events' | 'stage'): string {
  return join(tmpdir(), `beacon-${kind}-${process.pid}-${threadId}-${randomBytes(6).toString('hex')}.json`);
}

const STAGING_FILE = /^beacon-(?:events|stage)-(\d+)-[\w-]+\.json$/;

/**
 * Removes the staging files that processes no longer running left behind (a
 * process killed mid-request never removes its own); returns how many.
 */
export async function removeOrphanedStagingFiles(dir = tmpdir()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir)) {
    const match = STAGING_FILE.exec(name);
    if (!match || isRunning(Number(match[1]))) continue;
    await rm(join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
