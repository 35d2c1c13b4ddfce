// The ClickHouse dialect's rules for literals, buckets and aggregates (the
// golden SQL of representative queries, beside DuckDB's, is in golden-sql.test.ts).
import { describe, expect, it } from 'vitest';
import { bin, caseWhen, col, countDistinct, countRows, isIn, max, not, sum, val, type Expr, type Select } from '../ast.js';
import { dateLiteral, renderClickHouseSelect, wallClockMillis } from './clickhouse-dialect.js';

const outer = (select: Select) => renderClickHouseSelect(select, () => 'relation');
/** One expression as the single column of an ungrouped select, rendered. */
const column = (expr: Expr) => outer({ from: { name: 'event_facts' }, columns: [{ alias: 'v', expr }], where: [], groupBy: [] }).sql.split('\n')[1].trim();

describe('ClickHouse time buckets', () => {
  const ts = col('ts');
  it('labels every grain of an epoch-ms instant in its zone as DuckDB does', () => {
    const bucket = (grain: 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year') => column({ kind: 'time_bucket', grain, operand: ts, timeZone: 'America/New_York' });
    const at = "toDateTime(intDiv(`__ts`, 1000), 'America/New_York')";
    // formatDateTime on 18.16 writes the server's zone unless it is given one.
    expect(bucket('hour')).toBe(`formatDateTime(${at}, '%Y-%m-%dT%H:00', 'America/New_York') AS \`v\``);
    expect(bucket('day')).toBe(`toString(toDate(${at})) AS \`v\``);
    expect(bucket('week')).toBe(`toString(toMonday(${at})) AS \`v\``);
    expect(bucket('month')).toBe(`toString(toStartOfMonth(${at})) AS \`v\``);
    expect(bucket('quarter')).toBe(`toString(toStartOfQuarter(${at})) AS \`v\``);
    expect(bucket('year')).toBe(`toString(toStartOfYear(${at})) AS \`v\``);
  });

  it('labels wall-clock milliseconds read as UTC, and Date columns directly', () => {
    expect(column({ kind: 'local_bucket', grain: 'hour', operand: col('local_ts'), of: 'wall_clock' })).toBe(
      "formatDateTime(toDateTime(intDiv(`__local_ts`, 1000), 'UTC'), '%Y-%m-%dT%H:00', 'UTC') AS `v`",
    );
    expect(column({ kind: 'local_bucket', grain: 'quarter', operand: col('day'), of: 'date' })).toBe('toString(toStartOfQuarter(`__day`)) AS `v`');
    expect(column({ kind: 'local_bucket', grain: 'day', operand: col('day'), of: 'date' })).toBe('toString(toDate(`__day`)) AS `v`');
    expect(column({ kind: 'local_bucket', grain: 'hour', operand: col('day'), of: 'date' })).toBe("concat(toString(`__day`), 'T00:00') AS `v`");
  });

  it('writes time literals as the numbers and Dates the columns hold, and refuses malformed ones', () => {
    expect(column(bin('<', ts, { kind: 'timestamp', ms: 1_772_323_200_000 }))).toBe('(`__ts` < 1772323200000) AS `v`');
    expect(wallClockMillis('2026-03-08 02:30:00')).toBe(Date.UTC(2026, 2, 8, 2, 30)); // a time New York skips: still just a wall-clock reading
    expect(dateLiteral('2026-02-28')).toBe("toDate('2026-02-28')");
    expect(() => dateLiteral('2026-02-30')).toThrow(/not a date/); // 18.16 would read 2026-03-02
    expect(() => dateLiteral("2026-01-01') OR (1")).toThrow(/not a date/);
    // Outside Date's range (1970-01-01 … 2105-12-31) the bound is clamped: no stored Date lies beyond it.
    expect(dateLiteral('1969-12-31')).toBe("toDate('1970-01-01')");
    expect(dateLiteral('0001-01-01')).toBe("toDate('1970-01-01')");
    expect(dateLiteral('9999-12-31')).toBe("toDate('2105-12-31')");
    expect(() => wallClockMillis('2026-03-08T02:30:00')).toThrow(/wall-clock/);
    expect(() => wallClockMillis('2026-03-08 24:00:00')).toThrow(/wall-clock/);
    expect(() => column({ kind: 'timestamp', ms: 1.5 })).toThrow(/milliseconds/);
  });
});

describe('ClickHouse expressions', () => {
  it('divides as Float64 with NULL for a zero denominator', () => {
    expect(column(bin('/', col('a'), col('b')))).toBe('(toFloat64(`__a`) / nullIf(toFloat64(`__b`), 0)) AS `v`');
  });

  it('renders IN lists, empty ones and NULLs in them as SQL evaluates them in a filter', () => {
    expect(column(isIn(col('c'), ['a', 1, true]))).toBe("(`__c` IN ('a', 1, 1)) AS `v`");
    expect(column(isIn(col('c'), []))).toBe('0 AS `v`');
    expect(column(isIn(col('c'), [], true))).toBe('1 AS `v`');
    expect(column(isIn(col('c'), ['a', null]))).toBe("(`__c` IN ('a')) AS `v`");
    expect(column(isIn(col('c'), ['a', null], true))).toBe('0 AS `v`');
  });

  it('renders CASE as multiIf, NOT, and values as literals', () => {
    expect(column(caseWhen(col('f'), val(1.5), val(null)))).toBe('multiIf(`__f`, 1.5, NULL) AS `v`');
    expect(column(not(col('f')))).toBe('(NOT `__f`) AS `v`');
    expect(() => column(val(Number.NaN))).toThrow(/finite/);
  });

  it('renders aggregates so empty sets give 0 (sum, counts) or NULL (min, max)', () => {
    const f = bin('>', col('n'), val(2));
    expect(column(sum(col('x'), f))).toBe('sumIf(assumeNotNull(`__x`), isNotNull(`__x`) AND (`__n` > 2)) AS `v`');
    expect(column(max(col('x')))).toBe('if(countIf(isNotNull(`__x`)) = 0, NULL, maxIf(assumeNotNull(`__x`), isNotNull(`__x`))) AS `v`');
    expect(column({ kind: 'aggregate', fn: 'min', args: [col('x')], filter: f })).toBe(
      'if(countIf(isNotNull(`__x`) AND (`__n` > 2)) = 0, NULL, minIf(assumeNotNull(`__x`), isNotNull(`__x`) AND (`__n` > 2))) AS `v`',
    );
    expect(column(countRows())).toBe('toInt64(count()) AS `v`');
    expect(column({ kind: 'aggregate', fn: 'count', args: [col('x')] })).toBe('toInt64(count(`__x`)) AS `v`');
    expect(column({ kind: 'aggregate', fn: 'count', args: [col('x')], filter: f })).toBe('toInt64(countIf(isNotNull(`__x`) AND (`__n` > 2))) AS `v`');
    expect(column(countDistinct([col('x')]))).toBe('toInt64(ifNull(uniqExact(`__x`), 0)) AS `v`');
    expect(column(countDistinct([col('x'), col('y')]))).toBe('toInt64(uniqExact(tuple(`__x`, `__y`))) AS `v`');
  });

  it('quotes identifiers with backquotes and reads the relation directly when no column is used', () => {
    const select: Select = { from: { name: 'event_facts' }, columns: [{ alias: 'a`b', expr: countRows() }], where: [], groupBy: [] };
    expect(outer(select).sql).toBe('SELECT\n  toInt64(count()) AS `a\\`b`\nFROM (relation) AS facts');
    const clash: Select = { ...select, columns: [{ alias: '__x', expr: sum(col('x')) }] };
    expect(() => outer(clash)).toThrow(/reserved/);
  });
});
