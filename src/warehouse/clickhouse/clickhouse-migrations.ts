// Versioned schema migrations for a ClickHouse database. ClickHouse has no
// transactions, so every statement is idempotent (IF NOT EXISTS) and a step
// cut short is completed by running it again; a step is recorded in
// schema_migrations only after all its statements ran. On a cluster, person
// tables are created on every shard (clickhouse-cluster.ts).
import { SOURCE_NAMES } from '../../model/sources.js';
import { createOnCluster } from './clickhouse-cluster.js';
import { createSourceTableSql } from './clickhouse-ddl.js';
import { derivedTablesSql } from './clickhouse-derived-ddl.js';
import { numberLiteral, quoteString } from '../../sql/clickhouse/clickhouse-literals.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';

export interface Migration {
  version: number;
  description: string;
  statements: () => string[];
}

/**
 * Metadata tables are ReplacingMergeTree tables too: a change (new settings,
 * a revoked key) is a newer version of the row, a deletion a tombstone
 * version with deleted = 1; timestamps are epoch milliseconds.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'workspaces, keys, imports, workspace objects, raw source tables',
    statements: () => [
      `CREATE TABLE IF NOT EXISTS workspaces (name String, settings String, created_at Int64, deleted UInt8, version UInt64)
       ENGINE = ReplacingMergeTree(version) ORDER BY name`,
      `CREATE TABLE IF NOT EXISTS api_keys (workspace String, id String, scope String, hash String, prefix String,
         created_at Int64, revoked_at Nullable(Int64), deleted UInt8, version UInt64)
       ENGINE = ReplacingMergeTree(version) ORDER BY (workspace, id)`,
      `CREATE TABLE IF NOT EXISTS imports (workspace String, id String, source String, origin String, started_at Int64,
         accepted Int64, updated Int64, duplicates Int64, rejected Int64, deleted UInt8, version UInt64)
       ENGINE = ReplacingMergeTree(version) ORDER BY (workspace, id)`,
      `CREATE TABLE IF NOT EXISTS workspace_objects (workspace String, kind String, id String, body String, created_at Int64,
         deleted UInt8, version UInt64)
       ENGINE = ReplacingMergeTree(version) ORDER BY (workspace, kind, id)`,
      ...SOURCE_NAMES.map(createSourceTableSql),
    ],
  },
  {
    version: 2,
    description: 'derived view: event facts, sessions, identities, conversion credits, ad facts, refresh state',
    statements: derivedTablesSql,
  },
  {
    version: 3,
    description: 'visitor days in the derived view; every workspace rebuilds its derived view',
    statements: () => [
      ...derivedTablesSql(),
      `INSERT INTO derive_state (workspace, watermark, needs_full, tables_watermark, version)
       SELECT workspace, argMax(watermark, version), 1, argMax(tables_watermark, version), max(version) + 1 FROM derive_state GROUP BY workspace`,
    ],
  },
];

/** Applies the migrations `connection`'s database lacks, in order. */
export async function migrate(connection: ClickHouseConnection, now: () => number = Date.now): Promise<void> {
  await connection.command(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version UInt32, description String, applied_at Int64) ENGINE = MergeTree ORDER BY version',
  );
  const applied = new Set((await connection.select<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    for (const statement of migration.statements()) {
      if (connection.cluster) await createOnCluster(connection.cluster, statement);
      else await connection.command(statement);
    }
    await connection.command(
      `INSERT INTO schema_migrations VALUES (${numberLiteral(migration.version)}, ${quoteString(migration.description)}, ${numberLiteral(now())})`,
    );
  }
}
