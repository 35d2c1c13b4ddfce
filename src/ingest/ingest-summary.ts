// The response of every ingestion: complete counts, the first located errors
// and, when the input deserves a remark that rejects nothing, warnings.
import type { WriteResult } from '../warehouse/warehouse.js';

export interface RecordError {
  index: number;
  line?: number;
  field: string;
  message: string;
}

/** Something about the input that rejected no record (a CSV column no field of the source has). */
export interface IngestWarning {
  line?: number;
  field: string;
  message: string;
}

export interface IngestSummary {
  accepted: number;
  updated: number;
  duplicates: number;
  rejected: number;
  /** One per invalid field of each rejected record (a record may have several), the first MAX_REPORTED_ERRORS. */
  errors: RecordError[];
  /** Present only when there is something to say. */
  warnings?: IngestWarning[];
}

export const MAX_REPORTED_ERRORS = 100;

export function emptySummary(): IngestSummary {
  return { accepted: 0, updated: 0, duplicates: 0, rejected: 0, errors: [] };
}

/** Counts one rejected record and keeps its errors (every invalid field) while there is room. */
export function addRejection(summary: IngestSummary, ...errors: RecordError[]): void {
  summary.rejected++;
  for (const error of errors) addError(summary, error);
}

/** Keeps an error while there is room, counting nothing (its record is counted by whoever rejected it). */
export function addError(summary: IngestSummary, error: RecordError): void {
  if (summary.errors.length < MAX_REPORTED_ERRORS) summary.errors.push(error);
}

export function addWarning(summary: IngestSummary, warning: IngestWarning): void {
  const warnings = (summary.warnings ??= []);
  if (warnings.length < MAX_REPORTED_ERRORS) warnings.push(warning);
}

export function addWrite(summary: IngestSummary, result: WriteResult): void {
  summary.accepted += result.accepted;
  summary.updated += result.updated;
  summary.duplicates += result.duplicates;
}

/** Adds the counts, errors and warnings of one part (a file, a batch) to a total. */
export function mergeSummary(total: IngestSummary, part: IngestSummary): void {
  addWrite(total, part);
  total.rejected += part.rejected;
  for (const error of part.errors) addError(total, error);
  for (const warning of part.warnings ?? []) addWarning(total, warning);
}
