// Identities in ClickHouse: the shared definition (relations/identities.ts)
// for the affected people.
import { clickhouseHooks } from '../../sql/clickhouse/clickhouse-hooks.js';
import { identityRows } from '../relations/identities.js';
import { insertRowsSql } from '../relations/insert-select.js';
import { IDENTITIES } from '../tables.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { affectedAnonymous, type DeriveScope } from './clickhouse-derive-sql.js';
import { clickhouseBuild } from './clickhouse-relations.js';

/** Inserts the identities of the affected people (their old rows are already deleted). */
export async function insertIdentities(connection: ClickHouseConnection, scope: DeriveScope, workspace: string): Promise<void> {
  await connection.command(insertRowsSql(clickhouseHooks, IDENTITIES, identityRows(clickhouseBuild(workspace), (column) => affectedAnonymous(scope, column))));
}
