// Rebuilds the derived view of raw events in DuckDB: identities (anonymous_id
// → user_id), resolved campaigns, channels, sessions and money in the
// workspace currency. Only people with new raw events since the last refresh
// are recomputed, unless campaigns, fx rates or settings changed (then all).
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { QUERY_ATTRIBUTION_MODELS } from '../../model/attribution.js';
import type { WorkspaceSettings } from '../../model/settings.js';
import type { Scalar } from '../../sql/ast.js';
import { ParamBag } from '../../sql/dialect.js';
import { duckdbBuild } from './duckdb-relations.js';
import { identityRows } from '../relations/identities.js';
import { insertRowsSql } from '../relations/insert-select.js';
import { adFactRows } from '../relations/ad-facts.js';
import { conversionCreditRows } from '../relations/conversion-credits.js';
import { sessionRows } from '../relations/sessions.js';
import type { Row } from '../../model/validate.js';
import { AD_FACTS, CONVERSION_CREDITS, IDENTITIES, OFFSITE_EVENT_TYPES, ONSITE_EVENT_TYPES, SESSIONS } from '../tables.js';
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
      await connection.run(
        `CREATE OR REPLACE TEMP TABLE affected AS
         SELECT DISTINCT anonymous_id FROM events WHERE workspace_id = $ws AND seq > $from`,
        { ws: workspace, from },
      );
      await rebuildIdentities(connection, workspace);
      await stageResolvedEvents(connection, workspace);
      await stageTrafficMap(connection, options);
      await rebuildEventFacts(connection, workspace, options);
      await rebuildSessions(connection, workspace, options.settings);
      await rebuildConversionCredits(connection, workspace, options.settings);
    }
    if (tablesStale) await rebuildAdFacts(connection, workspace, options.settings);
    await connection.run(
      `INSERT INTO derive_state (workspace, watermark, needs_full, tables_watermark) VALUES ($ws, $latest, false, $tables)
       ON CONFLICT (workspace) DO UPDATE SET watermark = $latest, needs_full = false, tables_watermark = $tables`,
      { ws: workspace, latest, tables: latestTables },
    );
  });
}

const DERIVED_EVENT_TABLES = ['identities', 'event_facts', 'sessions', 'conversion_credits'];

async function runBuilt(connection: DuckDBConnection, make: (p: (value: Scalar) => string) => string): Promise<void> {
  const bag = new ParamBag((name) => `$${name}`);
  const sql = make((value) => bag.add(value));
  await connection.run(sql, bag.params as Record<string, DuckDBValue>);
}

/** Conversions of everyone whose events changed, credited by each single-touch model at the workspace lookback. */
async function rebuildConversionCredits(connection: DuckDBConnection, workspace: string, settings: WorkspaceSettings): Promise<void> {
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
  await runBuilt(connection, (p) => {
    const b = duckdbBuild(workspace, p);
    const scope = {
      botFiltering: settings.bot_filtering,
      lookbackDays: settings.lookback_days,
      models: QUERY_ATTRIBUTION_MODELS,
      people: (column: string) => `${column} IN (SELECT person_id FROM affected_people)`,
    };
    return insertRowsSql(b.h, CONVERSION_CREDITS, conversionCreditRows(b, scope));
  });
}

async function rebuildAdFacts(connection: DuckDBConnection, workspace: string, settings: WorkspaceSettings): Promise<void> {
  await connection.run('DELETE FROM ad_facts WHERE workspace_id = $ws', { ws: workspace });
  await runBuilt(connection, (p) => {
    const b = duckdbBuild(workspace, p);
    return insertRowsSql(b.h, AD_FACTS, adFactRows(b, settings.currency));
  });
}

async function rebuildIdentities(connection: DuckDBConnection, workspace: string): Promise<void> {
  await connection.run(`DELETE FROM identities WHERE workspace_id = $ws AND anonymous_id IN (SELECT anonymous_id FROM affected)`, { ws: workspace });
  await runBuilt(connection, (p) => {
    const b = duckdbBuild(workspace, p);
    return insertRowsSql(b.h, IDENTITIES, identityRows(b, (column) => `${column} IN (SELECT anonymous_id FROM affected)`));
  });
}

