// What an export is asked for and how it is labelled: the format (csv or
// parquet), the source, and the Content-Type and file name a download carries.
import { ValidationError } from '../core/errors.js';
import { SOURCE_NAMES, type SourceName } from '../model/sources.js';
import type { ExportFormat } from '../warehouse/warehouse.js';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'parquet'];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  parquet: 'application/vnd.apache.parquet',
};

/** The format a request names; csv when it names none. */
export function exportFormat(value: unknown, field = 'format'): ExportFormat {
  if (value === undefined || value === null || value === '') return 'csv';
  if (typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat;
  throw new ValidationError(`${field} must be one of ${EXPORT_FORMATS.join(', ')}, got ${JSON.stringify(value)}`, { field });
}

/** The source a request names. */
export function exportSourceName(value: unknown): SourceName {
  if (typeof value === 'string' && (SOURCE_NAMES as readonly string[]).includes(value)) return value as SourceName;
  throw new ValidationError(`source must be one of ${SOURCE_NAMES.join(', ')}, got ${JSON.stringify(value ?? null)}`, { field: 'source' });
}

/** A finished export: its bytes as a stream and how to label them. */
export interface ExportFile {
  stream: NodeJS.ReadableStream;
  contentType: string;
  fileName: string;
}

/** Labels a stream of `format` as a download named `<base>.<format>`. */
export function exportFile(stream: NodeJS.ReadableStream, base: string, format: ExportFormat): ExportFile {
  return { stream, contentType: CONTENT_TYPES[format], fileName: `${base}.${format}` };
}
