// The ClickHouse engine (18.16 and later): raw source tables, metadata,
// idempotent writes over HTTP and the derived view (identities, sessions,
// channels, converted money, conversion credits, ad facts). Writes of this
// process, refreshes included, run one at a time (the duplicate lookups of a
// batch must not interleave with another batch's insert); reads run
// concurrently. An insert is acknowledged once ClickHouse has written its part
// (18.16 does not fsync it). Metrics statements (sql/clickhouse) come back as
// FORMAT JSON with the totals of WITH TOTALS as one more flagged row. With a
// cluster and its shards' URLs, person tables are sharded over the cluster
// (clickhouse-cluster.ts).
import { SOURCE_NAMES, type SourceName } from '../../model/sources.js';
import type { WorkspaceSettings } from '../../model/settings.js';
import type { Row } from '../../model/validate.js';
import type { Select } from '../../sql/ast.js';
import type { Statement } from '../../sql/dialect.js';
import type { RelationContext } from '../../sql/relations.js';
import { journeyPathsOf, journeyPathsSql } from '../relations/journeys.js';
import { customerRfmCountsOf, customerRfmCountsSql, readCustomerRfm, rfmSettings } from '../relations/customer-rfm.js';
import { eventTypesSql, funnelCountsOf, funnelSql } from '../relations/funnels.js';
import { experimentListOf, experimentListSql, experimentSumsOf, experimentSumsSql } from '../relations/experiment-readout.js';
import { readQuality } from '../relations/quality-checks.js';
import { cohortActivityOf, cohortActivitySql, cohortContext } from '../relations/customer-cohorts.js';
import { clickhouseBuild, renderClickHouseQuery } from './clickhouse-relations.js';
import { rowsWithTotals, type ClickHouseJson } from './clickhouse-totals.js';
import { GroupCommit } from '../group-commit.js';
import { SerialQueue } from '../serial-queue.js';
import { discardStaged, stagedIds, type StagedEvents } from '../staged-events.js';
import { readFile } from 'node:fs/promises';
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
import { checkShards, CLUSTER_SETTINGS } from './clickhouse-cluster.js';
import { ClickHouseConnection, type ClusterLayout } from './clickhouse-connection.js';
import { quoteIdent } from '../../sql/clickhouse/clickhouse-literals.js';
import { ClickHouseMetadata } from './clickhouse-metadata.js';
import { migrate } from './clickhouse-migrations.js';
import { readFreshness, readSourceRows } from './clickhouse-source-reads.js';
import { VersionClock } from './clickhouse-version-clock.js';
import { deleteImportRows, writeTableRows, type BatchContext } from './clickhouse-writer.js';
import { writeEvents, writeStagedEventGroup, type StagedBatch } from './clickhouse-event-writer.js';
import { StoredEventIndex } from './clickhouse-event-ids.js';
import { refreshDerivedView } from './clickhouse-derive.js';
import { markFull } from './clickhouse-derive-state.js';
import { readDerivedRows } from './clickhouse-derived-reads.js';
import type { Readable } from 'node:stream';
import type { ExportFormat, SqlResult } from '../warehouse.js';
import { exportSourceStream, sqlNotServed } from './clickhouse-export.js';

export interface ClickHouseOptions {
  /** The server's HTTP URL; a path names the database (http://127.0.0.1:8123/beacon). */
  url: string;
  /** The database (created if missing); default: the URL's path, else `beacon`. */
  database?: string;
  /**
   * A cluster of the entry server's remote_servers: person tables are sharded
   * over it (clickhouse-cluster.ts). Needs `shards`.
   */
  cluster?: string;
  /**
   * The HTTP URL of every shard of `cluster`, one per shard (the entry server's
   * own URL included when it is a shard). 18.16 creates tables on a cluster
   * only with ZooKeeper, so the engine creates them on each shard itself.
   */
  shards?: readonly string[];
  /** How long a query statement (query, select) may run before the server stops it (max_execution_time); none when unset. */
  statementTimeoutMs?: number;
}

function targetOf(options: ClickHouseOptions): { url: string; database: string } {
  const url = new URL(options.url);
  const fromPath = decodeURIComponent(url.pathname.replace(/^\/+|\/+$/g, ''));
  url.pathname = '/';
  return { url: url.toString().replace(/\/$/, ''), database: options.database ?? (fromPath || 'beacon') };
}

