// Streams the elements of a top-level JSON array without holding the array.
// A small splitter finds where each element ends (tracking strings and nesting)
// and JSON.parse reads it: several times faster than a token-level streaming
// parser. An input that is not a well-formed array is rejected whole.

import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { ValidationError } from '../../core/errors.js';
import { applyColumnMap, type ColumnMap } from '../column-map.js';
import { describeJsonValue } from './ndjson-reader.js';
import { MAX_RECORD_CHARS, type RawRecord } from './raw-record.js';

const enum State {
  BeforeArray,
  FirstValueOrEnd,
  Value,
  InValue,
  CommaOrEnd,
  AfterArray,
}

/** Where the splitter is inside the element it is reading. */
interface ElementScan {
  depth: number;
  inString: boolean;
  /** Scalars (numbers, true, false, null) end at the first delimiter after them. */
  scalar: boolean;
}

/**
 * Reads the objects of a JSON array one by one; a non-object element is an error
 * record. Throws ValidationError when the input is not a JSON array or does not
 * parse — possibly after earlier elements were yielded, so a consumer that must
 * store all or nothing holds its writes until the generator finishes.
 * @example for await (const r of readJsonArrayRecords(stream)) …
 */
export async function* readJsonArrayRecords(input: Readable, map?: ColumnMap): AsyncGenerator<RawRecord> {
  const decoder = new StringDecoder('utf8');
  const rename = map !== undefined && map.size > 0 ? map : undefined;
  const scan: ElementScan = { depth: 0, inString: false, scalar: false };
  let state = State.BeforeArray;
  let text = '';
  let pos = 0;
  let elementStart = 0;
  let index = 0;

  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const decoded = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    text = state === State.InValue ? text.slice(elementStart) + decoded : decoded;
    pos = state === State.InValue ? pos - elementStart : 0;
    elementStart = 0;
    while (pos < text.length) {
      if (state === State.InValue) {
        const end = scanElement(text, pos, scan);
        if (end === -1) {
          pos = text.length;
          break;
        }
        pos = end;
        state = State.CommaOrEnd;
        yield toRecord(text.slice(elementStart, end), index++, rename);
        continue;
      }
      const code = text.charCodeAt(pos);
      if (isWhitespace(code) || (code === 0xfeff && state === State.BeforeArray && pos === 0)) {
        pos++;
        continue;
      }
      switch (state) {
        case State.BeforeArray:
          if (code !== 0x5b) throw notAnArray(`it starts with ${quoteChar(code)}`);
          state = State.FirstValueOrEnd;
          pos++;
          break;
        case State.FirstValueOrEnd:
        case State.Value:
          if (code === 0x5d && state === State.FirstValueOrEnd) {
            state = State.AfterArray;
            pos++;
            break;
          }
          if (code === 0x2c || code === 0x5d) throw doesNotParse(`unexpected ${quoteChar(code)} where element ${index} should start`);
          elementStart = pos;
          scan.depth = 0;
          scan.inString = false;
          scan.scalar = code !== 0x7b && code !== 0x5b && code !== 0x22;
          state = State.InValue;
          break;
        case State.CommaOrEnd:
          if (code === 0x2c) state = State.Value;
          else if (code === 0x5d) state = State.AfterArray;
          else throw doesNotParse(`expected "," or "]" after element ${index - 1}, found ${quoteChar(code)}`);
          pos++;
          break;
        case State.AfterArray:
          throw doesNotParse(`unexpected ${quoteChar(code)} after the end of the array`);
      }
    }
    if (state === State.InValue && text.length - elementStart > MAX_RECORD_CHARS) {
      throw new ValidationError(`JSON array element ${index} is longer than ${MAX_RECORD_CHARS} characters`);
    }
  }
  if (state === State.BeforeArray) throw notAnArray('it is empty');
  if (state !== State.AfterArray) throw doesNotParse('the array is not closed');
  if (decoder.end().trim() !== '') throw doesNotParse('unexpected bytes after the end of the array');
}

/**
 * Index just past the element that started earlier, or -1 when it continues in
 * the next chunk. Strings are skipped with indexOf, so long text costs little.
 */
function scanElement(text: string, pos: number, scan: ElementScan): number {
  const length = text.length;
  while (pos < length) {
    if (scan.inString) {
      const quote = text.indexOf('"', pos);
      if (quote === -1) return -1;
      pos = quote + 1;
      if (!isEscaped(text, quote)) {
        scan.inString = false;
        if (scan.depth === 0) return pos; // the element was a string
      }
      continue;
    }
    const code = text.charCodeAt(pos);
    if (scan.scalar) {
      if (code === 0x2c || code === 0x5d || isWhitespace(code)) return pos;
      pos++;
      continue;
    }
    if (code === 0x22) scan.inString = true;
    else if (code === 0x7b || code === 0x5b) scan.depth++;
    else if ((code === 0x7d || code === 0x5d) && --scan.depth === 0) return pos + 1;
    pos++;
  }
  return -1;
}

/** A quote is escaped when an odd number of backslashes precede it. */
function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let i = quote - 1; i >= 0 && text.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 1;
}

function toRecord(source: string, index: number, map: ColumnMap | undefined): RawRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (err) {
    throw doesNotParse(`element ${index}: ${(err as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { index, error: `element is not a JSON object (got ${describeJsonValue(parsed)})` };
  }
  const value = parsed as Record<string, unknown>;
  return { index, value: map === undefined ? value : applyColumnMap(value, map) };
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function quoteChar(code: number): string {
  return JSON.stringify(String.fromCharCode(code));
}

function notAnArray(why: string): ValidationError {
  return new ValidationError(`JSON input must be an array of objects, but ${why}`);
}

function doesNotParse(why: string): ValidationError {
  return new ValidationError(`JSON array does not parse: ${why}`);
}
