// Conversion credits in ClickHouse for the three single-touch models, with
// the semantics of duckdb-relations.ts conversionCompute:
// - one conversion per order_id (else per event): argMin by (time, event_id);
// - each person's conversions sorted into an array; their times shifted by
//   one (arrayPushFront / arrayPopBack) give each the previous one's time
//   (the path starts after it);
// - touches: ad/email clicks, and session starts with no click of the same
//   person in the 30 minutes up to them (arrayExists over the person's clicks);
// - per conversion, arrayFilter keeps the touches in its path and arraySort
//   orders them by time × 2 + kind (a click after a session start at the same
//   instant), with non-Direct touches first for last_non_direct; ARRAY JOIN
//   over the three models writes one row each.
import { QUERY_ATTRIBUTION_MODELS } from '../../model/attribution.js';
import type { WorkspaceSettings } from '../../model/settings.js';
import { CONVERSION_CREDITS } from '../tables.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { affectedPeople, lambdaCall, Packed, type DeriveScope } from './clickhouse-derive-sql.js';
import { numberLiteral, quoteIdent, quoteString } from '../../sql/clickhouse/clickhouse-literals.js';
import { currentRows } from './clickhouse-source-reads.js';
import { relationBuild } from './clickhouse-relations-common.js';
import { touchesSql as sharedTouches } from '../relations/touches.js';

/** Below every stored time (year 0 is -62,167,219,200,000 ms): "no previous conversion". */
const BEFORE_ALL = 'toInt64(-1000000000000000000)';
/** 2^43 exceeds time × 2 + kind for any time before 2109: a non-Direct touch beats every Direct one (as in the DuckDB relations). */
const NON_DIRECT_BONUS = '8796093022208';

const CONVERSION = new Packed(['ts', 'conv_key', 'local_ts', 'anonymous_id', 'revenue', 'conversion_type', 'landing_page', 'device', 'country'] as const);
/** The conversion's own event: the first by (time, event_id) of its conv_key. */
const FIRST = new Packed(['person_id', 'ts', 'local_ts', 'anonymous_id', 'revenue_converted', 'type', 'landing_page', 'device', 'country'] as const);
const FROM_EVENT: Record<Exclude<(typeof CONVERSION.names)[number], 'conv_key'>, (typeof FIRST.names)[number]> = {
  ts: 'ts',
  local_ts: 'local_ts',
  anonymous_id: 'anonymous_id',
  revenue: 'revenue_converted',
  conversion_type: 'type',
  landing_page: 'landing_page',
  device: 'device',
  country: 'country',
};
const TOUCH = new Packed(['ts', 'kind_rank', 'channel', 'source', 'medium', 'campaign_id', 'ad_group_id', 'ad_id'] as const);

/** Conversions of the scope's people: one per conv_key, with the previous conversion's time of the same person. */
function conversionsSql(scope: DeriveScope, bots: string): string {
  const events = `SELECT *, if(isNull(order_id), concat('e:', event_id), concat('o:', assumeNotNull(order_id))) AS conv_key
    FROM event_facts WHERE workspace_id = ${scope.ws}${bots} AND is_conversion = 1 AND ${affectedPeople(scope)}`;
  const firstPerKey = `SELECT conv_key, argMin(${FIRST.tuple()}, tuple(ts, event_id)) AS c FROM (${events}) GROUP BY conv_key`;
  const conv = CONVERSION.tuple((name) => (name === 'conv_key' ? 'conv_key' : FIRST.get('c', FROM_EVENT[name])));
  const unpacked = `SELECT ${FIRST.get('c', 'person_id')} AS person_id, ${conv} AS conv FROM (${firstPerKey})`;
  const perPerson = `SELECT person_id, arraySort(x -> (${CONVERSION.get('x', 'ts')}, ${CONVERSION.get('x', 'conv_key')}), groupArray(conv)) AS convs
    FROM (${unpacked}) GROUP BY person_id`;
  return `SELECT person_id, conv, prev_ts FROM (
      SELECT person_id, convs, arrayPopBack(arrayPushFront(arrayMap(x -> ${CONVERSION.get('x', 'ts')}, convs), ${BEFORE_ALL})) AS prevs
      FROM (${perPerson})
    ) ARRAY JOIN convs AS conv, prevs AS prev_ts`;
}

/** Touches of the scope's people, packed per person. */
function touchesSql(scope: DeriveScope, workspace: string, botFiltering: boolean): string {
  const touches = sharedTouches(relationBuild(workspace), { botFiltering, people: (column) => affectedPeople(scope, column) });
  return `SELECT person_id, groupArray(${TOUCH.tuple()}) AS touches FROM (${touches}) GROUP BY person_id`;
}

