// Sessions in ClickHouse: the shared definition (relations/sessions.ts) over
// the affected people's fresh event facts.
import { clickhouseHooks } from '../../sql/clickhouse/clickhouse-hooks.js';
import { insertRowsSql } from '../relations/insert-select.js';
import { sessionRows } from '../relations/sessions.js';
import { SESSIONS } from '../tables.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { affectedAnonymous, type DeriveScope } from './clickhouse-derive-sql.js';
import { clickhouseBuild } from './clickhouse-relations.js';

/** Inserts the sessions of the affected people (read from their fresh event facts; old sessions already deleted). */
export async function insertSessions(connection: ClickHouseConnection, scope: DeriveScope, workspace: string): Promise<void> {
  const rows = sessionRows(clickhouseBuild(workspace), (column) => affectedAnonymous(scope, column));
  await connection.command(insertRowsSql(clickhouseHooks, SESSIONS, rows));
}
