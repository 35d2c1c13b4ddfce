// DuckDB's side of the relation hooks (sql-hooks.ts): timestamps, booleans,
// structs, lists with lambdas that read outer columns directly, unnest.
import type { Lambda, SqlHooks } from '../sql-hooks.js';
import { quoteIdent } from './duckdb-dialect.js';

const lambda = (fallback: string, l: Lambda): string => {
  const element = l.element ?? fallback;
  return `${element} -> ${l.body(element, l.outer ?? {})}`;
};
/** A constant of ours as a string literal (user values are parameters). */
const quoteString = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const using = (keys: readonly string[]): string => `USING (${keys.map(quoteIdent).join(', ')})`;
/** The element with the least key: sort (key, element) pairs; ties fall to the element's own order. */
const byKey = (array: string, key: Lambda, direction: 'ASC' | 'DESC'): string =>
  `(list_sort(list_transform(${array}, ${lambda('e', { ...key, body: (e, o) => `struct_pack(k := ${key.body(e, o)}, v := ${e})` })}), '${direction}')[1]).v`;

export const duckdbHooks: SqlHooks = {
  name: 'duckdb',
  ident: quoteIdent,
  isTrue: (expr) => `${expr}`,
  isFalse: (expr) => `NOT ${expr}`,
  truthy: (condition) => `coalesce(${condition}, false)`,
  falseValue: () => 'false',
  jsonText: (column, key) => `json_extract_string(${column}, ${quoteString(`$.${key}`)})`,
  jsonNumber: (column, key) => `TRY_CAST(json_extract_string(${column}, ${quoteString(`$.${key}`)}) AS DOUBLE)`,
  // One parse of the document for all the keys (a list of texts), instead of one per key.
  jsonFields: (column, keys) => ({
    parsed: `json_extract_string(${column}, [${keys.map((key) => quoteString(`$.${key}`)).join(', ')}])`,
    text: (parsed, key) => `${parsed}[${keys.indexOf(key) + 1}]`,
    number: (parsed, key) => `TRY_CAST(${parsed}[${keys.indexOf(key) + 1}] AS DOUBLE)`,
  }),
  smallInt: (n) => String(n),
  nullString: () => 'CAST(NULL AS VARCHAR)',
  notNull: (expr) => expr,
  nullable: (expr) => expr,
  concat: (...parts) => `concat(${parts.join(', ')})`,
  lower: (expr) => `lower(${expr})`,
  toDouble: (expr) => `CAST(${expr} AS DOUBLE)`,
  intDiv: (dividend, divisor) => `((${dividend}) // (${divisor}))`,
  nullIfEmpty: (expr) => `nullif(${expr}, '')`,
  epochMs: (instant) => `epoch_ms(${instant})`,
  minusMs: (instant, ms) => `(${instant} - to_milliseconds(CAST(${ms} AS BIGINT)))`,
  beforeAllTimes: () => `CAST('-infinity' AS TIMESTAMP)`,
  day: (date) => date,
  dayNumber: (day) => `(${day} - DATE '1970-01-01')`,
  localDay: (instant, timeZone) => `CAST(timezone(${timeZone}, CAST(${instant} AS TIMESTAMPTZ)) AS DATE)`,
  wallClockDay: (wallClock) => `CAST(${wallClock} AS DATE)`,
  periodIndex: (day, grain) =>
    grain === 'week' ? `((${day} - DATE '1970-01-01' + 3) // 7)` : `date_diff('month', DATE '1970-01-01', ${day})`,
  argMin: (value, by) => `arg_min(${value}, ${by})`,
  argMax: (value, by) => `arg_max(${value}, ${by})`,
  anyValue: (value) => `any_value(${value})`,
  anyTrue: (expr) => `bool_or(${expr})`,
  countIf: (condition) => `count(*) FILTER (WHERE ${condition})`,
  countRows: () => 'count(*)',
  median: (value, condition) => `median(CAST(${value} AS DOUBLE)) FILTER (WHERE ${condition})`,
  pack: (fields, value) => `struct_pack(${fields.map((f) => `${quoteIdent(f)} := ${value(f)}`).join(', ')})`,
  field: (packed, _fields, name) => `(${packed}).${quoteIdent(name)}`,
  arrayAgg: (value, orderBy) => `list(${value}${orderBy.length > 0 ? ` ORDER BY ${orderBy.join(', ')}` : ''})`,
  arrayAggIf: (value, condition) => `list(${value}) FILTER (WHERE ${condition})`,
  arrayMin: (array) => `coalesce(list_min(${array}), 0)`,
  arraySum: (array) => `list_sum(${array})`,
  arrayIndexes: (array) => `generate_series(1, len(${array}))`,
  arrayHead: (array, n) => `(${array})[1:${n}]`,
  arrayAt: (array, index) => `(${array})[${index}]`,
  arrayRange: (n) => `range(${n})`,
  arrayExists: (array, l) => `(coalesce(len(list_filter(${array}, ${lambda('x', l)})), 0) > 0)`,
  arrayFilter: (array, l) => `list_filter(${array}, ${lambda('x', l)})`,
  arrayMap: (array, l) => `list_transform(${array}, ${lambda('x', l)})`,
  arrayNotEmpty: (array) => `(coalesce(len(${array}), 0) > 0)`,
  arrayMinBy: (array, key) => byKey(array, key, 'ASC'),
  arrayMaxBy: (array, key) => byKey(array, key, 'DESC'),
  arrayShiftRight: (array, first) => `list_prepend(${first}, ${array})[1:len(${array})]`,
  arrayOf: (elements) => `[${elements.join(', ')}]`,
  arrayConcat: (first, second) => `list_concat(${first}, ${second})`,
  arraySort: (array) => `list_sort(${array})`,
  arrayOrEmpty: (array) => `coalesce(${array}, [])`,
  leftJoin: (left, right, keys) => `(${left}) AS l LEFT JOIN (${right}) AS r ${using(keys)}`,
  innerJoin: (left, right, keys) => `(${left}) AS l JOIN (${right}) AS r ${using(keys)}`,
  latestAtOrBefore: (left, right, on, value, alias) =>
    `SELECT l.*, r.asof_value AS ${quoteIdent(alias)}
    FROM (SELECT *, ${on.leftKey} AS asof_key, ${on.leftTime} AS asof_time FROM (${left})) AS l
    ASOF LEFT JOIN (SELECT ${on.rightKey} AS asof_key, ${on.rightTime} AS asof_time, ${value} AS asof_value FROM (${right})) AS r
      ON r.asof_key = l.asof_key AND l.asof_time >= r.asof_time`,
  convertMoney: (amount, currency, rate, target) =>
    `CASE WHEN ${amount} IS NULL THEN NULL WHEN coalesce(${currency}, ${target}) = ${target} THEN ${amount}
      ELSE CAST(${amount} * CAST(${rate} AS DECIMAL(38,12)) AS DECIMAL(18,6)) END`,
  convertDouble: (amount, currency, rate, target) =>
    `CASE WHEN ${amount} IS NULL THEN NULL WHEN coalesce(${currency}, ${target}) = ${target} THEN ${amount}
      ELSE CAST(CAST(${amount} * CAST(${rate} AS DECIMAL(38,12)) AS DECIMAL(18,6)) AS DOUBLE) END`,
  creditFactor: (expr) => expr,
  zeroMoney: () => 'CAST(0 AS DECIMAL(18,6))',
  addDays: (date, n) => `(${date} + CAST(${n} AS INTEGER))`,
  daysToNextMonth: (date) => `date_diff('day', ${date}, CAST(${date} + INTERVAL 1 MONTH AS DATE))`,
  arrayJoin: (from, columns, arrays) =>
    `SELECT ${[...columns.map(quoteIdent), ...Object.entries(arrays).map(([alias, array]) => `unnest(${array}) AS ${quoteIdent(alias)}`)].join(', ')}
    FROM (${from})`,
};
