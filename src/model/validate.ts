// Record validation: coerce text cells (CSV) to the schema's types, check the
// record against its source schema, and report the first problem as
// { field, message } so the caller can locate it (index / line).
import { FormatRegistry, type TObject, type TProperties, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { canonicalDecimal } from '../core/money.js';
import { isValidDate, parseTimestamp } from '../core/time.js';
import { columnKindOf, type ColumnKind } from './fields.js';
import { PARSED_EVENT_FIELDS } from './parsed-event-fields.js';
import { SOURCES, type SourceName } from './sources.js';

// The format check parses the timestamp and the row builder needs the same
// value right after: remember the last one instead of parsing it twice.
let lastTimestamp: { text: string; ms: number | undefined } = { text: '', ms: undefined };
function parseTimestampOnce(text: string): number | undefined {
  if (lastTimestamp.text !== text) lastTimestamp = { text, ms: parseTimestamp(text) };
  return lastTimestamp.ms;
}
FormatRegistry.Set('beacon-timestamp', (value) => parseTimestampOnce(value) !== undefined);
FormatRegistry.Set('beacon-date', (value) => isValidDate(value));

/** A stored row: column name → value (timestamps as epoch ms, money as exact decimal text, json as text). */
export type Row = Record<string, string | number | boolean | null>;

export interface RecordProblem {
  field: string;
  message: string;
}

export type ValidationResult = { ok: true; row: Row } | { ok: false; problem: RecordProblem };

export interface RecordValidator {
  readonly source: SourceName;
  readonly columns: readonly ColumnSpec[];
  validate(value: Record<string, unknown>): ValidationResult;
}

export interface ColumnSpec {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly required: boolean;
}

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const SCORE_RANGES: Record<string, [number, number]> = { nps: [0, 10], csat: [1, 5], ces: [1, 7] };

export function columnsOf(schema: TObject<TProperties>): ColumnSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, prop]) => ({
    name,
    kind: columnKindOf(prop as TSchema),
    required: required.has(name),
  }));
}

const validators = new Map<SourceName, RecordValidator>();

/** The (cached) validator of a source. */
export function validatorFor(source: SourceName): RecordValidator {
  let validator = validators.get(source);
  if (!validator) {
    validator = createValidator(source);
    validators.set(source, validator);
  }
  return validator;
}

function createValidator(source: SourceName): RecordValidator {
  const definition = SOURCES[source];
  const columns = columnsOf(definition.schema);
  const check = TypeCompiler.Compile(definition.schema);
  const known = new Set(columns.map((c) => c.name));
  const numeric = columns.filter((c) => c.kind === 'integer' || c.kind === 'number' || c.kind === 'money');
  const bounded = columns.filter((c) => c.kind === 'timestamp' || c.kind === 'date' || c.name === 'currency');
  const keepExtrasInProperties = source === 'events';
  const buildRow = compileRowBuilder(columns, definition.emptyKeyDefaults ?? [], source === 'events' ? PARSED_EVENT_FIELDS : []);

  function validate(input: Record<string, unknown>): ValidationResult {
    const value = coerce(input, numeric);
    if (value.properties !== undefined && typeof value.properties === 'string') {
      const parsed = parseJsonObject(value.properties);
      if (parsed === undefined) return fail('properties', 'must be a JSON object');
      value.properties = parsed;
    }
    if (!check.Check(value)) return { ok: false, problem: describe(check, value) };
    const extra = extraCheck(source, value);
    if (extra) return { ok: false, problem: extra };
    const outOfRange = firstOutOfRange(value, bounded);
    if (outOfRange) return { ok: false, problem: outOfRange };
    const malformed = firstMalformedString(value);
    if (malformed !== undefined) return fail(malformed, 'is not valid Unicode text (it holds a lone surrogate, e.g. "\\ud800")');
    const deep = firstTooDeep(value);
    if (deep !== undefined) return fail(deep, `nests deeper than ${MAX_JSON_DEPTH} levels`);
    const row = buildRow(value, input, STORE);
    if (keepExtrasInProperties) {
      let properties = value.properties as Record<string, unknown> | undefined;
      let copied = false;
      for (const key in value) {
        if (known.has(key) || value[key] === undefined) continue;
        if (!copied) properties = { ...(properties ?? {}) };
        copied = true;
        properties![key] = value[key];
      }
      row.properties = properties === undefined ? null : JSON.stringify(properties);
    }
    return { ok: true, row };
  }

  return { source, columns, validate };
}

