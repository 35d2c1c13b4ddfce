// Turns an HTTP request body (≤ the body limit) into raw records. The whole
// body is read before anything is stored, so a JSON array that does not parse
// stores nothing, while NDJSON and CSV lines fail one record at a time.
import { isAscii } from 'node:buffer';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { PayloadTooLargeError, ValidationError } from '../core/errors.js';
import { applyColumnMap, type ColumnMap } from './column-map.js';
import { checkPresetFormat, expandRecord } from './record-presets/apply-record-preset.js';
import { recordPreset } from './record-presets/registry.js';
import { formatFromContentType } from './readers/input-format.js';
import type { CsvHeader, InputFormat, RawRecord } from './readers/raw-record.js';
import { readRecords } from './readers/read-records.js';

export interface BodyOptions {
  contentType?: string;
  contentEncoding?: string;
  /** A column preset (ad_performance CSV) or a record preset. */
  preset?: string;
  map?: ColumnMap;
  /** IANA zone (or UTC) of zone-less date-times a record preset reads (?assume_timezone=). */
  assumeTimezone?: string;
  /** Formats this route accepts. */
  accept: readonly InputFormat[];
  /** Cap on the decompressed size of a gzip body. */
  maxInflatedBytes: number;
  /** Cap on the number of records in one body. */
  maxRecords: number;
}

export interface BodyRecords {
  records: RawRecord[];
  /** A CSV body's header row, for the pipeline to check against the source. */
  header?: CsvHeader;
}

export async function recordsFromBody(body: Buffer, options: BodyOptions): Promise<BodyRecords> {
  const bytes = withoutBom(inflate(body, options));
  const format = formatFromContentType(options.contentType) ?? sniffFormat(bytes);
  if (!options.accept.includes(format)) {
    throw new ValidationError(`this route accepts ${options.accept.join(', ')} bodies, not ${format}`);
  }
  let header: CsvHeader | undefined;
  const { preset, map } = options;
  const presetContext = options.assumeTimezone === undefined ? {} : { assumeTimezone: options.assumeTimezone };
  const records = format === 'json'
    ? withRecordPreset(parseJsonBody(bytes, map), options)
    : await collect(readRecords(Readable.from([bytes]), format, { preset, map, presetContext, onHeader: (h) => (header = h) }), options.maxRecords);
  if (records.length > options.maxRecords) {
    throw new PayloadTooLargeError(`batch of ${records.length} records is over the limit of ${options.maxRecords}; split it`);
  }
  return header === undefined ? { records } : { records, header };
}

/** A UTF-8 byte order mark (Excel writes one) says nothing about the format and is no part of the data. */
function withoutBom(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/** The body as sent before its Content-Encoding (gzip or none), at most `maxInflatedBytes`. */
export function inflate(body: Buffer, options: Pick<BodyOptions, 'contentEncoding' | 'maxInflatedBytes'>): Buffer {
  const encoding = (options.contentEncoding ?? 'identity').toLowerCase().trim();
  if (encoding === 'identity' || encoding === '') return body;
  if (encoding !== 'gzip' && encoding !== 'x-gzip') {
    throw new ValidationError(`unsupported Content-Encoding "${encoding}"; use gzip or none`);
  }
  try {
    return gunzipSync(body, { maxOutputLength: options.maxInflatedBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || /larger than/i.test(String(err))) {
      throw new PayloadTooLargeError(`decompressed body is over ${options.maxInflatedBytes} bytes`);
    }
    throw new ValidationError('body is not valid gzip');
  }
}

function sniffFormat(bytes: Buffer): InputFormat {
  for (const byte of bytes.subarray(0, 64)) {
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
    if (byte === 0x5b) return 'json'; // [
    if (byte === 0x7b) return 'ndjson'; // {
    return 'csv';
  }
  return 'json';
}

function parseJsonBody(bytes: Buffer, map: ColumnMap | undefined): RawRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(textOf(bytes));
  } catch (err) {
    throw new ValidationError(`body is not valid JSON: ${(err as Error).message}`, undefined, 'invalid_json');
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items.map((value, index): RawRecord => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { index, error: 'record must be a JSON object' };
    }
    return { index, value: map ? applyColumnMap(value as Record<string, unknown>, map) : (value as Record<string, unknown>) };
  });
}

/** The body as text: ASCII (most JSON is) is copied as it is, faster than decoding UTF-8. */
export function textOf(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** A JSON array body's elements under a record preset, when one is named. */
function withRecordPreset(records: RawRecord[], options: BodyOptions): RawRecord[] {
  const preset = options.preset === undefined ? undefined : recordPreset(options.preset);
  if (preset === undefined) return records;
  checkPresetFormat(preset, 'json');
  const context = options.assumeTimezone === undefined ? {} : { assumeTimezone: options.assumeTimezone };
  return records.flatMap((record) => expandRecord(preset, record, context));
}

async function collect(records: AsyncIterable<RawRecord>, max: number): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const record of records) {
    out.push(record);
    if (out.length > max) break;
  }
  return out;
}
