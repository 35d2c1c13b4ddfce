// The embedded default engine: one DuckDB file holding every workspace.
// Writes go through one connection, one transaction at a time; event batches
// that arrive meanwhile share the next transaction (group commit). DuckDB
// syncs its write-ahead log on commit, so an acknowledged batch survives a
// crash. Reads use a second connection.
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { chmod, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConflictError, StatementTimeoutError, StorageFullError, UnavailableError } from '../../core/errors.js';
import { SOURCES, SOURCE_NAMES, type SourceName } from '../../model/sources.js';
import { storedSettings, type WorkspaceSettings } from '../../model/settings.js';
import type { Row } from '../../model/validate.js';
import { GroupCommit } from '../group-commit.js';
import { SerialQueue } from '../serial-queue.js';
import type {
  ApiKeyRecord,
  CohortActivity,
  CohortQuery,
  DeriveOptions,
  DerivedRelation,
  FreshnessRow,
  ImportNote,
  JourneyPath,
  JourneyQuery,
  ImportRecord,
  ExperimentQuery,
  ExperimentSums,
  QualityQuery,
  QualityReadings,
  ExperimentSummary,
  FunnelCounts,
  FunnelQuery,
  RfmCounts,
  RfmCountsQuery,
  RfmQuery,
  RfmRow,
  ObjectKind,
  StoredObject,
  Warehouse,
  Workspace,
  WriteResult,
} from '../warehouse.js';
import type { Select } from '../../sql/ast.js';
import type { Statement } from '../../sql/dialect.js';
import type { RelationContext } from '../../sql/relations.js';
import { ParamBag } from '../../sql/dialect.js';
import { journeyPathsOf, journeyPathsSql } from '../relations/journeys.js';
import { customerRfmCountsOf, customerRfmCountsSql, readCustomerRfm, rfmSettings } from '../relations/customer-rfm.js';
import { eventTypesSql, funnelCountsOf, funnelSql } from '../relations/funnels.js';
import { experimentListOf, experimentListSql, experimentSumsOf, experimentSumsSql } from '../relations/experiment-readout.js';
import { readQuality } from '../relations/quality-checks.js';
import { cohortActivityOf, cohortActivitySql, cohortContext } from '../relations/customer-cohorts.js';
import { duckdbBuild, renderDuckDbQuery } from './duckdb-relations.js';
import { quoteIdent } from './duckdb-ddl.js';
import { refreshDerivedEvents } from './duckdb-derive.js';
import { DuckDbReaders } from './duckdb-readers.js';
import { MIGRATIONS } from './duckdb-migrations.js';
import { insertStagedEvents, storedEventIds, writeTableRows } from './duckdb-writer.js';
import { idHash, KnownIds } from '../known-ids.js';
import { discardStaged, stagedIds, stageEvents, type StagedEvents } from '../staged-events.js';
import type { Readable } from 'node:stream';
import type { ExportFormat, SqlResult, SqlTable } from '../warehouse.js';
import { copyToStream, sourceExportSql } from './duckdb-export.js';
import { runWorkspaceSql } from './duckdb-workspace-sql.js';

export interface DuckDbOptions {
  /** Path of the database file, or ':memory:'. */
  path: string;
  /** DuckDB's memory limit (e.g. '1GB'): caps its buffer cache, beyond which it spills to disk. */
  memoryLimit?: string;
  /**
   * Write-ahead log size that triggers a checkpoint (DuckDB's default 16MB).
   * A server takes a larger one: the commit that crosses it pays for the
   * checkpoint, and fewer, larger checkpoints cost less in all.
   */
  checkpointThreshold?: string;
  /** How long a query statement (query, select) may run before it is interrupted; none when unset. */
  statementTimeoutMs?: number;
  /** Events the derived view's event statements take in a pass (default 2,000,000): fewer use less memory. */
  derivePassEvents?: number;
}

