// Reads the aggregated path files other attribution tools exchange (the
// ChannelAttribution format): `path;total_conversions;total_conversion_value;total_null`
// per line, touches joined by " > ". Bad lines are reported by number and the
// rest still read, so one typo does not cost the whole file.
import type { AggregatedPath } from './paths.js';

/** A line that was not read, 1-based as an editor counts it. */
export interface PathFileError {
  line: number;
  message: string;
}

export interface ParsedPathFile {
  /** Distinct paths in order of first appearance; repeated paths are added together. */
  paths: AggregatedPath[];
  /** The first `maxErrors` rejected lines. */
  errors: PathFileError[];
  /** Data lines read (before merging repeats). */
  accepted: number;
  /** Data lines rejected: every one, also those beyond the listed errors. */
  rejected: number;
}

export interface PathFileOptions {
  /** How many errors to list (all are counted). Default 100. */
  maxErrors?: number;
}

export const PATH_FILE_HEADER = 'path;total_conversions;total_conversion_value;total_null';
const FIELD_COUNT = 4;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a path file: an optional header line, then one path per line. Blank
 * lines, a byte-order mark, \r\n line ends and spaces around fields and
 * touches are tolerated.
 *
 * @example
 * parsePathFile('path;total_conversions;total_conversion_value;total_null\nSearch > Email;2;80.5;7\n');
 * // → { paths: [{ touches: ['Search', 'Email'], conversions: 2, revenue: 80.5, nulls: 7 }], errors: [], accepted: 1, rejected: 0 }
 */
export function parsePathFile(text: string, options: PathFileOptions = {}): ParsedPathFile {
  const maxErrors = options.maxErrors ?? 100;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const merged = new Map<string, AggregatedPath>();
  const errors: PathFileError[] = [];
  let accepted = 0;
  let rejected = 0;
  let seenContent = false;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const first = !seenContent;
    seenContent = true;
    if (first && isHeader(line)) return;
    const read = readPathLine(line);
    if (typeof read === 'string') {
      rejected++;
      if (errors.length < maxErrors) errors.push({ line: index + 1, message: read });
      return;
    }
    accepted++;
    mergePath(merged, read);
  });
  return { paths: [...merged.values()], errors, accepted, rejected };
}

/** The header names the path column first; its other column names vary between tools. */
function isHeader(line: string): boolean {
  const fields = line.split(';');
  return fields.length === FIELD_COUNT && fields[0].trim().toLowerCase() === 'path';
}

/** The path on one data line, or why it cannot be read. */
function readPathLine(line: string): AggregatedPath | string {
  const fields = line.split(';');
  if (fields.length !== FIELD_COUNT) {
    return `expected ${FIELD_COUNT} fields separated by ";" (${PATH_FILE_HEADER}), found ${fields.length}`;
  }
  const problems: string[] = [];
  const touches = readTouches(fields[0], problems);
  const conversions = readNumber(fields[1], 'total_conversions', true, problems);
  const revenue = readNumber(fields[2], 'total_conversion_value', false, problems);
  const nulls = readNumber(fields[3], 'total_null', true, problems);
  if (conversions === 0 && revenue !== undefined && revenue > 0) {
    problems.push(`total_conversion_value is ${revenue} but total_conversions is 0: value needs a conversion to belong to`);
  }
  if (problems.length > 0 || conversions === undefined || revenue === undefined || nulls === undefined) return problems.join('; ');
  return { touches, conversions, revenue, nulls };
}

function readTouches(field: string, problems: string[]): string[] {
  const path = field.trim();
  if (path === '') {
    problems.push('the path is empty: a line needs at least one touch before the first ";"');
    return [];
  }
  const touches = path.split('>').map((touch) => touch.trim());
  if (touches.some((touch) => touch === '')) {
    problems.push(`the path "${path}" has an empty touch (a ">" at an end or two in a row)`);
  }
  return touches;
}

/** A number ≥ 0 (whole when it counts journeys), or undefined with the reason pushed to problems. */
function readNumber(field: string, name: string, whole: boolean, problems: string[]): number | undefined {
  const text = field.trim();
  if (!NUMBER.test(text)) {
    problems.push(text === '' ? `${name} is empty` : `${name} "${text}" is not a number (use "." for decimals)`);
    return undefined;
  }
  const value = Number(text);
  if (!Number.isFinite(value)) {
    problems.push(`${name} ${text} is too large`);
    return undefined;
  }
  if (value < 0) {
    problems.push(`${name} is negative (${text})`);
    return undefined;
  }
  if (whole && !Number.isInteger(value)) {
    problems.push(`${name} counts journeys and must be a whole number, not ${text}`);
    return undefined;
  }
  return value === 0 ? 0 : value; // no -0
}

function mergePath(merged: Map<string, AggregatedPath>, path: AggregatedPath): void {
  const key = path.touches.join('\u0000');
  const found = merged.get(key);
  if (found === undefined) {
    merged.set(key, path);
    return;
  }
  found.conversions += path.conversions;
  found.revenue += path.revenue;
  found.nulls += path.nulls;
}
