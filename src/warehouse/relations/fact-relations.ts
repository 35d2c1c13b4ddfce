// The event, session, scroll, survey, ad and campaign-name relations the
// metrics planner reads (columns in metrics/facts.ts), written once for every
// engine over the workspace's derived and source tables.
import type { RelationContext } from '../../sql/relations.js';
import type { RelationBuild } from './relation-build.js';

const bots = (b: RelationBuild, ctx: RelationContext) => (ctx.botFiltering ? ` AND ${b.h.isFalse('is_bot')}` : '');

export function adFacts(b: RelationBuild): string {
  return `SELECT * FROM ad_facts WHERE workspace_id = ${b.ws}`;
}

export function eventFacts(b: RelationBuild, ctx: RelationContext): string {
  return `SELECT event_id, ts, local_ts, type, type AS conversion_type, anonymous_id, person_id, session_key,
      is_onsite, is_conversion, channel, source, medium, campaign_id, ad_group_id, ad_id,
      landing_page, url, device, country, message_id, video_id, percent, order_id,
      revenue_converted AS revenue, platform, objective
    FROM event_facts WHERE workspace_id = ${b.ws}${bots(b, ctx)}`;
}

/** On-site visitors by local day (tables.ts VISITOR_DAYS). */
export function visitorDayFacts(b: RelationBuild, ctx: RelationContext): string {
  return `SELECT * FROM visitor_days WHERE workspace_id = ${b.ws}${bots(b, ctx)}`;
}

export function sessionFacts(b: RelationBuild, ctx: RelationContext): string {
  const { h } = b;
  return `SELECT started_at AS ts, local_started_at AS local_ts, anonymous_id, person_id, session_key,
      (${h.epochMs('ended_at')} - ${h.epochMs('started_at')}) / 1000.0 AS duration_s,
      pageviews, onsite_events, is_bounce, channel, source, medium, campaign_id,
      landing_page, device, country, platform, objective
    FROM sessions WHERE workspace_id = ${b.ws}${bots(b, ctx)}`;
}

/** One row per session and URL scrolled: the deepest scroll, attributes of the first scroll event. */
export function scrollFacts(b: RelationBuild, ctx: RelationContext): string {
  const { h } = b;
  // Inputs are renamed e_*: on ClickHouse 18.16 an alias hides the column of its name everywhere in the SELECT.
  const attributes = ['channel', 'source', 'medium', 'campaign_id', 'landing_page', 'device', 'country', 'platform', 'objective'];
  return `SELECT min(e_ts) AS ts, min(e_local_ts) AS local_ts, session_key, url, max(percent) AS max_percent,
      ${attributes.map((c) => `${h.argMin(`e_${c}`, 'e_ts')} AS ${c}`).join(', ')}
    FROM (SELECT ts AS e_ts, local_ts AS e_local_ts, session_key, url, percent, ${attributes.map((c) => `${c} AS e_${c}`).join(', ')}
          FROM event_facts WHERE workspace_id = ${b.ws}${bots(b, ctx)} AND type = ${b.value('scroll')}
            AND percent IS NOT NULL AND session_key IS NOT NULL)
    GROUP BY session_key, url`;
}

/** The workspace's campaigns keyed `campaign_key`, with c_channel, c_platform and c_objective (NULL for no campaign). */
export function campaignAttributes(b: RelationBuild): string {
  const { h } = b;
  return `SELECT campaign_id AS campaign_key, ${h.nullable('channel')} AS c_channel, ${h.nullable('platform')} AS c_platform,
      ${h.nullable('objective')} AS c_objective
    FROM ${b.source('campaigns')}`;
}

/** Each campaign's name: its own, else the greatest name its ad rows carry. */
export function campaignNames(b: RelationBuild): string {
  const { h } = b;
  const campaigns = b.source('campaigns');
  return `SELECT campaign_id, ${h.nullable('name')} AS campaign_name FROM ${campaigns}
    UNION ALL
    SELECT campaign_id, ${h.nullable(`max(${h.notNull('ad_name')})`)} AS campaign_name
    FROM (SELECT campaign_id, campaign_name AS ad_name FROM ${b.source('ad_performance')})
    WHERE ad_name IS NOT NULL AND campaign_id NOT IN (SELECT campaign_id FROM ${campaigns})
    GROUP BY campaign_id`;
}
