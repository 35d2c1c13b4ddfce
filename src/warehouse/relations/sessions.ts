// Sessions, written once for every engine: each session of the derived event
// facts (every on-site event has its session_key) with its first values by
// time (NULLs skipped), its length, page views, and whether it bounced.
import { SESSIONS } from '../tables.js';
import type { TableRows } from './insert-select.js';
import type { RelationBuild } from './relation-build.js';

/** The sessions of the people `scope` names (a condition on an anonymous_id column), as SESSIONS rows. */
export function sessionRows(b: RelationBuild, scope: (anonymousIdColumn: string) => string): TableRows {
  const { h } = b;
  const first = (column: string) => h.argMin(column, 'ts');
  const pageViews = h.countIf(`type = ${b.value('page_view')}`);
  const values: Record<(typeof SESSIONS.columns)[number]['name'], string> = {
    workspace_id: b.ws,
    session_key: h.notNull('session_key'),
    anonymous_id: h.anyValue('anonymous_id'),
    person_id: first('person_id'),
    started_at: 'min(ts)',
    ended_at: 'max(ts)',
    source: first('source'),
    medium: first('medium'),
    channel: first('channel'),
    campaign_id: first('campaign_id'),
    landing_page: first('landing_page'),
    pageviews: pageViews,
    onsite_events: h.countRows(),
    is_bounce: `(${pageViews} = 1 AND ${h.countRows()} = 1)`,
    is_bot: h.anyTrue('is_bot'),
    device: first('device'),
    country: first('country'),
    local_started_at: 'min(local_ts)',
    platform: first('platform'),
    objective: first('objective'),
  };
  return {
    values,
    from: `event_facts WHERE workspace_id = ${b.ws} AND session_key IS NOT NULL AND ${scope('anonymous_id')}
    GROUP BY session_key`,
  };
}
