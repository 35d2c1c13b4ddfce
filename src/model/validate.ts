// Record validation: coerce text cells (CSV) to the schema's types, check the
// record against its source schema, and report every problem as
// { field, message } (one per field) so the caller can locate it (index / line).
import { FormatRegistry, type TObject, type TProperties, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValidationError } from '../core/errors.js';
import { canonicalDecimal } from '../core/money.js';
import { isValidDate, isValidTimeZone, parseTimestamp } from '../core/time.js';
import { dateAsMidnight, dateOnlyMessage, isDateOnly } from './date-only.js';
import { columnKindOf, type ColumnKind } from './fields.js';
import { PARSED_EVENT_FIELDS } from './parsed-event-fields.js';
import { schemaProblems, type RecordProblem } from './schema-messages.js';
import { SOURCES, type SourceName } from './sources.js';

export type { RecordProblem } from './schema-messages.js';

// The format check parses the timestamp and the row builder needs the same
// value right after: remember the last one instead of parsing it twice.
let lastTimestampText = '';
let lastTimestampMs: number | undefined;
function parseTimestampOnce(text: string): number | undefined {
  if (lastTimestampText !== text) {
    lastTimestampMs = parseTimestamp(text);
    lastTimestampText = text;
  }
  return lastTimestampMs;
}
FormatRegistry.Set('beacon-timestamp', (value) => parseTimestampOnce(value) !== undefined);
FormatRegistry.Set('beacon-date', (value) => isValidDate(value));

/** A stored row: column name → value (timestamps as epoch ms, money as exact decimal text, json as text). */
export type Row = Record<string, string | number | boolean | null>;

/** A refused record: every problem found (one per field, in schema order), the first also as `problem`. */
export type ValidationResult = { ok: true; row: Row } | { ok: false; problem: RecordProblem; problems: RecordProblem[] };

export interface ValidatorOptions {
  /**
   * IANA zone (or UTC) whose midnight a date-only value of a timestamp field
   * (2026-12-01) means; without it such a value is refused.
   */
  readonly assumeTimezone?: string;
}

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

const validators = new Map<string, RecordValidator>();

/**
 * The (cached) validator of a source.
 * @example validatorFor('orders', { assumeTimezone: 'Europe/Berlin' }).validate({ …, timestamp: '2026-12-01' })
 */
export function validatorFor(source: SourceName, options: ValidatorOptions = {}): RecordValidator {
  const zone = options.assumeTimezone;
  if (zone !== undefined && !isValidTimeZone(zone)) {
    throw new ValidationError(`unknown time zone "${zone}": expected an IANA name such as Europe/Berlin, or UTC`, { timezone: zone });
  }
  const key = zone === undefined ? source : `${source} ${zone}`;
  let validator = validators.get(key);
  if (!validator) {
    validator = createValidator(source, zone);
    validators.set(key, validator);
  }
  return validator;
}

