// The storage boundary: every engine (embedded DuckDB, ClickHouse) implements
// this interface and passes the same contract suite (test/support/warehouse-contract.ts).
// It plays four roles, each its own interface, so that a module depends only
// on the role it uses: metadata store, source writer, derived-view maintainer
// and query runner.
import type { Row } from '../model/validate.js';
import type { StagedEvents } from './staged-events.js';
import type { SourceName } from '../model/sources.js';
import type { ResolvedTraffic, TrafficTuple } from '../model/resolve-traffic.js';
import type { WorkspaceSettings } from '../model/settings.js';
import type { Select } from '../sql/ast.js';
import type { Statement } from '../sql/dialect.js';
import type { RelationContext } from '../sql/relations.js';

export interface WriteResult {
  /** New records stored. */
  accepted: number;
  /** Table rows whose key was known and whose content changed (latest arrival wins). */
  updated: number;
  /** Records already stored (same event_id, or an identical table row). */
  duplicates: number;
}

export interface Workspace {
  name: string;
  settings: WorkspaceSettings;
  createdAt: string;
}

export type KeyScope = 'ingest' | 'read' | 'admin';

export interface ApiKeyRecord {
  id: string;
  workspace: string;
  scope: KeyScope;
  /** SHA-256 of the secret; the secret itself is never stored. */
  hash: string;
  /** The first characters of the key, to recognise it in listings. */
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface ImportRecord {
  id: string;
  workspace: string;
  source: SourceName;
  origin: string;
  startedAt: string;
  accepted: number;
  updated: number;
  duplicates: number;
  rejected: number;
}

/** When given to write(), the import is recorded with its counts in the same transaction. */
export interface ImportNote {
  origin: string;
  startedAt: string;
  rejected: number;
}

export interface FreshnessRow {
  source: SourceName;
  platform: string | null;
  latest_date: string | null;
  rows: number;
}

/** What the touches of a journey are keyed by (JourneyQuery.dimension). */
export type JourneyDimension = 'channel' | 'campaign' | 'ad_group' | 'ad';

/** Which journeys QueryRunner.journeyPaths aggregates (KPIS.md ATTRIBUTION; relations/journeys.ts). */
export interface JourneyQuery {
  /** First and last local date (YYYY-MM-DD, inclusive, in `timeZone`) of the conversions and of the touches of null journeys. */
  from: string;
  to: string;
  /** channel ('Direct' for a touch without one), or the campaign, ad group or ad id ('(none)' for a touch without one). */
  dimension: JourneyDimension;
  /** Days before a conversion its touches may be (clicks and session starts). */
  lookbackDays: number;
  /** ad_impression events as touches too, within their own lookback (KPIS.md default: 1 day); null or absent: none. */
  viewThrough?: { lookbackDays: number } | null;
  /** The workspace time zone. */
  timeZone: string;
  /** Leave out bots' conversions and touches (the workspace setting). */
  botFiltering: boolean;
}

/**
 * A distinct path of journeys (attribution/paths.ts AggregatedPath has this
 * shape): its touch keys first to last, the whole days from each touch to the
 * conversion (for null journeys: to the journey's last touch), the journeys
 * along it that converted, their revenue in the workspace currency, and the
 * journeys along it that did not convert.
 */
export interface JourneyPath {
  touches: string[];
  daysBefore: number[];
  conversions: number;
  revenue: number;
  nulls: number;
}

/** Channel resolution (model/resolve-traffic.ts, pure rules) and the settings the derived view follows. */
export interface DeriveOptions {
  resolveTraffic(tuple: TrafficTuple): ResolvedTraffic;
  settings: WorkspaceSettings;
}

/** Workspaces, their settings and API keys, import records and the documents a workspace keeps. */
export interface MetadataStore {
  createWorkspace(workspace: Workspace): Promise<void>;
  getWorkspace(name: string): Promise<Workspace | undefined>;
  listWorkspaces(): Promise<Workspace[]>;
  saveSettings(name: string, settings: WorkspaceSettings): Promise<void>;

