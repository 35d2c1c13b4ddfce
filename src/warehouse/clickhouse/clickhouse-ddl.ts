// ClickHouse column types and CREATE TABLE statements for the neutral table
// specs, chosen for what ClickHouse 18.16 supports:
// - timestamps are Int64 epoch milliseconds: DateTime has whole seconds and
//   18.16 has no DateTime64;
// - dates are Date (1970-01-01 … 2105-12-31; clickhouse-rows.ts refuses others,
//   which 18.16 would otherwise store silently as 0000-00-00);
// - money is Decimal(18, 6): 18.16 parses it exactly from JSON numbers, sums it
//   exactly into Decimal(38, 6) and multiplies and divides Decimal by Decimal
//   (not by Float64: a Float64 rate must be cast to Decimal first), so
//   micro-unit integers are not needed;
// - booleans are UInt8; a field that may be absent is Nullable.
// Float64 ('number' columns) are parsed by 18.16's fast text parser, which can be
// one unit in the last place off (24.952 may read back as 24.951999999999998);
// no money is stored in them.
import { SOURCES, type SourceName } from '../../model/sources.js';
import { columnsOf } from '../../model/validate.js';
import { sourceTable, type StoredColumn, type StoredKind, type TableSpec } from '../tables.js';
import { quoteIdent } from '../../sql/clickhouse/clickhouse-literals.js';

const TYPES: Record<StoredKind, string> = {
  string: 'String',
  timestamp: 'Int64',
  date: 'Date',
  integer: 'Int64',
  number: 'Float64',
  money: 'Decimal(18, 6)',
  json: 'String',
  boolean: 'UInt8',
};

export function clickhouseType(kind: StoredKind, nullable: boolean): string {
  return nullable ? `Nullable(${TYPES[kind]})` : TYPES[kind];
}

/** The day of an epoch-milliseconds column, for partitioning by month. */
export function dayOfMillis(column: string): string {
  return `toDate(intDiv(${quoteIdent(column)}, 86400000))`;
}

/** A tombstone flag: deleting a versioned row writes a newer version with deleted = 1. */
export const DELETED: StoredColumn = { name: 'deleted', kind: 'boolean' };

/** Columns never absent in a source table: bookkeeping, the natural key and the contract's required fields. */
export function requiredColumns(source: SourceName): ReadonlySet<string> {
  const required = columnsOf(SOURCES[source].schema).filter((c) => c.required).map((c) => c.name);
  return new Set(['workspace_id', 'import_id', 'seq', 'received_at', 'row_hash', DELETED.name, ...SOURCES[source].key, ...required]);
}

/** Every stored column of a source table: the neutral spec, plus the tombstone flag for upserted tables. */
export function storedColumns(source: SourceName): readonly StoredColumn[] {
  const spec = sourceTable(source);
  return source === 'events' ? spec.columns : [...spec.columns, DELETED];
}

/**
 * Month partitions only where the month follows from the natural key: a
 * ReplacingMergeTree collapses versions of a key only within one partition,
 * so a key whose date may change (an order's timestamp) is not partitioned.
 */
function partitionOf(source: SourceName): string | undefined {
  switch (source) {
    case 'events':
      return `toYYYYMM(${dayOfMillis('timestamp')})`;
    case 'lifecycle':
      return `toYYYYMM(${dayOfMillis('timestamp')})`;
    case 'ad_performance':
    case 'fx_rates':
      return 'toYYYYMM(`date`)';
    default:
      return undefined;
  }
}

function columnList(columns: readonly StoredColumn[], required: ReadonlySet<string>): string {
  return columns.map((c) => `${quoteIdent(c.name)} ${clickhouseType(c.kind, !required.has(c.name))}`).join(',\n  ');
}

/**
 * Events: a MergeTree sorted by (workspace_id, event_id), so the duplicate
 * lookup every write makes reads a few granules through the primary index,
 * while month partitions (their min/max index is on `timestamp`) prune time
 * ranges. Tables: a ReplacingMergeTree on (workspace_id, natural key) with
 * `seq` as the version; reads take the latest version with argMax and never
 * rely on merges having happened.
 */
export function createSourceTableSql(source: SourceName): string {
  const spec: TableSpec = sourceTable(source);
  const partition = partitionOf(source);
  const order = ['workspace_id', ...spec.key].map(quoteIdent).join(', ');
  const engine = source === 'events' ? 'MergeTree' : `ReplacingMergeTree(${quoteIdent('seq')})`;
  return [
    `CREATE TABLE IF NOT EXISTS ${quoteIdent(spec.name)} (\n  ${columnList(storedColumns(source), requiredColumns(source))}\n)`,
    `ENGINE = ${engine}`,
    ...(partition ? [`PARTITION BY ${partition}`] : []),
    `ORDER BY (${order})`,
  ].join('\n');
}
