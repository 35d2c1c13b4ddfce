// Golden SQL of the relation hooks, every hook in both dialects (Kysely's
// habit: one table, each dialect's text written out by hand). The relations
// built with them run on real engines in test/ (DuckDB, ClickHouse 18.16 and
// a current ClickHouse) and are compared across engines there.
import { describe, expect, it } from 'vitest';
import { clickhouseHooks } from './clickhouse/clickhouse-hooks.js';
import { duckdbHooks } from './duckdb/duckdb-hooks.js';
import type { SqlHooks } from './sql-hooks.js';

interface Case {
  hook: string;
  render: (h: SqlHooks) => string;
  duckdb: string;
  clickhouse: string;
}

const CASES: Case[] = [
  { hook: 'ident', render: (h) => h.ident('date'), duckdb: '"date"', clickhouse: '`date`' },
  { hook: 'isFalse', render: (h) => h.isFalse('is_bot'), duckdb: 'NOT is_bot', clickhouse: 'is_bot = 0' },
  { hook: 'truthy', render: (h) => h.truthy("c <> 'Direct'"), duckdb: "coalesce(c <> 'Direct', false)", clickhouse: "ifNull(c <> 'Direct', 0) = 1" },
  { hook: 'smallInt', render: (h) => h.smallInt(1), duckdb: '1', clickhouse: 'toUInt8(1)' },
  { hook: 'nullString', render: (h) => h.nullString(), duckdb: 'CAST(NULL AS VARCHAR)', clickhouse: 'CAST(NULL AS Nullable(String))' },
  { hook: 'notNull', render: (h) => h.notNull('order_id'), duckdb: 'order_id', clickhouse: 'assumeNotNull(order_id)' },
  { hook: 'epochMs', render: (h) => h.epochMs('ts'), duckdb: 'epoch_ms(ts)', clickhouse: 'ts' },
  {
    hook: 'minusMs',
    render: (h) => h.minusMs('ts', '1800000'),
    duckdb: '(ts - to_milliseconds(CAST(1800000 AS BIGINT)))',
    clickhouse: '(ts - 1800000)',
  },
  { hook: 'day', render: (h) => h.day('d'), duckdb: 'd', clickhouse: 'toInt64(d)' },
  {
    hook: 'periodIndex (week)',
    render: (h) => h.periodIndex('d', 'week'),
    duckdb: "((d - DATE '1970-01-01' + 3) // 7)",
    clickhouse: '(intDiv((d + 3), 7) - (modulo((d + 3), 7) < 0))',
  },
  {
    hook: 'periodIndex (month)',
    render: (h) => h.periodIndex('d', 'month'),
    duckdb: "date_diff('month', DATE '1970-01-01', d)",
    clickhouse: 'toInt64((toYear(toDate(d)) - 1970) * 12 + toMonth(toDate(d)) - 1)',
  },
  { hook: 'argMin', render: (h) => h.argMin('channel', 'ts'), duckdb: 'arg_min(channel, ts)', clickhouse: 'argMin(channel, ts)' },
  { hook: 'argMax', render: (h) => h.argMax('channel', 'ts'), duckdb: 'arg_max(channel, ts)', clickhouse: 'argMax(channel, ts)' },
  { hook: 'countIf', render: (h) => h.countIf("type = 'page_view'"), duckdb: "count(*) FILTER (WHERE type = 'page_view')", clickhouse: "countIf(type = 'page_view')" },
  {
    hook: 'median',
    render: (h) => h.median('d', 'r = 1'),
    duckdb: 'median(CAST(d AS DOUBLE)) FILTER (WHERE r = 1)',
    clickhouse:
      'if(countIf(r = 1) = 0, CAST(NULL AS Nullable(Float64)), (arrayElement(arraySort(groupArrayIf(toFloat64(d), r = 1)), intDiv(countIf(r = 1) + 1, 2)) + arrayElement(arraySort(groupArrayIf(toFloat64(d), r = 1)), intDiv(countIf(r = 1), 2) + 1)) / 2)',
  },
  { hook: 'arrayMin', render: (h) => h.arrayMin('xs'), duckdb: 'coalesce(list_min(xs), 0)', clickhouse: "arrayReduce('min', xs)" },
  { hook: 'anyTrue', render: (h) => h.anyTrue('is_bot'), duckdb: 'bool_or(is_bot)', clickhouse: 'max(is_bot)' },
  {
    hook: 'pack / field',
    render: (h) => h.field(h.pack(['ts', 'channel'], (n) => `t_${n}`), ['ts', 'channel'], 'channel'),
    duckdb: '(struct_pack("ts" := t_ts, "channel" := t_channel))."channel"',
    clickhouse: 'tupleElement(tuple(t_ts, t_channel), 2)',
  },
  {
    hook: 'arrayAgg (ordered)',
    render: (h) => h.arrayAgg('c', ['ts', 'k']),
    duckdb: 'list(c ORDER BY ts, k)',
    clickhouse: 'arrayMap(p -> tupleElement(p, 1), arraySort(p -> tupleElement(p, 2), groupArray(tuple(c, tuple(ts, k)))))',
  },
  {
    hook: 'arrayExists (outer value)',
    render: (h) => h.arrayExists('click_ts', { outer: { start: 'started_at' }, body: (k, o) => `${k} <= ${o.start}` }),
    duckdb: '(coalesce(len(list_filter(click_ts, x -> x <= started_at)), 0) > 0)',
    clickhouse: 'arrayExists((x, start) -> x <= start, click_ts, replicate(started_at, click_ts))',
  },
  {
    hook: 'arrayMinBy',
    render: (h) => h.arrayMinBy('path', { body: (t) => `${t}.k` }),
    duckdb: "(list_sort(list_transform(path, e -> struct_pack(k := e.k, v := e)), 'ASC')[1]).v",
    clickhouse: 'arrayElement(arraySort((x) -> x.k, path), 1)',
  },
  {
    hook: 'arrayMaxBy',
    render: (h) => h.arrayMaxBy('path', { body: (t) => `${t}.k` }),
    duckdb: "(list_sort(list_transform(path, e -> struct_pack(k := e.k, v := e)), 'DESC')[1]).v",
    clickhouse: 'arrayElement(arraySort((x) -> x.k, path), -1)',
  },
  {
    hook: 'arrayShiftRight',
    render: (h) => h.arrayShiftRight('a', '0'),
    duckdb: 'list_prepend(0, a)[1:len(a)]',
    clickhouse: 'arrayPopBack(arrayPushFront(a, 0))',
  },
  { hook: 'arrayConcat', render: (h) => h.arrayConcat('[c]', 'later'), duckdb: 'list_concat([c], later)', clickhouse: 'arrayConcat([c], later)' },
  { hook: 'arraySort', render: (h) => h.arraySort('steps'), duckdb: 'list_sort(steps)', clickhouse: 'arraySort(steps)' },
  { hook: 'arrayOrEmpty', render: (h) => h.arrayOrEmpty('path'), duckdb: 'coalesce(path, [])', clickhouse: 'path' },
  { hook: 'intDiv', render: (h) => h.intDiv('a - b', '86400000'), duckdb: '((a - b) // (86400000))', clickhouse: 'intDiv(a - b, 86400000)' },
  { hook: 'arrayHead', render: (h) => h.arrayHead('a', 'i'), duckdb: '(a)[1:i]', clickhouse: 'arraySlice(a, 1, i)' },
  { hook: 'arrayIndexes', render: (h) => h.arrayIndexes('a'), duckdb: 'generate_series(1, len(a))', clickhouse: 'arrayEnumerate(a)' },
  {
    hook: 'leftJoin',
    render: (h) => h.leftJoin('SELECT 1', 'SELECT 2', ['k']),
    duckdb: '(SELECT 1) AS l LEFT JOIN (SELECT 2) AS r USING ("k")',
    clickhouse: '(SELECT 1) AS l ANY LEFT JOIN (SELECT 2) AS r USING `k`',
  },
  {
    hook: 'innerJoin (two keys)',
    render: (h) => h.innerJoin('SELECT 1', 'SELECT 2', ['a', 'b']),
    duckdb: '(SELECT 1) AS l JOIN (SELECT 2) AS r USING ("a", "b")',
    clickhouse: '(SELECT 1) AS l ALL INNER JOIN (SELECT 2) AS r USING (`a`, `b`)',
  },
  {
    hook: 'arrayJoin',
    render: (h) => h.arrayJoin('SELECT 1', ['p'], { c: 'cs', n: 'ns' }).replace(/\s+/g, ' '),
    duckdb: 'SELECT "p", unnest(cs) AS "c", unnest(ns) AS "n" FROM (SELECT 1)',
    clickhouse: 'SELECT `p`, `c`, `n` FROM (SELECT 1) ARRAY JOIN cs AS `c`, ns AS `n`',
  },
  { hook: 'addDays', render: (h) => h.addDays('d', 'n'), duckdb: '(d + CAST(n AS INTEGER))', clickhouse: '(d + n)' },
  { hook: 'zeroMoney', render: (h) => h.zeroMoney(), duckdb: 'CAST(0 AS DECIMAL(18,6))', clickhouse: 'toDecimal64(0, 6)' },
  { hook: 'creditFactor', render: (h) => h.creditFactor('credit'), duckdb: 'credit', clickhouse: 'toDecimal128(credit, 6)' },
];

