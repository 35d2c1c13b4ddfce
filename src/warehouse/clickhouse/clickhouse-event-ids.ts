// Which event ids a workspace has stored, answered from memory: a KnownIds
// set of id hashes per workspace (known-ids.ts), read from the events table on
// a workspace's first write and then kept current by this process's inserts.
// A miss is certain and a hit is confirmed in the table, so a batch of new
// events needs no lookup; a lookup of every id would scan the whole
// workspace's event_id column once the table spans more granules than a
// batch has ids.
//
// The sets are exact only while this process is the events table's only
// writer. Other processes (servers, `beacon import`) may write to the same
// database, so before each batch the writer reads the table's state from
// system.parts and system.mutations: the rows of its active parts (merges
// keep the sum; only an insert raises it, only a deletion lowers it) and
// its latest mutation (every ALTER … DELETE). When they are not what this
// process's own inserts left, someone else wrote: the sets are dropped, that
// batch looks its ids up in the table as before, and a set is read again once
// a batch finds the table quiet. As with a lookup, two processes that insert
// the same new id at the same moment may both store it.
import { idHash, KnownIds } from '../known-ids.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { localName } from './clickhouse-cluster.js';
import { quoteString } from '../../sql/clickhouse/clickhouse-literals.js';
import { storedEventIds } from './clickhouse-writer.js';

/** The events table's state on every node: rows in active parts and the latest mutation's number. */
interface TableState {
  rows: number;
  mutations: string;
}

/** Answers which ids of a write's batches are stored; got from StoredEventIndex.open. */
export interface StoredEventLookup {
  /** Those of `ids` (well-formed, as stored; `hashes[i]` is idHash(ids[i])) the workspace has stored. */
  storedAmong(workspace: string, ids: readonly string[], hashes: ArrayLike<number>): Promise<Set<string>>;
}

export class StoredEventIndex {
  private readonly sets = new Map<string, KnownIds>();
  /** The table's state the sets account for, this process's inserts included; undefined before the first look. */
  private expected: TableState | undefined;

  constructor(private readonly connection: ClickHouseConnection) {}

  /**
   * Starts a write: looks whether the table changed since this process's last
   * insert. Writes must come one at a time, each followed by `inserted` for
   * every batch stored (or `forget` after a failure).
   */
  async open(): Promise<StoredEventLookup> {
    const now = await this.tableState();
    if (!this.expected || !sameState(now, this.expected)) {
      const changedByOthers = this.expected !== undefined;
      this.sets.clear();
      this.expected = now;
      // Another process is writing: look up, and read a set again once a write finds the table quiet.
      if (changedByOthers) return { storedAmong: (workspace, ids) => storedEventIds(this.connection, workspace, ids) };
    }
    return { storedAmong: (workspace, ids, hashes) => this.fromSet(workspace, ids, hashes, now) };
  }

  private async fromSet(workspace: string, ids: readonly string[], hashes: ArrayLike<number>, now: TableState): Promise<Set<string>> {
    const known = this.sets.get(workspace) ?? (await this.load(workspace, now));
    if (!known) return storedEventIds(this.connection, workspace, ids);
    const maybe: string[] = [];
    for (let i = 0; i < ids.length; i++) if (known.has(hashes[i])) maybe.push(ids[i]);
    return maybe.length === 0 ? new Set() : storedEventIds(this.connection, workspace, maybe);
  }

  /** Counts a completed insert into the workspace of the ids of `hashes` (idHash of each). */
  inserted(workspace: string, hashes: readonly number[]): void {
    if (!this.expected) return;
    this.expected.rows += hashes.length;
    const known = this.sets.get(workspace);
    if (known) for (const hash of hashes) known.add(hash);
  }

  /** After a failed insert (some rows may be stored) or a deletion: read everything again. */
  forget(): void {
    this.sets.clear();
    this.expected = undefined;
  }

  /** Reads the workspace's set; undefined (and the sets dropped) when the table changed meanwhile. */
  private async load(workspace: string, before: TableState): Promise<KnownIds | undefined> {
    const known = new KnownIds(1024);
    const stream = await this.connection.stream(
      `SELECT event_id FROM events WHERE workspace_id = ${quoteString(workspace)} FORMAT TabSeparated`,
    );
    let rest = '';
    stream.setEncoding('utf8');
    for await (const chunk of stream as AsyncIterable<string>) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      for (const line of lines) known.add(idHash(unescapeTsv(line)));
    }
    const after = await this.tableState();
    if (!sameState(before, after)) {
      this.sets.clear();
      this.expected = after;
      return undefined;
    }
    this.sets.set(workspace, known);
    return known;
  }

  /** On a cluster, the sum over every node's local table. */
  private async tableState(): Promise<TableState> {
    const layout = this.connection.cluster;
    const targets = layout ? layout.nodes.map((node) => ({ node, table: localName('events') })) : [{ node: this.connection, table: 'events' }];
    const states = await Promise.all(targets.map(({ node, table }) => nodeState(node, table)));
    return { rows: states.reduce((sum, s) => sum + s.rows, 0), mutations: states.map((s) => s.mutations).join(',') };
  }
}

async function nodeState(node: ClickHouseConnection, table: string): Promise<TableState> {
  const where = `database = ${quoteString(node.target.database)} AND table = ${quoteString(table)}`;
  const [row] = await node.select<{ rows: string; mutation: string }>(
    `SELECT (SELECT toUInt64(sum(rows)) FROM system.parts WHERE ${where} AND active) AS rows,
       (SELECT toUInt64(max(toUInt64OrZero(extract(mutation_id, '(\\\\d+)')))) FROM system.mutations WHERE ${where}) AS mutation`,
  );
  return { rows: Number(row.rows), mutations: row.mutation };
}

function sameState(a: TableState, b: TableState): boolean {
  return a.rows === b.rows && a.mutations === b.mutations;
}

const TSV_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', b: '\b', f: '\f', '0': '\0', '\\': '\\', "'": "'", '"': '"' };

/** A String as TabSeparated writes it (backslash escapes), back to its text. */
export function unescapeTsv(field: string): string {
  if (!field.includes('\\')) return field;
  return field.replace(/\\(.)/gs, (_, c: string) => TSV_ESCAPES[c] ?? c);
}
