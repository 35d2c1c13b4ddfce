// What every reader yields: one record at a time, before validation, with enough
// position (index, line) for a rejection to point at the bad input.

/** One record read from an input, before validation. */
export type RawRecord =
  | { index: number; line?: number; value: Record<string, unknown> }
  | { index: number; line?: number; error: string }; // this record could not be parsed (bad NDJSON line, CSV row with wrong column count)

export type InputFormat = 'csv' | 'ndjson' | 'json';

/**
 * A CSV file's header row as the reader understood it, before any record:
 * each column's name in the file and the field it fills once a preset or an
 * explicit map has renamed it.
 */
export interface CsvHeader {
  /** The header's 1-based line (title lines of an export come before it). */
  readonly line: number;
  readonly columns: readonly HeaderColumn[];
  /** Fields set on every record without a column (a preset's platform, a currency read from a header). */
  readonly fixed: readonly string[];
  /** The export layout the file was read with, if any. */
  readonly preset?: string;
}

export interface HeaderColumn {
  /** As written in the file, trimmed. */
  readonly name: string;
  /** The field its cells fill; absent when the column is dropped (it has no name). */
  readonly field?: string;
  /** True when an explicit map (--map, ?map=) renamed it. */
  readonly mapped: boolean;
}

/**
 * Longest single record (CSV row, NDJSON line, JSON array element) a reader holds,
 * in characters. A record never needs this much; an unclosed quote or a missing
 * newline does, and without a cap it would pull the rest of the input into memory.
 */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;
