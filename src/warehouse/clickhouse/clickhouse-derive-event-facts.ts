// Event facts of the affected people in ClickHouse 18.16, with no window
// functions: one pass groups each anonymous_id's events into an array sorted
// with the sessionizable ones (on-site, no session_id) first, so
// arrayDifference of their times gives the gaps and arrayCumSum of the
// "gap > timeout" flags numbers the sessions; ARRAY JOIN unrolls it. A second
// pass groups by session key, sorts each session by (time, event_id) and hands
// every event the first event's source, medium, channel, campaign and landing
// page. Then one join each: the campaign's platform and objective, and the
// currency's rates for the conversion (fx lookup in a sorted array).
import { EVENT_FACTS, OFFSITE_EVENT_TYPES, ONSITE_EVENT_TYPES } from '../tables.js';
import type { WorkspaceSettings } from '../../model/settings.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { clickhouseHooks } from '../../sql/clickhouse/clickhouse-hooks.js';
import { insertRowsSql } from '../relations/insert-select.js';
import { Packed, stringList, type DeriveScope } from './clickhouse-derive-sql.js';
import { dayNumber, localMillis } from '../../sql/clickhouse/clickhouse-time-sql.js';
import { RESOLVED_COLUMNS, type ResolvedColumn } from './clickhouse-derive-resolved.js';
import { numberLiteral, quoteIdent, quoteString } from '../../sql/clickhouse/clickhouse-literals.js';
import { currentRows } from './clickhouse-source-reads.js';

type EventColumn = Exclude<ResolvedColumn, 'traffic_key' | 'anonymous_id'> | 't_source' | 't_medium' | 't_channel' | 'onsite' | 'implicit' | 'local_ts';

/** What travels per event through the per-anonymous_id arrays. */
const PER_EVENT = new Packed<EventColumn>([
  ...RESOLVED_COLUMNS.filter((c): c is Exclude<ResolvedColumn, 'traffic_key' | 'anonymous_id'> => c !== 'traffic_key' && c !== 'anonymous_id'),
  't_source', 't_medium', 't_channel', 'onsite', 'implicit', 'local_ts',
]);

/** What travels per event through the per-session arrays. */
const PER_SESSION_EVENT = new Packed<EventColumn | 'anonymous_id' | 'identity_user'>([
  ...PER_EVENT.names.filter((c) => c !== 'implicit'), 'anonymous_id', 'identity_user',
]);

/**
 * Resolved events with their traffic, on-site flag and wall-clock time. The
 * traffic table holds one row per key, so ALL INNER JOIN keeps every event
 * (from 20.x on, ANY INNER JOIN keeps one event per key).
 */
function baseSql(resolved: string, traffic: string, settings: WorkspaceSettings): string {
  const plain = RESOLVED_COLUMNS.filter((c) => c !== 'traffic_key');
  return `SELECT ${plain.join(', ')}, t_source, t_medium, t_channel,
      (type IN (${stringList(ONSITE_EVENT_TYPES)}) OR (type NOT IN (${stringList(OFFSITE_EVENT_TYPES)}) AND isNotNull(url))) AS onsite,
      (onsite AND isNull(session_id)) AS implicit,
      ${localMillis('ts', quoteString(settings.timezone))} AS local_ts
    FROM ${quoteIdent(resolved)} ALL INNER JOIN ${quoteIdent(traffic)} USING traffic_key`;
}

/** One row per event with its session key: sessions numbered per anonymous_id by arrayCumSum over sorted arrays. */
function sessionizedSql(base: string, settings: WorkspaceSettings): string {
  const get = (x: string, name: EventColumn) => PER_EVENT.get(x, name);
  const timeoutMs = numberLiteral(settings.session_timeout_minutes * 60_000);
  const grouped = `SELECT anonymous_id, argMin(user_id, ts) AS identity_user,
      arraySort(x -> (1 - ${get('x', 'implicit')}, ${get('x', 'ts')}, ${get('x', 'event_id')}), groupArray(${PER_EVENT.tuple()})) AS evs
    FROM (${base}) GROUP BY anonymous_id`;
  const numbered = `SELECT anonymous_id, identity_user, evs,
      arrayCumSum(arrayMap((x, gap, i) -> toUInt64(${get('x', 'implicit')} AND (i = 1 OR gap > ${timeoutMs})),
        evs, arrayDifference(arrayMap(x -> ${get('x', 'ts')}, evs)), arrayEnumerate(evs))) AS nums
    FROM (${grouped})`;
  const unrolled = `SELECT anonymous_id, identity_user, ev, num FROM (${numbered}) ARRAY JOIN evs AS ev, nums AS num`;
  return `SELECT anonymous_id AS e_anonymous_id, identity_user AS e_identity_user, ${PER_EVENT.unpack('ev', 'e_')},
      if(e_onsite = 0, CAST(NULL AS Nullable(String)),
        if(isNull(e_session_id), concat(anonymous_id, '|', toString(num)), concat(anonymous_id, '|s:', assumeNotNull(e_session_id)))) AS skey,
      if(isNull(skey), e_event_id, '') AS solo
    FROM (${unrolled})`;
}

