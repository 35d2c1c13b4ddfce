// The first step of an events refresh in ClickHouse: the affected people's
// resolved events (relations/resolved-events.ts) staged in a scratch table;
// then the distinct traffic tuples, resolved to source / medium / channel by
// the channel rules in JS and staged in a second scratch table keyed by the
// tuple's text.
import type { TrafficTuple } from '../../model/resolve-traffic.js';
import type { DeriveOptions } from '../warehouse.js';
import type { StoredColumn } from '../tables.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { affectedAnonymous, type DeriveScope } from './clickhouse-derive-sql.js';
import { clickhouseBuild } from './clickhouse-relations.js';
import { resolvedEventsSql } from '../relations/resolved-events.js';
import { quoteIdent } from '../../sql/clickhouse/clickhouse-literals.js';
import { encodeRow } from './clickhouse-rows.js';

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

/** The scratch table's columns: what event facts read, and the traffic tuple. */
const STAGED_COLUMNS = [...new Set([...RESOLVED_COLUMNS.filter((c) => c !== 'traffic_key'), ...TUPLE_COLUMNS.map(([, c]) => c)])];

/** Creates `table` holding the affected people's resolved events. */
export async function stageResolvedEvents(connection: ClickHouseConnection, table: string, scope: DeriveScope, workspace: string): Promise<void> {
  await connection.command(
    `CREATE TABLE ${quoteIdent(table)} ENGINE = MergeTree ORDER BY anonymous_id AS
     SELECT ${STAGED_COLUMNS.join(', ')}, ${TRAFFIC_KEY} AS traffic_key
     FROM (${resolvedEventsSql(clickhouseBuild(workspace), (column) => affectedAnonymous(scope, column))})`,
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
