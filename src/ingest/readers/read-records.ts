// The one entry point of the readers: picks the reader for the format. Every
// reader streams (memory does not grow with the input) and yields one record at
// a time; batching is the consumer's job.

import type { Readable } from 'node:stream';
import { ValidationError } from '../../core/errors.js';
import type { ColumnMap } from '../column-map.js';
import { isPresetName } from '../presets.js';
import { applyRecordPreset, checkPresetFormat } from '../record-presets/apply-record-preset.js';
import { namesKnownHeaders } from '../record-presets/export-row.js';
import type { RecordPreset, RecordPresetContext } from '../record-presets/record-preset.js';
import { recordPreset } from '../record-presets/registry.js';
import { readCsvRecords } from './csv-reader.js';
import { readJsonArrayRecords } from './json-array-reader.js';
import { readNdjsonRecords } from './ndjson-reader.js';
import type { CsvHeader, InputFormat, RawRecord } from './raw-record.js';

export interface ReadRecordsOptions {
  /**
   * An export layout: an ad-platform column preset (CSV only) or a record
   * preset (a tool's export → records, in the formats it reads).
   */
  readonly preset?: string;
  /** What a record preset needs besides the rows (the zone of zone-less times). */
  readonly presetContext?: RecordPresetContext;
  /** Explicit renames, applied in every format (and over a preset). */
  readonly map?: ColumnMap;
  /** CSV only: told the header row, as renamed, before the first record (see ingest's header check). */
  readonly onHeader?: (header: CsvHeader) => void;
}

/**
 * Streams the records of an input.
 * @example
 * const input = await openInputFile('google-ads.csv');
 * for await (const record of readRecords(input, 'csv', { preset: 'google_ads' })) {
 *   if ('error' in record) reject(record); else accept(record.value);
 * }
 */
export function readRecords(
  input: Readable,
  format: InputFormat,
  options: ReadRecordsOptions = {},
): AsyncGenerator<RawRecord> {
  const preset = options.preset;
  if (preset !== undefined && !isPresetName(preset)) {
    const records = recordPreset(preset);
    if (records === undefined) throw new ValidationError(`unknown preset "${preset}"`, { preset });
    return readWithRecordPreset(input, format, records, options);
  }
  if (preset !== undefined && format !== 'csv') {
    throw new ValidationError(`preset ${preset} reads CSV exports, not ${format}`, { preset });
  }
  switch (format) {
    case 'csv':
      return readCsvRecords(input, { ...options, preset });
    case 'ndjson':
      return readNdjsonRecords(input, options.map);
    case 'json':
      return readJsonArrayRecords(input, options.map);
  }
}

/**
 * A record preset's rows, read plainly in its format and mapped one at a time.
 * Its CSV header names export columns, not fields, so it is not checked
 * against the source; title lines above it are skipped.
 */
function readWithRecordPreset(
  input: Readable,
  format: InputFormat,
  preset: RecordPreset,
  options: ReadRecordsOptions,
): AsyncGenerator<RawRecord> {
  checkPresetFormat(preset, format);
  const { map } = options;
  const headers = preset.headers;
  const rows = format === 'csv'
    ? readCsvRecords(input, {
      map,
      ...(headers === undefined ? {} : { exportLayout: { name: preset.name, isHeader: (cells) => namesKnownHeaders(cells.map((c) => map?.get(c) ?? c), headers) } }),
    })
    : format === 'ndjson' ? readNdjsonRecords(input, map) : readJsonArrayRecords(input, map);
  return applyRecordPreset(preset, rows, options.presetContext ?? {});
}