/**
 * Opens (creating and migrating if needed) a ClickHouse warehouse.
 *
 * @example
 * const warehouse = await createClickHouseWarehouse({ url: 'http://127.0.0.1:8123', database: 'beacon' });
 */
export async function createClickHouseWarehouse(options: ClickHouseOptions): Promise<ClickHouseWarehouse> {
  const target = targetOf(options);
  const connection = await ClickHouseConnection.open(target, options.cluster ? CLUSTER_SETTINGS : undefined);
  try {
    if (options.cluster) connection.cluster = await openCluster(connection, options.cluster, options.shards ?? []);
    await migrate(connection);
    return new ClickHouseWarehouse(connection, new VersionClock(await storedVersionFloor(connection)), options.statementTimeoutMs);
  } catch (err) {
    await closeAll(connection);
    throw err;
  }
}

/** Connections to every shard not reached through `entry`, after checking the list against the cluster. */
async function openCluster(entry: ClickHouseConnection, cluster: string, shards: readonly string[]): Promise<ClusterLayout> {
  if (shards.length === 0) throw new Error(`cluster ${cluster} needs the HTTP URL of every shard (shards)`);
  await checkShards(entry, cluster, shards.length);
  const nodes = [entry];
  const layout: ClusterLayout = { name: cluster, nodes };
  try {
    for (const url of shards) {
      const target = targetOf({ url, database: entry.target.database });
      if (target.url === entry.target.url) continue;
      nodes.push(await ClickHouseConnection.open(target, CLUSTER_SETTINGS));
    }
  } catch (err) {
    await Promise.all(nodes.slice(1).map((n) => n.close()));
    throw err;
  }
  return layout;
}

async function closeAll(connection: ClickHouseConnection): Promise<void> {
  await Promise.all((connection.cluster?.nodes ?? [connection]).map((n) => n.close()));
}

/** The highest version stored, so this process's versions start above it whatever its clock says. */
async function storedVersionFloor(connection: ClickHouseConnection): Promise<number> {
  const parts = [
    ...SOURCE_NAMES.map((source) => `SELECT toUInt64(max(seq)) AS v FROM ${quoteIdent(source)}`),
    ...['workspaces', 'api_keys', 'imports', 'workspace_objects', 'derive_state'].map((t) => `SELECT max(version) AS v FROM ${quoteIdent(t)}`),
  ];
  const [row] = await connection.select<{ v: string }>(`SELECT max(v) AS v FROM (${parts.join(' UNION ALL ')})`);
  return Number(row?.v ?? 0);
}

/** Rows per events insert at most when batches are grouped (their values are held in memory until it is done). */
const MAX_GROUP_ROWS = 100_000;

interface PendingEvents {
  workspace: string;
  importId: string;
  staged: StagedEvents;
  note?: ImportNote;
  /** The staged file's text, read as soon as the batch came. */
  text: Promise<string>;
}

export class ClickHouseWarehouse implements Warehouse {
  readonly engine = 'clickhouse' as const;
  private readonly writes = new SerialQueue();
  // Event batches that arrive while a write is under way share the next insert.
  private readonly eventCommits = new GroupCommit<PendingEvents, WriteResult>(
    this.writes,
    (group) => this.commitEvents(group),
    (pending) => pending.staged.count,
    MAX_GROUP_ROWS,
  );
  private readonly metadata: ClickHouseMetadata;
  private readonly eventIds: StoredEventIndex;

  constructor(
    private readonly connection: ClickHouseConnection,
    private readonly clock: VersionClock,
    private readonly statementTimeoutMs?: number,
  ) {
    this.metadata = new ClickHouseMetadata(connection, clock);
    this.eventIds = new StoredEventIndex(connection);
  }

  createWorkspace(workspace: Workspace): Promise<void> {
    return this.writes.run(() => this.metadata.createWorkspace(workspace));
  }

  getWorkspace(name: string): Promise<Workspace | undefined> {
    return this.metadata.getWorkspace(name);
  }

  listWorkspaces(): Promise<Workspace[]> {
    return this.metadata.listWorkspaces();
  }

  saveSettings(name: string, settings: WorkspaceSettings): Promise<void> {
    return this.writes.run(() => this.metadata.saveSettings(name, settings));
  }

  insertKey(key: ApiKeyRecord): Promise<void> {
    return this.writes.run(() => this.metadata.insertKey(key));
  }

  findKeyByHash(hash: string): Promise<ApiKeyRecord | undefined> {
    return this.metadata.findKeyByHash(hash);
  }

