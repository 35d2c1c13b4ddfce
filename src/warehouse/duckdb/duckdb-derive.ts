// Rebuilds the derived view of raw events in DuckDB: identities (anonymous_id
// → user_id), resolved campaigns, channels, sessions and money in the
// workspace currency. Only people with new raw events since the last refresh
// are recomputed, unless campaigns, fx rates or settings changed (then all).
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { QUERY_ATTRIBUTION_MODELS } from '../../model/attribution.js';
import type { WorkspaceSettings } from '../../model/settings.js';
import type { Scalar } from '../../sql/ast.js';
import { ParamBag } from '../../sql/dialect.js';
import { duckdbHooks } from '../../sql/duckdb/duckdb-hooks.js';
import { duckdbBuild } from './duckdb-relations.js';
import { identityRows } from '../relations/identities.js';
import { resolvedEventsSql } from '../relations/resolved-events.js';
import { insertRowsSql, type TableRows } from '../relations/insert-select.js';
import type { RelationBuild } from '../relations/relation-build.js';
import { visitorDayRows } from '../relations/visitor-days.js';
import { adFactRows } from '../relations/ad-facts.js';
import { conversionCreditRows } from '../relations/conversion-credits.js';
import { sessionRows } from '../relations/sessions.js';
import type { Row } from '../../model/validate.js';
import { AD_FACTS, CONVERSION_CREDITS, IDENTITIES, OFFSITE_EVENT_TYPES, ONSITE_EVENT_TYPES, SESSIONS, VISITOR_DAYS, type TableSpec } from '../tables.js';
import type { TrafficTuple } from '../../model/resolve-traffic.js';
import type { DeriveOptions } from '../warehouse.js';
import { stageRows } from './duckdb-stage.js';

const TUPLE_FIELDS = [
  'event_type',
  'explicit_channel',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'click_id_kind',
  'referrer_host',
  'campaign_channel',
  'campaign_platform',
] as const satisfies readonly (keyof TrafficTuple)[];

const sqlList = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');

export async function refreshDerivedEvents(
  connection: DuckDBConnection,
  workspace: string,
  options: DeriveOptions,
  transaction: <T>(work: () => Promise<T>) => Promise<T>,
  passEvents = PASS_EVENTS,
): Promise<void> {
  const state = await connection.runAndReadAll(
    'SELECT watermark, needs_full, tables_watermark FROM derive_state WHERE workspace = $ws',
    { ws: workspace },
  );
  const [watermark, needsFull, tablesWatermark] = state.getRows()[0] ?? [0, true, -1];
  const from = needsFull ? -1 : Number(watermark);
  const latestOf = async (tables: string[]) =>
    Number(
      (
        await connection.runAndReadAll(
          `SELECT coalesce(max(seq), 0) FROM (${tables.map((t) => `SELECT max(seq) AS seq FROM ${t} WHERE workspace_id = $ws`).join(' UNION ALL ')})`,
          { ws: workspace },
        )
      ).getRows()[0][0],
    );
  const latest = await latestOf(['events']);
  const latestTables = await latestOf(['ad_performance', 'campaigns', 'fx_rates']);
  const eventsStale = needsFull || latest > from;
  const tablesStale = needsFull || latestTables > Number(tablesWatermark);
  if (!eventsStale && !tablesStale) return;

  await transaction(async () => {
    const ws = { ws: workspace };
    if (eventsStale) {
      // A full rebuild starts empty: people whose events were all deleted keep no derived rows.
      if (needsFull) for (const table of DERIVED_EVENT_TABLES) await connection.run(`DELETE FROM ${table} WHERE workspace_id = $ws`, ws);
      const scope = needsFull ? EVERYONE : await changedPeople(connection, workspace, from);
      await rebuildIdentities(connection, workspace, scope);
      await stageResolvedEvents(connection, workspace, scope);
      await stageTrafficMap(connection, options);
      // People are taken a share at a time, so the sorts and joins of one share fit in memory.
      const staged = Number((await connection.runAndReadAll('SELECT count(*) FROM resolved_events')).getRows()[0][0]);
      const passes = Math.min(BUCKETS, Math.max(1, Math.ceil(staged / passEvents)));
      if (!scope.everyone) for (const table of ['event_facts', 'sessions', 'visitor_days']) await deleteChanged(connection, workspace, table);
      for (let pass = 0; pass < passes; pass++) {
        const buckets = { from: Math.floor((BUCKETS * pass) / passes), to: Math.floor((BUCKETS * (pass + 1)) / passes) - 1 };
        await stageSessionKeys(connection, options.settings, buckets);
        await insertEventFacts(connection, workspace, options, buckets);
        // One pass takes everyone recomputed: no bucket to work out for each stored fact.
        const inPass = passes === 1 ? scope.anonymous : (column: string) => `${bucketOf(column)} BETWEEN ${buckets.from} AND ${buckets.to} AND ${scope.anonymous(column)}`;
        await insertFromFacts(connection, workspace, SESSIONS, (b) => sessionRows(b, inPass));
        await insertFromFacts(connection, workspace, VISITOR_DAYS, (b) => visitorDayRows(b, inPass));
      }
      if (!scope.everyone) await prepareCreditRebuild(connection, workspace);
      // Credits of a full rebuild are computed for a share of the persons at a time, like the events.
      const creditPasses = scope.everyone ? passes : 1;
      for (let pass = 0; pass < creditPasses; pass++) {
        const people = creditPasses > 1 ? (column: string) => `hash(${column}) % ${creditPasses} = ${pass}` : scope.people;
        await insertConversionCredits(connection, workspace, options.settings, people);
      }
    }
    if (tablesStale) await rebuildAdFacts(connection, workspace, options.settings);
    await connection.run(
      `INSERT INTO derive_state (workspace, watermark, needs_full, tables_watermark) VALUES ($ws, $latest, false, $tables)
       ON CONFLICT (workspace) DO UPDATE SET watermark = $latest, needs_full = false, tables_watermark = $tables`,
      { ws: workspace, latest, tables: latestTables },
    );
  });
}