function createValidator(source: SourceName, zone: string | undefined): RecordValidator {
  const definition = SOURCES[source];
  const columns = columnsOf(definition.schema);
  const check = TypeCompiler.Compile(definition.schema);
  const known = new Set(columns.map((c) => c.name));
  const order = new Map(columns.map((c, i) => [c.name, i]));
  const numeric = columns.filter((c) => c.kind === 'integer' || c.kind === 'number' || c.kind === 'money');
  const timestamps = columns.filter((c) => c.kind === 'timestamp');
  const bounded = columns.filter((c) => c.kind === 'timestamp' || c.kind === 'date' || c.name === 'currency');
  const keepExtrasInProperties = source === 'events';
  const buildRow = compileRowBuilder(columns, definition.emptyKeyDefaults ?? [], source === 'events' ? PARSED_EVENT_FIELDS : []);

  function validate(input: Record<string, unknown>): ValidationResult {
    // Allocated only for a record with a problem: most records have none.
    let problems: RecordProblem[] | undefined;
    let value = coerce(input, numeric);
    // A date without a time is an instant only in a zone: the assumed one's midnight, else a problem.
    for (const column of timestamps) {
      const v = value[column.name];
      if (!isDateOnly(v)) continue;
      if (zone === undefined) {
        problems = addNew(problems, [{ field: column.name, message: dateOnlyMessage(v) }]);
        continue;
      }
      if (value === input) value = { ...input };
      value[column.name] = dateAsMidnight(v, zone);
    }
    if (value.properties !== undefined && typeof value.properties === 'string') {
      const parsed = parseJsonObject(value.properties);
      if (parsed === undefined) problems = addNew(problems, [{ field: 'properties', message: 'must be a JSON object' }]);
      else value.properties = parsed;
    }
    if (!check.Check(value)) problems = addNew(problems, schemaProblems(check, value));
    // Each check returns undefined when it finds nothing, the common case.
    const more = outOfRange(value, bounded);
    if (more !== undefined) problems = addNew(problems, more);
    const scan = scanFields(value, known);
    if (scan.malformed !== undefined) problems = addNew(problems, scan.malformed);
    if (scan.deep !== undefined) problems = addNew(problems, scan.deep);
    const crossField = crossFieldProblem(source, value);
    if (crossField !== undefined) problems = addNew(problems, [crossField]);
    if (problems !== undefined) {
      const rank = (p: RecordProblem) => order.get(p.field) ?? columns.length;
      problems.sort((a, b) => rank(a) - rank(b));
      return { ok: false, problem: problems[0], problems };
    }
    const row = buildRow(value, input, STORE);
    // The row builder stored properties as sent; only fields outside the schema change them.
    if (keepExtrasInProperties && scan.extras) {
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

/** Adds the problems of fields that have none yet (a field is reported once, with its first reason). */
function addNew(problems: RecordProblem[] | undefined, more: readonly RecordProblem[]): RecordProblem[] | undefined {
  for (const problem of more) {
    if (problems === undefined) problems = [problem];
    else if (!problems.some((p) => p.field === problem.field)) problems.push(problem);
  }
  return problems;
}

const NOT_UNICODE = 'is not valid Unicode text (it holds a lone surrogate, e.g. "\\ud800")';

/** Levels of objects and arrays a stored JSON value may nest (a deeper one would overflow the stack where it is written out). */
export const MAX_JSON_DEPTH = 64;

interface FieldScan {
  /**
   * Top-level string fields that are not well-formed UTF-16: a JSON escape
   * such as "\ud800" yields a lone surrogate, which no UTF-8 store can hold.
   * (Nested values are stored as JSON text, which keeps the escape.)
   */
  malformed: RecordProblem[] | undefined;
  /** Fields whose object or array value nests deeper than MAX_JSON_DEPTH. */
  deep: RecordProblem[] | undefined;
  /** Whether a field outside `known` holds a value. */
  extras: boolean;
}

/** One pass over a record's fields for the checks that look at every field (most records pass them all). */
function scanFields(value: Record<string, unknown>, known: ReadonlySet<string>): FieldScan {
  let malformed: RecordProblem[] | undefined;
  let deep: RecordProblem[] | undefined;
  let extras = false;
  for (const key in value) {
    const v = value[key];
    if (typeof v === 'string') {
      if (!(v as unknown as { isWellFormed(): boolean }).isWellFormed()) (malformed ??= []).push({ field: key, message: NOT_UNICODE });
    } else if (v !== null && typeof v === 'object' && depthExceeds(v, MAX_JSON_DEPTH)) {
      (deep ??= []).push({ field: key, message: `nests deeper than ${MAX_JSON_DEPTH} levels` });
    }
    if (!extras && v !== undefined && !known.has(key)) extras = true;
  }
  return { malformed, deep, extras };
}

/** Whether an object or array nests deeper than `max` levels, measured without recursion. */
export function depthExceeds(root: object, max: number): boolean {
  // Most values (event properties) hold no object: one level, no stack to build.
  if (max >= 1 && isFlat(root)) return false;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** Whether no own value of an object or array is itself an object or array. */
function isFlat(v: object): boolean {
  for (const key in v) {
    const child = (v as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object' && Object.hasOwn(v, key)) return false;
  }
  return true;
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

/** A rule across fields; each looks only at values of the right type (others are reported by the schema). */
function crossFieldProblem(source: SourceName, value: Record<string, unknown>): RecordProblem | undefined {
  if (source === 'surveys') {
    const range = SCORE_RANGES[value.kind as string];
    const score = value.score;
    if (range !== undefined && typeof score === 'number' && (score < range[0] || score > range[1])) {
      return { field: 'score', message: `a ${value.kind} score must be between ${range[0]} and ${range[1]}, got ${score}` };
    }
  }
  // Money leaves only through a refund: negative revenue belongs to refunded orders and refund events.
  if (source === 'orders' && typeof value.revenue === 'number' && value.revenue < 0 && value.status !== 'refunded') {
    return { field: 'revenue', message: `is negative (${value.revenue}); only a refunded order may carry negative revenue` };
  }
  if (source === 'events' && typeof value.revenue === 'number' && value.revenue < 0 && value.type !== 'refund') {
    return { field: 'revenue', message: `is negative (${value.revenue}); only a refund event may carry negative revenue` };
  }
  const { start_date: start, end_date: end } = value;
  if (source === 'campaigns' && isValidDateText(start) && isValidDateText(end) && end < start) {
    return { field: 'end_date', message: `end_date ${end} is before start_date ${start}` };
  }
  return undefined;
}

function isValidDateText(value: unknown): value is string {
  return typeof value === 'string' && isValidDate(value);
}

/** The earliest instant and date Beacon stores: the engines' time types start at the Unix epoch. */
export const EARLIEST_DATE = '1970-01-01';
/** The latest date Beacon stores (ClickHouse's Date type ends in 2105; budgets and campaigns may be planned ahead). */
export const LATEST_DATE = '2099-12-31';
/** How far ahead of the server's clock a timestamp may be (clocks of senders drift; a later one is a mistake). */
export const FUTURE_TOLERANCE_MS = 86_400_000;

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/**
 * Timestamps, dates and currencies outside what Beacon stores: instants from
 * 1970 up to a day past now, dates from 1970 to 2099, ISO 4217 codes. A value
 * of the wrong form is the schema's to report, not this check's.
 */
function outOfRange(value: Record<string, unknown>, columns: readonly ColumnSpec[]): RecordProblem[] | undefined {
  let found: RecordProblem[] | undefined;
  for (const c of columns) {
    const v = value[c.name];
    if (typeof v !== 'string') continue;
    const message = rangeMessage(c.kind, v);
    if (message !== undefined) (found ??= []).push({ field: c.name, message });
  }
  return found;
}

function rangeMessage(kind: ColumnKind, v: string): string | undefined {
  if (kind === 'timestamp') {
    const ms = parseTimestampOnce(v);
    if (ms === undefined) return undefined;
    if (ms < 0) return `must be on or after ${EARLIEST_DATE}, got ${JSON.stringify(v)}`;
    if (ms > Date.now() + FUTURE_TOLERANCE_MS) return `is more than a day in the future, got ${JSON.stringify(v)}`;
    return undefined;
  }
  if (kind === 'date') {
    if (!isValidDate(v)) return undefined;
    return v < EARLIEST_DATE || v > LATEST_DATE ? `must be between ${EARLIEST_DATE} and ${LATEST_DATE}, got ${JSON.stringify(v)}` : undefined;
  }
  return /^[A-Z]{3}$/.test(v) && !CURRENCIES.has(v) ? `is not an ISO 4217 currency code, got ${JSON.stringify(v)}` : undefined;
}
