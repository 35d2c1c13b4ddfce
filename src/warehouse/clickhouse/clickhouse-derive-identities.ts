// Identities in ClickHouse: the first user_id an anonymous_id was seen with
// owns all of its events, earlier ones included (argMin over the anonymous_id's
// events that carry a user_id; argMin skips NULLs on 18.16, -If says so plainly).
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { affectedAnonymous, type DeriveScope } from './clickhouse-derive-sql.js';

/** Inserts the identities of the affected people (their old rows are already deleted). */
export async function insertIdentities(connection: ClickHouseConnection, scope: DeriveScope): Promise<void> {
  await connection.command(
    `INSERT INTO identities (workspace_id, anonymous_id, user_id, first_seen)
     SELECT ${scope.ws}, anonymous_id, assumeNotNull(argMinIf(user_id, \`timestamp\`, isNotNull(user_id))), minIf(\`timestamp\`, isNotNull(user_id))
     FROM events WHERE workspace_id = ${scope.ws} AND isNotNull(user_id) AND ${affectedAnonymous(scope)}
     GROUP BY anonymous_id`,
  );
}
