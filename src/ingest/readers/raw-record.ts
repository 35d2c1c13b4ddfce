// What every reader yields: one record at a time, before validation, with enough
// position (index, line) for a rejection to point at the bad input.

/** One record read from an input, before validation. */
export type RawRecord =
  | { index: number; line?: number; value: Record<string, unknown> }
  | { index: number; line?: number; error: string }; // this record could not be parsed (bad NDJSON line, CSV row with wrong column count)

export type InputFormat = 'csv' | 'ndjson' | 'json';

/**
 * Longest single record (CSV row, NDJSON line, JSON array element) a reader holds,
 * in characters. A record never needs this much; an unclosed quote or a missing
 * newline does, and without a cap it would pull the rest of the input into memory.
 */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;
