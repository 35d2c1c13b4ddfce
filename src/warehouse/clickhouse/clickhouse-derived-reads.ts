// Reads of the ClickHouse derived view in the shapes the DuckDB engine
// returns: timestamps and wall-clock times as 'YYYY-MM-DD HH:MM:SS[.fff]',
// 64-bit integers and money as text, booleans as booleans; same order.
import { EVENT_FACTS, IDENTITIES, SESSIONS, type TableSpec } from '../tables.js';
import type { Row } from '../../model/validate.js';
import type { DerivedRelation } from '../warehouse.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { quoteString } from '../../sql/clickhouse/clickhouse-literals.js';
import { decodeRow, readExpression } from './clickhouse-rows.js';

const RELATIONS: Record<DerivedRelation, { spec: TableSpec; order: string }> = {
  event_facts: { spec: EVENT_FACTS, order: 'ts, event_id' },
  sessions: { spec: SESSIONS, order: 'started_at, session_key' },
  identities: { spec: IDENTITIES, order: 'anonymous_id' },
};

export async function readDerivedRows(connection: ClickHouseConnection, workspace: string, relation: DerivedRelation): Promise<Row[]> {
  const { spec, order } = RELATIONS[relation];
  const columns = spec.columns.filter((c) => c.name !== 'workspace_id');
  const rows = await connection.select(
    `SELECT ${columns.map(readExpression).join(', ')} FROM ${spec.name} WHERE workspace_id = ${quoteString(workspace)} ORDER BY ${order}`,
  );
  return rows.map((raw) => decodeRow(columns, raw));
}
