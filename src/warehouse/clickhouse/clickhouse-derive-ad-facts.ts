// Ad facts in ClickHouse: the shared definition (relations/ad-facts.ts) over
// the workspace's current ad rows, campaigns and fx rates.
import type { WorkspaceSettings } from '../../model/settings.js';
import { clickhouseHooks } from '../../sql/clickhouse/clickhouse-hooks.js';
import { adFactRows } from '../relations/ad-facts.js';
import { insertRowsSql } from '../relations/insert-select.js';
import { AD_FACTS } from '../tables.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { clickhouseBuild } from './clickhouse-relations.js';

/** Inserts the workspace's ad facts (its old rows are already deleted). */
export async function insertAdFacts(connection: ClickHouseConnection, workspace: string, settings: WorkspaceSettings): Promise<void> {
  await connection.command(insertRowsSql(clickhouseHooks, AD_FACTS, adFactRows(clickhouseBuild(workspace), settings.currency)));
}
