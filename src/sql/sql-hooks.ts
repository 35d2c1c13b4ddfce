// What differs between the engines' SQL where a relation is written once
// (src/warehouse/relations): each dialect implements these small hooks, pure
// text in and out. DuckDB has timestamps, booleans, structs and lists with
// lambdas; ClickHouse (18.16 and later) stores instants as Int64 epoch
// milliseconds and booleans as UInt8, has positional tuples, arrays whose
// lambdas cannot read outer columns, ANY LEFT joins with USING, and ARRAY JOIN.
import type { PeriodGrain } from '../core/period-index.js';

/** A lambda over the elements of an array; `outer` names outer values the body reads. */
export interface Lambda {
  /** The element's name (default x); nested lambdas name theirs apart. */
  element?: string;
  /** Builds the body from the element's name and the names the outer values go by inside it. */
  body: (element: string, outer: Readonly<Record<string, string>>) => string;
  outer?: Readonly<Record<string, string>>;
}

export interface SqlHooks {
  readonly name: 'duckdb' | 'clickhouse';
  /** A quoted identifier. */
  ident(name: string): string;

  /** A stored boolean is true / false (ClickHouse stores 0 and 1). */
  isTrue(expr: string): string;
  isFalse(expr: string): string;
  /** A condition that may be NULL, taken as false when it is. */
  truthy(condition: string): string;
  /** The boolean false, as stored. */
  falseValue(): string;
  /** A property of a JSON object column as text (strings unescaped, other values as their JSON text; NULL when absent or null). */
  jsonText(column: string, key: string): string;
  /** A property of a JSON object column as a number; NULL when it is not one. */
  jsonNumber(column: string, key: string): string;
  /**
   * Several properties of a JSON object column, parsed once where the engine
   * can: `parsed` is projected as a column, and `text` / `number` read a
   * property from that column as jsonText / jsonNumber read it from the text.
   */
  jsonFields(column: string, keys: readonly string[]): JsonFields;
  /** A small integer constant, of one type in every branch of a UNION ALL. */
  smallInt(n: number): string;
  /** A NULL string, typed. */
  nullString(): string;
  /** An expression that is never NULL here (ClickHouse then types it non-Nullable). */
  notNull(expr: string): string;
  /** An expression a LEFT JOIN may leave without a value: NULL, not ClickHouse's default. */
  nullable(expr: string): string;
  concat(...parts: string[]): string;
  /** NULL for an empty string. */
  nullIfEmpty(expr: string): string;
  lower(expr: string): string;
  /** A number as a double. */
  toDouble(expr: string): string;
  /** The integer quotient of two integers, rounded toward zero (the floor, for the non-negative operands it is given). */
  intDiv(dividend: string, divisor: string): string;

  /** Milliseconds since the epoch of a stored instant. */
  epochMs(instant: string): string;
  /** The instant `ms` milliseconds before `instant`. */
  minusMs(instant: string, ms: string): string;
  /** An instant before every stored one. */
  beforeAllTimes(): string;
  /** A stored date, comparable with another (a day number on ClickHouse). */
  day(date: string): string;
  /** Days since 1970-01-01 of a value day() or localDay() gave (an integer on every engine). */
  dayNumber(day: string): string;
  /** The date of a stored instant in a time zone (`timeZone` a value), comparable as day() is. */
  localDay(instant: string, timeZone: string): string;
  /** The date of a stored wall-clock time (local_ts), as a date column stores it. */
  wallClockDay(wallClock: string): string;
  /**
   * The calendar period holding a day (as day() and localDay() give it),
   * numbered as core/period-index.ts numbers it: weeks (Monday to Sunday)
   * since the week of 1970-01-01, or months since January 1970; a 64-bit integer.
   */
  periodIndex(day: string, grain: PeriodGrain): string;

  /** The value of the row with the least `by` (NULLs of `value` skipped). */
  argMin(value: string, by: string): string;
  /** The value of the row with the greatest `by`. */
  argMax(value: string, by: string): string;
  anyValue(value: string): string;
  /** Whether a stored boolean is true in some row of the group. */
  anyTrue(expr: string): string;
  /** Rows of the group where `condition` holds. */
  countIf(condition: string): string;
  countRows(): string;
  /**
   * The median of a number over the group's rows where `condition` holds, as a
   * double: the middle value, or the mean of the two middle ones; NULL where none do.
   */
  median(value: string, condition: string): string;

  /** Named values carried as one (a struct; a positional tuple on ClickHouse). */
  pack(fields: readonly string[], value: (name: string) => string): string;
  /** One named value of a packed one. */
  field(packed: string, fields: readonly string[], name: string): string;