interface StoreFunctions {
  timestamp: (v: string) => number;
  money: (v: number, original: unknown) => string;
  json: (v: unknown) => string;
}

const STORE: StoreFunctions = {
  timestamp: (v) => parseTimestampOnce(v)!,
  // Keep the decimal text as sent so no binary-float rounding enters the sum.
  money: (v, original) => canonicalDecimal(typeof original === 'string' && NUMERIC_TEXT.test(original.trim()) ? original : String(v)),
  json: (v) => JSON.stringify(v),
};

type RowBuilder = (value: Record<string, unknown>, input: Record<string, unknown>, store: StoreFunctions) => Row;

/**
 * Generates the function that turns a checked record into a row, as one
 * object literal with every column in a fixed order: rows then share one
 * hidden class, which keeps the ingestion hot path fast. Column names come
 * from our own schemas, never from input.
 */
function compileRowBuilder(columns: readonly ColumnSpec[], emptyDefaults: readonly string[], reserved: readonly string[]): RowBuilder {
  const fields = columns.map((c) => {
    const key = JSON.stringify(c.name);
    const v = `value[${key}]`;
    const absent = emptyDefaults.includes(c.name) ? "''" : 'null';
    const stored =
      c.kind === 'timestamp' ? `store.timestamp(${v})`
      : c.kind === 'money' ? `store.money(${v}, input[${key}])`
      : c.kind === 'json' ? `store.json(${v})`
      : v;
    return `${key}: ${v} === undefined ? ${absent} : ${stored}`;
  });
  for (const name of reserved) fields.push(`${JSON.stringify(name)}: null`);
  return new Function('value', 'input', 'store', `return { ${fields.join(', ')} };`) as RowBuilder;
}

/**
 * The first top-level string field that is not well-formed UTF-16: a JSON
 * escape such as "\ud800" yields a lone surrogate, which no UTF-8 store can
 * hold. (Nested values are stored as JSON text, which keeps the escape.)
 */
function firstMalformedString(value: Record<string, unknown>): string | undefined {
  for (const key in value) {
    const v = value[key];
    if (typeof v === 'string' && !(v as unknown as { isWellFormed(): boolean }).isWellFormed()) return key;
  }
  return undefined;
}

/** Levels of objects and arrays a stored JSON value may nest (a deeper one would overflow the stack where it is written out). */
export const MAX_JSON_DEPTH = 64;

/** The first field whose object or array value nests deeper than MAX_JSON_DEPTH, measured without recursion. */
function firstTooDeep(value: Record<string, unknown>): string | undefined {
  for (const key in value) {
    const v = value[key];
    if (v !== null && typeof v === 'object' && depthExceeds(v, MAX_JSON_DEPTH)) return key;
  }
  return undefined;
}