  listKeys(workspace: string): Promise<ApiKeyRecord[]> {
    return this.metadata.listKeys(workspace);
  }

  revokeKey(workspace: string, id: string): Promise<boolean> {
    return this.writes.run(() => this.metadata.revokeKey(workspace, id));
  }

  /**
   * ClickHouse has no transactions: the rows are stored first, then the
   * import record; a failure between the two leaves rows without a record.
   * The staged file is read at once, while earlier writes run; the file holds
   * one copy per id, so the copies dropped while staging are duplicates too.
   */
  async writeStagedEvents(workspace: string, staged: StagedEvents, importId: string, note?: ImportNote): Promise<WriteResult> {
    try {
      const text = readFile(staged.file, 'utf8');
      // Awaited by the commit; a failure to read is that write's error.
      text.catch(() => undefined);
      return await this.eventCommits.submit({ workspace, importId, note, staged, text });
    } finally {
      await discardStaged(staged);
    }
  }

  /** Commits staged batches that arrived together: one events insert, one insert of their import records. */
  private async commitEvents(group: readonly PendingEvents[]): Promise<WriteResult[]> {
    const batches: StagedBatch[] = [];
    for (const pending of group) {
      const context = { workspace: pending.workspace, importId: pending.importId, seq: this.clock.next(), receivedAt: Date.now() };
      batches.push({ text: await pending.text, ids: stagedIds(pending.staged), hashes: pending.staged.hashes, context });
    }
    const written = await writeStagedEventGroup(this.connection, this.eventIds, batches);
    const results = written.map((w, i) => ({ ...w, duplicates: w.duplicates + group[i].staged.sent - group[i].staged.count }));
    const records = group.flatMap(({ workspace, importId, note }, i) =>
      note && results[i].accepted > 0 ? [{ id: importId, workspace, source: 'events' as const, origin: note.origin, startedAt: note.startedAt, rejected: note.rejected, ...results[i] }] : [],
    );
    await this.metadata.saveImports(records);
    return results;
  }

  async write(workspace: string, source: SourceName, rows: readonly Row[], importId: string, note?: ImportNote): Promise<WriteResult> {
    if (rows.length === 0) return { accepted: 0, updated: 0, duplicates: 0 };
    return this.writeBatch(workspace, source, importId, note, 0, (context) =>
      source === 'events' ? writeEvents(this.connection, this.eventIds, rows, context) : writeTableRows(this.connection, source, rows, context),
    );
  }

  /**
   * Runs one batch's write in turn, then what follows from it (a full refresh
   * mark, the import record), counting `droppedCopies` more duplicates (copies
   * removed before the rows got here).
   */
  private async writeBatch(
    workspace: string,
    source: SourceName,
    importId: string,
    note: ImportNote | undefined,
    droppedCopies: number,
    write: (context: BatchContext) => Promise<WriteResult>,
  ): Promise<WriteResult> {
    return this.writes.run(async () => {
      const context = { workspace, importId, seq: this.clock.next(), receivedAt: Date.now() };
      const written = await write(context);
      const result = { ...written, duplicates: written.duplicates + droppedCopies };
      // Campaigns and fx rates change how every event resolves: the next refresh rebuilds all.
      if ((source === 'campaigns' || source === 'fx_rates') && result.accepted + result.updated > 0) {
        await markFull(this.connection, this.clock, workspace);
      }
      if (note && result.accepted + result.updated > 0) {
        await this.metadata.saveImports([{ id: importId, workspace, source, origin: note.origin, startedAt: note.startedAt, rejected: note.rejected, ...result }]);
      }
      return result;
    });
  }

  saveImport(record: ImportRecord): Promise<void> {
    return this.writes.run(() => this.metadata.saveImports([record]));
  }

  listImports(workspace: string): Promise<ImportRecord[]> {
    return this.metadata.listImports(workspace);
  }

  deleteImport(workspace: string, id: string): Promise<boolean> {
    return this.writes.run(async () => {
      const record = await this.metadata.findImport(workspace, id);
      if (!record) return false;
      // Deleted ids may come again: the stored ids are read anew on the next write.
      if (record.source === 'events') this.eventIds.forget();
      await deleteImportRows(this.connection, record.source, workspace, id, this.clock.next());
      await this.metadata.forgetImport(record);
      await markFull(this.connection, this.clock, workspace);
      return true;
    });
  }