const DERIVED_EVENT_TABLES = ['identities', 'event_facts', 'sessions', 'visitor_days', 'conversion_credits'];

/** The people a refresh recomputes: everyone (a full rebuild) or those in the `affected` scratch table. */
interface PeopleScope {
  everyone: boolean;
  /** A condition on an anonymous_id column. */
  anonymous: (column: string) => string;
  /** A condition on a person_id column. */
  people: (column: string) => string;
}

const EVERYONE: PeopleScope = { everyone: true, anonymous: () => 'true', people: () => 'true' };

/** The people with events stored after the watermark, and the persons their events belong to (scratch tables). */
async function changedPeople(connection: DuckDBConnection, workspace: string, from: number): Promise<PeopleScope> {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE affected AS
     SELECT DISTINCT anonymous_id FROM events WHERE workspace_id = $ws AND seq > $from`,
    { ws: workspace, from },
  );
  return {
    everyone: false,
    anonymous: (column) => `${column} IN (SELECT anonymous_id FROM affected)`,
    people: (column) => `${column} IN (SELECT person_id FROM affected_people)`,
  };
}

async function deleteChanged(connection: DuckDBConnection, workspace: string, table: string): Promise<void> {
  await connection.run(`DELETE FROM ${table} WHERE workspace_id = $ws AND anonymous_id IN (SELECT anonymous_id FROM affected)`, { ws: workspace });
}

/**
 * Staged events are split by a hash of their anonymous_id into BUCKETS, and
 * the sessions and event facts are built a range of buckets at a time, each
 * range holding about PASS_EVENTS events: a person's events always fall in
 * one pass.
 */
const BUCKETS = 64;
const PASS_EVENTS = 2_000_000;

const bucketOf = (column: string) => `hash(${column}) % ${BUCKETS}`;

interface BucketRange {
  from: number;
  to: number;
}

async function runBuilt(connection: DuckDBConnection, make: (p: (value: Scalar) => string) => string): Promise<void> {
  const bag = new ParamBag((name) => `$${name}`);
  const sql = make((value) => bag.add(value));
  await connection.run(sql, bag.params as Record<string, DuckDBValue>);
}

/** Deletes the credits of the persons whose events changed, naming them in `affected_people`. */
async function prepareCreditRebuild(connection: DuckDBConnection, workspace: string): Promise<void> {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE affected_people AS
     SELECT DISTINCT person_id FROM event_facts WHERE workspace_id = $ws AND anonymous_id IN (SELECT anonymous_id FROM affected)`,
    { ws: workspace },
  );
  await connection.run(
    `DELETE FROM conversion_credits WHERE workspace_id = $ws
       AND (person_id IN (SELECT person_id FROM affected_people) OR anonymous_id IN (SELECT anonymous_id FROM affected))`,
    { ws: workspace },
  );
}