/** Every event with its session's first event (off-site events are their own first event). */
function inheritedSql(sessionized: string): string {
  const packed = PER_SESSION_EVENT;
  const sorted = `SELECT skey, arraySort(x -> (${packed.get('x', 'ts')}, ${packed.get('x', 'event_id')}),
      groupArray(${packed.tuple((name) => `e_${name}`)})) AS evs
    FROM (${sessionized}) GROUP BY skey, solo`;
  const first = (['t_source', 't_medium', 't_channel', 'resolved_campaign', 'landing_page'] as const)
    .map((name) => `${packed.get('evs[1]', name)} AS f_${name}`)
    .join(', ');
  return `SELECT skey, ${packed.unpack('ev', 'e_')}, ${first} FROM (${sorted}) ARRAY JOIN evs AS ev`;
}

/** Inserts the event facts of the affected people (their old rows are already deleted). */
export async function insertEventFacts(
  connection: ClickHouseConnection,
  scope: DeriveScope,
  workspace: string,
  tables: { resolved: string; traffic: string },
  settings: WorkspaceSettings,
): Promise<void> {
  const knownAds = `(SELECT ad_id FROM ${currentRows('ad_performance', workspace)} WHERE ad_id != '')`;
  const inherited = inheritedSql(sessionizedSql(baseSql(tables.resolved, tables.traffic, settings), settings));
  const keyed = `SELECT *, ifNull(f_resolved_campaign, '') AS k_campaign FROM (${inherited})`;
  const withCampaign = `SELECT * FROM (${keyed}) AS l
    ANY LEFT JOIN (SELECT campaign_id AS k_campaign, platform AS c_platform, objective AS c_objective FROM ${currentRows('campaigns', workspace)}) AS r USING k_campaign`;
  const h = clickhouseHooks;
  const withFx = h.latestAtOrBefore(
    withCampaign,
    `SELECT * FROM ${currentRows('fx_rates', workspace)}`,
    { leftKey: 'e_currency', rightKey: 'currency', leftTime: dayNumber('e_local_ts'), rightTime: h.day('`date`') },
    'rate',
    'fx_rate',
  );
  const values: Record<string, string> = {
    workspace_id: scope.ws,
    event_id: 'e_event_id',
    type: 'e_type',
    ts: 'e_ts',
    anonymous_id: 'e_anonymous_id',
    person_id: 'assumeNotNull(coalesce(e_user_id, e_identity_user, e_anonymous_id))',
    session_key: 'skey',
    is_onsite: 'e_onsite',
    is_bot: 'e_is_bot',
    is_conversion: `e_type IN (${stringList(settings.conversion_types)})`,
    source: 'f_t_source',
    medium: 'f_t_medium',
    channel: 'f_t_channel',
    campaign_id: 'f_resolved_campaign',
    ad_group_id: 'e_ad_group_id',
    ad_id: `coalesce(e_ad_id, if(ifNull(e_eff_content, '') IN ${knownAds}, e_eff_content, NULL))`,
    url: 'e_url',
    landing_page: 'if(e_onsite = 1, f_landing_page, NULL)',
    order_id: 'e_order_id',
    revenue: 'e_revenue',
    currency: 'e_currency',
    revenue_converted: h.convertMoney('e_revenue', 'e_currency', 'fx_rate', quoteString(settings.currency)),
    device: 'e_device',
    country: 'e_country',
    message_id: 'e_message_id',
    video_id: 'e_video_id',
    percent: 'e_percent',
    local_ts: 'e_local_ts',
    platform: 'c_platform',
    objective: 'c_objective',
  };
  await connection.command(insertRowsSql(h, EVENT_FACTS, { values, from: `(${withFx})` }));
}
