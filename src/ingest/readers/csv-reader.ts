// Streams CSV records: the header row names the fields, every other row is one
// record, a malformed row is one error record (never a failed file). With a
// preset, report-title lines and total rows around the data are skipped; with
// an export layout (a record preset's headers), title lines are.

import { Readable, pipeline } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { ValidationError } from '../../core/errors.js';
import type { ColumnMap } from '../column-map.js';
import { isPresetHeader, isTotalRow, planPresetRow, type PresetName, type RowPlan } from '../presets.js';
import { MAX_RECORD_CHARS, type CsvHeader, type RawRecord } from './raw-record.js';

export interface CsvReadOptions {
  readonly preset?: PresetName;
  readonly map?: ColumnMap;
  /** Told the header, as planned, before the first record is yielded. */
  readonly onHeader?: (header: CsvHeader) => void;
  /** Without a preset: an export whose header row is found (title lines skipped) by this test, named in errors. */
  readonly exportLayout?: ExportLayout;
}

/** Recognises the header row of an export that may have title lines above it. */
export interface ExportLayout {
  readonly name: string;
  isHeader(cells: readonly string[]): boolean;
}

type HeaderTest = (cells: readonly string[]) => boolean;

/** The header test of the options, when title lines may precede the header. */
function headerTestOf(options: CsvReadOptions): { name: string; isHeader: HeaderTest } | undefined {
  const preset = options.preset;
  if (preset !== undefined) return { name: preset, isHeader: (cells) => isPresetHeader(preset, cells) };
  const layout = options.exportLayout;
  return layout === undefined ? undefined : { name: layout.name, isHeader: (cells) => layout.isHeader(cells) };
}

const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];

/** Enough of the input to see the header line (title lines come first in exports). */
const HEAD_BYTES = 64 * 1024;
/** Rows looked through for a preset's header before the file is declared not an export. */
const MAX_TITLE_ROWS = 50;

/** Put in the parsed stream, in order, where csv-parse dropped a record. */
interface UnclosedQuote {
  readonly unclosedQuote: true;
}

/**
 * Reads CSV records with their 1-based starting line (header = line 1, blank
 * and title lines counted). Values are strings; empty cells are omitted.
 * @example for await (const r of readCsvRecords(stream, { preset: 'google_ads' })) …
 */
export async function* readCsvRecords(input: Readable, options: CsvReadOptions = {}): AsyncGenerator<RawRecord> {
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const layout = headerTestOf(options);
  const head = await readHead(chunks, layout === undefined ? 8 : MAX_TITLE_ROWS);
  if (head.chunks.length === 0) return;
  const parser = createParser(detectDelimiter(head.text, layout?.isHeader));
  pipeline(Readable.from(replayThenRest(head, chunks)), parser, () => {});

  let plan: RowPlan | undefined;
  let width = 0;
  let titleRows = 0;
  let nextLine = 1;
  let index = 0;
  try {
    for await (const row of parser as AsyncIterable<string[] | UnclosedQuote>) {
      const line = nextLine;
      if (!Array.isArray(row)) {
        yield { index: index++, line, error: 'a quoted field is not closed before the end of the input' };
        continue;
      }
      nextLine += 1 + countLineBreaks(row);
      if (row.length === 1 && row[0].trim() === '') continue;
      if (plan === undefined) {
        const headers = row.map((cell) => cell.trim());
        if (layout !== undefined && !layout.isHeader(headers)) {
          if (++titleRows >= MAX_TITLE_ROWS) throw noPresetHeader(layout.name);
          continue;
        }
        plan = planRow(headers, options);
        width = row.length;
        options.onHeader?.(describeHeader(line, headers, plan, options));
        continue;
      }
      if (options.preset !== undefined && isTotalRow(row)) continue;
      if (row.length !== width) {
        yield { index: index++, line, error: `row has ${row.length} columns, the header has ${width}` };
        continue;
      }
      yield { index: index++, line, value: buildValue(row, plan) };
    }
  } finally {
    parser.destroy();
  }
  if (plan === undefined && titleRows > 0 && layout !== undefined) throw noPresetHeader(layout.name);
}

function createParser(delimiter: Delimiter) {
  const parser = parse({
    delimiter,
    bom: true,
    // Mixed line endings happen when files are concatenated; accept all three.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true,
    // Rows with the wrong number of cells become error records here, not parse failures.
    relax_column_count: true,
    // Blank lines are kept (as one empty cell) so that line numbers can be counted.
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      if (err?.code === 'CSV_QUOTE_NOT_CLOSED') {
        parser.push({ unclosedQuote: true } satisfies UnclosedQuote);
        return undefined;
      }
      // Thrown here, csv-parse stops and the stream fails with this error.
      if (err?.code === 'CSV_MAX_RECORD_SIZE') {
        throw new ValidationError(
          `a CSV record is longer than ${MAX_RECORD_CHARS} characters (is a quote left open?)`,
        );
      }
      throw new ValidationError(`CSV does not parse: ${err?.message ?? 'unknown error'}`);
    },
  });
  return parser;
}

