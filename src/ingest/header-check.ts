// Compares a CSV header, as renamed by a preset or a map, with the fields of
// its source before any row is read: the columns Beacon does not know (with
// the field each most likely means), the required fields no column fills, and
// the map that would rename the one into the other.
import { closestNames } from '../core/closest.js';
import { SOURCES, type SourceName } from '../model/sources.js';
import { columnsOf } from '../model/validate.js';
import { DATE_FIELD, ID_FIELD, normalizeColumnName, synonymFields } from './column-synonyms.js';
import type { CsvHeader, HeaderColumn } from './readers/raw-record.js';

export interface UnknownColumn {
  /** As written in the file. */
  readonly column: string;
  /** The field an explicit map named for it, when that is what is unknown. */
  readonly mappedTo?: string;
  /** The field it most likely means, one the header does not fill yet. */
  readonly suggestion?: string;
}

export interface HeaderReport {
  readonly source: SourceName;
  readonly line: number;
  readonly preset?: string;
  /** Columns whose field the source does not have (with a preset: only those that resemble a missing field). */
  readonly unknown: readonly UnknownColumn[];
  /** Required fields no column, preset or option fills: every record would be rejected. */
  readonly missing: readonly string[];
  /** `Column=field,…`: the explicit map given plus the suggestions; absent without suggestions. */
  readonly map?: string;
}

export interface HeaderCheckOptions {
  /** A platform given for records without one (--platform, ?platform=, a preset). */
  readonly platform?: string;
}

/**
 * What the header of a file of `source` lacks and holds in excess.
 * @example checkHeader(header of "order_id,customer_id,ordered_at,amount", 'orders')
 *   // { missing: ['timestamp', 'revenue'], map: 'ordered_at=timestamp,amount=revenue',
 *   //   unknown: [{ column: 'ordered_at', suggestion: 'timestamp' }, { column: 'amount', suggestion: 'revenue' }], … }
 */
export function checkHeader(header: CsvHeader, source: SourceName, options: HeaderCheckOptions = {}): HeaderReport {
  const fields = columnsOf(SOURCES[source].schema);
  const known = new Set(fields.map((f) => f.name));
  const filled = new Set<string>(header.fixed);
  for (const column of header.columns) if (column.field !== undefined && known.has(column.field)) filled.add(column.field);
  if (options.platform !== undefined && source === 'ad_performance') filled.add('platform');
  const missing = fields.filter((f) => f.required && !filled.has(f.name)).map((f) => f.name);

  const strangers = header.columns.filter((c) => c.field !== undefined && !known.has(c.field));
  const suggestions = suggestFields(strangers, source, [...known].filter((name) => !filled.has(name)));
  const unknown = strangers
    .map((c): UnknownColumn => ({ column: c.name, ...(c.mapped ? { mappedTo: c.field } : {}), ...optional('suggestion', suggestions.get(c)) }))
    // An export carries many columns its preset leaves out on purpose (Avg. CPC, CTR…).
    .filter((u) => header.preset === undefined || (u.suggestion !== undefined && missing.includes(u.suggestion)));
  const map = suggestedMap(header.columns, known, unknown);
  return { source, line: header.line, ...optional('preset', header.preset), unknown, missing, ...optional('map', map) };
}

/** True when the header leaves a required field without a column: no record of the file could be stored. */
export function rejectsEveryRecord(report: HeaderReport): boolean {
  return report.missing.length > 0;
}

/**
 * The field each unknown column most likely means, each field given to one
 * column at most: first a known synonym, then the nearest name by edit distance.
 */
function suggestFields(columns: readonly HeaderColumn[], source: SourceName, open: readonly string[]): Map<HeaderColumn, string> {
  const free = new Set(open);
  const { dateField, key } = SOURCES[source];
  const stands: Record<string, string | undefined> = { [DATE_FIELD]: dateField, [ID_FIELD]: key.length === 1 ? key[0] : undefined };
  const chosen = new Map<HeaderColumn, string>();
  const take = (column: HeaderColumn, field: string | undefined) => {
    if (field === undefined || !free.has(field)) return;
    chosen.set(column, field);
    free.delete(field);
  };
  for (const column of columns) {
    const names = [column.name, column.field!];
    const synonyms = names.flatMap(synonymFields).map((f) => (f in stands ? stands[f] : f));
    take(column, synonyms.find((f) => f !== undefined && free.has(f)));
  }
  for (const column of columns) {
    if (chosen.has(column)) continue;
    take(column, closestNames(normalizeColumnName(column.field!), free, 1)[0]);
  }
  return chosen;
}

/** The map to import with: the explicit pairs that name known fields, then the suggestions. */
function suggestedMap(columns: readonly HeaderColumn[], known: ReadonlySet<string>, unknown: readonly UnknownColumn[]): string | undefined {
  const suggested = unknown.filter((u) => u.suggestion !== undefined && !u.column.includes(','));
  if (suggested.length === 0) return undefined;
  const kept = columns.filter((c) => c.mapped && c.field !== undefined && known.has(c.field)).map((c) => `${c.name}=${c.field}`);
  return [...kept, ...suggested.map((u) => `${u.column}=${u.suggestion}`)].join(',');
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
