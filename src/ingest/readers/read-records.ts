// The one entry point of the readers: picks the reader for the format. Every
// reader streams (memory does not grow with the input) and yields one record at
// a time; batching is the consumer's job.

import type { Readable } from 'node:stream';
import { ValidationError } from '../../core/errors.js';
import type { ColumnMap } from '../column-map.js';
import type { PresetName } from '../presets.js';
import { readCsvRecords } from './csv-reader.js';
import { readJsonArrayRecords } from './json-array-reader.js';
import { readNdjsonRecords } from './ndjson-reader.js';
import type { CsvHeader, InputFormat, RawRecord } from './raw-record.js';

export interface ReadRecordsOptions {
  /** An ad-platform export layout; CSV only. */
  readonly preset?: PresetName;
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
  if (options.preset !== undefined && format !== 'csv') {
    throw new ValidationError(`preset ${options.preset} reads CSV exports, not ${format}`, { preset: options.preset });
  }
  switch (format) {
    case 'csv':
      return readCsvRecords(input, options);
    case 'ndjson':
      return readNdjsonRecords(input, options.map);
    case 'json':
      return readJsonArrayRecords(input, options.map);
  }
}
