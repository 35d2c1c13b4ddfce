// Streams NDJSON: one JSON object per line. Hand-written rather than a library
// because this is the ingestion hot path: split on \n, keep the partial tail,
// JSON.parse each line. A bad line is one error record, never a failed input.

import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { applyColumnMap, type ColumnMap } from '../column-map.js';
import { MAX_RECORD_CHARS, type RawRecord } from './raw-record.js';

/**
 * Reads NDJSON records with their 1-based line; blank lines are skipped but
 * counted, CRLF is accepted, a leading BOM is dropped.
 * @example for await (const r of readNdjsonRecords(stream)) …
 */
export async function* readNdjsonRecords(input: Readable, map?: ColumnMap): AsyncGenerator<RawRecord> {
  const decoder = new StringDecoder('utf8');
  const rename = map !== undefined && map.size > 0 ? map : undefined;
  let tail = '';
  let line = 1; // the line that starts at the beginning of `tail`
  let index = 0;
  let first = true;
  // Set while dropping the rest of an over-long line (already reported).
  let skipping = false;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    text = tail === '' ? text : tail + text;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      if (skipping) skipping = false;
      else {
        const record = parseLine(text, start, nl, line, index, rename);
        if (record !== undefined) {
          index++;
          yield record;
        }
      }
      start = nl + 1;
      line++;
    }
    tail = start === 0 ? text : text.slice(start);
    if (!skipping && tail.length > MAX_RECORD_CHARS) {
      yield { index: index++, line, error: `line is longer than ${MAX_RECORD_CHARS} characters` };
      skipping = true;
    }
    if (skipping) tail = '';
  }
  tail += decoder.end();
  if (!skipping && tail.length > 0) {
    const record = parseLine(tail, 0, tail.length, line, index, rename);
    if (record !== undefined) yield record;
  }
}

function parseLine(
  text: string,
  start: number,
  end: number,
  line: number,
  index: number,
  map: ColumnMap | undefined,
): RawRecord | undefined {
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  if (end === start) return undefined;
  const source = text.slice(start, end);
  // Only a line that starts with whitespace can be blank; skip the trim otherwise.
  if (source.charCodeAt(0) <= 32 && source.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (err) {
    return { index, line, error: `line is not valid JSON: ${(err as Error).message}` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { index, line, error: `line is not a JSON object (got ${describeJsonValue(parsed)})` };
  }
  const value = parsed as Record<string, unknown>;
  return { index, line, value: map === undefined ? value : applyColumnMap(value, map) };
}

/** For error messages: what a non-object JSON value is. */
export function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
