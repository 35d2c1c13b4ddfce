// Touches (KPIS.md ATTRIBUTION), written once for every engine: ad and email
// clicks, and session starts; a session starting within 30 minutes after a
// click of the same person is that click's touch, not another one. Ad
// impressions are touches too where a reader asks for view-through.
import type { RelationBuild } from './relation-build.js';

/** How long after a click a session start of the same person is absorbed by the click's touch. */
export const CLICK_ABSORBS_SESSION_MS = 30 * 60 * 1000;

const CLICK_TYPES = ['ad_click', 'email_click'];

/** kind_rank of an ad impression (view-through touches, only where asked for). */
export const IMPRESSION_RANK = 2;

/** The columns of a touch besides person_id; kind_rank is 1 for a click, 0 for a session start, IMPRESSION_RANK for an ad impression. */
export const TOUCH_FIELDS = ['ts', 'kind_rank', 'channel', 'source', 'medium', 'campaign_id', 'ad_group_id', 'ad_id'] as const;

export interface TouchScope {
  botFiltering: boolean;
  /** A condition on a person_id column limiting the people (default: everyone). */
  people?: (column: string) => string;
  /** Whether `ad_impression` events are touches too (view-through; default: not). */
  impressions?: boolean;
}

/**
 * Every touch of the workspace's people: person_id and TOUCH_FIELDS. Order
 * touches by epochMs(ts) × 2 + kind_rank: a click comes after a session start
 * at the same instant (with impressions, by epochMs(ts), then kind_rank).
 * Bots' clicks absorb session starts too, so filtering bots never turns an
 * absorbed session start into a touch.
 */
export function touchesSql(b: RelationBuild, scope: TouchScope): string {
  const { h } = b;
  const clickTypes = CLICK_TYPES.map((t) => b.value(t)).join(', ');
  const people = scope.people ? ` AND ${scope.people('person_id')}` : '';
  const bots = scope.botFiltering ? ` AND ${h.isFalse('is_bot')}` : '';
  const clicks = `SELECT person_id, ts, ${h.smallInt(1)} AS kind_rank, channel, source, medium, campaign_id, ad_group_id, ad_id
    FROM event_facts WHERE workspace_id = ${b.ws} AND type IN (${clickTypes})${bots}${people}`;
  const clickTimes = `SELECT person_id AS click_person, ${h.arrayAgg('ts', [])} AS click_ts
    FROM event_facts WHERE workspace_id = ${b.ws} AND type IN (${clickTypes})${people} GROUP BY person_id`;
  const sessions = `SELECT person_id, person_id AS click_person, started_at, channel, source, medium, campaign_id
    FROM sessions WHERE workspace_id = ${b.ws}${bots}${people}`;
  const window = b.value(CLICK_ABSORBS_SESSION_MS);
  const absorbed = h.arrayExists('click_ts', {
    outer: { start: 'started_at' },
    body: (k, o) => `${k} <= ${o.start} AND ${k} >= ${h.minusMs(o.start, window)}`,
  });
  const starts = `SELECT person_id, started_at AS ts, ${h.smallInt(0)} AS kind_rank, channel, source, medium, campaign_id,
      ${h.nullString()} AS ad_group_id, ${h.nullString()} AS ad_id
    FROM ${h.leftJoin(sessions, clickTimes, ['click_person'])}
    WHERE NOT ${absorbed}`;
  const impressions = scope.impressions
    ? `
    UNION ALL
    SELECT person_id, ts, ${h.smallInt(IMPRESSION_RANK)} AS kind_rank, channel, source, medium, campaign_id, ad_group_id, ad_id
    FROM event_facts WHERE workspace_id = ${b.ws} AND type = ${b.value('ad_impression')}${bots}${people}`
    : '';
  return `${clicks}
    UNION ALL
    ${starts}${impressions}`;
}