/** Opens (creating and migrating if needed) a DuckDB warehouse file. */
export async function createDuckDbWarehouse(options: DuckDbOptions): Promise<DuckDbWarehouse> {
  if (options.path !== ':memory:') await mkdir(dirname(options.path), { recursive: true, mode: 0o700 });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(options.path, {
      ...(options.memoryLimit ? { memory_limit: options.memoryLimit } : {}),
      // Hand freed memory back to the OS promptly: a long import or a server
      // otherwise keeps hundreds of MB of allocator caches resident.
      allocator_flush_threshold: '16MB',
      allocator_background_threads: 'true',
      // Row order within a table carries no meaning here; not keeping it lets
      // INSERT … SELECT stream instead of buffering.
      preserve_insertion_order: 'false',
      ...(options.checkpointThreshold ? { checkpoint_threshold: options.checkpointThreshold } : {}),
    });
  } catch (err) {
    throw describeOpenError(err, options.path);
  }
  const writer = await instance.connect();
  const eventWriter = await instance.connect();
  // Two read connections: a long query leaves the other free (the machine has two cores).
  const readers = [await instance.connect(), await instance.connect()];
  // Stored timestamps are UTC instants; zone conversions name their zone explicitly.
  for (const connection of [writer, eventWriter, ...readers]) await connection.run("SET TimeZone = 'UTC'");
  const warehouse = new DuckDbWarehouse(instance, writer, eventWriter, new DuckDbReaders(readers), options.statementTimeoutMs, options.derivePassEvents);
  await warehouse.migrate();
  if (options.path !== ':memory:') await makeOwnerOnly(options.path);
  return warehouse;
}

/**
 * Marketing data is revenue data: the database, its write-ahead log and its
 * spill directory are readable by their owner alone, also when they were
 * created with a looser mode (the CLI also sets umask 077, so files DuckDB
 * creates later are owner-only from the start).
 */
async function makeOwnerOnly(path: string): Promise<void> {
  for (const [file, mode] of [[path, 0o600], [`${path}.wal`, 0o600], [`${path}.tmp`, 0o700]] as const) {
    await chmod(file, mode).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }
}

/**
 * A write the disk refused: full, read-only, or not ours to write. DuckDB
 * rolls the transaction back and stays usable (reads go on, writes resume
 * once there is room), so the caller hears a clear 507, not a bug.
 */
function storageError(err: unknown): StorageFullError | undefined {
  const message = err instanceof Error ? err.message : String(err);
  const reason = /No space left on device/i.test(message) ? 'the disk is full'
    : /Read-only file system/i.test(message) ? 'the file system is read-only'
    : /Permission denied/i.test(message) ? 'its files may not be written'
    : undefined;
  return reason === undefined ? undefined : new StorageFullError(reason);
}

function describeOpenError(err: unknown, path: string): Error {
  const message = err instanceof Error ? err.message : String(err);
  if (/lock/i.test(message)) {
    const pid = /PID (\d+)/.exec(message)?.[1];
    return new UnavailableError(
      `the database ${path} is in use by another process${pid ? ` (pid ${pid})` : ''}; ` +
        'stop it, or run this command through it with --server URL --key KEY',
    );
  }
  return err instanceof Error ? err : new Error(message);
}

/** Rows of event batches committed together at most. */
const MAX_GROUP_ROWS = 50_000;

interface PendingEvents {
  workspace: string;
  importId: string;
  staged: StagedEvents;
  note?: ImportNote;
}