function depthExceeds(root: object, max: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

function fail(field: string, message: string): ValidationResult {
  return { ok: false, problem: { field, message } };
}

function coerce(input: Record<string, unknown>, numeric: readonly ColumnSpec[]): Record<string, unknown> {
  let value = input;
  for (const column of numeric) {
    const v = input[column.name];
    if (typeof v !== 'string') continue;
    if (value === input) value = { ...input };
    const text = v.trim();
    if (text === '') delete value[column.name];
    else if (NUMERIC_TEXT.test(text)) value[column.name] = Number(text);
  }
  return value;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function extraCheck(source: SourceName, value: Record<string, unknown>): RecordProblem | undefined {
  if (source === 'surveys') {
    const [lo, hi] = SCORE_RANGES[value.kind as string];
    const score = value.score as number;
    if (score < lo || score > hi) return { field: 'score', message: `a ${value.kind} score must be between ${lo} and ${hi}, got ${score}` };
  }
  // Money leaves only through a refund: negative revenue belongs to refunded orders and refund events.
  if (source === 'orders' && (value.revenue as number) < 0 && value.status !== 'refunded') {
    return { field: 'revenue', message: `is negative (${value.revenue}); only a refunded order may carry negative revenue` };
  }
  if (source === 'events' && typeof value.revenue === 'number' && value.revenue < 0 && value.type !== 'refund') {
    return { field: 'revenue', message: `is negative (${value.revenue}); only a refund event may carry negative revenue` };
  }
  if (source === 'campaigns' && value.start_date && value.end_date && (value.end_date as string) < (value.start_date as string)) {
    return { field: 'end_date', message: `end_date ${value.end_date} is before start_date ${value.start_date}` };
  }
  return undefined;
}

/** The earliest instant and date Beacon stores: the engines' time types start at the Unix epoch. */
export const EARLIEST_DATE = '1970-01-01';
/** The latest date Beacon stores (ClickHouse's Date type ends in 2105; budgets and campaigns may be planned ahead). */
export const LATEST_DATE = '2099-12-31';
/** How far ahead of the server's clock a timestamp may be (clocks of senders drift; a later one is a mistake). */
export const FUTURE_TOLERANCE_MS = 86_400_000;

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/**
 * The first timestamp, date or currency outside what Beacon stores: instants
 * from 1970 up to a day past now, dates from 1970 to 2099, ISO 4217 codes.
 */
function firstOutOfRange(value: Record<string, unknown>, columns: readonly ColumnSpec[]): RecordProblem | undefined {
  for (const c of columns) {
    const v = value[c.name];
    if (typeof v !== 'string') continue;
    if (c.kind === 'timestamp') {
      const ms = parseTimestampOnce(v)!;
      if (ms < 0) return { field: c.name, message: `must be on or after ${EARLIEST_DATE}, got ${JSON.stringify(v)}` };
      if (ms > Date.now() + FUTURE_TOLERANCE_MS) return { field: c.name, message: `is more than a day in the future, got ${JSON.stringify(v)}` };
    } else if (c.kind === 'date') {
      if (v < EARLIEST_DATE || v > LATEST_DATE) return { field: c.name, message: `must be between ${EARLIEST_DATE} and ${LATEST_DATE}, got ${JSON.stringify(v)}` };
    } else if (!CURRENCIES.has(v)) {
      return { field: c.name, message: `is not an ISO 4217 currency code, got ${JSON.stringify(v)}` };
    }
  }
  return undefined;
}

function describe(check: TypeCheck<TSchema>, value: Record<string, unknown>): RecordProblem {
  const first = check.Errors(value).First();
  if (!first) return { field: '(record)', message: 'is not valid' };
  return { field: fieldOf(first), message: messageOf(first) };
}

function fieldOf(error: ValueError): string {
  const path = error.path.replace(/^\//, '').replace(/\//g, '.');
  if (error.type === ValueErrorType.ObjectRequiredProperty) return path || '(record)';
  return path || '(record)';
}

function messageOf(error: ValueError): string {
  const got = error.value === undefined ? '' : `, got ${JSON.stringify(error.value)?.slice(0, 80)}`;
  const schema = error.schema as Record<string, unknown>;
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'is required';
    case ValueErrorType.Object:
      return 'record must be a JSON object';
    case ValueErrorType.String:
      return `must be a string${got}`;
    case ValueErrorType.Number:
    case ValueErrorType.Integer:
      return `must be ${error.type === ValueErrorType.Integer ? 'an integer' : 'a number'}${got}`;
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return `must be ≥ ${schema.minimum}${got}`;
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return `must be ≤ ${schema.maximum}${got}`;
    case ValueErrorType.NumberExclusiveMinimum:
      return `must be > ${schema.exclusiveMinimum}${got}`;
    case ValueErrorType.StringFormat:
      return schema.format === 'beacon-date'
        ? `must be a date YYYY-MM-DD${got}`
        : `must be an ISO-8601 timestamp with a zone (e.g. 2026-03-01T12:00:00Z)${got}`;
    case ValueErrorType.StringPattern:
      return `must be an ISO 4217 currency code such as USD${got}`;
    case ValueErrorType.StringMaxLength:
      return `must be at most ${schema.maxLength} characters`;
    case ValueErrorType.StringMinLength:
      return 'must not be empty';
    default:
      if (Array.isArray(schema.anyOf)) {
        const options = (schema.anyOf as { const?: unknown }[]).map((o) => o.const);
        return `must be one of ${options.join(', ')}${got}`;
      }
      return `${error.message}${got}`;
  }
}