  refreshDerived(workspace: string, options: DeriveOptions): Promise<void> {
    return this.writes.run(() => refreshDerivedView(this.connection, this.clock, workspace, options));
  }

  invalidateDerived(workspace: string): Promise<void> {
    return this.writes.run(() => markFull(this.connection, this.clock, workspace));
  }

  freshness(workspace: string): Promise<FreshnessRow[]> {
    return readFreshness(this.connection, workspace);
  }

  exportSource(workspace: string, source: SourceName, format: ExportFormat): Promise<Readable> {
    return exportSourceStream(this.connection, workspace, source, format);
  }

  async readOnlySql(): Promise<SqlResult> {
    return sqlNotServed();
  }

  readRows(workspace: string, source: SourceName, limit = 1_000_000): Promise<Row[]> {
    return readSourceRows(this.connection, workspace, source, limit);
  }

  readDerived(workspace: string, relation: DerivedRelation): Promise<Row[]> {
    return readDerivedRows(this.connection, workspace, relation);
  }

  /** Rows of a rendered metrics statement; 64-bit integers and Decimals may come as strings. */
  select(select: Select, context: RelationContext): Promise<Record<string, unknown>[]> {
    return this.query(renderClickHouseQuery(select, context));
  }

  async journeyPaths(workspace: string, query: JourneyQuery): Promise<JourneyPath[]> {
    return journeyPathsOf(await this.query({ sql: journeyPathsSql(clickhouseBuild(workspace), query), params: {} }));
  }

  async customerRfm(workspace: string, query: RfmQuery): Promise<RfmRow[]> {
    const settings = rfmSettings(workspace, await this.getWorkspace(workspace));
    return readCustomerRfm((statement) => this.query({ sql: statement(clickhouseBuild(workspace)), params: {} }), query, settings);
  }

  async customerRfmCounts(workspace: string, query: RfmCountsQuery): Promise<RfmCounts> {
    const settings = rfmSettings(workspace, await this.getWorkspace(workspace));
    return customerRfmCountsOf((await this.query({ sql: customerRfmCountsSql(clickhouseBuild(workspace), query, settings), params: {} }))[0]);
  }

  async funnelCounts(workspace: string, query: FunnelQuery): Promise<FunnelCounts[]> {
    return funnelCountsOf(await this.query({ sql: funnelSql(clickhouseBuild(workspace), query), params: {} }), query.steps.length);
  }

  qualityReadings(workspace: string, query: QualityQuery): Promise<QualityReadings> {
    return readQuality((build) => this.query({ sql: build(clickhouseBuild(workspace)), params: {} }), query);
  }

  async experimentSums(workspace: string, query: ExperimentQuery): Promise<ExperimentSums> {
    return experimentSumsOf(await this.query({ sql: experimentSumsSql(clickhouseBuild(workspace), query), params: {} }));
  }

  async experiments(workspace: string, options: { botFiltering: boolean }): Promise<ExperimentSummary[]> {
    return experimentListOf(await this.query({ sql: experimentListSql(clickhouseBuild(workspace), options.botFiltering), params: {} }));
  }

  async eventTypes(workspace: string): Promise<string[]> {
    return (await this.query({ sql: eventTypesSql(clickhouseBuild(workspace)), params: {} })).map((row) => String(row.type));
  }

  async cohortActivity(workspace: string, query: CohortQuery): Promise<CohortActivity> {
    const ctx = cohortContext(workspace, await this.getWorkspace(workspace));
    return cohortActivityOf(await this.query({ sql: cohortActivitySql(clickhouseBuild(workspace), query, ctx), params: {} }), query);
  }

  async query(statement: Statement): Promise<Record<string, unknown>[]> {
    return rowsWithTotals(await this.connection.selectJson<ClickHouseJson>(statement.sql, this.statementTimeoutMs));
  }

  putObject(workspace: string, kind: ObjectKind, id: string, body: unknown): Promise<void> {
    return this.writes.run(() => this.metadata.putObject(workspace, kind, id, body));
  }

  listObjects(workspace: string, kind: ObjectKind): Promise<StoredObject[]> {
    return this.metadata.listObjects(workspace, kind);
  }

  deleteObject(workspace: string, kind: ObjectKind, id: string): Promise<boolean> {
    return this.writes.run(() => this.metadata.deleteObject(workspace, kind, id));
  }

  async close(): Promise<void> {
    await this.writes.run(() => closeAll(this.connection));
  }
}