/** Inserts the credits of the affected people's conversions (their old credits are already deleted). */
export async function insertConversionCredits(connection: ClickHouseConnection, scope: DeriveScope, workspace: string, settings: WorkspaceSettings): Promise<void> {
  const columns = CONVERSION_CREDITS.columns.map((col) => col.name);
  const select = conversionCreditsSelect(scope, workspace, settings.bot_filtering, settings.lookback_days, QUERY_ATTRIBUTION_MODELS);
  await connection.command(`INSERT INTO conversion_credits (${columns.map(quoteIdent).join(', ')}) ${select}`);
}

/**
 * The credits of the scope's conversions under each of `models` with a
 * lookback of `lookbackDays`: a SELECT of the conversion_credits columns.
 */
export function conversionCreditsSelect(
  scope: DeriveScope,
  workspace: string,
  botFiltering: boolean,
  lookbackDays: number,
  models: readonly (typeof QUERY_ATTRIBUTION_MODELS)[number][],
): string {
  const bots = botFiltering ? ' AND is_bot = 0' : '';
  const lookbackMs = numberLiteral(lookbackDays * 86_400_000);
  const t = (name: (typeof TOUCH.names)[number]) => TOUCH.get('t', name);
  const c = (name: (typeof CONVERSION.names)[number]) => CONVERSION.get('conv', name);
  const order = `${t('ts')} * 2 + ${t('kind_rank')}`;
  const picked: Record<(typeof QUERY_ATTRIBUTION_MODELS)[number], string> = {
    first_touch: 'by_time[1]',
    last_touch: 'by_time[-1]',
    last_non_direct: 'by_non_direct[-1]',
  };
  const credited = `SELECT *,
      ${lambdaCall('arrayFilter', 'touches', 't', { conv_ts: c('ts'), after_ts: 'prev_ts' },
        `${t('ts')} <= conv_ts AND ${t('ts')} >= conv_ts - ${lookbackMs} AND ${t('ts')} > after_ts`)} AS path,
      arraySort(t -> ${order}, path) AS by_time,
      arraySort(t -> if(ifNull(${t('channel')} != 'Direct', 0) = 1, ${NON_DIRECT_BONUS}, 0) + ${order}, path) AS by_non_direct
    FROM (${conversionsSql(scope, bots)}) AS l ANY LEFT JOIN (${touchesSql(scope, workspace, botFiltering)}) AS r USING person_id`;
  const modelList = models.map((m) => `tuple(${quoteString(m)}, ${picked[m]})`).join(', ');
  const perModel = `SELECT *, tupleElement(m, 1) AS model, tupleElement(m, 2) AS touch, notEmpty(path) AS has_touch,
      if(has_touch, ${TOUCH.get('touch', 'campaign_id')}, NULL) AS touch_campaign, ifNull(touch_campaign, '') AS k_campaign
    FROM (${credited}) ARRAY JOIN [${modelList}] AS m`;
  const withCampaign = `SELECT * FROM (${perModel}) AS l
    ANY LEFT JOIN (SELECT campaign_id AS k_campaign, platform AS c_platform, objective AS c_objective FROM ${currentRows('campaigns', workspace)}) AS r USING k_campaign`;
  const touchValue = (name: (typeof TOUCH.names)[number]) => `if(has_touch, ${TOUCH.get('touch', name)}, NULL)`;
  const values: Record<string, string> = {
    workspace_id: scope.ws,
    model: 'model',
    ts: c('ts'),
    local_ts: c('local_ts'),
    conv_key: c('conv_key'),
    anonymous_id: c('anonymous_id'),
    person_id: 'person_id',
    revenue: c('revenue'),
    credit: 'toFloat64(1)',
    conversion_type: c('conversion_type'),
    landing_page: c('landing_page'),
    device: c('device'),
    country: c('country'),
    channel: `ifNull(${touchValue('channel')}, 'Direct')`,
    source: touchValue('source'),
    medium: touchValue('medium'),
    campaign_id: 'touch_campaign',
    ad_group_id: touchValue('ad_group_id'),
    ad_id: touchValue('ad_id'),
    platform: 'c_platform',
    objective: 'c_objective',
  };
  const columns = CONVERSION_CREDITS.columns.map((col) => col.name);
  return `SELECT ${columns.map((col) => `${values[col]} AS ${quoteIdent(col)}`).join(', ')} FROM (${withCampaign})`;
}
