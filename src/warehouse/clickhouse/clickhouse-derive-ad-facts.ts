// Ad facts in ClickHouse (as duckdb-relations.ts adFactsCompute): the current
// ad_performance rows at the finest grain present per day, platform and
// campaign (rows grouped into an array, arrayFilter keeps those whose grain is
// the group's max, ARRAY JOIN unrolls them), with the campaign's channel (else
// the platform's default), name and objective, and money converted at the
// rate of the row's date or the latest earlier one.
import { PLATFORM_DEFAULT_CHANNELS } from '../../model/channel-grouping.js';
import type { WorkspaceSettings } from '../../model/settings.js';
import { AD_FACTS } from '../tables.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { convertedMoney, fxByCurrency, insertSelect, lambdaCall, Packed, type DeriveScope } from './clickhouse-derive-sql.js';
import { quoteString } from '../../sql/clickhouse/clickhouse-literals.js';
import { currentRows } from './clickhouse-source-reads.js';

const ROW = new Packed([
  'ad_group_id', 'ad_id', 'campaign_name', 'currency', 'impressions', 'clicks', 'cost', 'platform_conversions',
  'platform_conversion_value', 'reach', 'likes', 'shares', 'comments', 'grain',
] as const);

const GRAIN = `(if(ad_id != '', 2, 0) + if(ad_group_id != '', 1, 0))`;

/** The platform's default channel; 'Paid Other' for a platform Beacon does not know. */
function platformChannel(column: string): string {
  const pairs = PLATFORM_DEFAULT_CHANNELS.flatMap(([channel, platforms]) => platforms.map((p) => [p, channel] as const));
  return `transform(lowerUTF8(${column}), [${pairs.map(([p]) => quoteString(p)).join(', ')}], [${pairs.map(([, c]) => quoteString(c)).join(', ')}], 'Paid Other')`;
}

/** Inserts the workspace's ad facts (its old rows are already deleted). */
export async function insertAdFacts(connection: ClickHouseConnection, scope: DeriveScope, workspace: string, settings: WorkspaceSettings): Promise<void> {
  const rows = `SELECT \`date\`, platform, campaign_id, groupArray(${ROW.tuple((n) => (n === 'grain' ? GRAIN : n))}) AS grains, max(${GRAIN}) AS finest
    FROM ${currentRows('ad_performance', workspace)} GROUP BY \`date\`, platform, campaign_id`;
  const finest = `SELECT \`date\`, platform, campaign_id, ${ROW.unpack('r', 'a_')}, ifNull(a_currency, '') AS k_currency
    FROM (${rows}) ARRAY JOIN ${lambdaCall('arrayFilter', 'grains', 'x', { top: 'finest' }, `${ROW.get('x', 'grain')} = top`)} AS r`;
  const withCampaign = `SELECT * FROM (${finest}) AS l
    ANY LEFT JOIN (SELECT campaign_id, channel AS c_channel, toNullable(name) AS c_name, objective AS c_objective
                   FROM ${currentRows('campaigns', workspace)}) AS r USING campaign_id`;
  const withFx = `SELECT * FROM (${withCampaign}) AS l ANY LEFT JOIN (${fxByCurrency(workspace)}) AS r USING k_currency`;
  const cur = quoteString(settings.currency);
  const day = 'toInt64(`date`)';
  const values: Record<string, string> = {
    workspace_id: scope.ws,
    day: '`date`',
    platform: 'platform',
    channel: `ifNull(c_channel, ${platformChannel('platform')})`,
    campaign_id: 'campaign_id',
    campaign_name: 'coalesce(c_name, a_campaign_name)',
    objective: 'c_objective',
    ad_group_id: "nullIf(a_ad_group_id, '')",
    ad_id: "nullIf(a_ad_id, '')",
    impressions: 'a_impressions',
    clicks: 'a_clicks',
    cost: convertedMoney('a_cost', 'a_currency', 'fx', day, cur),
    platform_conversions: 'a_platform_conversions',
    platform_conversion_value: convertedMoney('a_platform_conversion_value', 'a_currency', 'fx', day, cur),
    reach: 'a_reach',
    likes: 'a_likes',
    shares: 'a_shares',
    comments: 'a_comments',
  };
  await connection.command(insertSelect(AD_FACTS, values, `FROM (${withFx})`));
}
