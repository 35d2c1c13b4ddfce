// Rows to and from ClickHouse. Rows are written as JSONEachRow lines: strings
// go through JSON.stringify, so no value is ever pasted into SQL; money goes
// as a bare JSON number written from its decimal text (18.16 reads Decimal
// only from a bare number, and exactly so). Read rows come back in the shapes
// the DuckDB engine returns: timestamps as 'YYYY-MM-DD HH:MM:SS[.fff]' (UTC),
// 64-bit integers and money (to six places) as text, booleans as booleans.
import { ValidationError } from '../../core/errors.js';
import { canonicalDecimal } from '../../core/money.js';
import type { Row } from '../../model/validate.js';
import type { StoredColumn, StoredKind } from '../tables.js';
import { FIRST_DATE, LAST_DATE, quoteIdent } from '../../sql/clickhouse/clickhouse-literals.js';

/** A row already written as one JSONEachRow line (or several rows, one a line); the connection's JSON hook passes it through as is. */
export class JsonRow {
  constructor(readonly line: string) {}
}

type Value = Row[string];
type Encoder = (value: Value, column: string) => string;

const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Lone UTF-16 surrogates become U+FFFD, as they do in a UTF-8 query text:
 * 18.16 refuses a whole JSON insert over one.
 */
export function wellFormed(text: string): string {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed() ? text : text.replace(LONE_SURROGATES, '\ufffd');
}

function fail(column: string, message: string): never {
  throw new ValidationError(`${column} ${message}`, { field: column });
}

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;
/** The days a 18.16 Date holds; outside them it stores 0000-00-00 without an error. */

function integerText(value: Value, column: string): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) fail(column, `must be an integer, got ${String(value)}`);
  return String(value);
}

const ENCODERS: Record<StoredKind, Encoder> = {
  string: (v, column) => (typeof v === 'string' ? JSON.stringify(wellFormed(v)) : fail(column, 'must be text')),
  json: (v, column) => (typeof v === 'string' ? JSON.stringify(wellFormed(v)) : fail(column, 'must be JSON text')),
  timestamp: integerText,
  integer: integerText,
  boolean: integerText,
  number: (v, column) => (typeof v === 'number' && Number.isFinite(v) ? JSON.stringify(v) : fail(column, `must be a finite number, got ${String(v)}`)),
  money: (v, column) => decimalText(v, column),
  date: (v, column) => {
    if (typeof v !== 'string' || !DATE_TEXT.test(v)) fail(column, `must be a date YYYY-MM-DD, got ${String(v)}`);
    if (v < FIRST_DATE || v > LAST_DATE) fail(column, `must be between ${FIRST_DATE} and ${LAST_DATE} in ClickHouse, got ${v}`);
    return JSON.stringify(v);
  },
};

const SCALE = 6;
const MAX_INTEGER_DIGITS = 18 - SCALE;
const DECIMAL = /^(-?)(\d+)(?:\.(\d*))?$/;

/**
 * Decimal(18, 6) text of an amount: rounded to six places, half away from
 * zero (as DuckDB's cast does; 18.16 refuses a seventh digit instead).
 *
 * @example decimalText('0.1234565', 'cost') === '0.123457'
 */
export function decimalText(value: Value, column: string): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? canonicalDecimal(String(value)) : value;
  const m = typeof text === 'string' ? DECIMAL.exec(text.trim()) : null;
  if (!m) return fail(column, `must be a decimal amount, got ${String(value)}`);
  const [, sign, int, frac = ''] = m;
  let digits = (int + frac.padEnd(SCALE, '0').slice(0, SCALE)).replace(/^0+(?=\d)/, '');
  if ((frac[SCALE] ?? '0') >= '5') digits = incrementDigits(digits);
  const whole = digits.length > SCALE ? digits.slice(0, -SCALE) : '0';
  const fraction = digits.padStart(SCALE, '0').slice(-SCALE).replace(/0+$/, '');
  if (whole.replace(/^0+/, '').length > MAX_INTEGER_DIGITS) fail(column, `must be below 10^${MAX_INTEGER_DIGITS}, got ${String(value)}`);
  const body = fraction ? `${whole}.${fraction}` : whole;
  return body === '0' ? '0' : sign + body;
}

