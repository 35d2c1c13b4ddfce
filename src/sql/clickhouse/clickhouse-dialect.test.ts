// Golden SQL of the ClickHouse dialect for the representative queries of the
// DuckDB golden test (the outer aggregate over a fact relation; written out
// by hand), and the rules for literals, buckets and aggregates.
import { describe, expect, it } from 'vitest';
import { CATALOG_BY_ID } from '../../metrics/catalog.js';
import { planQuery, type PlanInput } from '../../metrics/planner.js';
import { bin, caseWhen, col, countDistinct, countRows, isIn, max, not, sum, val, type Expr, type Select } from '../ast.js';
import { dateLiteral, renderClickHouseSelect, wallClockMillis } from './clickhouse-dialect.js';

const metrics = (...ids: string[]) => ids.map((id) => CATALOG_BY_ID.get(id)!);
const plan = (input: Partial<PlanInput> & Pick<PlanInput, 'metrics'>) =>
  planQuery({ dimensions: [], grain: null, filters: [], from: '2026-03-01', to: '2026-03-31', timeZone: 'UTC', ...input });
const outer = (select: Select) => renderClickHouseSelect(select, () => 'relation');
/** One expression as the single column of an ungrouped select, rendered. */
const column = (expr: Expr) => outer({ from: { name: 'event_facts' }, columns: [{ alias: 'v', expr }], where: [], groupBy: [] }).sql.split('\n')[1].trim();

/** A ClickHouse string literal: quotes, with backslash escapes and no raw control characters inside. */
const STRING_LITERAL = /'(?:[^'\\\u0000-\u001f]|\\.)*'/g;