/** Conversions of the persons `people` names (a condition on a person_id column), credited by each single-touch model at the workspace lookback. */
async function insertConversionCredits(
  connection: DuckDBConnection,
  workspace: string,
  settings: WorkspaceSettings,
  people: (column: string) => string,
): Promise<void> {
  await runBuilt(connection, (p) => {
    const b = duckdbBuild(workspace, p);
    const credits = { botFiltering: settings.bot_filtering, lookbackDays: settings.lookback_days, models: QUERY_ATTRIBUTION_MODELS, people };
    return insertRowsSql(b.h, CONVERSION_CREDITS, conversionCreditRows(b, credits));
  });
}

async function rebuildAdFacts(connection: DuckDBConnection, workspace: string, settings: WorkspaceSettings): Promise<void> {
  await connection.run('DELETE FROM ad_facts WHERE workspace_id = $ws', { ws: workspace });
  await runBuilt(connection, (p) => {
    const b = duckdbBuild(workspace, p);
    return insertRowsSql(b.h, AD_FACTS, adFactRows(b, settings.currency));
  });
}

async function rebuildIdentities(connection: DuckDBConnection, workspace: string, scope: PeopleScope): Promise<void> {
  if (!scope.everyone) await deleteChanged(connection, workspace, 'identities');
  await runBuilt(connection, (p) => {
    const b = duckdbBuild(workspace, p);
    return insertRowsSql(b.h, IDENTITIES, identityRows(b, scope.anonymous));
  });
}

/**
 * Events of the people recomputed with effective UTM values and the campaign
 * they resolve to (relations/resolved-events.ts), and the bucket of their
 * anonymous_id.
 */
async function stageResolvedEvents(connection: DuckDBConnection, workspace: string, scope: PeopleScope): Promise<void> {
  await runBuilt(connection, (p) => {
    const events = resolvedEventsSql(duckdbBuild(workspace, p), scope.anonymous);
    return `CREATE OR REPLACE TEMP TABLE resolved_events AS SELECT *, ${bucketOf('anonymous_id')} AS bucket FROM (${events})`;
  });
}

/** Distinct traffic tuples → the pure channel rules → a small mapping table. */
async function stageTrafficMap(connection: DuckDBConnection, options: DeriveOptions): Promise<void> {
  const tuples = (
    await connection.runAndReadAll(
      `SELECT DISTINCT type, explicit_channel, eff_source, eff_medium, eff_campaign, click_id_kind,
         referrer_host, campaign_channel, campaign_platform FROM resolved_events`,
    )
  ).getRows();
  const columns = [...TUPLE_FIELDS, 'source', 'medium', 'resolved_channel'].map((name) => ({ name, kind: 'string' as const }));
  const rows: Row[] = tuples.map((values) => {
    const tuple = Object.fromEntries(TUPLE_FIELDS.map((f, i) => [f, (values[i] as string | null) ?? null])) as unknown as TrafficTuple;
    const traffic = options.resolveTraffic(tuple);
    return { ...tuple, source: traffic.source, medium: traffic.medium, resolved_channel: traffic.channel };
  });
  await stageRows(connection, 'traffic_map', columns, rows);
}

/**
 * Sessions of the resolved events, computed on their keys alone (a window's
 * cost grows with the width of the rows it sorts): each event's session key,
 * whether it is on-site, and the row of its session's first event (itself
 * when off-site), whose traffic the whole session carries.
 */
