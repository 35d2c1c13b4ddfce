// Identities, written once for every engine: the first user_id an anonymous_id
// was seen with owns all of its events, earlier ones included.
import { IDENTITIES } from '../tables.js';
import type { TableRows } from './insert-select.js';
import type { RelationBuild } from './relation-build.js';

/** The identities of the people `scope` names (a condition on an anonymous_id column), as IDENTITIES rows. */
export function identityRows(b: RelationBuild, scope: (anonymousIdColumn: string) => string): TableRows {
  const { h } = b;
  const at = h.ident('timestamp');
  const values: Record<(typeof IDENTITIES.columns)[number]['name'], string> = {
    workspace_id: b.ws,
    anonymous_id: 'anonymous_id',
    user_id: h.notNull(h.argMin('user_id', at)),
    first_seen: `min(${at})`,
  };
  return { values, from: `${b.source('events')} WHERE user_id IS NOT NULL AND ${scope('anonymous_id')} GROUP BY anonymous_id` };
}
