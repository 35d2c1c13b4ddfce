// The data-quality audit as a marketer reads it in a terminal: a line of
// totals, then each finding with its severity, count, days, what it means and
// a few examples. Pure.
import type { QualityFinding } from '../quality/quality-findings.js';
import type { QualityReport } from '../quality/quality-service.js';

const MARK = { error: 'ERROR', warning: 'WARN ', info: 'NOTE ' } as const;

/**
 * @example
 * formatQuality(report)
 * // → 'Data quality on 2026-12-07: 1 error, 0 warnings, 0 notes (12 checks)\n\nERROR  Orders in a currency with no fx rate — 2 rows, 2026-12-04…2026-12-05\n …'
 */
export function formatQuality(report: QualityReport): string {
  const { error, warning, info } = report.summary;
  const head = `Data quality on ${report.today}: ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(info, 'note')} (${report.checks.length} checks)`;
  if (report.findings.length === 0) return [head, '', 'Every check passed.', ...report.notes.map((n) => `note: ${n}`)].join('\n');
  return [head, ...report.findings.flatMap((f) => ['', ...findingLines(f)]), ...report.notes.map((n) => `\nnote: ${n}`)].join('\n');
}

function findingLines(finding: QualityFinding): string[] {
  const days = finding.from === null ? '' : finding.from === finding.to ? `, ${finding.from}` : `, ${finding.from}…${finding.to}`;
  const records = finding.records !== finding.count ? ` (${finding.records} records)` : '';
  return [
    `${MARK[finding.severity]}  ${finding.title} — ${finding.count}${records}${days}`,
    `       ${finding.message}`,
    ...finding.examples.slice(0, 3).map((example) => `       · ${exampleText(example)}`),
  ];
}

/** An example as `key value` pairs, the day first. */
function exampleText(example: Record<string, unknown>): string {
  return Object.entries(example)
    .map(([key, value]) => `${key.replace(/_/g, ' ')} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(', ');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