async function stageSessionKeys(connection: DuckDBConnection, settings: WorkspaceSettings, buckets: BucketRange): Promise<void> {
  const onsite = sqlList(ONSITE_EVENT_TYPES);
  const offsite = sqlList(OFFSITE_EVENT_TYPES);
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE session_keys AS
     WITH base AS (
       SELECT rowid AS rid, anonymous_id, session_id, ts, event_id,
         (type IN (${onsite}) OR (type NOT IN (${offsite}) AND url IS NOT NULL)) AS onsite
       FROM resolved_events WHERE bucket BETWEEN $from AND $to
     ),
     gaps AS (
       SELECT *,
         CASE WHEN onsite AND session_id IS NULL THEN
           CASE WHEN lag(ts) OVER w IS NULL
                  OR ts - lag(ts) OVER w > INTERVAL ($timeout) MINUTE THEN 1 ELSE 0 END
         END AS starts_session
       FROM base
       WINDOW w AS (PARTITION BY anonymous_id, (onsite AND session_id IS NULL) ORDER BY ts, event_id)
     ),
     keyed AS (
       SELECT rid, ts, event_id, onsite,
         CASE WHEN NOT onsite THEN NULL
              WHEN session_id IS NOT NULL THEN anonymous_id || '|s:' || session_id
              ELSE anonymous_id || '|' || CAST(sum(starts_session) OVER (
                PARTITION BY anonymous_id, (onsite AND session_id IS NULL) ORDER BY ts, event_id
                ROWS UNBOUNDED PRECEDING) AS VARCHAR)
         END AS skey
       FROM gaps
     )
     SELECT rid, skey, onsite,
       CASE WHEN onsite THEN first_value(rid) OVER (PARTITION BY skey ORDER BY ts, event_id) ELSE rid END AS first_rid
     FROM keyed`,
    { timeout: settings.session_timeout_minutes, ...buckets },
  );
}

/** The event facts of one range of buckets (stageSessionKeys has staged its sessions). */
async function insertEventFacts(connection: DuckDBConnection, workspace: string, options: DeriveOptions, buckets: BucketRange): Promise<void> {
  const { settings } = options;
  const conversions = sqlList(settings.conversion_types);
  const localDate = (ts: string) => `CAST(timezone($tz, CAST(${ts} AS TIMESTAMPTZ)) AS DATE)`;
  // k: the event; f: its session's first event, whose traffic (m) and campaign the event carries.
  await connection.run(
    `INSERT INTO event_facts
     WITH fx_days AS (
       -- The rate of each currency and local day that has revenue: a handful of rows, not one per event.
       SELECT d.currency, d.local_date, fx.rate
       FROM (SELECT DISTINCT currency, ${localDate('ts')} AS local_date FROM resolved_events
             WHERE bucket BETWEEN $from AND $to AND revenue IS NOT NULL AND currency IS NOT NULL) d
       ASOF LEFT JOIN (SELECT currency, "date", rate FROM fx_rates WHERE workspace_id = $ws) fx
         ON fx.currency = d.currency AND d.local_date >= fx."date"
     )
     SELECT $ws, k.event_id, k.type, k.ts, k.anonymous_id,
       coalesce(k.user_id, i.user_id, k.anonymous_id) AS person_id,
       s.skey, s.onsite, k.is_bot,
       (k.type IN (${conversions})) AS is_conversion,
       m.source, m.medium, m.resolved_channel, f.resolved_campaign, k.ad_group_id,
       coalesce(k.ad_id, CASE WHEN k.eff_content IN (SELECT ad_id FROM ad_performance WHERE workspace_id = $ws AND ad_id <> '') THEN k.eff_content END),
       k.url, CASE WHEN s.onsite THEN f.landing_page END, k.order_id, k.revenue, k.currency,
       ${duckdbHooks.convertMoney('k.revenue', 'k.currency', 'fx.rate', '$currency')},
       k.device, k.country, k.message_id, k.video_id, k.percent,
       CAST(timezone($tz, CAST(k.ts AS TIMESTAMPTZ)) AS TIMESTAMP),
       f.campaign_platform, f.campaign_objective
     FROM resolved_events k
     JOIN session_keys s ON s.rid = k.rowid
     JOIN resolved_events f ON f.rowid = s.first_rid
     JOIN traffic_map m ON
       m.event_type IS NOT DISTINCT FROM f.type AND m.explicit_channel IS NOT DISTINCT FROM f.explicit_channel
       AND m.utm_source IS NOT DISTINCT FROM f.eff_source AND m.utm_medium IS NOT DISTINCT FROM f.eff_medium
       AND m.utm_campaign IS NOT DISTINCT FROM f.eff_campaign AND m.click_id_kind IS NOT DISTINCT FROM f.click_id_kind
       AND m.referrer_host IS NOT DISTINCT FROM f.referrer_host
       AND m.campaign_channel IS NOT DISTINCT FROM f.campaign_channel
       AND m.campaign_platform IS NOT DISTINCT FROM f.campaign_platform
     LEFT JOIN identities i ON i.workspace_id = $ws AND i.anonymous_id = k.anonymous_id
     LEFT JOIN fx_days fx ON fx.currency = k.currency AND fx.local_date = ${localDate('k.ts')}
     WHERE k.bucket BETWEEN $from AND $to AND f.bucket BETWEEN $from AND $to`,
    { ws: workspace, tz: settings.timezone, currency: settings.currency, ...buckets },
  );
}

/** Rows of a table built from the event facts (sessions, visitor days) of the people its definition names. */
async function insertFromFacts(connection: DuckDBConnection, workspace: string, table: TableSpec, rows: (b: RelationBuild) => TableRows): Promise<void> {
  await runBuilt(connection, (p) => {
    const b = duckdbBuild(workspace, p);
    return insertRowsSql(b.h, table, rows(b));
  });
}
