// Runs a record preset over read records, one at a time: each row becomes its
// records, or one error record at the row's place (index, line), and the rest
// of the input is still read. Records a row yields share its place, so a
// rejection points at the exported row it came from.
import { ValidationError } from '../../core/errors.js';
import type { InputFormat, RawRecord } from '../readers/raw-record.js';
import type { RecordPreset, RecordPresetContext } from './record-preset.js';

/** Refuses an input in a format the preset does not read. */
export function checkPresetFormat(preset: RecordPreset, format: InputFormat): void {
  if (!preset.formats.includes(format)) {
    throw new ValidationError(`preset ${preset.name} reads ${preset.formats.join(' or ')} exports, not ${format}`, { preset: preset.name });
  }
}

/** The records of one read record under a preset. */
export function expandRecord(preset: RecordPreset, record: RawRecord, context: RecordPresetContext): RawRecord[] {
  if ('error' in record) return [record];
  const place = record.line === undefined ? { index: record.index } : { index: record.index, line: record.line };
  let result;
  try {
    result = preset.map(record.value, context);
  } catch (err) {
    // A preset is pure and total; should one still throw, the row is refused, not the file.
    result = { error: `${preset.name} cannot read this row: ${(err as Error).message}` };
  }
  if ('error' in result) return [{ ...place, error: `${preset.name}: ${result.error}` }];
  return result.records.map((value) => ({ ...place, value }));
}

/**
 * Streams the records of a preset from the records read.
 * @example for await (const r of applyRecordPreset(hubspotContacts, readCsvRecords(input), {})) …
 */
export async function* applyRecordPreset(
  preset: RecordPreset,
  records: AsyncIterable<RawRecord>,
  context: RecordPresetContext,
): AsyncGenerator<RawRecord> {
  for await (const record of records) yield* expandRecord(preset, record, context);
}
