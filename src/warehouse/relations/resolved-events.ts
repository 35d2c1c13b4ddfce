// The first step of an events refresh, written once for every engine: the
// events of the people recomputed, with their effective UTM values (explicit,
// else parsed from the URL), well-known properties, and the campaign they
// resolve to: explicit campaign_id, else utm_id as a campaign id, else
// utm_campaign as an id, else utm_campaign as a name (case-insensitively),
// with that campaign's channel and platform. Each engine stages the rows in a
// scratch table; their distinct traffic tuples then meet the channel rules.
import { campaignAttributes } from './fact-relations.js';
import type { RelationBuild } from './relation-build.js';

/** The columns of a resolved event, as the event facts statements read them. */
export const RESOLVED_EVENT_COLUMNS = [
  'event_id', 'type', 'ts', 'anonymous_id', 'user_id', 'session_id', 'url', 'explicit_channel', 'campaign_id', 'ad_group_id',
  'ad_id', 'order_id', 'revenue', 'currency', 'click_id_kind', 'referrer_host', 'landing_page', 'is_bot', 'device', 'country',
  'message_id', 'video_id', 'percent', 'eff_source', 'eff_medium', 'eff_campaign', 'eff_content', 'resolved_campaign',
  'campaign_channel', 'campaign_platform', 'campaign_objective',
] as const;

const PROPERTIES = ['device', 'country', 'message_id', 'video_id'];

/** The resolved events of the people `scope` names (a condition on an anonymous_id column). */
export function resolvedEventsSql(b: RelationBuild, scope: (anonymousIdColumn: string) => string): string {
  const { h } = b;
  const none = b.value('');
  const fields = h.jsonFields('properties', [...PROPERTIES, 'percent']);
  const effective = (tag: string) => `coalesce(utm_${tag}, parsed_utm_${tag})`;
  const events = `SELECT event_id, type, ${h.ident('timestamp')} AS ts, anonymous_id, user_id, session_id, url, channel AS explicit_channel,
      campaign_id, ad_group_id, ad_id, order_id, revenue, currency,
      parsed_click_id_kind AS click_id_kind, parsed_referrer_host AS referrer_host, parsed_landing_page AS landing_page,
      coalesce(parsed_is_bot, ${h.falseValue()}) AS is_bot,
      ${PROPERTIES.map((p) => `${fields.text('props', p)} AS ${p}`).join(', ')},
      ${fields.number('props', 'percent')} AS percent,
      ${effective('source')} AS eff_source, ${effective('medium')} AS eff_medium, ${effective('campaign')} AS eff_campaign,
      ${effective('id')} AS eff_utm_id, ${effective('content')} AS eff_content,
      ${h.lower(`coalesce(${effective('campaign')}, ${none})`)} AS name_key
    FROM (SELECT *, ${fields.parsed} AS props FROM ${b.source('events')} WHERE ${scope('anonymous_id')})`;
  const campaigns = b.source('campaigns');
  const byName = `SELECT ${h.lower('name')} AS name_key, ${h.nullable('min(campaign_id)')} AS by_name FROM ${campaigns} GROUP BY ${h.lower('name')}`;
  const isCampaign = (column: string) => `CASE WHEN coalesce(${column}, ${none}) IN (SELECT campaign_id FROM ${campaigns}) THEN ${column} ELSE NULL END`;
  const resolved = `SELECT *, coalesce(campaign_id, ${isCampaign('eff_utm_id')}, ${isCampaign('eff_campaign')}, by_name) AS resolved_campaign
    FROM ${h.leftJoin(events, byName, ['name_key'])}`;
  const keyed = `SELECT *, coalesce(resolved_campaign, ${none}) AS campaign_key FROM (${resolved})`;
  const columns = RESOLVED_EVENT_COLUMNS.map((c) =>
    c.startsWith('campaign_') && c !== 'campaign_id' ? `c_${c.slice('campaign_'.length)} AS ${c}` : c,
  );
  return `SELECT ${columns.join(', ')} FROM ${h.leftJoin(keyed, campaignAttributes(b), ['campaign_key'])}`;
}
