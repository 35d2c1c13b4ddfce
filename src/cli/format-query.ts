// How `beacon query` prints a QueryResult: an aligned text table with totals, or raw RFC 4180 CSV.
import type { MetricValue, QueryResult, ResultColumn, Unit } from '../metrics/types.js';

const NULL_CELL = '–';

/** Fixed decimals with en-US thousands separators; never prints "-0". */
function grouped(value: number, decimals: number): string {
  const [int, frac] = Math.abs(value).toFixed(decimals).split('.');
  const body = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
  return value < 0 && Number(Math.abs(value).toFixed(decimals)) !== 0 ? `-${body}` : body;
}

/** One value as the table shows it; values are already in display scale (percent 3.57 → "3.57%"). */
export function formatNumberForUnit(value: number | null, unit: Unit, currency: string): string {
  if (value === null || Number.isNaN(value)) return NULL_CELL;
  switch (unit) {
    case 'count':
      return grouped(value, Number.isInteger(value) ? 0 : 1);
    case 'money':
      return `${currency} ${grouped(value, 2)}`;
    case 'percent':
      return `${grouped(value, 2)}%`;
    case 'ratio':
      return grouped(value, 2);
    case 'seconds':
      return `${grouped(value, 1)} s`;
    case 'months':
    case 'score':
      return grouped(value, 1);
  }
}

function formatChange(value: MetricValue | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return NULL_CELL;
  const text = grouped(value, 1);
  return `${value > 0 && Number(text.replace(/,/g, '')) !== 0 ? '+' : ''}${text}%`;
}

function metricCell(value: unknown, column: ResultColumn, currency: string): string {
  if (value === null || value === undefined) return NULL_CELL;
  if (typeof value !== 'number' || column.unit === undefined) return String(value);
  return formatNumberForUnit(value, column.unit, currency);
}

interface TableColumn {
  header: string;
  right: boolean;
  cell: (row: number) => string;
  total: string;
}

export function formatQueryTable(result: QueryResult, currency: string): string {
  const change = result.comparison?.change;
  const cols: TableColumn[] = [];
  for (const c of result.columns) {
    if (c.kind !== 'metric') {
      const cell = (i: number) => {
        const v = result.rows[i][c.name];
        const text = v === null || v === undefined ? NULL_CELL : String(v);
        return c.kind === 'time' && result.rows[i].partial === true ? `${text} *` : text;
      };
      cols.push({ header: c.name, right: false, cell, total: '' });
      continue;
    }
    const cell = (i: number) => metricCell(result.rows[i][c.name], c, currency);
    cols.push({ header: c.name, right: true, cell, total: metricCell(result.totals[c.name], c, currency) });
    if (change) {
      const changeCell = (i: number) => formatChange(change.rows[i]?.[c.name] as MetricValue | undefined);
      cols.push({ header: `${c.name} Δ%`, right: true, cell: changeCell, total: formatChange(change.totals[c.name]) });
    }
  }
  // A metrics-only result gets a blank leading column so the totals line can say "Total".
  if (cols.length === 0 || cols[0].right) cols.unshift({ header: '', right: false, cell: () => '', total: '' });
  const hidden = (result.rows_before_limit ?? result.rows.length) - result.rows.length;
  cols[0].total = hidden > 0 ? `Total (all ${result.rows_before_limit} rows)` : 'Total';

  const body = result.rows.map((_, i) => cols.map((c) => c.cell(i)));
  const header = cols.map((c) => c.header);
  const totals = cols.map((c) => c.total);
  const widths = cols.map((_, j) => Math.max(...[header, ...body, totals].map((r) => r[j].length)));
  const line = (r: string[]) =>
    r.map((v, j) => (cols[j].right ? v.padStart(widths[j]) : v.padEnd(widths[j]))).join('  ').trimEnd();
  const separator = '─'.repeat(widths.reduce((a, w) => a + w, 0) + 2 * (widths.length - 1));

  const lines = [line(header), ...body.map(line), separator, line(totals)];
  if (hidden > 0) lines.push(`note: ${result.rows.length} of ${result.rows_before_limit} rows shown; the totals cover all of them`);
  if (result.rows.some((r) => r.partial === true)) lines.push('note: * the range covers only part of this bucket');
  for (const note of result.notes ?? []) lines.push(`note: ${note}`);
  return lines.join('\n');
}

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Raw values, rows only (no totals), one record per `\n`-terminated line. */
export function formatQueryCsv(result: QueryResult): string {
  return csvLines(queryCsvRecords(result));
}

/** RFC 4180 lines of records, each `\n`-terminated. */
export function csvLines(records: readonly (readonly unknown[])[]): string {
  return records.map((r) => `${r.map(csvField).join(',')}\n`).join('');
}

/** The header, then one record per row, as formatQueryCsv writes them. */
export function queryCsvRecords(result: QueryResult): unknown[][] {
  const change = result.comparison?.change;
  const header: string[] = [];
  const getters: ((i: number) => unknown)[] = [];
  for (const c of result.columns) {
    header.push(c.name);
    getters.push((i) => result.rows[i][c.name]);
    if (change && c.kind === 'metric') {
      header.push(`${c.name}_change_pct`);
      getters.push((i) => change.rows[i]?.[c.name]);
    }
  }
  return [header, ...result.rows.map((_, i) => getters.map((g) => g(i)))];
}
