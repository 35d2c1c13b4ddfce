// Ad facts, written once for every engine: the workspace's ad_performance rows
// at the finest grain present per day, platform and campaign (ad, else ad
// group, else campaign: coarser rows of the same day would count twice), with
// the campaign's channel (else the platform's default), name and objective,
// and money in the workspace currency at the rate of the row's date or the
// latest earlier one.
import { PLATFORM_DEFAULT_CHANNELS } from '../../model/channel-grouping.js';
import type { TableRows } from './insert-select.js';
import type { RelationBuild } from './relation-build.js';

const MEASURES = ['impressions', 'clicks', 'platform_conversions', 'reach', 'likes', 'shares', 'comments'];

/** The platform's default channel (DATA.md); 'Paid Other' for a platform Beacon does not know. */
function platformChannel(b: RelationBuild, column: string): string {
  const cases = PLATFORM_DEFAULT_CHANNELS.flatMap(([channel, platforms]) => platforms.map((p) => `WHEN ${b.value(p)} THEN ${b.value(channel)}`));
  return `CASE ${b.h.lower(column)} ${cases.join(' ')} ELSE ${b.value('Paid Other')} END`;
}

/** The workspace's ad facts, as AD_FACTS rows, in the workspace currency `currency`. */
export function adFactRows(b: RelationBuild, currency: string): TableRows {
  const { h } = b;
  const date = h.ident('date');
  const present = (column: string) => `coalesce(${column}, ${b.value('')}) <> ${b.value('')}`;
  const grain = `(CASE WHEN ${present('ad_id')} THEN 2 ELSE 0 END + CASE WHEN ${present('ad_group_id')} THEN 1 ELSE 0 END)`;
  const rows = `SELECT *, ${grain} AS grain_rank FROM ${b.source('ad_performance')}`;
  const keys = ['date', 'platform', 'campaign_id'];
  const finest = `SELECT ${date}, platform, campaign_id, max(grain_rank) AS finest_rank FROM (${rows}) GROUP BY ${date}, platform, campaign_id`;
  const kept = `SELECT ${date}, platform, campaign_id, campaign_name, ad_group_id, ad_id, currency, cost, platform_conversion_value, ${MEASURES.join(', ')}
    FROM ${h.innerJoin(rows, finest, keys)} WHERE grain_rank = finest_rank`;
  const campaigns = `SELECT campaign_id, ${h.nullable('channel')} AS c_channel, ${h.nullable('name')} AS c_name, ${h.nullable('objective')} AS c_objective
    FROM ${b.source('campaigns')}`;
  const withCampaign = `SELECT * FROM ${h.leftJoin(kept, campaigns, ['campaign_id'])}`;
  const withRate = h.latestAtOrBefore(
    withCampaign,
    `SELECT * FROM ${b.source('fx_rates')}`,
    { leftKey: 'currency', rightKey: 'currency', leftTime: h.day(date), rightTime: h.day(date) },
    'rate',
    'fx_rate',
  );
  const target = b.value(currency);
  return {
    values: {
      workspace_id: b.ws,
      day: date,
      platform: 'platform',
      channel: `coalesce(c_channel, ${platformChannel(b, 'platform')})`,
      campaign_id: 'campaign_id',
      campaign_name: 'coalesce(c_name, campaign_name)',
      objective: 'c_objective',
      ad_group_id: h.nullIfEmpty('ad_group_id'),
      ad_id: h.nullIfEmpty('ad_id'),
      cost: h.convertMoney('cost', 'currency', 'fx_rate', target),
      platform_conversion_value: h.convertMoney('platform_conversion_value', 'currency', 'fx_rate', target),
      ...Object.fromEntries(MEASURES.map((m) => [m, m])),
    },
    from: `(${withRate})`,
  };
}
