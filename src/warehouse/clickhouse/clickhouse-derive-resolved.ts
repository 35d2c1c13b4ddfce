// The first step of an events refresh in ClickHouse: the events of the
// affected people, with their effective UTM values, well-known properties and
// the campaign they resolve to (explicit campaign_id, else utm_id as a
// campaign id, else utm_campaign as an id, else utm_campaign as a name,
// case-insensitively), staged in a scratch table; then the distinct traffic
// tuples, resolved to source / medium / channel by the ingest rules in JS and
// staged in a second scratch table keyed by the tuple's text.
import type { TrafficTuple } from '../../model/resolve-traffic.js';
import type { DeriveOptions } from '../warehouse.js';
import type { StoredColumn } from '../tables.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { affectedAnonymous, jsonNumber, jsonProperty, type DeriveScope } from './clickhouse-derive-sql.js';
import { quoteIdent } from '../../sql/clickhouse/clickhouse-literals.js';
import { encodeRow } from './clickhouse-rows.js';
import { currentRows } from './clickhouse-source-reads.js';

/** The tuple fields in TrafficTuple order, as the scratch table names them. */
const TUPLE_COLUMNS: readonly [keyof TrafficTuple, string][] = [
  ['event_type', 'type'],
  ['explicit_channel', 'explicit_channel'],
  ['utm_source', 'eff_source'],
  ['utm_medium', 'eff_medium'],
  ['utm_campaign', 'eff_campaign'],
  ['click_id_kind', 'click_id_kind'],
  ['referrer_host', 'referrer_host'],
  ['campaign_channel', 'campaign_channel'],
  ['campaign_platform', 'campaign_platform'],
];

/** The traffic tuple as text: toString of a tuple quotes and escapes each string, so NULL and 'NULL' differ. */
const TRAFFIC_KEY = `toString(tuple(${TUPLE_COLUMNS.map(([, column]) => column).join(', ')}))`;

/** Columns of the resolved-events scratch table, read by the event facts statement. */
export const RESOLVED_COLUMNS = [
  'event_id', 'type', 'ts', 'anonymous_id', 'user_id', 'session_id', 'url', 'campaign_id', 'ad_group_id', 'ad_id',
  'order_id', 'revenue', 'currency', 'landing_page', 'is_bot', 'device', 'country', 'message_id', 'video_id', 'percent',
  'eff_content', 'resolved_campaign', 'traffic_key',
] as const;

export type ResolvedColumn = (typeof RESOLVED_COLUMNS)[number];

/** Events of the affected people with effective UTM values and well-known properties. */
function eventsSql(scope: DeriveScope): string {
  return `SELECT event_id, type, \`timestamp\` AS ts, anonymous_id, user_id, session_id, url, channel AS explicit_channel,
      campaign_id, ad_group_id, ad_id, order_id, revenue, currency,
      parsed_click_id_kind AS click_id_kind, parsed_referrer_host AS referrer_host, parsed_landing_page AS landing_page,
      ifNull(parsed_is_bot, 0) AS is_bot,
      ${jsonProperty('properties', 'device')} AS device,
      ${jsonProperty('properties', 'country')} AS country,
      ${jsonProperty('properties', 'message_id')} AS message_id,
      ${jsonProperty('properties', 'video_id')} AS video_id,
      ${jsonNumber('properties', 'percent')} AS percent,
      coalesce(utm_source, parsed_utm_source) AS eff_source,
      coalesce(utm_medium, parsed_utm_medium) AS eff_medium,
      coalesce(utm_campaign, parsed_utm_campaign) AS eff_campaign,
      coalesce(utm_id, parsed_utm_id) AS eff_utm_id,
      coalesce(utm_content, parsed_utm_content) AS eff_content
    FROM events WHERE workspace_id = ${scope.ws} AND ${affectedAnonymous(scope)}`;
}

/**
 * Campaign resolution: membership of utm_id / utm_campaign among campaign ids
 * is an IN set; the name lookup and the resolved campaign's channel and
 * platform are one join each (campaign ids are never empty, so '' stands for
 * "none" in join keys).
 */
function resolvedSql(scope: DeriveScope, workspace: string): string {
  const campaigns = currentRows('campaigns', workspace);
  const ids = `(SELECT campaign_id FROM ${campaigns})`;
  const byName = `SELECT * FROM (SELECT *, lowerUTF8(ifNull(eff_campaign, '')) AS k_name FROM (${eventsSql(scope)})) AS l
    ANY LEFT JOIN (SELECT lowerUTF8(name) AS k_name, toNullable(min(campaign_id)) AS by_name FROM ${campaigns} GROUP BY k_name) AS r USING k_name`;
  const resolved = `SELECT *, coalesce(campaign_id,
        if(ifNull(eff_utm_id, '') IN ${ids}, eff_utm_id, NULL),
        if(ifNull(eff_campaign, '') IN ${ids}, eff_campaign, NULL),
        by_name) AS resolved_campaign,
      ifNull(resolved_campaign, '') AS k_resolved
    FROM (${byName})`;
  return `SELECT * FROM (${resolved}) AS l
    ANY LEFT JOIN (SELECT campaign_id AS k_resolved, channel AS campaign_channel, platform AS campaign_platform FROM ${campaigns}) AS r USING k_resolved`;
}

/** The scratch table's columns: what event facts read, and the traffic tuple. */
const STAGED_COLUMNS = [...new Set([...RESOLVED_COLUMNS.filter((c) => c !== 'traffic_key'), ...TUPLE_COLUMNS.map(([, c]) => c)])];

/** Creates `table` holding the affected people's resolved events. */
export async function stageResolvedEvents(connection: ClickHouseConnection, table: string, scope: DeriveScope, workspace: string): Promise<void> {
  await connection.command(
    `CREATE TABLE ${quoteIdent(table)} ENGINE = MergeTree ORDER BY anonymous_id AS
     SELECT ${STAGED_COLUMNS.join(', ')}, ${TRAFFIC_KEY} AS traffic_key
     FROM (${resolvedSql(scope, workspace)})`,
  );
}

const TRAFFIC_MAP_COLUMNS: readonly StoredColumn[] = [
  { name: 'traffic_key', kind: 'string' },
  { name: 't_source', kind: 'string' },
  { name: 't_medium', kind: 'string' },
  { name: 't_channel', kind: 'string' },
];

/** Creates `table` mapping each distinct traffic tuple of `resolvedTable` to its source, medium and channel. */
export async function stageTrafficMap(
  connection: ClickHouseConnection,
  table: string,
  resolvedTable: string,
  options: DeriveOptions,
): Promise<void> {
  await connection.command(
    `CREATE TABLE ${quoteIdent(table)} (traffic_key String, t_source Nullable(String), t_medium Nullable(String), t_channel String) ENGINE = Memory`,
  );
  const tuples = await connection.select<Record<string, string | null>>(
    `SELECT traffic_key, ${TUPLE_COLUMNS.map(([field, column]) => `any(${column}) AS ${field}`).join(', ')}
     FROM ${quoteIdent(resolvedTable)} GROUP BY traffic_key`,
  );
  const rows = tuples.map((t) => {
    const tuple = Object.fromEntries(TUPLE_COLUMNS.map(([field]) => [field, t[field] ?? null])) as unknown as TrafficTuple;
    const traffic = options.resolveTraffic(tuple);
    return encodeRow(TRAFFIC_MAP_COLUMNS, { traffic_key: t.traffic_key as string, t_source: traffic.source, t_medium: traffic.medium, t_channel: traffic.channel });
  });
  await connection.insert(table, rows);
}