/** Events of affected people with effective UTM values and the campaign they resolve to. */
async function stageResolvedEvents(connection: DuckDBConnection, workspace: string): Promise<void> {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE resolved_events AS
     WITH camp AS (SELECT campaign_id, channel, platform FROM campaigns WHERE workspace_id = $ws),
     camp_by_name AS (SELECT lower(name) AS lname, min(campaign_id) AS campaign_id FROM campaigns WHERE workspace_id = $ws GROUP BY 1),
     e AS (
       SELECT ev.event_id, ev.type, ev."timestamp", ev.anonymous_id, ev.user_id, ev.session_id, ev.url, ev.channel,
         ev.campaign_id, ev.ad_group_id, ev.ad_id, ev.order_id, ev.revenue, ev.currency,
         ev.parsed_click_id_kind, ev.parsed_referrer_host, ev.parsed_landing_page, ev.parsed_is_bot,
         json_extract_string(ev.properties, '$.device') AS p_device,
         json_extract_string(ev.properties, '$.country') AS p_country,
         json_extract_string(ev.properties, '$.message_id') AS p_message_id,
         json_extract_string(ev.properties, '$.video_id') AS p_video_id,
         TRY_CAST(json_extract_string(ev.properties, '$.percent') AS DOUBLE) AS p_percent,
         coalesce(ev.utm_source, ev.parsed_utm_source) AS eff_source,
         coalesce(ev.utm_medium, ev.parsed_utm_medium) AS eff_medium,
         coalesce(ev.utm_campaign, ev.parsed_utm_campaign) AS eff_campaign,
         coalesce(ev.utm_id, ev.parsed_utm_id) AS eff_utm_id,
         coalesce(ev.utm_content, ev.parsed_utm_content) AS eff_content
       FROM events ev
       WHERE ev.workspace_id = $ws AND ev.anonymous_id IN (SELECT anonymous_id FROM affected)
     ),
     r AS (
       SELECT e.*,
         coalesce(e.campaign_id, by_utm_id.campaign_id, by_campaign_id.campaign_id, by_name.campaign_id) AS resolved_campaign
       FROM e
       LEFT JOIN camp by_utm_id ON by_utm_id.campaign_id = e.eff_utm_id
       LEFT JOIN camp by_campaign_id ON by_campaign_id.campaign_id = e.eff_campaign
       LEFT JOIN camp_by_name by_name ON by_name.lname = lower(e.eff_campaign)
     )
     SELECT r.*, c.channel AS campaign_channel, c.platform AS campaign_platform
     FROM r LEFT JOIN camp c ON c.campaign_id = r.resolved_campaign`,
    { ws: workspace },
  );
}

/** Distinct traffic tuples → the pure channel rules → a small mapping table. */
async function stageTrafficMap(connection: DuckDBConnection, options: DeriveOptions): Promise<void> {
  const tuples = (
    await connection.runAndReadAll(
      `SELECT DISTINCT type, channel, eff_source, eff_medium, eff_campaign, parsed_click_id_kind,
         parsed_referrer_host, campaign_channel, campaign_platform FROM resolved_events`,
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

async function rebuildEventFacts(connection: DuckDBConnection, workspace: string, options: DeriveOptions): Promise<void> {
  const { settings } = options;
  await connection.run(
    `DELETE FROM event_facts WHERE workspace_id = $ws AND anonymous_id IN (SELECT anonymous_id FROM affected)`,
    { ws: workspace },
  );
  const onsite = sqlList(ONSITE_EVENT_TYPES);
  const offsite = sqlList(OFFSITE_EVENT_TYPES);
  const conversions = sqlList(settings.conversion_types);
  await connection.run(
    `INSERT INTO event_facts
     WITH base AS (
       SELECT r.*, m.source AS t_source, m.medium AS t_medium, m.resolved_channel AS t_channel,
         (r.type IN (${onsite}) OR (r.type NOT IN (${offsite}) AND r.url IS NOT NULL)) AS onsite,
         CAST(timezone($tz, CAST(r."timestamp" AS TIMESTAMPTZ)) AS DATE) AS local_date
       FROM resolved_events r
       JOIN traffic_map m ON
         m.event_type IS NOT DISTINCT FROM r.type AND m.explicit_channel IS NOT DISTINCT FROM r.channel
         AND m.utm_source IS NOT DISTINCT FROM r.eff_source AND m.utm_medium IS NOT DISTINCT FROM r.eff_medium
         AND m.utm_campaign IS NOT DISTINCT FROM r.eff_campaign AND m.click_id_kind IS NOT DISTINCT FROM r.parsed_click_id_kind
         AND m.referrer_host IS NOT DISTINCT FROM r.parsed_referrer_host
         AND m.campaign_channel IS NOT DISTINCT FROM r.campaign_channel
         AND m.campaign_platform IS NOT DISTINCT FROM r.campaign_platform
     ),
     gaps AS (
       SELECT *,
         CASE WHEN onsite AND session_id IS NULL THEN
           CASE WHEN lag("timestamp") OVER w IS NULL
                  OR "timestamp" - lag("timestamp") OVER w > INTERVAL ($timeout) MINUTE THEN 1 ELSE 0 END
         END AS starts_session
       FROM base
       WINDOW w AS (PARTITION BY anonymous_id, (onsite AND session_id IS NULL) ORDER BY "timestamp", event_id)
     ),
     keyed AS (
       SELECT *,
         CASE WHEN NOT onsite THEN NULL
              WHEN session_id IS NOT NULL THEN anonymous_id || '|s:' || session_id
              ELSE anonymous_id || '|' || CAST(sum(starts_session) OVER (
                PARTITION BY anonymous_id, (onsite AND session_id IS NULL) ORDER BY "timestamp", event_id
                ROWS UNBOUNDED PRECEDING) AS VARCHAR)
         END AS skey
       FROM gaps
     ),
     sessioned AS (
       -- On-site events carry the traffic of their session's first event.
       SELECT *,
         CASE WHEN onsite THEN first_value(t_source) OVER s ELSE t_source END AS f_source,
         CASE WHEN onsite THEN first_value(t_medium) OVER s ELSE t_medium END AS f_medium,
         CASE WHEN onsite THEN first_value(t_channel) OVER s ELSE t_channel END AS f_channel,
         CASE WHEN onsite THEN first_value(resolved_campaign) OVER s ELSE resolved_campaign END AS f_campaign,
         CASE WHEN onsite THEN first_value(parsed_landing_page) OVER s END AS f_landing
       FROM keyed
       WINDOW s AS (PARTITION BY skey ORDER BY "timestamp", event_id)
     )
     SELECT $ws, k.event_id, k.type, k."timestamp", k.anonymous_id,
       coalesce(k.user_id, i.user_id, k.anonymous_id) AS person_id,
       k.skey, k.onsite, coalesce(k.parsed_is_bot, false),
       (k.type IN (${conversions})) AS is_conversion,
       k.f_source, k.f_medium, k.f_channel, k.f_campaign, k.ad_group_id,
       coalesce(k.ad_id, ads.ad_id) AS ad_id,
       k.url, k.f_landing, k.order_id, k.revenue, k.currency,
       CASE WHEN k.revenue IS NULL THEN NULL
            WHEN k.currency IS NULL OR k.currency = $currency THEN k.revenue
            ELSE CAST(k.revenue * CAST(fx.rate AS DECIMAL(38,12)) AS DECIMAL(18,6)) END,
       k.p_device, k.p_country, k.p_message_id, k.p_video_id, k.p_percent,
       CAST(timezone($tz, CAST(k."timestamp" AS TIMESTAMPTZ)) AS TIMESTAMP),
       camp.platform, camp.objective
     FROM sessioned k
     LEFT JOIN (SELECT campaign_id, platform, objective FROM campaigns WHERE workspace_id = $ws) camp ON camp.campaign_id = k.f_campaign
     LEFT JOIN identities i ON i.workspace_id = $ws AND i.anonymous_id = k.anonymous_id
     LEFT JOIN (SELECT DISTINCT ad_id FROM ad_performance WHERE workspace_id = $ws AND ad_id <> '') ads
       ON k.ad_id IS NULL AND ads.ad_id = k.eff_content
     ASOF LEFT JOIN (SELECT currency, "date", rate FROM fx_rates WHERE workspace_id = $ws) fx
       ON fx.currency = k.currency AND k.local_date >= fx."date"`,
    { ws: workspace, tz: settings.timezone, currency: settings.currency, timeout: settings.session_timeout_minutes },
  );
}

async function rebuildSessions(connection: DuckDBConnection, workspace: string, settings: WorkspaceSettings): Promise<void> {
  await connection.run(`DELETE FROM sessions WHERE workspace_id = $ws AND anonymous_id IN (SELECT anonymous_id FROM affected)`, { ws: workspace });
  await runBuilt(connection, (p) => {
    const b = duckdbBuild(workspace, p);
    return insertRowsSql(b.h, SESSIONS, sessionRows(b, (column) => `${column} IN (SELECT anonymous_id FROM affected)`));
  });
}
