// ClickHouse cost_facts: non-media costs per day in the workspace currency; a
// monthly amount is spread evenly over the days from its date to the day
// before the same date next month. As in DuckDB, a spread amount is a double
// (amount / days) and a converted one is rounded to 6 places first.
import { fxByCurrency, lambdaCall } from './clickhouse-derive-sql.js';
import { currentRows } from './clickhouse-source-reads.js';
import { currentCampaigns, type ChBuild } from './clickhouse-relations-common.js';

export function costFacts(b: ChBuild): string {
  const cur = b.literal(b.ctx.currency);
  const days = `if(period = 'month', toInt64(addMonths(\`date\`, 1)) - toInt64(\`date\`), 1)`;
  const spread = `SELECT \`date\` + offset AS day, currency, channel AS k_channel, campaign_id, ifNull(campaign_id, '') AS k_campaign,
      toFloat64(amount) / n_days AS spread_amount, ifNull(currency, '') AS k_currency
    FROM (SELECT \`date\`, currency, channel, campaign_id, amount, ifNull(period, 'day') AS period, ${days} AS n_days
          FROM ${currentRows('costs', b.ctx.workspace)})
    ARRAY JOIN range(toUInt64(n_days)) AS offset`;
  const withCampaign = `SELECT * FROM (${spread}) AS l ANY LEFT JOIN (${currentCampaigns(b)}) AS r USING k_campaign`;
  const withFx = `SELECT * FROM (${withCampaign}) AS l ANY LEFT JOIN (${fxByCurrency(b.ctx.workspace)}) AS r USING k_currency`;
  const index = lambdaCall('arrayFirstIndex', 'fx', 'r', { rate_day: 'toInt64(day)' }, 'tupleElement(r, 1) <= rate_day');
  const product = `spread_amount * tupleElement(arrayElement(fx, ${index}), 2)`;
  // Rounded half away from zero to 6 places, as DuckDB's CAST to DECIMAL(18,6).
  const rounded = `toFloat64(CAST(toDecimal128(${product}, 12) + if(${product} < 0, -1, 1) * toDecimal128('0.0000005', 7) AS Decimal(18, 6)))`;
  const amount = `multiIf(ifNull(currency, ${cur}) = ${cur}, toNullable(spread_amount), ${index} = 0, CAST(NULL AS Nullable(Float64)), toNullable(${rounded}))`;
  return `SELECT day, ${amount} AS amount, coalesce(k_channel, c_channel) AS channel, campaign_id, c_platform AS platform, c_objective AS objective
    FROM (${withFx})`;
}