  /** The group's values as an array, in the order of `orderBy` (expressions over the group's rows). */
  arrayAgg(value: string, orderBy: readonly string[]): string;
  /** The values of the group's rows where `condition` holds, as an array (possibly missing when none do). */
  arrayAggIf(value: string, condition: string): string;
  /** 1, 2, … up to the array's length. */
  arrayIndexes(array: string): string;
  /** The first `n` elements. */
  arrayHead(array: string, n: string): string;
  /** The element at a 1-based index; negative counts from the end; NULL (or the default) outside the array. */
  arrayAt(array: string, index: string): string;
  /** 0, 1, … n − 1. */
  arrayRange(n: string): string;
  /** The least element of an array of numbers; 0 for an empty one. */
  arrayMin(array: string): string;
  /** The sum of a numeric array's elements; NULL or 0 for an empty or missing one. */
  arraySum(array: string): string;
  /** Whether some element satisfies the lambda; false for an empty or missing array. */
  arrayExists(array: string, lambda: Lambda): string;
  arrayFilter(array: string, lambda: Lambda): string;
  arrayMap(array: string, lambda: Lambda): string;
  /** Whether the array has elements; false for a missing one. */
  arrayNotEmpty(array: string): string;
  /**
   * The element with the least / greatest key (the lambda's value). Undefined
   * for an empty array (NULL on DuckDB, a default tuple on ClickHouse, which
   * has no Nullable tuples): read its fields only where arrayNotEmpty holds.
   */
  arrayMinBy(array: string, key: Lambda): string;
  arrayMaxBy(array: string, key: Lambda): string;
  /** The array shifted one place right: `first`, then every element but the last. */
  arrayShiftRight(array: string, first: string): string;
  /** A literal array of packed values. */
  arrayOf(elements: readonly string[]): string;
  /** The elements of one array, then those of another of the same type. */
  arrayConcat(first: string, second: string): string;
  /** The elements in ascending order; packed values compare field by field (fields never NULL here). */
  arraySort(array: string): string;
  /** The array, or an empty one where a LEFT JOIN left it missing (ClickHouse fills in an empty array itself). */
  arrayOrEmpty(array: string): string;

  /**
   * A FROM clause: `left` with the columns of `right` (one row per key, or
   * none) joined on the columns `keys` both have; columns of `right` are NULL
   * for a left row without a match only where marked with nullable().
   */
  leftJoin(left: string, right: string, keys: readonly string[]): string;
  /** A FROM clause: the rows of `left` and `right` that agree on the columns `keys`. */
  innerJoin(left: string, right: string, keys: readonly string[]): string;
  /**
   * A SELECT of every column of `left` and `alias`: the `value` of the row of
   * `right` with the same key (`leftKey` = `rightKey`) and the latest time at
   * or before the left row's (`leftTime` ≥ `rightTime`, both comparable as
   * day() is); NULL when there is none. An as-of join, as fx rates are read.
   */
  latestAtOrBefore(left: string, right: string, on: { leftKey: string; rightKey: string; leftTime: string; rightTime: string }, value: string, alias: string): string;
  /**
   * Money in the workspace currency `target` (a value): `amount` itself when
   * its currency is the target's (or unknown), else amount × rate in decimal
   * arithmetic rounded half away from zero to 6 places; NULL without a rate.
   */
  convertMoney(amount: string, currency: string, rate: string, target: string): string;
  /** As convertMoney, for an amount held as a double (a share of a sum): a double, the converted one rounded to 6 places first. */
  convertDouble(amount: string, currency: string, rate: string, target: string): string;
  /** A credit share (a double) as a factor money may be multiplied by (ClickHouse 18.16 has no Decimal × Float64). */
  creditFactor(expr: string): string;
  /** Zero as money (decimal with 6 places). */
  zeroMoney(): string;
  /** The date `n` days after a date. */
  addDays(date: string, n: string): string;
  /** The days from a date to the same date next month (28 to 31). */
  daysToNextMonth(date: string): string;
  /**
   * A SELECT of `columns` of `from` and one row per element of the arrays
   * (read in step), each element named by its key in `arrays`.
   */
  arrayJoin(from: string, columns: readonly string[], arrays: Readonly<Record<string, string>>): string;
}

/** See SqlHooks.jsonFields. */
export interface JsonFields {
  parsed: string;
  text(parsedColumn: string, key: string): string;
  number(parsedColumn: string, key: string): string;
}
