// ClickHouse conversion_facts: the stored credits of the workspace's own
// lookback, or for any other lookback the credits the refresh stores
// (relations/conversion-credits.ts) computed in the query.
import { CONVERSION_CREDITS } from '../tables.js';
import { clickhouseHooks } from '../../sql/clickhouse/clickhouse-hooks.js';
import { conversionCreditRows } from '../relations/conversion-credits.js';
import { selectRowsSql } from '../relations/insert-select.js';
import { quoteIdent } from '../../sql/clickhouse/clickhouse-literals.js';
import { relationBuild, type ChBuild } from './clickhouse-relations-common.js';

const COLUMNS = CONVERSION_CREDITS.columns.map((c) => c.name).filter((c) => c !== 'workspace_id' && c !== 'model');

/**
 * The credit as a Decimal: revenue × credit is Decimal × Decimal (18.16 has
 * no Decimal × Float64); with 6 places the product keeps 12, in 38 digits.
 */
const select = (list: string) => `SELECT ${list.replace('`credit`', 'toDecimal128(`credit`, 6) AS `credit`')}`;

export function conversionFacts(b: ChBuild): string {
  const { attribution, storedLookbackDays, botFiltering, workspace } = b.ctx;
  const list = COLUMNS.map(quoteIdent).join(', ');
  if (attribution.lookback_days === storedLookbackDays) {
    return `${select(list)} FROM conversion_credits WHERE workspace_id = ${b.ws} AND model = ${b.literal(attribution.model)}`;
  }
  const rows = conversionCreditRows(relationBuild(workspace), { botFiltering, lookbackDays: attribution.lookback_days, models: [attribution.model] });
  return `${select(list)} FROM (${selectRowsSql(clickhouseHooks, CONVERSION_CREDITS, rows, ['workspace_id', 'model'])})`;
}