  insertKey(key: ApiKeyRecord): Promise<void>;
  findKeyByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  listKeys(workspace: string): Promise<ApiKeyRecord[]>;
  /** Marks a key revoked; false when the workspace has no such active key. */
  revokeKey(workspace: string, id: string): Promise<boolean>;

  saveImport(record: ImportRecord): Promise<void>;
  listImports(workspace: string): Promise<ImportRecord[]>;

  /** Documents a workspace keeps (custom metrics, goals, benchmarks…), by kind and id; put replaces. */
  putObject(workspace: string, kind: ObjectKind, id: string, body: unknown): Promise<void>;
  listObjects(workspace: string, kind: ObjectKind): Promise<StoredObject[]>;
  /** False when the workspace has no such object. */
  deleteObject(workspace: string, kind: ObjectKind, id: string): Promise<boolean>;
}

/** Stores raw records of the sources (DATA.md) and removes what an import stored. */
export interface SourceWriter {
  readonly engine: Engine;
  /**
   * Stores validated rows of one source idempotently on its natural key and
   * resolves only once they are durable.
   */
  write(workspace: string, source: SourceName, rows: readonly Row[], importId: string, record?: ImportNote): Promise<WriteResult>;
  /**
   * Stores a staging file of validated events (see staged-events.ts) as
   * write() stores event rows, and removes the file, also on failure.
   */
  writeStagedEvents(workspace: string, staged: StagedEvents, importId: string, record?: ImportNote): Promise<WriteResult>;
  /** Deletes the import's record and every row it stored; false when unknown. */
  deleteImport(workspace: string, id: string): Promise<boolean>;
}

/** Keeps the derived view (identities, sessions, channels, credits, ad facts) in step with the raw data. */
export interface DerivedViewMaintainer {
  /** Rebuilds what is derived from raw events (identities, sessions, channels, converted money) where stale. */
  refreshDerived(workspace: string, options: DeriveOptions): Promise<void>;
  /** Forces the next refresh to rebuild the workspace's derived view whole. */
  invalidateDerived(workspace: string): Promise<void>;
}

/** Reads: aggregate selects over the named relations, raw and derived rows, freshness. */
export interface QueryRunner {
  readonly engine: Engine;
  /** Runs an aggregate select over one of the relations (sql/relations.ts), rendered in this engine's dialect. */
  select(select: Select, context: RelationContext): Promise<Record<string, unknown>[]>;
  /** Runs a read-only statement written in this engine's SQL (audits, benchmarks, tests). */
  query(statement: Statement): Promise<Record<string, unknown>[]>;

  freshness(workspace: string): Promise<FreshnessRow[]>;
  /** Raw rows of a source (for exports, audits and tests), ordered by natural key. */
  readRows(workspace: string, source: SourceName, limit?: number): Promise<Row[]>;
  /** Rows of a derived relation: 'event_facts' | 'sessions' | 'identities'. */
  readDerived(workspace: string, relation: DerivedRelation): Promise<Row[]>;
  /**
   * The workspace's journeys of the query's period, aggregated in the engine
   * to distinct paths (relations/journeys.ts): one row per path, however many
   * events lie behind it.
   *
   * @example
   * await warehouse.journeyPaths('shop', { from: '2026-11-01', to: '2026-11-30', dimension: 'channel',
   *   lookbackDays: 30, timeZone: 'Europe/Berlin', botFiltering: true });
   * // [{ touches: ['Paid Search', 'Email'], daysBefore: [3, 0], conversions: 12, revenue: 1043.5, nulls: 40 }, …]
   */
  journeyPaths(workspace: string, query: JourneyQuery): Promise<JourneyPath[]>;
}

/** A storage engine in all its roles; a module asks only for the roles it uses. */
export interface Warehouse extends MetadataStore, SourceWriter, DerivedViewMaintainer, QueryRunner {
  readonly engine: Engine;
  close(): Promise<void>;
}

export type Engine = 'duckdb' | 'clickhouse';

export type ObjectKind = 'custom_metric' | 'goal' | 'benchmark';

export interface StoredObject {
  id: string;
  body: unknown;
  createdAt: string;
}

export type DerivedRelation = 'event_facts' | 'sessions' | 'identities';
