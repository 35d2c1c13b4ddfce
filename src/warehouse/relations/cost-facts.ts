// Non-media costs per day in the workspace currency, written once for every
// engine: a monthly amount is spread evenly over the days from its date to the
// day before the same date next month. A spread amount is a double (amount /
// days); a converted one is rounded to 6 places first.
import type { RelationContext } from '../../sql/relations.js';
import { campaignAttributes } from './fact-relations.js';
import type { RelationBuild } from './relation-build.js';

export function costFacts(b: RelationBuild, ctx: RelationContext): string {
  const { h } = b;
  const date = h.ident('date');
  const costs = `SELECT ${date} AS first_day, currency, channel AS k_channel, campaign_id, amount,
      CASE WHEN coalesce(period, ${b.value('day')}) = ${b.value('month')} THEN ${h.daysToNextMonth(date)} ELSE 1 END AS n_days
    FROM ${b.source('costs')}`;
  const days = h.arrayJoin(costs, ['first_day', 'currency', 'k_channel', 'campaign_id', 'amount', 'n_days'], { day_offset: h.arrayRange('n_days') });
  const spread = `SELECT ${h.addDays('first_day', 'day_offset')} AS day, currency, k_channel, campaign_id, coalesce(campaign_id, ${b.value('')}) AS campaign_key,
      ${h.toDouble('amount')} / n_days AS spread_amount
    FROM (${days})`;
  const withCampaign = `SELECT * FROM ${h.leftJoin(spread, campaignAttributes(b), ['campaign_key'])}`;
  const withRate = h.latestAtOrBefore(
    withCampaign,
    `SELECT * FROM ${b.source('fx_rates')}`,
    { leftKey: 'currency', rightKey: 'currency', leftTime: h.day('day'), rightTime: h.day(date) },
    'rate',
    'fx_rate',
  );
  return `SELECT day, ${h.convertDouble('spread_amount', 'currency', 'fx_rate', b.value(ctx.currency))} AS amount,
      coalesce(k_channel, c_channel) AS channel, campaign_id, c_platform AS platform, c_objective AS objective
    FROM (${withRate})`;
}
