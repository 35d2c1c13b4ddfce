// How `beacon cohorts` prints a report: per matrix a triangle with one row per
// cohort (its label and size) and one column per period since acquisition,
// the weighted average below it, and the retention model when there is one;
// then the notes.
import type { CohortMatrix, CohortReport } from '../cohorts/cohort-service.js';

const NULL_CELL = '–';
const RUNNING = '*';

/**
 * The report as text a marketer reads: retention in %, revenue per customer in the workspace currency.
 *
 * @example formatCohorts(report) // 'retention by month of acquisition …\n\ncohort   customers       0      1 …'
 */
export function formatCohorts(report: CohortReport): string {
  const what = report.metric === 'retention' ? `retention (% of the cohort active, activity: ${report.activity})` : `revenue per customer (${report.currency}, cumulative)`;
  const lines = [`${what} by ${report.by} of acquisition, customers acquired ${report.from} … ${report.to}, seen on ${report.today}`];
  const sections = [{ title: report.channel === null ? '' : `channel ${report.channel}`, matrix: report.matrix }];
  for (const part of report.breakdown ?? []) sections.push({ title: `${report.dimension} ${part.key}`, matrix: part.matrix });
  for (const section of sections) {
    lines.push('');
    if (section.title) lines.push(`${section.title}: ${section.matrix.customers} customer${section.matrix.customers === 1 ? '' : 's'}`);
    lines.push(...matrixLines(report, section.matrix));
  }
  if (report.matrix.cohorts.some((row) => row.cells.some((cell) => cell !== null && !cell.complete))) lines.push(`${RUNNING} period still running`);
  for (const note of report.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}

function matrixLines(report: CohortReport, matrix: CohortMatrix): string[] {
  const value = (v: number | null) => (v === null ? NULL_CELL : report.metric === 'retention' ? `${v.toFixed(1)}%` : v.toFixed(2));
  const label = (cohort: string) => (report.by === 'month' ? cohort.slice(0, 7) : cohort);
  const header = ['cohort', 'customers', ...report.periods.map((k) => `${k} `)];
  const rows = matrix.cohorts.map((row) => [
    label(row.cohort),
    String(row.customers),
    ...row.cells.map((cell) => (cell === null ? '' : `${value(cell.value)}${cell.complete ? ' ' : RUNNING}`)),
  ]);
  rows.push(['average', String(matrix.customers), ...matrix.average.map((cell) => `${cell === null ? NULL_CELL : value(cell.value)} `)]);
  const lines = alignRight(header, rows);
  if (matrix.model) {
    const m = matrix.model;
    const unit = `${report.by}s`;
    const lifetime = m.expected_lifetime === null ? 'unbounded mean (alpha ≤ 1)' : `${m.expected_lifetime.toFixed(1)} ${unit} on average`;
    lines.push(
      `retention model (shifted-beta-geometric, ${m.cohorts} cohort${m.cohorts === 1 ? '' : 's'}, ${m.subscribers} subscribers): alpha ${m.alpha.toFixed(3)}, beta ${m.beta.toFixed(3)}`,
      `expected lifetime: ${lifetime}${m.median_lifetime === null ? '' : `, half gone after ${m.median_lifetime} ${unit}`}`,
      `projected retention: ${m.projection.map((p) => `${report.by} ${p.period} ${p.retention.toFixed(1)}%`).join(' · ')}`,
    );
  }
  for (const warning of matrix.warnings) lines.push(`warning: ${warning}`);
  return lines;
}

/** An aligned table: the first column to the left, the others to the right. */
function alignRight(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all.map((r) => r.map((cell, i) => (i === 0 ? (cell ?? '').padEnd(widths[i]) : (cell ?? '').padStart(widths[i]))).join('  ').trimEnd());
}
