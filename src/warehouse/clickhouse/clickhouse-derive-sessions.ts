// Sessions and visitor days in ClickHouse: the shared definitions
// (relations/sessions.ts, relations/visitor-days.ts) over the affected
// people's fresh event facts.
import { clickhouseHooks } from '../../sql/clickhouse/clickhouse-hooks.js';
import { insertRowsSql } from '../relations/insert-select.js';
import { sessionRows } from '../relations/sessions.js';
import { SESSIONS, VISITOR_DAYS } from '../tables.js';
import { visitorDayRows } from '../relations/visitor-days.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { affectedAnonymous, type DeriveScope } from './clickhouse-derive-sql.js';
import { clickhouseBuild } from './clickhouse-relations.js';

/** Inserts the sessions of the affected people (read from their fresh event facts; old sessions already deleted). */
export async function insertSessions(connection: ClickHouseConnection, scope: DeriveScope, workspace: string): Promise<void> {
  const rows = sessionRows(clickhouseBuild(workspace), (column) => affectedAnonymous(scope, column));
  await connection.command(insertRowsSql(clickhouseHooks, SESSIONS, rows));
}

/** Inserts the visitor days of the affected people (read from their fresh event facts; old ones already deleted). */
export async function insertVisitorDays(connection: ClickHouseConnection, scope: DeriveScope, workspace: string): Promise<void> {
  const rows = visitorDayRows(clickhouseBuild(workspace), (column) => affectedAnonymous(scope, column));
  await connection.command(insertRowsSql(clickhouseHooks, VISITOR_DAYS, rows));
}
