// ClickHouse's side of the relation hooks (sql-hooks.ts), as 18.16 and later
// servers understand it: instants are Int64 epoch milliseconds and booleans
// UInt8; tuples are positional; a lambda reads outer values only as extra
// array arguments (replicate), since 18.16 drops a subquery column the outer
// query uses only inside a lambda; joins are ANY LEFT / ALL INNER with USING
// over aliased subqueries (20.x and later require the aliases).
import type { Lambda, SqlHooks } from '../sql-hooks.js';
import { jsonNumber, jsonProperty } from './clickhouse-json-sql.js';
import { quoteIdent } from './clickhouse-literals.js';
import { dayNumber, floorDiv, localMillis } from './clickhouse-time-sql.js';

/** fn(lambda, array, replicate(outer, array)…): outer values enter as arrays of the array's length. */
function lambdaCall(fn: string, array: string, l: Lambda): string {
  const element = l.element ?? 'x';
  const outer = l.outer ?? {};
  const names = Object.keys(outer);
  const args = names.map((name) => `replicate(${outer[name]}, ${array})`);
  const body = l.body(element, Object.fromEntries(names.map((n) => [n, n])));
  return `${fn}((${[element, ...names].join(', ')}) -> ${body}, ${[array, ...args].join(', ')})`;
}

const using = (keys: readonly string[]): string => (keys.length === 1 ? `USING ${quoteIdent(keys[0])}` : `USING (${keys.map(quoteIdent).join(', ')})`);
const position = (fields: readonly string[], name: string): number => {
  const index = fields.indexOf(name);
  if (index < 0) throw new Error(`no packed field ${name} in (${fields.join(', ')})`);
  return index + 1;
};
/** The element at `index` (1 or -1) of the array sorted by key. */
const sortedAt = (array: string, key: Lambda, index: 1 | -1): string => `arrayElement(${lambdaCall('arraySort', array, key)}, ${index})`;