describe('ClickHouse golden SQL', () => {
  it('ctr by channel and day: sums that are 0 over no rows, dates as YYYY-MM-DD text, totals WITH TOTALS', () => {
    const [ad] = plan({
      metrics: metrics('ctr'),
      dimensions: ['channel'],
      grain: 'day',
      filters: [{ dimension: 'channel', op: 'in', values: ['Paid Search', 'Paid Social'] }],
    });
    expect(ad.fact).toBe('ad');
    expect(outer(ad.select)).toEqual({
      sql: [
        'SELECT',
        '  toNullable(toString(toDate(`__day`))) AS `date`,',
        '  toNullable(`__channel`) AS `channel`,',
        '  sumIf(assumeNotNull(`__clicks`), isNotNull(`__clicks`)) AS `clicks`,',
        '  sumIf(assumeNotNull(`__impressions`), isNotNull(`__impressions`)) AS `impressions`',
        // Relation columns are renamed: the alias `clicks` would otherwise hide the column `clicks`.
        'FROM (SELECT `day` AS `__day`, `channel` AS `__channel`, `clicks` AS `__clicks`, `impressions` AS `__impressions` FROM (relation)) AS facts',
        "WHERE (`__day` >= toDate('2026-03-01'))",
        "  AND (`__day` <= toDate('2026-03-31'))",
        "  AND (`__channel` IN ('Paid Search', 'Paid Social'))",
        'GROUP BY `date`, `channel` WITH TOTALS',
      ].join('\n'),
      params: {},
    });
    // Without grain or dimensions: the same measures over the whole period, no grouping.
    expect(outer(plan({ metrics: metrics('ctr'), filters: [{ dimension: 'channel', op: 'in', values: ['Paid Search', 'Paid Social'] }] })[0].select).sql).toBe(
      [
        'SELECT',
        '  sumIf(assumeNotNull(`__clicks`), isNotNull(`__clicks`)) AS `clicks`,',
        '  sumIf(assumeNotNull(`__impressions`), isNotNull(`__impressions`)) AS `impressions`',
        'FROM (SELECT `clicks` AS `__clicks`, `impressions` AS `__impressions`, `day` AS `__day`, `channel` AS `__channel` FROM (relation)) AS facts',
        "WHERE (`__day` >= toDate('2026-03-01'))",
        "  AND (`__day` <= toDate('2026-03-31'))",
        "  AND (`__channel` IN ('Paid Search', 'Paid Social'))",
      ].join('\n'),
    );
  });

  it('orders by ISO week in Berlin: zone-aware Mondays of epoch-ms instants, DST-aware bounds; "(none)" in not_in keeps NULLs out', () => {
    const [orders] = plan({
      metrics: metrics('orders'),
      grain: 'week',
      from: '2026-03-23',
      to: '2026-04-05',
      timeZone: 'Europe/Berlin',
      filters: [{ dimension: 'channel', op: 'not_in', values: ['(none)', 'Direct'] }],
    });
    // Midnight 23 March is CET (UTC+1); midnight 6 April is CEST (UTC+2).
    expect(outer(orders.select)).toEqual({
      sql: [
        'SELECT',
        "  toNullable(toString(toMonday(toDateTime(intDiv(`__ts`, 1000), 'Europe/Berlin')))) AS `date`,",
        '  toInt64(count()) AS `orders`',
        'FROM (SELECT `ts` AS `__ts`, `channel` AS `__channel` FROM (relation)) AS facts',
        `WHERE (\`__ts\` >= ${Date.UTC(2026, 2, 22, 23)})`,
        `  AND (\`__ts\` < ${Date.UTC(2026, 3, 5, 22)})`,
        "  AND (isNotNull(`__channel`) AND (`__channel` NOT IN ('Direct')))",
        'GROUP BY `date` WITH TOTALS',
      ].join('\n'),
      params: {},
    });
  });

  it('visitors by week: buckets of the stored wall-clock milliseconds read as UTC, bounds as local midnights', () => {
    const [events] = plan({ metrics: metrics('visitors'), grain: 'week', from: '2026-03-23', to: '2026-04-05', timeZone: 'Europe/Berlin' });
    expect(outer(events.select)).toEqual({
      sql: [
        'SELECT',
        "  toNullable(toString(toMonday(toDateTime(intDiv(`__local_ts`, 1000), 'UTC')))) AS `date`,",
        '  toInt64(ifNull(uniqExactIf(`__anonymous_id`, `__is_onsite`), 0)) AS `visitors`',
        'FROM (SELECT `local_ts` AS `__local_ts`, `is_onsite` AS `__is_onsite`, `anonymous_id` AS `__anonymous_id` FROM (relation)) AS facts',
        `WHERE (\`__local_ts\` >= ${Date.UTC(2026, 2, 23)})`,
        `  AND (\`__local_ts\` < ${Date.UTC(2026, 3, 6)})`,
        'GROUP BY `date` WITH TOTALS',
      ].join('\n'),
      params: {},
    });
  });

  it('email open rate: distinct (message, person) tuples and the delivered fallback as one multiIf over Int64 counts', () => {
    const [events] = plan({ metrics: metrics('email_open_rate'), dimensions: ['campaign'], filters: [{ dimension: 'campaign', op: 'contains', values: ['news'] }] });
    const { sql, params } = outer(events.select);
    expect(sql).toContain(
      "toInt64(uniqExactIf(tuple(`__message_id`, `__anonymous_id`), ((`__type` = 'email_open') AND isNotNull(`__message_id`)))) AS `email_unique_opens`",
    );
    expect(sql).toContain(
      "multiIf((toInt64(countIf((`__type` = 'email_delivered'))) > 0), toInt64(countIf((`__type` = 'email_delivered'))), " +
        "(toInt64(countIf((`__type` = 'email_sent'))) - toInt64(countIf((`__type` = 'email_bounce'))))) AS `emails_delivered`",
    );
    expect(sql).toContain("(positionCaseInsensitiveUTF8(`__campaign_id`, 'news') > 0)");
    expect(params).toEqual({});
  });

  it('a hostile filter value appears only inside a correctly escaped literal', () => {
    const hostile = `x' OR 1=1 --`;
    const mix = "a\\'b\n\u0000\\";
    const [ad] = plan({ metrics: metrics('cost'), dimensions: ['campaign'], filters: [{ dimension: 'campaign', op: 'in', values: [hostile, mix] }] });
    const { sql, params } = outer(ad.select);
    expect(params).toEqual({});
    expect(sql).toContain("(`__campaign_id` IN ('x\\' OR 1=1 --', 'a\\\\\\'b\\x0a\\x00\\\\'))");
    const literals = sql.match(STRING_LITERAL) ?? [];
    expect(literals).toEqual(["'2026-03-01'", "'2026-03-31'", "'x\\' OR 1=1 --'", "'a\\\\\\'b\\x0a\\x00\\\\'"]);
    // Outside the literals nothing of either value is left: no quote, backslash or NUL.
    const rest = sql.replace(STRING_LITERAL, '?');
    expect(rest).not.toContain('OR 1=1');
    expect(rest).not.toMatch(/['\u0000]|\\/);
  });

  it('a query with neither grain nor dimensions plans the totals alone, without WITH TOTALS', () => {
    const [surveys] = plan({ metrics: metrics('nps') });
    expect(outer(surveys.select).sql).not.toContain('GROUP BY');
  });
});

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
    expect(() => dateLiteral('1969-12-31')).toThrow(/between 1970-01-01 and 2105-12-31/);
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
