// The one ingestion pipeline used by HTTP routes, the CLI and the demo:
// raw records → validate → parse event fields → batched idempotent writes.
import type { SourceName } from '../model/sources.js';
import { validatorFor, type Row } from '../model/validate.js';
import type { SourceWriter } from '../warehouse/warehouse.js';
import { headerGate } from './header-gate.js';
import type { OptionStyle } from './header-messages.js';
import { addRejection, addWrite, emptySummary, type IngestSummary } from './ingest-summary.js';
import { addParsedEventFields } from './parse-event-fields.js';
import type { CsvHeader, RawRecord } from './readers/raw-record.js';

export interface IngestTarget {
  warehouse: SourceWriter;
  workspace: string;
  source: SourceName;
  importId: string;
  /** Platform for ad_performance records that do not name one (presets, --platform). */
  platform?: string;
  /** Record the import with each write (for a single-batch ingestion such as one HTTP body). */
  note?: { origin: string; startedAt: string };
  /** IANA zone (or UTC) whose midnight a date-only timestamp means (--assume-timezone); without it such values are rejected. */
  assumeTimezone?: string;
  /** How messages name options: `--map "…"` (the CLI, default) or `?map=…` (HTTP). */
  optionStyle?: OptionStyle;
}

export interface IngestOptions {
  /** Rows per write transaction. */
  batchSize?: number;
  /** Called after each written batch with the running summary. */
  onBatch?: (summary: IngestSummary) => void;
  /**
   * The CSV header once read (from ReadRecordsOptions.onHeader): checked against
   * the source before the first record, it may reject the whole file.
   */
  header?: () => CsvHeader | undefined;
}

/** Rows per write transaction when streaming files: small enough to keep an import's memory flat. */
export const DEFAULT_BATCH_SIZE = 2_000;

/** Validates every record, writes the valid ones in batches, and reports what happened. */
export async function ingestRecords(
  target: IngestTarget,
  records: AsyncIterable<RawRecord> | Iterable<RawRecord>,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const summary = emptySummary();
  const { prepare, finish } = rowPreparer(target, options.header);
  let batch: Row[] = [];
  // One write may be in flight while the next batch is read and validated:
  // the warehouse applies writes in order, so tables still see the latest arrival last.
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await inFlight;
    const note = target.note && { ...target.note, rejected: summary.rejected };
    inFlight = target.warehouse.write(target.workspace, target.source, rows, target.importId, note).then((result) => {
      addWrite(summary, result);
      options.onBatch?.(summary);
    });
    // Handled when awaited; until then a failure must not count as an unhandled rejection.
    inFlight.catch(() => undefined);
  };
  /** Adds a record's row to the batch; true when the batch is full. */
  const take = (record: RawRecord): boolean => {
    const row = prepare(record, summary);
    if (row) batch.push(row);
    return batch.length >= batchSize;
  };
  // An in-memory body is read without a microtask per record.
  const iterable = records as Iterable<RawRecord> & AsyncIterable<RawRecord>;
  if (typeof iterable[Symbol.iterator] === 'function') {
    for (const record of iterable) if (take(record)) await flush();
  } else {
    for await (const record of iterable) if (take(record)) await flush();
  }
  finish(summary);
  await flush();
  await inFlight;
  return summary;
}

export interface RowPreparer {
  /** The row to store, or undefined when the record is rejected (counted, with its place and reasons, in the summary). */
  prepare(record: RawRecord, summary: IngestSummary): Row | undefined;
  /** Reports a header that no record followed. */
  finish(summary: IngestSummary): void;
}

/** Turns raw records into stored rows, after the CSV header (when there is one) was found to fit the source. */
export function rowPreparer(
  target: Pick<IngestTarget, 'source' | 'platform' | 'assumeTimezone' | 'optionStyle'>,
  header?: () => CsvHeader | undefined,
): RowPreparer {
  const validator = validatorFor(target.source, { assumeTimezone: target.assumeTimezone });
  const isEvents = target.source === 'events';
  const platform = target.source === 'ad_performance' ? target.platform : undefined;
  const rejectsAll = header === undefined ? () => false : headerGate(target, header);
  const prepare = (record: RawRecord, summary: IngestSummary): Row | undefined => {
    if (rejectsAll(summary)) {
      // The header's one error speaks for every record.
      summary.rejected++;
      return undefined;
    }
    // Where a rejected record sits; built only for a rejection.
    const where = () => (record.line === undefined ? { index: record.index } : { index: record.index, line: record.line });
    if ('error' in record) {
      addRejection(summary, { ...where(), field: '(record)', message: record.error });
      return undefined;
    }
    const value = platform && record.value.platform === undefined ? { ...record.value, platform } : record.value;
    const result = validator.validate(value);
    if (!result.ok) {
      const at = where();
      addRejection(summary, ...result.problems.map((problem) => ({ ...at, ...problem })));
      return undefined;
    }
    return isEvents ? addParsedEventFields(result.row) : result.row;
  };
  return { prepare, finish: (summary) => void rejectsAll(summary) };
}