/**
 * csv-parse's own line count snapshots cost an object per record and count a
 * CRLF inside quotes as two lines, so lines are counted here: a record spans one
 * line plus the line breaks inside its quoted cells.
 */
function countLineBreaks(row: readonly string[]): number {
  let breaks = 0;
  for (const cell of row) {
    if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) continue;
    for (let i = 0; i < cell.length; i++) {
      const code = cell.charCodeAt(i);
      if (code === 10) breaks++;
      else if (code === 13 && cell.charCodeAt(i + 1) !== 10) breaks++;
    }
  }
  return breaks;
}

function planRow(headers: readonly string[], options: CsvReadOptions): RowPlan {
  if (options.preset !== undefined) return planPresetRow(options.preset, headers, options.map);
  return {
    columns: headers.map((header) => {
      const key = options.map?.get(header) ?? header;
      return key === '' || key === '__proto__' ? undefined : { key };
    }),
    fixed: [],
  };
}

function describeHeader(line: number, headers: readonly string[], plan: RowPlan, options: CsvReadOptions): CsvHeader {
  const columns = headers.map((name, i) => {
    const field = plan.columns[i]?.key;
    return { name, mapped: options.map?.has(name) === true, ...(field === undefined ? {} : { field }) };
  });
  const fixed = plan.fixed.map(([key]) => key);
  return options.preset === undefined ? { line, columns, fixed } : { line, columns, fixed, preset: options.preset };
}

function buildValue(row: readonly string[], plan: RowPlan): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const [key, fixed] of plan.fixed) value[key] = fixed;
  const columns = plan.columns;
  for (let i = 0; i < row.length; i++) {
    const column = columns[i];
    if (column === undefined) continue;
    const cell = row[i];
    if (column.clean === undefined) {
      if (cell !== '') value[column.key] = cell;
    } else {
      const cleaned = column.clean(cell);
      if (cleaned !== undefined) value[column.key] = cleaned;
    }
  }
  return value;
}

function noPresetHeader(preset: string): ValidationError {
  return new ValidationError(
    `no ${preset} header row found: expected a row naming at least two known columns of that export`,
    { preset },
  );
}

interface Head {
  readonly chunks: Buffer[];
  readonly text: string;
  readonly done: boolean;
}

/** Buffers the first lines (up to HEAD_BYTES) to detect the delimiter before parsing starts. */
async function readHead(chunks: AsyncIterator<Buffer | string>, lines: number): Promise<Head> {
  const head: Buffer[] = [];
  let bytes = 0;
  let newlines = 0;
  for (;;) {
    const next = await chunks.next();
    if (next.done) return { chunks: head, text: decodeHead(head), done: true };
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    bytes += chunk.length;
    for (let at = chunk.indexOf(10); at !== -1 && newlines < lines; at = chunk.indexOf(10, at + 1)) newlines++;
    if (newlines >= lines || bytes >= HEAD_BYTES) {
      return { chunks: head, text: decodeHead(head), done: false };
    }
  }
}

/** Google Ads' "CSV for Excel" is UTF-16LE with a BOM; csv-parse follows the BOM, so must we. */
function decodeHead(head: readonly Buffer[]): string {
  // One huge chunk (a whole HTTP body) must not be decoded whole just to find a delimiter.
  const bytes = (head.length === 1 ? head[0] : Buffer.concat(head)).subarray(0, HEAD_BYTES);
  return bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.toString('utf16le', 2) : bytes.toString('utf8');
}

async function* replayThenRest(head: Head, rest: AsyncIterator<Buffer | string>): AsyncGenerator<Buffer | string> {
  yield* head.chunks;
  if (head.done) return;
  try {
    for (;;) {
      const next = await rest.next();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await rest.return?.();
  }
}

/**
 * The delimiter of the header line: for a preset the first line that reads as its
 * header with some delimiter, else the delimiter the first non-blank line uses most.
 */
export function detectDelimiter(headText: string, layout?: PresetName | HeaderTest): Delimiter {
  const lines = headText.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  if (layout !== undefined) {
    const isHeader: HeaderTest = typeof layout === 'function' ? layout : (cells) => isPresetHeader(layout, cells);
    for (const line of lines.slice(0, MAX_TITLE_ROWS)) {
      const found = DELIMITERS.find((d) => isHeader(splitLine(line, d)));
      if (found !== undefined) return found;
    }
  }
  const first = lines.find((line) => line.trim() !== '') ?? '';
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = splitLine(first, delimiter).length - 1;
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

/** Good enough to recognise a header line: quotes group, doubled quotes are not unescaped. */
function splitLine(line: string, delimiter: Delimiter): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}