describe.each([duckdbHooks, clickhouseHooks])('$name relation hooks', (h) => {
  it.each(CASES)('$hook', (c) => {
    expect(c.render(h)).toBe(h.name === 'duckdb' ? c.duckdb : c.clickhouse);
  });
});

describe('ClickHouse relation hooks', () => {
  it('passes outer values to a lambda as replicated arrays instead of capturing them', () => {
    expect(clickhouseHooks.arrayFilter('touches', { element: 't', outer: { p: 'prev_ts' }, body: (t, o) => `${t}.1 > ${o.p}` })).toBe(
      'arrayFilter((t, p) -> t.1 > p, touches, replicate(prev_ts, touches))',
    );
    expect(clickhouseHooks.arrayMap('xs', { body: (x) => `${x} + 1` })).toBe('arrayMap((x) -> x + 1, xs)');
  });

  it('names nested lambdas apart and reads an outer value only as an extra array argument', () => {
    const inner = (o: Readonly<Record<string, string>>) =>
      clickhouseHooks.arrayFilter(o.es, { element: 'v', body: (v) => `${v} IS NOT NULL` });
    expect(clickhouseHooks.arrayMap('idx', { element: 'i', outer: { es: 'entries' }, body: (_i, o) => inner(o) })).toBe(
      'arrayMap((i, es) -> arrayFilter((v) -> v IS NOT NULL, es), idx, replicate(entries, idx))',
    );
  });

  it('refuses a packed field it does not know', () => {
    expect(() => clickhouseHooks.field('t', ['a'], 'b')).toThrow('no packed field b');
  });
});
