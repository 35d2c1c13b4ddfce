// Conversion credits in ClickHouse: the shared definition
// (relations/conversion-credits.ts) for the affected people, under the three
// single-touch models at the workspace's lookback.
import { QUERY_ATTRIBUTION_MODELS } from '../../model/attribution.js';
import type { WorkspaceSettings } from '../../model/settings.js';
import { clickhouseHooks } from '../../sql/clickhouse/clickhouse-hooks.js';
import { conversionCreditRows } from '../relations/conversion-credits.js';
import { insertRowsSql } from '../relations/insert-select.js';
import { CONVERSION_CREDITS } from '../tables.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { affectedPeople, type DeriveScope } from './clickhouse-derive-sql.js';
import { clickhouseBuild } from './clickhouse-relations.js';

/** Inserts the credits of the affected people's conversions (their old credits are already deleted). */
export async function insertConversionCredits(connection: ClickHouseConnection, scope: DeriveScope, workspace: string, settings: WorkspaceSettings): Promise<void> {
  const rows = conversionCreditRows(clickhouseBuild(workspace), {
    botFiltering: settings.bot_filtering,
    lookbackDays: settings.lookback_days,
    models: QUERY_ATTRIBUTION_MODELS,
    people: (column) => affectedPeople(scope, column),
  });
  await connection.command(insertRowsSql(clickhouseHooks, CONVERSION_CREDITS, rows));
}