export class DuckDbWarehouse implements Warehouse {
  readonly engine = 'duckdb' as const;
  private readonly writes = new SerialQueue();
  /**
   * Events have their own connection and queue: they only append (to events
   * and imports), so they commit alongside a refresh of the derived view or a
   * table write without conflict, and a long refresh does not stall them.
   */
  private readonly eventWrites = new SerialQueue();
  // Event batches that arrive while a write is under way share the next transaction.
  private readonly eventCommits = new GroupCommit<PendingEvents, WriteResult>(
    this.eventWrites,
    (group) => this.commitEvents(group),
    (pending) => pending.staged.count,
    MAX_GROUP_ROWS,
  );
  private seq = 0;
  // This process holds the file alone, so these caches of the hot lookups of
  // every request (key, workspace) are exact: every change goes through here.
  private readonly workspaceCache = new Map<string, Workspace | undefined>();
  private readonly keyCache = new Map<string, ApiKeyRecord | undefined>();
  /** Hashes of the event ids each workspace has stored (loaded on a workspace's first event write). */
  private readonly knownIds = new Map<string, KnownIds>();
  /** Per workspace: a counter of writes, and its value when the derived view was last refreshed. */
  private readonly writeGeneration = new Map<string, number>();
  private readonly refreshedGeneration = new Map<string, number>();

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly eventWriter: DuckDBConnection,
    private readonly readers: DuckDbReaders,
    private readonly statementTimeoutMs?: number,
    private readonly derivePassEvents?: number,
  ) {}

  async migrate(): Promise<void> {
    await this.writes.run(async () => {
      await this.writer.run(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)',
      );
      const applied = new Set(
        (await this.writer.runAndReadAll('SELECT version FROM schema_migrations')).getRows().map((r) => Number(r[0])),
      );
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        await this.transaction(this.writer, async () => {
          for (const statement of migration.statements()) await this.writer.run(statement);
          await this.writer.run('INSERT INTO schema_migrations VALUES ($v, $d, CAST(now() AS TIMESTAMP))', {
            v: migration.version,
            d: migration.description,
          });
        });
      }
      const maxSeq = SOURCE_NAMES.map((source) => `SELECT max(seq) AS seq FROM ${quoteIdent(source)}`).join(' UNION ALL ');
      this.seq = Number((await this.writer.runAndReadAll(`SELECT coalesce(max(seq), 0) FROM (${maxSeq})`)).getRows()[0][0]);
    });
  }

  /** Runs `work` in a transaction on a writing connection (caller holds its queue). */
  private async transaction<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
    await connection.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await connection.run('COMMIT');
      return result;
    } catch (err) {
      await connection.run('ROLLBACK').catch(() => undefined);
      throw storageError(err) ?? err;
    }
  }

  private async read(sql: string, params: Record<string, DuckDBValue> = {}): Promise<Record<string, unknown>[]> {
    return this.readers.run(async (connection) => {
      const reader = await connection.runAndReadAll(sql, params);
      return reader.getRowObjectsJson() as Record<string, unknown>[];
    });
  }

  private exec(sql: string, params: Record<string, DuckDBValue> = {}): Promise<number> {
    return this.writes.run(async () => Number((await this.writer.run(sql, params)).rowsChanged));
  }

  async createWorkspace(workspace: Workspace): Promise<void> {
    if (await this.getWorkspace(workspace.name)) throw new ConflictError(`workspace "${workspace.name}" already exists`);
    this.workspaceCache.delete(workspace.name);
    await this.exec('INSERT INTO workspaces VALUES ($name, $settings, CAST($created AS TIMESTAMP))', {
      name: workspace.name,
      settings: JSON.stringify(workspace.settings),
      created: workspace.createdAt,
    });
  }

  async getWorkspace(name: string): Promise<Workspace | undefined> {
    if (this.workspaceCache.has(name)) return this.workspaceCache.get(name);
    const rows = await this.read('SELECT * FROM workspaces WHERE name = $name', { name });
    const workspace = rows[0] ? toWorkspace(rows[0]) : undefined;
    this.workspaceCache.set(name, workspace);
    return workspace;
  }

  async listWorkspaces(): Promise<Workspace[]> {
    return (await this.read('SELECT * FROM workspaces ORDER BY name')).map(toWorkspace);
  }

  async saveSettings(name: string, settings: WorkspaceSettings): Promise<void> {
    this.workspaceCache.delete(name);
    await this.exec('UPDATE workspaces SET settings = $settings WHERE name = $name', {
      name,
      settings: JSON.stringify(settings),
    });
  }

  async insertKey(key: ApiKeyRecord): Promise<void> {
    await this.exec(
      `INSERT INTO api_keys VALUES ($id, $workspace, $scope, $hash, $prefix, CAST($created AS TIMESTAMP), NULL)`,
      { id: key.id, workspace: key.workspace, scope: key.scope, hash: key.hash, prefix: key.prefix, created: key.createdAt },
    );
  }

  async findKeyByHash(hash: string): Promise<ApiKeyRecord | undefined> {
    const cached = this.keyCache.get(hash);
    if (cached) return cached;
    const rows = await this.read('SELECT * FROM api_keys WHERE hash = $hash', { hash });
    const key = rows[0] ? toKey(rows[0]) : undefined;
    // Unknown hashes are not cached: anyone can send them, and the cache must stay small.
    if (key) this.keyCache.set(hash, key);
    return key;
  }

  async listKeys(workspace: string): Promise<ApiKeyRecord[]> {
    return (await this.read('SELECT * FROM api_keys WHERE workspace = $workspace ORDER BY created_at, id', { workspace })).map(toKey);
  }

  async revokeKey(workspace: string, id: string): Promise<boolean> {
    this.keyCache.clear();
    const changed = await this.exec(
      'UPDATE api_keys SET revoked_at = CAST(now() AS TIMESTAMP) WHERE workspace = $workspace AND id = $id AND revoked_at IS NULL',
      { workspace, id },
    );
    return changed > 0;
  }

  async write(workspace: string, source: SourceName, rows: readonly Row[], importId: string, note?: ImportNote): Promise<WriteResult> {
    if (rows.length === 0) return { accepted: 0, updated: 0, duplicates: 0 };
    if (source === 'events') return this.writeStagedEvents(workspace, await stageEvents(rows), importId, note);
    const result = await this.writes.run(() =>
      this.transaction(this.writer, async () => {
        const written = await writeTableRows(this.writer, source, rows, { workspace, importId, seq: this.nextSeq() });
        if (written.accepted + written.updated > 0 && invalidatesEvents(source)) await this.markFull(workspace);
        if (note && written.accepted + written.updated > 0) await this.insertImports(this.writer, [importRecord(workspace, source, importId, note, written)]);
        return written;
      }),
    );
    // Counted once committed: a refresh queued before this write takes the generation it starts with, and must not skip these rows.
    this.touch(workspace);
    return result;
  }

  async writeStagedEvents(workspace: string, staged: StagedEvents, importId: string, note?: ImportNote): Promise<WriteResult> {
    try {
      const result = await this.eventCommits.submit({ workspace, importId, staged, note });
      // Counted once committed: a refresh that began earlier may not have seen these events.
      this.touch(workspace);
      return result;
    } finally {
      await discardStaged(staged);
    }
  }

  /** Commits a group of staged batches in one transaction (one sync of the log). */
  private async commitEvents(group: PendingEvents[]): Promise<WriteResult[]> {
    const skips = await this.eventsToSkip(group);
    const counts = await this.transaction(this.eventWriter, async () => {
      const written = await insertStagedEvents(this.eventWriter, group.map((g, i) => ({ ...g, skip: skips[i] })), this.nextSeq());
      const notes = group.flatMap((g, i) =>
        g.note && written[i].accepted > 0 ? [importRecord(g.workspace, 'events', g.importId, g.note, written[i])] : [],
      );
      await this.insertImports(this.eventWriter, notes);
      return written;
    });
    // Committed: from now on these ids are known. (A skipped id is known
    // already: stored before, or carried by an earlier batch of the group.)
    for (const g of group) {
      const known = this.knownIds.get(g.workspace);
      const { hashes, count } = g.staged;
      if (known) for (let k = 0; k < count; k++) known.add(hashes[k]);
    }
    return counts;
  }

  /**
   * Per batch, the ids not to insert: those an earlier batch of the group
   * carries, and those stored already. Both go by hash first, so a batch
   * without duplicates never reads its ids: a hash seen earlier in the group
   * compares the ids themselves, and a hit in the workspace's KnownIds (a miss
   * is certain) is confirmed in the table.
   */
  private async eventsToSkip(group: readonly PendingEvents[]): Promise<Set<string>[]> {
    const earlier = new Map<string, { hashes: KnownIds; batches: StagedEvents[]; ids?: Set<string> }>();
    const skips: Set<string>[] = [];
    for (const { workspace, staged } of group) {
      const known = await this.knownIdsOf(workspace);
      let inGroup = earlier.get(workspace);
      if (!inGroup) earlier.set(workspace, (inGroup = { hashes: new KnownIds(), batches: [] }));
      const skip = new Set<string>();
      const maybeStored: string[] = [];
      let ids: string[] | undefined;
      for (let k = 0; k < staged.count; k++) {
        const hash = staged.hashes[k];
        // A group of one batch has no earlier batch to compare with.
        const seenInGroup = group.length > 1 && !inGroup.hashes.add(hash);
        if (!seenInGroup && !known.has(hash)) continue;
        ids ??= stagedIds(staged);
        if (seenInGroup) {
          inGroup.ids ??= new Set(inGroup.batches.flatMap(stagedIds));
          if (inGroup.ids.has(ids[k])) {
            skip.add(ids[k]);
            continue;
          }
        }
        if (known.has(hash)) maybeStored.push(ids[k]);
      }
      inGroup.batches.push(staged);
      if (inGroup.ids) for (const id of ids ?? stagedIds(staged)) inGroup.ids.add(id);
      for (const id of await storedEventIds(this.eventWriter, workspace, maybeStored)) skip.add(id);
      skips.push(skip);
    }
    return skips;
  }

  /** The workspace's KnownIds, read from the table on first use (then kept current by every write). */
  private async knownIdsOf(workspace: string): Promise<KnownIds> {
    let known = this.knownIds.get(workspace);
    if (known) return known;
    const count = Number((await this.eventWriter.runAndReadAll('SELECT count(*) FROM events WHERE workspace_id = $ws', { ws: workspace })).getRows()[0][0]);
    known = new KnownIds(count);
    const result = await this.eventWriter.stream('SELECT event_id FROM events WHERE workspace_id = $ws', { ws: workspace });
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      for (const id of chunk.getColumnValues(0)) known.add(idHash(String(id)));
    }
    this.knownIds.set(workspace, known);
    return known;
  }

  /** Batch sequence numbers: this process is the file's only writer, so a counter seeded at open is exact. */
  private nextSeq(): number {
    return ++this.seq;
  }

  private async insertImports(connection: DuckDBConnection, records: readonly ImportRecord[]): Promise<void> {
    if (records.length === 0) return;
    const params: Record<string, DuckDBValue> = {};
    const tuples = records.map((r, i) => {
      Object.assign(params, { [`id${i}`]: r.id, [`ws${i}`]: r.workspace, [`src${i}`]: r.source, [`or${i}`]: r.origin, [`st${i}`]: r.startedAt, [`a${i}`]: r.accepted, [`u${i}`]: r.updated, [`d${i}`]: r.duplicates, [`r${i}`]: r.rejected });
      return `($id${i}, $ws${i}, $src${i}, $or${i}, CAST($st${i} AS TIMESTAMP), $a${i}, $u${i}, $d${i}, $r${i})`;
    });
    await connection.run(`INSERT OR REPLACE INTO imports VALUES ${tuples.join(', ')}`, params);
  }

  private async markFull(workspace: string): Promise<void> {
    await this.writer.run(
      `INSERT INTO derive_state (workspace, watermark, needs_full) VALUES ($ws, 0, true) ON CONFLICT (workspace) DO UPDATE SET needs_full = true`,
      { ws: workspace },
    );
  }

  async saveImport(record: ImportRecord): Promise<void> {
    await this.writes.run(() => this.insertImports(this.writer, [record]));
  }

  async listImports(workspace: string): Promise<ImportRecord[]> {
    const rows = await this.read('SELECT * FROM imports WHERE workspace = $workspace ORDER BY started_at DESC, id', {
      workspace,
    });
    return rows.map(toImport);
  }

  async deleteImport(workspace: string, id: string): Promise<boolean> {
    // Deleted ids may be sent again: forget the set, it is read again on the next write.
    this.knownIds.delete(workspace);
    const found = await this.read('SELECT source FROM imports WHERE workspace = $workspace AND id = $id', { workspace, id });
    if (!found[0]) return false;
    const source = found[0].source as SourceName;
    await this.writes.run(() =>
      this.transaction(this.writer, async () => {
        await this.writer.run(`DELETE FROM ${quoteIdent(source)} WHERE workspace_id = $workspace AND import_id = $id`, {
          workspace,
          id,
        });
        await this.writer.run('DELETE FROM imports WHERE workspace = $workspace AND id = $id', { workspace, id });
        await this.markFull(workspace);
      }),
    );
    this.touch(workspace);
    return true;
  }

  private generation(workspace: string): number {
    return this.writeGeneration.get(workspace) ?? 0;
  }

  private touch(workspace: string): void {
    this.writeGeneration.set(workspace, this.generation(workspace) + 1);
  }

  async refreshDerived(workspace: string, options: DeriveOptions): Promise<void> {
    // Nothing was written since this process last refreshed: skip even the staleness checks.
    if (this.refreshedGeneration.get(workspace) === this.generation(workspace)) return;
    await this.writes.run(async () => {
      const generation = this.generation(workspace);
      const transaction = <T>(work: () => Promise<T>) => this.transaction(this.writer, work);
      await refreshDerivedEvents(this.writer, workspace, options, transaction, this.derivePassEvents);
      this.refreshedGeneration.set(workspace, generation);
    });
  }

  async invalidateDerived(workspace: string): Promise<void> {
    await this.writes.run(() => this.markFull(workspace));
    this.touch(workspace);
  }

  async freshness(workspace: string): Promise<FreshnessRow[]> {
    const parts = SOURCE_NAMES.map((source) => {
      const field = quoteIdent(SOURCES[source].dateField);
      const platform = source === 'ad_performance' || source === 'campaigns' ? 'platform' : 'NULL';
      return `SELECT '${source}' AS source, ${platform} AS platform, CAST(max(CAST(${field} AS DATE)) AS VARCHAR) AS latest_date,
        count(*) AS rows FROM ${quoteIdent(source)} WHERE workspace_id = $ws GROUP BY ALL`;
    });
    const rows = await this.read(`${parts.join(' UNION ALL ')} ORDER BY source, platform NULLS FIRST`, { ws: workspace });
    return rows.map((r) => ({
      source: r.source as SourceName,
      platform: (r.platform as string | null) ?? null,
      latest_date: (r.latest_date as string | null) ?? null,
      rows: Number(r.rows),
    }));
  }

  async readRows(workspace: string, source: SourceName, limit = 1_000_000): Promise<Row[]> {
    const order = SOURCES[source].key.map(quoteIdent).join(', ');
    return (await this.read(
      `SELECT * EXCLUDE (workspace_id, import_id, seq, received_at${source === 'events' ? '' : ', row_hash'})
       FROM ${quoteIdent(source)} WHERE workspace_id = $ws ORDER BY ${order} LIMIT ${Math.floor(limit)}`,
      { ws: workspace },
    )) as Row[];
  }

  /** DuckDB writes the file itself (COPY … TO), on a read connection; the file is streamed, then removed. */
  exportSource(workspace: string, source: SourceName, format: ExportFormat): Promise<Readable> {
    return this.readers.run((connection) => copyToStream(connection, sourceExportSql(workspace, source), source, format));
  }

  readOnlySql(workspace: string, sql: string, options: { tables: readonly SqlTable[]; limit: number }): Promise<SqlResult> {
    return runWorkspaceSql(this.instance, workspace, sql, { ...options, timeoutMs: this.statementTimeoutMs });
  }

  async readDerived(workspace: string, relation: DerivedRelation): Promise<Row[]> {
    const order = { event_facts: 'ts, event_id', sessions: 'started_at, session_key', identities: 'anonymous_id' }[relation];
    return (await this.read(
      `SELECT * EXCLUDE (workspace_id) FROM ${quoteIdent(relation)} WHERE workspace_id = $ws ORDER BY ${order}`,
      { ws: workspace },
    )) as Row[];
  }

  select(select: Select, context: RelationContext): Promise<Record<string, unknown>[]> {
    return this.query(renderDuckDbQuery(select, context));
  }

  async journeyPaths(workspace: string, query: JourneyQuery): Promise<JourneyPath[]> {
    const bag = new ParamBag((name) => `$${name}`);
    const sql = journeyPathsSql(duckdbBuild(workspace, (value) => bag.add(value)), query);
    return journeyPathsOf(await this.query({ sql, params: bag.params }));
  }

  async customerRfm(workspace: string, query: RfmQuery): Promise<RfmRow[]> {
    const settings = rfmSettings(workspace, await this.getWorkspace(workspace));
    return readCustomerRfm(
      (statement) => {
        const bag = new ParamBag((name) => `$${name}`);
        const sql = statement(duckdbBuild(workspace, (value) => bag.add(value)));
        return this.query({ sql, params: bag.params });
      },
      query,
      settings,
    );
  }

  async customerRfmCounts(workspace: string, query: RfmCountsQuery): Promise<RfmCounts> {
    const settings = rfmSettings(workspace, await this.getWorkspace(workspace));
    const bag = new ParamBag((name) => `$${name}`);
    const sql = customerRfmCountsSql(duckdbBuild(workspace, (value) => bag.add(value)), query, settings);
    return customerRfmCountsOf((await this.query({ sql, params: bag.params }))[0]);
  }

  async funnelCounts(workspace: string, query: FunnelQuery): Promise<FunnelCounts[]> {
    const bag = new ParamBag((name) => `$${name}`);
    const sql = funnelSql(duckdbBuild(workspace, (value) => bag.add(value)), query);
    return funnelCountsOf(await this.query({ sql, params: bag.params }), query.steps.length);
  }

  qualityReadings(workspace: string, query: QualityQuery): Promise<QualityReadings> {
    return readQuality(async (build) => {
      const bag = new ParamBag((name) => `$${name}`);
      const sql = build(duckdbBuild(workspace, (value) => bag.add(value)));
      return this.query({ sql, params: bag.params });
    }, query);
  }

  async experimentSums(workspace: string, query: ExperimentQuery): Promise<ExperimentSums> {
    const bag = new ParamBag((name) => `$${name}`);
    const sql = experimentSumsSql(duckdbBuild(workspace, (value) => bag.add(value)), query);
    return experimentSumsOf(await this.query({ sql, params: bag.params }));
  }

  async experiments(workspace: string, options: { botFiltering: boolean }): Promise<ExperimentSummary[]> {
    const bag = new ParamBag((name) => `$${name}`);
    const sql = experimentListSql(duckdbBuild(workspace, (value) => bag.add(value)), options.botFiltering);
    return experimentListOf(await this.query({ sql, params: bag.params }));
  }

  async eventTypes(workspace: string): Promise<string[]> {
    const bag = new ParamBag((name) => `$${name}`);
    const sql = eventTypesSql(duckdbBuild(workspace, (value) => bag.add(value)));
    return (await this.query({ sql, params: bag.params })).map((row) => String(row.type));
  }

  async cohortActivity(workspace: string, query: CohortQuery): Promise<CohortActivity> {
    const ctx = cohortContext(workspace, await this.getWorkspace(workspace));
    const bag = new ParamBag((name) => `$${name}`);
    const sql = cohortActivitySql(duckdbBuild(workspace, (value) => bag.add(value)), query, ctx);
    return cohortActivityOf(await this.query({ sql, params: bag.params }), query);
  }

  query(statement: Statement): Promise<Record<string, unknown>[]> {
    const limit = this.statementTimeoutMs;
    if (!limit) return this.read(statement.sql, statement.params as Record<string, DuckDBValue>);
    return this.readers.run(async (connection) => {
      let stopped = false;
      const timer = setTimeout(() => {
        stopped = true;
        connection.interrupt();
      }, limit);
      try {
        return (await connection.runAndReadAll(statement.sql, statement.params as Record<string, DuckDBValue>)).getRowObjectsJson() as Record<string, unknown>[];
      } catch (err) {
        throw stopped ? new StatementTimeoutError(limit) : err;
      } finally {
        clearTimeout(timer);
      }
    });
  }

  async putObject(workspace: string, kind: ObjectKind, id: string, body: unknown): Promise<void> {
    await this.exec(
      `INSERT INTO workspace_objects VALUES ($ws, $kind, $id, $body, CAST(now() AS TIMESTAMP))
       ON CONFLICT (workspace, kind, id) DO UPDATE SET body = excluded.body`,
      { ws: workspace, kind, id, body: JSON.stringify(body) },
    );
  }

  async listObjects(workspace: string, kind: ObjectKind): Promise<StoredObject[]> {
    const rows = await this.read(
      'SELECT id, body, created_at FROM workspace_objects WHERE workspace = $ws AND kind = $kind ORDER BY created_at, id',
      { ws: workspace, kind },
    );
    return rows.map((r) => ({ id: r.id as string, body: typeof r.body === 'string' ? JSON.parse(r.body) : r.body, createdAt: String(r.created_at) }));
  }

  async deleteObject(workspace: string, kind: ObjectKind, id: string): Promise<boolean> {
    return (await this.exec('DELETE FROM workspace_objects WHERE workspace = $ws AND kind = $kind AND id = $id', { ws: workspace, kind, id })) > 0;
  }

  async close(): Promise<void> {
    await this.eventWrites.run(async () => this.eventWriter.closeSync());
    await this.writes.run(async () => {
      await this.writer.run('CHECKPOINT').catch(() => undefined);
      this.writer.closeSync();
      this.readers.closeSync();
      this.instance.closeSync();
    });
  }
}

