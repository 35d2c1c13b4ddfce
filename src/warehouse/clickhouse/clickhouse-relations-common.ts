// Pieces shared by the ClickHouse relations: the build context, the current
// campaigns keyed for a join, and each customer's acquisition channel and
// campaign (their first touch, else their first lifecycle record).
import type { Scalar } from '../../sql/ast.js';
import type { RelationContext } from '../../sql/relations.js';
import { clickhouseHooks } from '../../sql/clickhouse/clickhouse-hooks.js';
import { literal } from '../../sql/clickhouse/clickhouse-literals.js';
import type { RelationBuild } from '../relations/relation-build.js';
import { touchesSql } from '../relations/touches.js';
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

/** The shared relations (src/warehouse/relations) built for ClickHouse: values as literals, current rows of one workspace. */
export function relationBuild(workspace: string): RelationBuild {
  return { h: clickhouseHooks, value: literal, ws: literal(workspace), source: (name) => currentRows(name, workspace) };
}

function touches(b: ChBuild): string {
  return touchesSql(relationBuild(b.ctx.workspace), { botFiltering: b.ctx.botFiltering });
}

/** Per customer (`a_customer`): acquisition channel and campaign, and that campaign's platform and objective. */
export function acquisitionSql(b: ChBuild): string {
  const lifecycle = currentRows('lifecycle', b.ctx.workspace);
  const order = 'ts * 2 + kind_rank';
  const firstTouch = `SELECT person_id AS a_customer, toUInt8(1) AS has_touch, argMin(channel, ${order}) AS t_channel,
      argMin(campaign_id, ${order}) AS t_campaign FROM (${touches(b)}) GROUP BY person_id`;
  const firstRecord = `SELECT customer_id AS a_customer, argMin(channel, \`timestamp\`) AS l_channel, argMin(campaign_id, \`timestamp\`) AS l_campaign,
      ifNull(argMin(campaign_id, \`timestamp\`), '') AS k_campaign
    FROM ${lifecycle} GROUP BY customer_id`;
  const keys = `SELECT a_customer FROM (SELECT person_id AS a_customer FROM (${touches(b)})
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
