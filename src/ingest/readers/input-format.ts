// Which reader an input needs, from a file name (CLI) or a Content-Type (HTTP).

import { ValidationError } from '../../core/errors.js';
import type { InputFormat } from './raw-record.js';

const FORMAT_BY_EXTENSION: ReadonlyMap<string, InputFormat> = new Map<string, InputFormat>([
  ['csv', 'csv'],
  ['tsv', 'csv'],
  ['ndjson', 'ndjson'],
  ['jsonl', 'ndjson'],
  ['json', 'json'],
]);

const FORMAT_BY_MEDIA_TYPE: ReadonlyMap<string, InputFormat> = new Map<string, InputFormat>([
  ['application/json', 'json'],
  ['application/x-ndjson', 'ndjson'],
  ['application/ndjson', 'ndjson'],
  ['application/jsonl', 'ndjson'],
  ['application/x-jsonlines', 'ndjson'],
  ['text/csv', 'csv'],
  ['application/csv', 'csv'],
  ['text/tab-separated-values', 'csv'],
]);

/**
 * The format of a file from its extension; `.gz` is looked through.
 * @example formatFromFileName('spend-july.csv.gz') // 'csv'
 */
export function formatFromFileName(name: string): InputFormat {
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  const dot = lower.lastIndexOf('.');
  const format = dot === -1 ? undefined : FORMAT_BY_EXTENSION.get(lower.slice(dot + 1));
  if (format === undefined) {
    throw new ValidationError(
      `cannot tell the format of "${name}": expected a name ending in .csv, .tsv, .ndjson, .jsonl or .json (optionally followed by .gz)`,
      { file: name },
    );
  }
  return format;
}

/**
 * The format named by a Content-Type header, parameters (charset) ignored;
 * undefined when absent or not one Beacon reads.
 * @example formatFromContentType('text/csv; charset=utf-8') // 'csv'
 */
export function formatFromContentType(contentType: string | undefined): InputFormat | undefined {
  if (contentType === undefined) return undefined;
  const mediaType = contentType.split(';', 1)[0].trim().toLowerCase();
  return FORMAT_BY_MEDIA_TYPE.get(mediaType);
}
