// The response of every ingestion: complete counts and the first located errors.
import type { WriteResult } from '../warehouse/warehouse.js';

export interface RecordError {
  index: number;
  line?: number;
  field: string;
  message: string;
}

export interface IngestSummary {
  accepted: number;
  updated: number;
  duplicates: number;
  rejected: number;
  errors: RecordError[];
}

export const MAX_REPORTED_ERRORS = 100;

export function emptySummary(): IngestSummary {
  return { accepted: 0, updated: 0, duplicates: 0, rejected: 0, errors: [] };
}

export function addRejection(summary: IngestSummary, error: RecordError): void {
  summary.rejected++;
  if (summary.errors.length < MAX_REPORTED_ERRORS) summary.errors.push(error);
}

export function addWrite(summary: IngestSummary, result: WriteResult): void {
  summary.accepted += result.accepted;
  summary.updated += result.updated;
  summary.duplicates += result.duplicates;
}
