// Versioned schema migrations for the DuckDB file. Each step runs once, in
// order, inside a transaction; the applied versions are recorded in the file.
import { AD_FACTS, CONVERSION_CREDITS, DERIVED_TABLES, SOURCE_TABLES, VISITOR_DAYS } from '../tables.js';
import { createTableSql } from './duckdb-ddl.js';

export interface Migration {
  version: number;
  description: string;
  statements: () => string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'workspaces, keys, imports, raw source tables, derived event tables',
    statements: () => [
      `CREATE TABLE workspaces (name VARCHAR PRIMARY KEY, settings JSON NOT NULL, created_at TIMESTAMP NOT NULL)`,
      `CREATE TABLE api_keys (id VARCHAR PRIMARY KEY, workspace VARCHAR NOT NULL, scope VARCHAR NOT NULL,
         hash VARCHAR NOT NULL UNIQUE, prefix VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL, revoked_at TIMESTAMP)`,
      `CREATE TABLE imports (id VARCHAR PRIMARY KEY, workspace VARCHAR NOT NULL, source VARCHAR NOT NULL,
         origin VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL, accepted BIGINT NOT NULL, updated BIGINT NOT NULL,
         duplicates BIGINT NOT NULL, rejected BIGINT NOT NULL)`,
      `CREATE TABLE derive_state (workspace VARCHAR PRIMARY KEY, watermark BIGINT NOT NULL, needs_full BOOLEAN NOT NULL)`,
      ...SOURCE_TABLES.map((t) => createTableSql(t)),
      ...DERIVED_TABLES.map((t) => createTableSql(t)),
    ],
  },
  {
    version: 2,
    description: 'device, country and well-known properties in the derived view; stored workspace objects',
    statements: () => [
      ...['device', 'country', 'message_id', 'video_id'].map((c) => `ALTER TABLE event_facts ADD COLUMN IF NOT EXISTS ${c} VARCHAR`),
      `ALTER TABLE event_facts ADD COLUMN IF NOT EXISTS percent DOUBLE`,
      `ALTER TABLE event_facts ADD COLUMN IF NOT EXISTS local_ts TIMESTAMP`,
      ...['platform', 'objective'].map((c) => `ALTER TABLE event_facts ADD COLUMN IF NOT EXISTS ${c} VARCHAR`),
      ...['device', 'country'].map((c) => `ALTER TABLE sessions ADD COLUMN IF NOT EXISTS ${c} VARCHAR`),
      `ALTER TABLE sessions ADD COLUMN IF NOT EXISTS local_started_at TIMESTAMP`,
      ...['platform', 'objective'].map((c) => `ALTER TABLE sessions ADD COLUMN IF NOT EXISTS ${c} VARCHAR`),
      createTableSql(CONVERSION_CREDITS),
      createTableSql(AD_FACTS),
      `ALTER TABLE derive_state ADD COLUMN IF NOT EXISTS tables_watermark BIGINT DEFAULT -1`,
      `UPDATE derive_state SET needs_full = true`,
      `CREATE TABLE IF NOT EXISTS workspace_objects (workspace VARCHAR NOT NULL, kind VARCHAR NOT NULL, id VARCHAR NOT NULL,
         body JSON NOT NULL, created_at TIMESTAMP NOT NULL, PRIMARY KEY (workspace, kind, id))`,
    ],
  },
  {
    version: 3,
    description: 'visitor days in the derived view',
    statements: () => [createTableSql(VISITOR_DAYS), `UPDATE derive_state SET needs_full = true`],
  },
];
