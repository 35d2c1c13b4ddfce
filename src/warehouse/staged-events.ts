// Validated events written to a staging file before they reach a writer, so
// the costly part of ingestion (parsing, validating, encoding) can run on any
// thread and the writer only loads a file. The file holds one JSON array of
// values per line, in the order of STAGED_EVENT_COLUMNS, as validate() builds
// them (timestamps as epoch ms, money as decimal text): without keys, it is
// written in half the time of objects. It is written a few hundred rows at a
// time, so no string or buffer grows to the size of the file (large ones cost
// page faults and copies). An engine reads it with its own bulk loader.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
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

// Generated once: reads the columns of a row into an array, one reused for
// every row, since its text is all that is kept (names are our own, never input).
const valuesInto = new Function('row', 'values', `${STAGED_EVENT_COLUMNS.map((c, i) => `values[${i}] = row[${JSON.stringify(c.name)}];`).join(' ')} return values;`) as (row: Row, values: Row[string][]) => Row[string][];
const rowValues: Row[string][] = STAGED_EVENT_COLUMNS.map(() => null);

/** Drops copies within the batch and writes the rest to a new staging file. */
export async function stageEvents(rows: readonly Row[]): Promise<StagedEvents> {
  if (rows.length === 0) throw new Error('stageEvents needs at least one row');
  const stager = new EventStager(rows.length);
  try {
    for (const row of rows) stager.add(row);
    return stager.finish()!;
  } catch (err) {
    stager.abort();
    throw err;
  }
}

/** Rows encoded per write: each piece stays small enough for V8's young generation. */
const ROWS_PER_WRITE = 200;

/** Where a thread's stagers encode their text (a UTF-16 code unit takes at most 3 bytes of UTF-8); made at the first write. */
let writeBuffer = Buffer.allocUnsafeSlow(0);
/** The largest buffer kept for that: rarer, longer pieces are written as they are. */
const MAX_WRITE_BUFFER = 8 << 20;

/**
 * Writes events to a new staging file as they are validated, a few hundred at
 * a time, so each row's values die young instead of living until the whole
 * batch is encoded. The first copy of an id wins.
 */
export class EventStager {
  readonly file = newStagingFile('events');
  private fd: number | undefined;
  private readonly ids: string[] = [];
  private hashes: Float64Array;
  // Copies are found by hash; only a repeated hash (a copy, or rarely two ids
  // sharing one) compares the ids themselves.
  private readonly hashed: KnownIds;
  private kept: Set<string> | undefined;
  private text = '';
  private pending = 0;
  private sent = 0;

  constructor(expected: number) {
    this.hashes = new Float64Array(Math.max(expected, 16));
    this.hashed = new KnownIds(expected);
  }

  add(row: Row): void {
    this.sent++;
    const id = String(row.event_id);
    const hash = idHash(id);
    if (!this.hashed.add(hash)) {
      this.kept ??= new Set(this.ids);
      if (this.kept.has(id)) return;
    }
    this.kept?.add(id);
    if (this.ids.length === this.hashes.length) {
      const grown = new Float64Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[this.ids.length] = hash;
    this.ids.push(id);
    this.text += JSON.stringify(valuesInto(row, rowValues));
    this.text += '\n';
    if (++this.pending === ROWS_PER_WRITE) this.flush();
  }

  /** Closes the file and describes it; undefined when no event came (then no file was made). */
  finish(): StagedEvents | undefined {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.ids.length === 0) return undefined;
    const count = this.ids.length;
    return { file: this.file, count, idList: JSON.stringify(this.ids), hashes: this.hashes.slice(0, count), sent: this.sent };
  }

  /** Closes and removes the file, after a failure. */
  abort(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.file, { force: true });
  }

  private flush(): void {
    if (this.pending === 0) return;
    this.fd ??= openSync(this.file, 'w');
    // Encoded into one reused buffer: a new one per write would be memory
    // outside the heap that the garbage collector counts and sweeps for.
    const room = this.text.length * 3;
    if (room > MAX_WRITE_BUFFER) {
      writeSync(this.fd, this.text);
    } else {
      if (writeBuffer.length < room) writeBuffer = Buffer.allocUnsafeSlow(Math.min(MAX_WRITE_BUFFER, Math.max(room, 2 * writeBuffer.length)));
      writeSync(this.fd, writeBuffer, 0, writeBuffer.write(this.text, 0, 'utf8'));
    }
    this.text = '';
    this.pending = 0;
  }
}

/** The ids of the staged events, in file order. */
export function stagedIds(staged: StagedEvents): string[] {
  return JSON.parse(staged.idList) as string[];
}

export async function discardStaged(staged: StagedEvents): Promise<void> {
  await rm(staged.file, { force: true });
}

/** The staged rows as objects (each line holds a row's values in STAGED_EVENT_COLUMNS order). */
export async function readStagedRows(staged: StagedEvents): Promise<Row[]> {
  const lines = (await readFile(staged.file, 'utf8')).split('\n').filter((line) => line !== '');
  return lines.map((line) => {
    const values = JSON.parse(line) as Row[string][];
    return Object.fromEntries(STAGED_EVENT_COLUMNS.map((c, i) => [c.name, values[i]]));
  });
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
