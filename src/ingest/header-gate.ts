// Puts a CSV header's findings in the summary once the header is known, and
// tells the pipeline whether any record can be stored: a header without a
// column for a required field rejects the whole file with one error, not
// one per row (its records are still counted).
import type { SourceName } from '../model/sources.js';
import { checkHeader, rejectsEveryRecord } from './header-check.js';
import { headerRejection, headerWarnings, type OptionStyle } from './header-messages.js';
import { addError, addWarning, type IngestSummary } from './ingest-summary.js';
import type { CsvHeader } from './readers/raw-record.js';

export interface HeaderGateTarget {
  readonly source: SourceName;
  readonly platform?: string;
  readonly optionStyle?: OptionStyle;
}

/**
 * A function to call before each record and once at the end: the first call
 * after the header was read reports on it; it returns true while every record
 * must be rejected.
 * @example const rejectsAll = headerGate(target, () => header); if (rejectsAll(summary)) summary.rejected++;
 */
export function headerGate(target: HeaderGateTarget, header: () => CsvHeader | undefined): (summary: IngestSummary) => boolean {
  let reported = false;
  let rejecting = false;
  return (summary) => {
    if (reported) return rejecting;
    const seen = header();
    if (seen === undefined) return false;
    reported = true;
    const report = checkHeader(seen, target.source, { platform: target.platform });
    const style = target.optionStyle ?? 'cli';
    rejecting = rejectsEveryRecord(report);
    if (rejecting) addError(summary, headerRejection(report, style));
    else for (const warning of headerWarnings(report, style)) addWarning(summary, warning);
    return rejecting;
  };
}
