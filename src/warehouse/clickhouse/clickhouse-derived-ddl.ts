// ClickHouse tables of the derived view (event facts, sessions, identities,
// visitor days, conversion credits, ad facts) and of its refresh state. Columns mirror the
// neutral specs in tables.ts with the storage half's types (timestamps and
// wall-clock times as Int64 epoch milliseconds, money as Decimal(18, 6),
// booleans as UInt8). They are plain MergeTree tables: a refresh deletes the
// rows it recomputes with a mutation and waits for it before inserting
// (clickhouse-derive.ts), so reads need no argMax or FINAL.
import { AD_FACTS, CONVERSION_CREDITS, EVENT_FACTS, IDENTITIES, SESSIONS, VISITOR_DAYS, type TableSpec } from '../tables.js';
import { clickhouseType, dayOfMillis } from './clickhouse-ddl.js';
import { quoteIdent } from '../../sql/clickhouse/clickhouse-literals.js';

interface DerivedLayout {
  spec: TableSpec;
  /** Columns never NULL (the sorting key must not be Nullable on 18.16). */
  required: readonly string[];
  partition?: string;
  order: readonly string[];
}

const LAYOUTS: readonly DerivedLayout[] = [
  {
    spec: EVENT_FACTS,
    required: ['workspace_id', 'event_id', 'type', 'ts', 'anonymous_id', 'person_id', 'is_onsite', 'is_bot', 'is_conversion', 'local_ts'],
    partition: `toYYYYMM(${dayOfMillis('ts')})`,
    order: ['workspace_id', 'ts', 'event_id'],
  },
  {
    spec: SESSIONS,
    required: ['workspace_id', 'session_key', 'anonymous_id', 'person_id', 'started_at', 'ended_at', 'pageviews', 'onsite_events', 'is_bounce', 'is_bot', 'local_started_at'],
    partition: `toYYYYMM(${dayOfMillis('started_at')})`,
    order: ['workspace_id', 'started_at', 'session_key'],
  },
  {
    spec: IDENTITIES,
    required: ['workspace_id', 'anonymous_id', 'user_id', 'first_seen'],
    order: ['workspace_id', 'anonymous_id'],
  },
  {
    spec: CONVERSION_CREDITS,
    required: ['workspace_id', 'model', 'ts', 'local_ts', 'conv_key', 'anonymous_id', 'person_id', 'credit', 'channel'],
    order: ['workspace_id', 'model', 'ts', 'conv_key'],
  },
  {
    spec: VISITOR_DAYS,
    required: ['workspace_id', 'day', 'anonymous_id', 'is_bot'],
    partition: 'toYYYYMM(`day`)',
    order: ['workspace_id', 'day', 'anonymous_id'],
  },
  {
    spec: AD_FACTS,
    required: ['workspace_id', 'day', 'platform', 'channel', 'campaign_id', 'impressions', 'clicks'],
    partition: 'toYYYYMM(`day`)',
    order: ['workspace_id', 'day', 'platform', 'campaign_id'],
  },
];

function createSql({ spec, required, partition, order }: DerivedLayout): string {
  const columns = spec.columns.map((c) => `${quoteIdent(c.name)} ${clickhouseType(c.kind, !required.includes(c.name))}`);
  return [
    `CREATE TABLE IF NOT EXISTS ${quoteIdent(spec.name)} (\n  ${columns.join(',\n  ')}\n)`,
    'ENGINE = MergeTree',
    ...(partition ? [`PARTITION BY ${partition}`] : []),
    `ORDER BY (${order.map(quoteIdent).join(', ')})`,
  ].join('\n');
}

/** Statements creating every derived table and the refresh state. */
export function derivedTablesSql(): string[] {
  return [
    ...LAYOUTS.map(createSql),
    // Per workspace: events up to `watermark` (their seq) and tables up to
    // `tables_watermark` are derived, unless `needs_full`; latest version wins.
    `CREATE TABLE IF NOT EXISTS derive_state (workspace String, watermark Int64, needs_full UInt8, tables_watermark Int64, version UInt64)
     ENGINE = ReplacingMergeTree(version) ORDER BY workspace`,
  ];
}
