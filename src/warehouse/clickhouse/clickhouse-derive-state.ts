// The refresh state of a workspace's derived view in ClickHouse: how far raw
// events (watermark) and ad rows, campaigns and fx rates (tables_watermark)
// are derived, and whether the next refresh must rebuild everything. Each
// change is a new version of the workspace's row in derive_state.
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { quoteString } from '../../sql/clickhouse/clickhouse-literals.js';
import { encodeRow } from './clickhouse-rows.js';
import type { StoredColumn } from '../tables.js';
import type { VersionClock } from './clickhouse-version-clock.js';

export interface DeriveState {
  watermark: number;
  needsFull: boolean;
  tablesWatermark: number;
  /** The version of the stored row (0 when the workspace has none). */
  version: number;
}

const COLUMNS: readonly StoredColumn[] = [
  { name: 'workspace', kind: 'string' },
  { name: 'watermark', kind: 'integer' },
  { name: 'needs_full', kind: 'boolean' },
  { name: 'tables_watermark', kind: 'integer' },
  { name: 'version', kind: 'integer' },
];

/** A workspace never refreshed must be built whole. */
const NEVER: DeriveState = { watermark: 0, needsFull: true, tablesWatermark: -1, version: 0 };

export async function readDeriveState(connection: ClickHouseConnection, workspace: string): Promise<DeriveState> {
  const [row] = await connection.select<{ s: [string, number, string]; v: string }>(
    `SELECT argMax(tuple(watermark, needs_full, tables_watermark), version) AS s, max(version) AS v
     FROM derive_state WHERE workspace = ${quoteString(workspace)} GROUP BY workspace`,
  );
  if (!row) return NEVER;
  const [watermark, needsFull, tablesWatermark] = row.s;
  return { watermark: Number(watermark), needsFull: Number(needsFull) === 1, tablesWatermark: Number(tablesWatermark), version: Number(row.v) };
}

export async function writeDeriveState(
  connection: ClickHouseConnection,
  clock: VersionClock,
  workspace: string,
  state: Omit<DeriveState, 'version'>,
): Promise<void> {
  const row = { workspace, watermark: state.watermark, needs_full: state.needsFull, tables_watermark: state.tablesWatermark, version: clock.next() };
  await connection.insert('derive_state', [encodeRow(COLUMNS, row)]);
}

/** Forces the next refresh of `workspace` to rebuild its derived view whole. */
export function markFull(connection: ClickHouseConnection, clock: VersionClock, workspace: string): Promise<void> {
  return writeDeriveState(connection, clock, workspace, { watermark: 0, needsFull: true, tablesWatermark: -1 });
}

/** The highest seq stored in `tables` for the workspace (0 when none). */
export async function latestSeq(connection: ClickHouseConnection, workspace: string, tables: readonly string[]): Promise<number> {
  const parts = tables.map((t) => `SELECT max(seq) AS seq FROM ${t} WHERE workspace_id = ${quoteString(workspace)}`);
  const [row] = await connection.select<{ seq: string }>(`SELECT max(seq) AS seq FROM (${parts.join(' UNION ALL ')})`);
  return Number(row?.seq ?? 0);
}