export const clickhouseHooks: SqlHooks = {
  name: 'clickhouse',
  ident: quoteIdent,
  isTrue: (expr) => `${expr} = 1`,
  isFalse: (expr) => `${expr} = 0`,
  truthy: (condition) => `ifNull(${condition}, 0) = 1`,
  falseValue: () => '0',
  jsonText: jsonProperty,
  jsonNumber,
  // The text itself: each property is found in it separately.
  jsonFields: (column) => ({ parsed: column, text: jsonProperty, number: jsonNumber }),
  smallInt: (n) => `toUInt8(${n})`,
  nullString: () => 'CAST(NULL AS Nullable(String))',
  notNull: (expr) => `assumeNotNull(${expr})`,
  nullable: (expr) => `toNullable(${expr})`,
  concat: (...parts) => `concat(${parts.join(', ')})`,
  lower: (expr) => `lowerUTF8(${expr})`,
  toDouble: (expr) => `toFloat64(${expr})`,
  intDiv: (dividend, divisor) => `intDiv(${dividend}, ${divisor})`,
  nullIfEmpty: (expr) => `nullIf(${expr}, '')`,
  epochMs: (instant) => instant,
  minusMs: (instant, ms) => `(${instant} - ${ms})`,
  beforeAllTimes: () => 'toInt64(-1000000000000000000)',
  day: (date) => `toInt64(${date})`,
  dayNumber: (day) => `toInt64(${day})`,
  localDay: (instant, timeZone) => dayNumber(localMillis(instant, timeZone)),
  // Wall-clock milliseconds read as UTC give the wall-clock date.
  wallClockDay: (wallClock) => `toDate(toDateTime(intDiv(${wallClock}, 1000), 'UTC'))`,
  // Day numbers of dates Beacon stores (1970 … 2099) fit the Date that toDate reads them as.
  periodIndex: (day, grain) =>
    grain === 'week' ? floorDiv(`(${day} + 3)`, 7) : `toInt64((toYear(toDate(${day})) - 1970) * 12 + toMonth(toDate(${day})) - 1)`,
  argMin: (value, by) => `argMin(${value}, ${by})`,
  argMax: (value, by) => `argMax(${value}, ${by})`,
  anyValue: (value) => `any(${value})`,
  anyTrue: (expr) => `max(${expr})`,
  countIf: (condition) => `countIf(${condition})`,
  countRows: () => 'count()',
  // Exact, as DuckDB's: quantileExact gives the upper of the two middle values, 18.16 has no interpolating exact quantile.
  median: (value, condition) => {
    const n = `countIf(${condition})`;
    const sorted = `arraySort(groupArrayIf(toFloat64(${value}), ${condition}))`;
    return `if(${n} = 0, CAST(NULL AS Nullable(Float64)), (arrayElement(${sorted}, intDiv(${n} + 1, 2)) + arrayElement(${sorted}, intDiv(${n}, 2) + 1)) / 2)`;
  },
  pack: (fields, value) => `tuple(${fields.map(value).join(', ')})`,
  field: (packed, fields, name) => `tupleElement(${packed}, ${position(fields, name)})`,
  arrayAgg: (value, orderBy) =>
    orderBy.length === 0 ? `groupArray(${value})` : `arrayMap(p -> tupleElement(p, 1), arraySort(p -> tupleElement(p, 2), groupArray(tuple(${value}, tuple(${orderBy.join(', ')})))))`,
  arrayAggIf: (value, condition) => `groupArrayIf(${value}, ${condition})`,
  // arrayMin came after 18.16; arrayReduce gives the type's default, 0, for an empty array.
  arrayMin: (array) => `arrayReduce('min', ${array})`,
  arraySum: (array) => `arraySum(${array})`,
  arrayIndexes: (array) => `arrayEnumerate(${array})`,
  arrayHead: (array, n) => `arraySlice(${array}, 1, ${n})`,
  arrayAt: (array, index) => `arrayElement(${array}, ${index})`,
  arrayRange: (n) => `range(toUInt64(${n}))`,
  arrayExists: (array, l) => lambdaCall('arrayExists', array, l),
  arrayFilter: (array, l) => lambdaCall('arrayFilter', array, l),
  arrayMap: (array, l) => lambdaCall('arrayMap', array, l),
  arrayNotEmpty: (array) => `notEmpty(${array})`,
  arrayMinBy: (array, key) => sortedAt(array, key, 1),
  arrayMaxBy: (array, key) => sortedAt(array, key, -1),
  arrayShiftRight: (array, first) => `arrayPopBack(arrayPushFront(${array}, ${first}))`,
  arrayOf: (elements) => `[${elements.join(', ')}]`,
  arrayConcat: (first, second) => `arrayConcat(${first}, ${second})`,
  arraySort: (array) => `arraySort(${array})`,
  arrayOrEmpty: (array) => array,
  leftJoin: (left, right, keys) => `(${left}) AS l ANY LEFT JOIN (${right}) AS r ${using(keys)}`,
  innerJoin: (left, right, keys) => `(${left}) AS l ALL INNER JOIN (${right}) AS r ${using(keys)}`,
  latestAtOrBefore: (left, right, on, value, alias) => {
    // Per key, its (time, value) pairs newest first; the first at or before the left row's time wins.
    const index = lambdaCall('arrayFirstIndex', 'asof_values', { outer: { at: 'asof_time' }, body: (v, o) => `tupleElement(${v}, 1) <= ${o.at}` });
    return `SELECT *, if(${index} = 0, NULL, toNullable(tupleElement(arrayElement(asof_values, ${index}), 2))) AS ${quoteIdent(alias)}
    FROM (SELECT *, ifNull(${on.leftKey}, '') AS asof_key, ${on.leftTime} AS asof_time FROM (${left})) AS l
    ANY LEFT JOIN (SELECT ${on.rightKey} AS asof_key, arrayReverseSort(groupArray(tuple(${on.rightTime}, ${value}))) AS asof_values
                   FROM (${right}) GROUP BY ${on.rightKey}) AS r USING asof_key`;
  },
  convertMoney: (amount, currency, rate, target) => {
    const product = `(CAST(${amount} AS Nullable(Decimal(38, 6))) * CAST(assumeNotNull(${rate}) AS Decimal(38, 12)))`;
    // Rounded half away from zero to 6 places, as DuckDB's cast to DECIMAL(18,6).
    const rounded = `CAST(${product} + if(${product} < 0, -1, 1) * toDecimal128('0.0000005', 7) AS Nullable(Decimal(18, 6)))`;
    return `multiIf(isNull(${amount}), CAST(NULL AS Nullable(Decimal(18, 6))),
      ifNull(${currency}, ${target}) = ${target}, CAST(${amount} AS Nullable(Decimal(18, 6))),
      isNull(${rate}), CAST(NULL AS Nullable(Decimal(18, 6))), ${rounded})`;
  },
  convertDouble: (amount, currency, rate, target) => {
    const product = `(${amount} * toFloat64(assumeNotNull(${rate})))`;
    // Rounded half away from zero to 6 places, as DuckDB's cast to DECIMAL(18,6), then a double again.
    const rounded = `toFloat64(CAST(toDecimal128(${product}, 12) + if(${product} < 0, -1, 1) * toDecimal128('0.0000005', 7) AS Decimal(18, 6)))`;
    return `multiIf(ifNull(${currency}, ${target}) = ${target}, toNullable(${amount}), isNull(${rate}), CAST(NULL AS Nullable(Float64)), toNullable(${rounded}))`;
  },
  // With 6 places, revenue × credit keeps 12 in 38 digits.
  creditFactor: (expr) => `toDecimal128(${expr}, 6)`,
  zeroMoney: () => 'toDecimal64(0, 6)',
  addDays: (date, n) => `(${date} + ${n})`,
  daysToNextMonth: (date) => `(toInt64(addMonths(${date}, 1)) - toInt64(${date}))`,
  arrayJoin: (from, columns, arrays) =>
    `SELECT ${[...columns.map(quoteIdent), ...Object.keys(arrays).map(quoteIdent)].join(', ')}
    FROM (${from}) ARRAY JOIN ${Object.entries(arrays).map(([alias, array]) => `${array} AS ${quoteIdent(alias)}`).join(', ')}`,
};