/** Sources whose change alters campaign resolution or money conversion of events. */
function invalidatesEvents(source: SourceName): boolean {
  return source === 'campaigns' || source === 'fx_rates';
}

function importRecord(workspace: string, source: SourceName, id: string, note: ImportNote, counts: WriteResult): ImportRecord {
  return { id, workspace, source, origin: note.origin, startedAt: note.startedAt, rejected: note.rejected, ...counts };
}

function toWorkspace(r: Record<string, unknown>): Workspace {
  return {
    name: r.name as string,
    settings: storedSettings(r.settings),
    createdAt: String(r.created_at),
  };
}

function toKey(r: Record<string, unknown>): ApiKeyRecord {
  return {
    id: r.id as string,
    workspace: r.workspace as string,
    scope: r.scope as ApiKeyRecord['scope'],
    hash: r.hash as string,
    prefix: r.prefix as string,
    createdAt: String(r.created_at),
    revokedAt: (r.revoked_at as string | null) ?? null,
  };
}

function toImport(r: Record<string, unknown>): ImportRecord {
  return {
    id: r.id as string,
    workspace: r.workspace as string,
    source: r.source as SourceName,
    origin: r.origin as string,
    startedAt: String(r.started_at),
    accepted: Number(r.accepted),
    updated: Number(r.updated),
    duplicates: Number(r.duplicates),
    rejected: Number(r.rejected),
  };
}
