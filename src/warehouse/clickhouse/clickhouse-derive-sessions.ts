// Sessions in ClickHouse, aggregated from the affected people's event facts:
// argMin by time for the session's first values (NULLs skipped, as DuckDB's
// arg_min does), -If combinators for page views and the bounce flag.
import { SESSIONS } from '../tables.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { affectedAnonymous, insertSelect, type DeriveScope } from './clickhouse-derive-sql.js';

/** Inserts the sessions of the affected people (read from their fresh event facts; old sessions already deleted). */
export async function insertSessions(connection: ClickHouseConnection, scope: DeriveScope): Promise<void> {
  const first = (column: string) => `argMin(${column}, ts)`;
  const values: Record<string, string> = {
    workspace_id: scope.ws,
    session_key: 'assumeNotNull(session_key)',
    anonymous_id: 'any(anonymous_id)',
    person_id: first('person_id'),
    started_at: 'min(ts)',
    ended_at: 'max(ts)',
    source: first('source'),
    medium: first('medium'),
    channel: first('channel'),
    campaign_id: first('campaign_id'),
    landing_page: first('landing_page'),
    pageviews: "countIf(type = 'page_view')",
    onsite_events: 'count()',
    is_bounce: "countIf(type = 'page_view') = 1 AND count() = 1",
    is_bot: 'max(is_bot)',
    device: first('device'),
    country: first('country'),
    local_started_at: 'min(local_ts)',
    platform: first('platform'),
    objective: first('objective'),
  };
  await connection.command(
    insertSelect(
      SESSIONS,
      values,
      `FROM event_facts WHERE workspace_id = ${scope.ws} AND isNotNull(session_key) AND ${affectedAnonymous(scope)}
     GROUP BY session_key`,
    ),
  );
}
