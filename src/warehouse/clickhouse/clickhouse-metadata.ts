// Workspaces, API keys, import records and workspace objects in ClickHouse.
// Each table is a ReplacingMergeTree: a change is a newer version of the row,
// a deletion a tombstone version (deleted = 1); reads take each key's latest
// version (clickhouse-latest.ts).
import { ConflictError } from '../../core/errors.js';
import { parseTimestamp } from '../../core/time.js';
import { storedSettings, type WorkspaceSettings } from '../../model/settings.js';
import type { SourceName } from '../../model/sources.js';
import type { Row } from '../../model/validate.js';
import type { StoredColumn } from '../tables.js';
import type { ApiKeyRecord, ImportRecord, ObjectKind, StoredObject, Workspace } from '../warehouse.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { latestRowsSql } from './clickhouse-latest.js';
import { quoteString } from '../../sql/clickhouse/clickhouse-literals.js';
import { encodeRow, formatTimestamp } from './clickhouse-rows.js';
import type { VersionClock } from './clickhouse-version-clock.js';

interface MetadataTable {
  name: string;
  key: readonly string[];
  columns: readonly StoredColumn[];
}

const col = (name: string, kind: StoredColumn['kind']): StoredColumn => ({ name, kind });

const WORKSPACES: MetadataTable = {
  name: 'workspaces',
  key: ['name'],
  columns: [col('name', 'string'), col('settings', 'json'), col('created_at', 'timestamp')],
};
const API_KEYS: MetadataTable = {
  name: 'api_keys',
  key: ['workspace', 'id'],
  columns: [col('workspace', 'string'), col('id', 'string'), col('scope', 'string'), col('hash', 'string'), col('prefix', 'string'), col('created_at', 'timestamp'), col('revoked_at', 'timestamp')],
};
const IMPORTS: MetadataTable = {
  name: 'imports',
  key: ['workspace', 'id'],
  columns: [
    col('workspace', 'string'), col('id', 'string'), col('source', 'string'), col('origin', 'string'), col('started_at', 'timestamp'),
    col('accepted', 'integer'), col('updated', 'integer'), col('duplicates', 'integer'), col('rejected', 'integer'),
  ],
};
const OBJECTS: MetadataTable = {
  name: 'workspace_objects',
  key: ['workspace', 'kind', 'id'],
  columns: [col('workspace', 'string'), col('kind', 'string'), col('id', 'string'), col('body', 'json'), col('created_at', 'timestamp')],
};

const VERSIONING = [col('deleted', 'boolean'), col('version', 'integer')];

/** Epoch milliseconds of an ISO-8601 instant; text without a zone is UTC. */
export function toMillis(text: string): number {
  const ms = parseTimestamp(text) ?? parseTimestamp(`${text.replace(' ', 'T')}Z`);
  if (ms === undefined) throw new Error(`not a timestamp: ${text}`);
  return ms;
}

export class ClickHouseMetadata {
  constructor(
    private readonly connection: ClickHouseConnection,
    private readonly clock: VersionClock,
    private readonly now: () => number = Date.now,
  ) {}

  /** Current rows of `table` matching `where`, in `order`. */
  private async current(table: MetadataTable, where: string, order: string): Promise<Record<string, unknown>[]> {
    const columns = table.columns.map((c) => c.name).filter((c) => !table.key.includes(c));
    const sql = latestRowsSql({ table: table.name, key: table.key, columns, version: 'version', where });
    return this.connection.select(`SELECT * FROM (${sql}) ORDER BY ${order}`);
  }

  /** Writes a new version of each row (or a tombstone of it). */
  private async put(table: MetadataTable, rows: readonly Row[], deleted = false): Promise<void> {
    const version = this.clock.next();
    const columns = [...table.columns, ...VERSIONING];
    await this.connection.insert(table.name, rows.map((row) => encodeRow(columns, { ...row, deleted, version })));
  }

  async getWorkspace(name: string): Promise<Workspace | undefined> {
    const [row] = await this.current(WORKSPACES, `name = ${quoteString(name)}`, 'name');
    return row ? toWorkspace(row) : undefined;
  }

  async listWorkspaces(): Promise<Workspace[]> {
    return (await this.current(WORKSPACES, '1', 'name')).map(toWorkspace);
  }

  async createWorkspace(workspace: Workspace): Promise<void> {
    if (await this.getWorkspace(workspace.name)) throw new ConflictError(`workspace "${workspace.name}" already exists`);
    await this.put(WORKSPACES, [{ name: workspace.name, settings: JSON.stringify(workspace.settings), created_at: toMillis(workspace.createdAt) }]);
  }

  async saveSettings(name: string, settings: WorkspaceSettings): Promise<void> {
    const [row] = await this.current(WORKSPACES, `name = ${quoteString(name)}`, 'name');
    if (!row) return;
    await this.put(WORKSPACES, [{ name, settings: JSON.stringify(settings), created_at: Number(row.created_at) }]);
  }

