// Reads the series file of `beacon forecast --series`: CSV with a header that
// names a date column and a value column (`date,value`), one row per period.
import { parse } from 'csv-parse/sync';
import { ValidationError } from '../core/errors.js';
import { detectDelimiter } from '../ingest/readers/csv-reader.js';
import type { SeriesPoint } from '../forecast/forecast-input.js';

/**
 * The points of a series file, in file order (the forecast checks the dates).
 * Throws ValidationError naming the file and line of the first bad row.
 *
 * @example readSeriesCsv('date,value\n1949-01-01,112\n1949-02-01,118\n', 'air.csv')
 * // → [{ date: '1949-01-01', value: 112 }, { date: '1949-02-01', value: 118 }]
 */
export function readSeriesCsv(text: string, file: string): SeriesPoint[] {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { delimiter: detectDelimiter(text), bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof rows;
  } catch (err) {
    throw new ValidationError(`${file}: not a readable CSV file (${(err as Error).message})`, { field: 'series' });
  }
  const [header, ...data] = rows.map((row) => row.record);
  const names = (header ?? []).map((cell) => cell.toLowerCase());
  const dateColumn = names.indexOf('date');
  const valueColumn = names.indexOf('value');
  if (dateColumn === -1 || valueColumn === -1) {
    throw new ValidationError(`${file}: the first line must name a date and a value column (date,value), got "${(header ?? []).join(',')}"`, { field: 'series', line: rows[0]?.info.lines ?? 1 });
  }
  return data.map((row, i) => {
    const line = rows[i + 1].info.lines;
    const cell = row[valueColumn] ?? '';
    const value = cell === '' ? Number.NaN : Number(cell);
    if (!Number.isFinite(value)) throw new ValidationError(`${file} line ${line}: value "${row[valueColumn] ?? ''}" is not a number (write 1234.5, no thousands separators)`, { field: 'series', line });
    return { date: row[dateColumn] ?? '', value };
  });
}
