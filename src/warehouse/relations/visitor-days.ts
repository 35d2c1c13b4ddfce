// Visitor days (tables.ts VISITOR_DAYS), written once for every engine: the
// distinct (local day, anonymous_id, traffic attributes) of on-site event facts.
import { VISITOR_DAYS } from '../tables.js';
import type { TableRows } from './insert-select.js';
import type { RelationBuild } from './relation-build.js';

/** The columns a visitor day keeps of its events, as named in event_facts. */
export const VISITOR_DAY_ATTRIBUTES = ['is_bot', 'channel', 'source', 'medium', 'campaign_id', 'platform', 'objective', 'landing_page', 'device', 'country'] as const;

/** The visitor days of the people `scope` names (a condition on an anonymous_id column), as VISITOR_DAYS rows. */
export function visitorDayRows(b: RelationBuild, scope: (anonymousIdColumn: string) => string): TableRows {
  const { h } = b;
  const values: Record<(typeof VISITOR_DAYS.columns)[number]['name'], string> = {
    workspace_id: b.ws,
    day: 'v_day',
    anonymous_id: 'anonymous_id',
    ...Object.fromEntries(VISITOR_DAY_ATTRIBUTES.map((c) => [c, c])),
  };
  const keys = ['v_day', 'anonymous_id', ...VISITOR_DAY_ATTRIBUTES];
  return {
    values,
    from: `(SELECT ${h.wallClockDay('local_ts')} AS v_day, anonymous_id, ${VISITOR_DAY_ATTRIBUTES.join(', ')}
      FROM event_facts WHERE workspace_id = ${b.ws} AND ${h.isTrue('is_onsite')} AND ${scope('anonymous_id')}) AS onsite
      GROUP BY ${keys.join(', ')}`,
  };
}
