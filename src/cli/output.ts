// How the CLI speaks: --json prints exactly the HTTP body; otherwise short
// human text. Errors go to stderr; exit codes: 0 ok, 1 failure, 2 import
// finished with rejected records.
import { HEADER_FIELD } from '../ingest/header-messages.js';
import type { IngestSummary } from '../ingest/ingest-summary.js';

export const EXIT_FAILURE = 1;
export const EXIT_REJECTED = 2;

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`);
}

export function formatSummary(summary: IngestSummary, seconds?: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const lines = [
    `accepted ${n(summary.accepted)} · updated ${n(summary.updated)} · duplicates ${n(summary.duplicates)} · rejected ${n(summary.rejected)}` +
      (seconds !== undefined ? ` · ${seconds.toFixed(1)} s` : ''),
  ];
  if (summary.errors.length > 0) {
    const shown = Math.min(summary.errors.length, 10);
    lines.push(`first ${shown} error${shown === 1 ? '' : 's'} (${n(summary.rejected)} rejected record${summary.rejected === 1 ? '' : 's'}):`);
    for (const e of summary.errors.slice(0, 10)) lines.push(`  ${located(e)}`);
  }
  for (const w of summary.warnings ?? []) lines.push(`note: ${located(w)}`);
  return lines.join('\n');
}

/** `line 3: revenue must be a number…`; an error about the header reads on its own. */
function located(e: { index?: number; line?: number; field: string; message: string }): string {
  const where = e.line !== undefined ? `line ${e.line}: ` : e.index !== undefined ? `record ${e.index}: ` : '';
  return `${where}${e.field === HEADER_FIELD ? '' : `${e.field} `}${e.message}`;
}

/** Aligned plain-text table. */
export function formatTable(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}
