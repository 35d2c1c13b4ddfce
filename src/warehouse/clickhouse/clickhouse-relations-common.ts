// Pieces shared by the ClickHouse relations: the build context, the current
// campaigns keyed for a join, and each customer's acquisition channel and
// campaign (their first touch, else their first lifecycle record).
import type { Scalar } from '../../sql/ast.js';
import type { RelationContext } from '../../sql/relations.js';
import { lambdaCall } from './clickhouse-derive-sql.js';
import { currentRows } from './clickhouse-source-reads.js';

export interface ChBuild {
  ctx: RelationContext;
  /** The workspace as a literal. */
  ws: string;
  literal: (value: Scalar) => string;
}

/** Campaign columns a join with currentCampaigns adds. */
export const CAMPAIGN_COLUMNS = 'c_channel AS channel, c_platform AS platform, c_objective AS objective';

/** Current campaigns keyed `k_campaign`, valued c_channel, c_platform, c_objective (all Nullable). */
export function currentCampaigns(b: ChBuild): string {
  return `SELECT campaign_id AS k_campaign, toNullable(channel) AS c_channel, toNullable(platform) AS c_platform, toNullable(objective) AS c_objective
    FROM ${currentRows('campaigns', b.ctx.workspace)}`;
}

/**
 * Touches: ad/email clicks and session starts no click of the same person
 * preceded by 30 minutes or less (those clicks include bots' clicks).
 */
export function touchesSql(b: ChBuild): string {
  const bots = b.ctx.botFiltering ? ' AND is_bot = 0' : '';
  const clickTypes = `('ad_click', 'email_click')`;
  const clicks = `SELECT person_id, ts, toUInt8(1) AS kind_rank, channel, campaign_id
    FROM event_facts WHERE workspace_id = ${b.ws} AND type IN ${clickTypes}${bots}`;
  const clickTimes = `SELECT person_id, groupArray(ts) AS click_ts FROM event_facts
    WHERE workspace_id = ${b.ws} AND type IN ${clickTypes} GROUP BY person_id`;
  const starts = `SELECT person_id, started_at AS ts, toUInt8(0) AS kind_rank, channel, campaign_id
    FROM (SELECT person_id, started_at, channel, campaign_id FROM sessions WHERE workspace_id = ${b.ws}${bots}) AS l
    ANY LEFT JOIN (${clickTimes}) AS r USING person_id
    WHERE NOT ${lambdaCall('arrayExists', 'click_ts', 'k', { start: 'started_at' }, 'k <= start AND k >= start - 1800000')}`;
  return `${clicks} UNION ALL ${starts}`;
}

/** Per customer (`a_customer`): acquisition channel and campaign, and that campaign's platform and objective. */
export function acquisitionSql(b: ChBuild): string {
  const lifecycle = currentRows('lifecycle', b.ctx.workspace);
  const order = 'ts * 2 + kind_rank';
  const firstTouch = `SELECT person_id AS a_customer, toUInt8(1) AS has_touch, argMin(channel, ${order}) AS t_channel,
      argMin(campaign_id, ${order}) AS t_campaign FROM (${touchesSql(b)}) GROUP BY person_id`;
  const firstRecord = `SELECT customer_id AS a_customer, argMin(channel, \`timestamp\`) AS l_channel, argMin(campaign_id, \`timestamp\`) AS l_campaign,
      ifNull(argMin(campaign_id, \`timestamp\`), '') AS k_campaign
    FROM ${lifecycle} GROUP BY customer_id`;
  const keys = `SELECT a_customer FROM (SELECT person_id AS a_customer FROM (${touchesSql(b)})
      UNION ALL SELECT customer_id AS a_customer FROM ${lifecycle}) GROUP BY a_customer`;
  const withTouch = `SELECT * FROM (${keys}) AS l ANY LEFT JOIN (${firstTouch}) AS r USING a_customer`;
  const withRecord = `SELECT * FROM (${withTouch}) AS l ANY LEFT JOIN (${firstRecord}) AS r USING a_customer`;
  const withCampaign = `SELECT * FROM (${withRecord}) AS l ANY LEFT JOIN (${currentCampaigns(b)}) AS r USING k_campaign`;
  const acquired = `SELECT a_customer, if(has_touch = 1, t_channel, coalesce(l_channel, c_channel)) AS a_channel,
      if(has_touch = 1, t_campaign, l_campaign) AS a_campaign, ifNull(if(has_touch = 1, t_campaign, l_campaign), '') AS k_campaign
    FROM (${withCampaign})`;
  return `SELECT a_customer, a_channel, a_campaign, c_platform AS a_platform, c_objective AS a_objective
    FROM (${acquired}) AS l ANY LEFT JOIN (${currentCampaigns(b)}) AS r USING k_campaign`;
}

/** Joins the acquisition of the customer in column `a_customer` of `rows`. */
export function withAcquisition(b: ChBuild, rows: string): string {
  return `SELECT * FROM (${rows}) AS l ANY LEFT JOIN (${acquisitionSql(b)}) AS r USING a_customer`;
}

/** The acquisition columns as the relations name them. */
export const ACQUIRED = 'a_channel AS channel, a_campaign AS campaign_id, a_platform AS platform, a_objective AS objective';