function incrementDigits(digits: string): string {
  const chars = digits.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] !== '9') {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join('');
    }
    chars[i] = '0';
  }
  return `1${chars.join('')}`;
}

/** One JSONEachRow line of `row` over `columns` (absent or null values → null). */
export function encodeRow(columns: readonly StoredColumn[], row: Row): JsonRow {
  const keys = keysOf(columns);
  let line = '{';
  for (let i = 0; i < columns.length; i++) {
    const { name, kind } = columns[i];
    const value = row[name];
    line += `${i ? ',' : ''}${keys[i]}${value === null || value === undefined ? 'null' : ENCODERS[kind](value, name)}`;
  }
  return new JsonRow(`${line}}`);
}

/**
 * encodeRow for a row given as values in `columns` order, after `prefix`:
 * members already encoded (such as the batch's bookkeeping), e.g. '"seq":3'.
 */
export function encodeValues(columns: readonly StoredColumn[], values: readonly Value[], prefix: string): JsonRow {
  const keys = keysOf(columns);
  let line = `{${prefix}`;
  for (let i = 0; i < columns.length; i++) {
    const value = values[i];
    line += `,${keys[i]}${value === null || value === undefined ? 'null' : ENCODERS[columns[i].kind](value, columns[i].name)}`;
  }
  return new JsonRow(`${line}}`);
}

// The '"name":' text of each column, made once per column list.
const KEYS = new WeakMap<readonly StoredColumn[], string[]>();
function keysOf(columns: readonly StoredColumn[]): string[] {
  let keys = KEYS.get(columns);
  if (!keys) KEYS.set(columns, (keys = columns.map((c) => `${JSON.stringify(c.name)}:`)));
  return keys;
}

/**
 * Money read back as toString text, written out to the column's six places as
 * DuckDB does: 18.16 keeps the trailing zeros, later servers drop them
 * ('5.000000' there is '5' here; output_format_decimal_trailing_zeros does
 * not reach toString).
 *
 * @example moneyText('0.3') === '0.300000'
 */
export function moneyText(text: string): string {
  const [int, frac = ''] = text.split('.');
  return `${int}.${frac.padEnd(SCALE, '0')}`;
}

/** The select-list expression reading a stored column back (money as exact text, not a JSON float; see moneyText). */
export function readExpression(column: StoredColumn): string {
  const name = quoteIdent(column.name);
  return column.kind === 'money' ? `toString(${name}) AS ${name}` : name;
}

/** UTC wall-clock text of epoch milliseconds, trailing zeros of the fraction dropped, like DuckDB's. */
export function formatTimestamp(ms: number): string {
  const m = /^(.+)T(\d\d:\d\d:\d\d)\.(\d{3})Z$/.exec(new Date(ms).toISOString());
  if (!m) throw new Error(`not a timestamp: ${ms}`);
  const fraction = m[3].replace(/0+$/, '');
  return fraction ? `${m[1]} ${m[2]}.${fraction}` : `${m[1]} ${m[2]}`;
}

/** A row as read (JSONEachRow) turned into the engine-neutral shapes. */
export function decodeRow(columns: readonly StoredColumn[], raw: Record<string, unknown>): Row {
  const row: Row = {};
  for (const { name, kind } of columns) {
    const v = raw[name];
    if (v === null || v === undefined) row[name] = null;
    else if (kind === 'timestamp') row[name] = formatTimestamp(Number(v));
    else if (kind === 'boolean') row[name] = Number(v) === 1;
    else if (kind === 'integer') row[name] = String(v);
    else if (kind === 'money') row[name] = moneyText(String(v));
    else row[name] = v as Value;
  }
  return row;
}
