// What a record preset is: a named export layout of a marketing tool whose
// rows (CSV) or objects (NDJSON, JSON) each become zero or more Beacon records
// of one source. A preset is a pure function of one row; reading, locating and
// validating stay with the readers and the ingestion pipeline.
import type { SourceName } from '../../model/sources.js';
import type { InputFormat } from '../readers/raw-record.js';

/** What a preset may need besides the row, fixed for one import. */
export interface RecordPresetContext {
  /** IANA zone (or UTC) that zone-less date-times of the export were written in (--assume-timezone). */
  readonly assumeTimezone?: string;
}

/** One row's records, or why the row cannot become any (the rest of the input is still read). */
export type RecordPresetResult =
  | { readonly records: readonly Record<string, unknown>[] }
  | { readonly error: string };

export interface RecordPresetDoc {
  /** The export it reads and where to get it, one or two sentences. */
  readonly reads: string;
  /** How the export's fields become Beacon fields: one line each. */
  readonly mapping: readonly string[];
}

export interface RecordPreset {
  readonly name: string;
  /** The source its records belong to; using it for another source is refused. */
  readonly source: SourceName;
  /** The input formats it reads. */
  readonly formats: readonly InputFormat[];
  /**
   * CSV only: header names of the export (any case); the header is the first
   * row naming at least two of them, so title rows above it are skipped.
   */
  readonly headers?: readonly string[];
  /** For docs/data.md. */
  readonly doc: RecordPresetDoc;
  /** Maps one row (CSV: header → cell, empty cells absent; JSON: the object). Pure. */
  map(raw: Readonly<Record<string, unknown>>, context: RecordPresetContext): RecordPresetResult;
}
