// Refreshes a workspace's derived view in ClickHouse, like the DuckDB engine
// (duckdb-derive.ts): only the people (anonymous_ids) with events stored since
// the last refresh are recomputed, unless campaigns, fx rates, settings or a
// deleted import call for a full rebuild; ad facts are rebuilt whenever ad
// rows, campaigns or fx rates changed.
//
// Replacing rows: the recomputed people's rows are deleted with ALTER TABLE …
// DELETE (a mutation) and the refresh waits until the mutation is done before
// inserting the new rows. So the derived tables are plain MergeTree tables
// holding exactly the current rows, and every read (readDerived, the metric
// queries) is a plain SELECT that never depends on background merges, unlike
// versioned rows read through argMax or FINAL. The price is paid by the
// refresh: a mutation rewrites the parts it touches. ClickHouse has no
// transactions, so a reader running during a refresh may see a person's rows
// missing until their new rows are inserted.
//
// The statements run on 18.16 and on later servers alike: joined subqueries
// are aliased (`AS l` / `AS r`), and joins that must keep every left row are
// ANY LEFT or ALL INNER joins (a later server's ANY INNER JOIN keeps one left
// row per key).
import { randomBytes } from 'node:crypto';
import type { DeriveOptions } from '../warehouse.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { insertAdFacts } from './clickhouse-derive-ad-facts.js';
import { insertConversionCredits } from './clickhouse-derive-credits.js';
import { insertEventFacts } from './clickhouse-derive-event-facts.js';
import { insertIdentities } from './clickhouse-derive-identities.js';
import { stageResolvedEvents, stageTrafficMap } from './clickhouse-derive-resolved.js';
import { insertSessions, insertVisitorDays } from './clickhouse-derive-sessions.js';
import { affectedAnonymousIds, affectedPersonIds, type DeriveScope } from './clickhouse-derive-sql.js';
import { latestSeq, readDeriveState, writeDeriveState } from './clickhouse-derive-state.js';
import { quoteIdent, quoteString } from '../../sql/clickhouse/clickhouse-literals.js';
import { deleteWhere, inSetCondition } from './clickhouse-mutations.js';
import type { VersionClock } from './clickhouse-version-clock.js';

export async function refreshDerivedView(
  connection: ClickHouseConnection,
  clock: VersionClock,
  workspace: string,
  options: DeriveOptions,
): Promise<void> {
  const state = await readDeriveState(connection, workspace);
  const latest = await latestSeq(connection, workspace, ['events']);
  const latestTables = await latestSeq(connection, workspace, ['ad_performance', 'campaigns', 'fx_rates']);
  const eventsStale = state.needsFull || latest > state.watermark;
  const tablesStale = state.needsFull || latestTables > state.tablesWatermark;
  if (!eventsStale && !tablesStale) return;

  const scope: DeriveScope = { ws: quoteString(workspace), full: state.needsFull, from: state.watermark, to: latest };
  if (eventsStale) await rebuildPeople(connection, scope, workspace, options);
  if (tablesStale) {
    await deleteWhere(connection, 'ad_facts', `workspace_id = ${scope.ws}`);
    await insertAdFacts(connection, workspace, options.settings);
  }
  // Another process may have asked for a full rebuild meanwhile: keep that request.
  const after = await readDeriveState(connection, workspace);
  const askedMeanwhile = after.version !== state.version && after.needsFull;
  await writeDeriveState(connection, clock, workspace, { watermark: latest, needsFull: askedMeanwhile, tablesWatermark: latestTables });
}

/**
 * `column IN (subquery)` for a deletion. On a cluster the set is read first
 * and written as literals: the shards run a mutation in the background with
 * default settings, where a subquery over a Distributed table that itself
 * filters by one (double-distributed IN) is refused, and the mutation would
 * then never finish.
 */
async function mutationSet(connection: ClickHouseConnection, column: string, subquery: string): Promise<string> {
  if (!connection.cluster) return `${column} IN (${subquery})`;
  const rows = await connection.select<{ v: string }>(`SELECT DISTINCT ${quoteIdent(column)} AS v FROM (${subquery})`);
  return inSetCondition(column, rows.map((r) => r.v));
}

/** Identities, event facts, sessions and conversion credits of the scope's people. */
async function rebuildPeople(connection: ClickHouseConnection, scope: DeriveScope, workspace: string, options: DeriveOptions): Promise<void> {
  const token = randomBytes(8).toString('hex');
  const resolved = `derive_resolved_${token}`;
  const traffic = `derive_traffic_${token}`;
  const ws = `workspace_id = ${scope.ws}`;
  try {
    const byAnonymous = scope.full ? ws : `${ws} AND ${await mutationSet(connection, 'anonymous_id', affectedAnonymousIds(scope))}`;
    await Promise.all(['identities', 'event_facts', 'sessions', 'visitor_days'].map((table) => deleteWhere(connection, table, byAnonymous)));
    await insertIdentities(connection, scope, workspace);
    await stageResolvedEvents(connection, resolved, scope, workspace);
    await stageTrafficMap(connection, traffic, resolved, options);
    await insertEventFacts(connection, scope, workspace, { resolved, traffic }, options.settings);
    await insertSessions(connection, scope, workspace);
    await insertVisitorDays(connection, scope, workspace);
    // Credits of everyone an affected anonymous_id belongs to now, and of what it belonged to before.
    const byPeople = scope.full
      ? ws
      : `${ws} AND (${await mutationSet(connection, 'person_id', affectedPersonIds(scope))} OR ${await mutationSet(connection, 'anonymous_id', affectedAnonymousIds(scope))})`;
    await deleteWhere(connection, 'conversion_credits', byPeople);
    await insertConversionCredits(connection, scope, workspace, options.settings);
  } finally {
    for (const table of [resolved, traffic]) await connection.command(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
  }
}