  async insertKey(key: ApiKeyRecord): Promise<void> {
    const [clash] = await this.connection.select(
      `SELECT id FROM api_keys WHERE id = ${quoteString(key.id)} OR hash = ${quoteString(key.hash)} LIMIT 1`,
    );
    if (clash) throw new ConflictError('an API key with this id or hash exists');
    await this.put(API_KEYS, [keyRow(key, key.revokedAt === null ? null : toMillis(key.revokedAt))]);
  }

  async findKeyByHash(hash: string): Promise<ApiKeyRecord | undefined> {
    const [row] = await this.current(API_KEYS, `hash = ${quoteString(hash)}`, 'workspace, id');
    return row ? toKey(row) : undefined;
  }

  async listKeys(workspace: string): Promise<ApiKeyRecord[]> {
    return (await this.current(API_KEYS, `workspace = ${quoteString(workspace)}`, 'created_at, id')).map(toKey);
  }

  async revokeKey(workspace: string, id: string): Promise<boolean> {
    const [row] = await this.current(API_KEYS, `workspace = ${quoteString(workspace)} AND id = ${quoteString(id)}`, 'id');
    if (!row || row.revoked_at !== null) return false;
    await this.put(API_KEYS, [{ ...row, created_at: Number(row.created_at), revoked_at: this.now() } as Row]);
    return true;
  }

  async saveImports(records: readonly ImportRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.put(IMPORTS, records.map(importRow));
  }

  async findImport(workspace: string, id: string): Promise<ImportRecord | undefined> {
    const [row] = await this.current(IMPORTS, `workspace = ${quoteString(workspace)} AND id = ${quoteString(id)}`, 'id');
    return row ? toImport(row) : undefined;
  }

  async listImports(workspace: string): Promise<ImportRecord[]> {
    return (await this.current(IMPORTS, `workspace = ${quoteString(workspace)}`, 'started_at DESC, id')).map(toImport);
  }

  async forgetImport(record: ImportRecord): Promise<void> {
    await this.put(IMPORTS, [importRow(record)], true);
  }

  async putObject(workspace: string, kind: ObjectKind, id: string, body: unknown): Promise<void> {
    const [existing] = await this.current(OBJECTS, objectWhere(workspace, kind, id), 'id');
    const createdAt = existing ? Number(existing.created_at) : this.now();
    await this.put(OBJECTS, [{ workspace, kind, id, body: JSON.stringify(body), created_at: createdAt }]);
  }

  async listObjects(workspace: string, kind: ObjectKind): Promise<StoredObject[]> {
    const rows = await this.current(OBJECTS, `workspace = ${quoteString(workspace)} AND kind = ${quoteString(kind)}`, 'created_at, id');
    return rows.map((r) => ({ id: String(r.id), body: JSON.parse(String(r.body)), createdAt: formatTimestamp(Number(r.created_at)) }));
  }

  async deleteObject(workspace: string, kind: ObjectKind, id: string): Promise<boolean> {
    const [existing] = await this.current(OBJECTS, objectWhere(workspace, kind, id), 'id');
    if (!existing) return false;
    await this.put(OBJECTS, [{ ...existing, created_at: Number(existing.created_at) } as Row], true);
    return true;
  }
}

function objectWhere(workspace: string, kind: ObjectKind, id: string): string {
  return `workspace = ${quoteString(workspace)} AND kind = ${quoteString(kind)} AND id = ${quoteString(id)}`;
}

function keyRow(key: ApiKeyRecord, revokedAt: number | null): Row {
  return { workspace: key.workspace, id: key.id, scope: key.scope, hash: key.hash, prefix: key.prefix, created_at: toMillis(key.createdAt), revoked_at: revokedAt };
}

function importRow(r: ImportRecord): Row {
  return {
    workspace: r.workspace, id: r.id, source: r.source, origin: r.origin, started_at: toMillis(r.startedAt),
    accepted: r.accepted, updated: r.updated, duplicates: r.duplicates, rejected: r.rejected,
  };
}

function toWorkspace(r: Record<string, unknown>): Workspace {
  return { name: String(r.name), settings: storedSettings(String(r.settings)), createdAt: formatTimestamp(Number(r.created_at)) };
}

function toKey(r: Record<string, unknown>): ApiKeyRecord {
  return {
    id: String(r.id),
    workspace: String(r.workspace),
    scope: r.scope as ApiKeyRecord['scope'],
    hash: String(r.hash),
    prefix: String(r.prefix),
    createdAt: formatTimestamp(Number(r.created_at)),
    revokedAt: r.revoked_at === null ? null : formatTimestamp(Number(r.revoked_at)),
  };
}

function toImport(r: Record<string, unknown>): ImportRecord {
  return {
    id: String(r.id),
    workspace: String(r.workspace),
    source: r.source as SourceName,
    origin: String(r.origin),
    startedAt: formatTimestamp(Number(r.started_at)),
    accepted: Number(r.accepted),
    updated: Number(r.updated),
    duplicates: Number(r.duplicates),
    rejected: Number(r.rejected),
  };
}
