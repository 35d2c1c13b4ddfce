// Golden SQL of the dialects for representative queries: each case is
// planned once and rendered in every dialect (the outer aggregate over a fact
// relation; each dialect's text written out by hand).
import { describe, expect, it } from 'vitest';
import { CATALOG_BY_ID } from '../metrics/catalog.js';
import { planQuery, type FactQueries, type PlanInput } from '../metrics/planner.js';
import type { Select } from './ast.js';
import { clickhouseDialect } from './clickhouse/clickhouse-dialect.js';
import type { Dialect, Statement } from './dialect.js';
import { duckdbDialect } from './duckdb/duckdb-dialect.js';

const metrics = (...ids: string[]) => ids.map((id) => CATALOG_BY_ID.get(id)!);
const plan = (input: Partial<PlanInput> & Pick<PlanInput, 'metrics'>) =>
  planQuery({ dimensions: [], grain: null, filters: [], from: '2026-03-01', to: '2026-03-31', timeZone: 'UTC', ...input });

/** A ClickHouse string literal: quotes, with backslash escapes and no raw control characters inside. */
const STRING_LITERAL = /'(?:[^'\\\u0000-\u001f]|\\.)*'/g;

const HOSTILE = `x' OR 1=1 --`;
const MIX = "a\\'b\n\u0000\\";

type Check = (outer: (select: Select | undefined) => Statement, plans: FactQueries[]) => void;

interface GoldenCase {
  name: string;
  plans: () => FactQueries[];
  duckdb: Check;
  clickhouse: Check;
}

const CASES: GoldenCase[] = [
  {
    name: 'ctr by channel and day over the daily ad fact: dates, sums, and totals from the same scan',
    plans: () => plan({
      metrics: metrics('ctr'),
      dimensions: ['channel'],
      grain: 'day',
      filters: [{ dimension: 'channel', op: 'in', values: ['Paid Search', 'Paid Social'] }],
    }),
    duckdb: (outer, [ad]) => {
      expect(ad.fact).toBe('ad');
      expect(outer(ad.select)).toEqual({
        sql: [
          'SELECT',
          `  CAST(date_trunc('day', "day") AS DATE) AS "date",`,
          '  "channel" AS "channel",',
          '  coalesce(sum("clicks"), 0) AS "clicks",',
          '  coalesce(sum("impressions"), 0) AS "impressions",',
          '  grouping("date", "channel") <> 0 AS "__totals"',
          'FROM (relation) AS facts',
          'WHERE ("day" >= CAST($p0 AS DATE))',
          '  AND ("day" <= CAST($p1 AS DATE))',
          '  AND ("channel" IN ($p2, $p3))',
          // The totals over the whole period come from the same scan.
          'GROUP BY GROUPING SETS (("date", "channel"), ())',
        ].join('\n'),
        params: { p0: '2026-03-01', p1: '2026-03-31', p2: 'Paid Search', p3: 'Paid Social' },
      });
      // Without grain or dimensions: the same measures over the whole period, no grouping.
      expect(outer(plan({ metrics: metrics('ctr'), filters: [{ dimension: 'channel', op: 'in', values: ['Paid Search', 'Paid Social'] }] })[0].select).sql).toBe(
        [
          'SELECT',
          '  coalesce(sum("clicks"), 0) AS "clicks",',
          '  coalesce(sum("impressions"), 0) AS "impressions"',
          'FROM (relation) AS facts',
          'WHERE ("day" >= CAST($p0 AS DATE))',
          '  AND ("day" <= CAST($p1 AS DATE))',
          '  AND ("channel" IN ($p2, $p3))',
        ].join('\n'),
      );
    },
    clickhouse: (outer, [ad]) => {
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
    },
  },
  {
    name: 'orders by ISO week in Berlin: zone-aware buckets of instants, DST-aware bounds; "(none)" in not_in keeps NULLs out',
    plans: () => plan({
      metrics: metrics('orders'),
      grain: 'week',
      from: '2026-03-23',
      to: '2026-04-05',
      timeZone: 'Europe/Berlin',
      filters: [{ dimension: 'channel', op: 'not_in', values: ['(none)', 'Direct'] }],
    }),
    duckdb: (outer, [orders]) => {
      const rendered = outer(orders.select);
      expect(rendered.sql).toBe(
        [
          'SELECT',
          `  strftime(date_trunc('week', timezone($p0, CAST("ts" AS TIMESTAMPTZ))), '%Y-%m-%d') AS "date",`,
          '  count(*) AS "orders",',
          '  grouping("date") <> 0 AS "__totals"',
          'FROM (relation) AS facts',
          'WHERE ("ts" >= make_timestamp(CAST($p1 AS BIGINT) * 1000))',
          '  AND ("ts" < make_timestamp(CAST($p2 AS BIGINT) * 1000))',
          '  AND (("channel" IS NOT NULL) AND ("channel" NOT IN ($p3)))',
          'GROUP BY GROUPING SETS (("date"), ())',
        ].join('\n'),
      );
      // Midnight 23 March is CET (UTC+1); midnight 6 April is CEST (UTC+2).
      expect(rendered.params).toEqual({
        p0: 'Europe/Berlin',
        p1: Date.UTC(2026, 2, 22, 23),
        p2: Date.UTC(2026, 3, 5, 22),
        p3: 'Direct',
      });
    },
    clickhouse: (outer, [orders]) => {
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
    },
  },
  {
    name: 'visitors by week: read from the visitor days, buckets of their local dates, bounds as dates',
    plans: () => plan({ metrics: metrics('visitors'), grain: 'week', from: '2026-03-23', to: '2026-04-05', timeZone: 'Europe/Berlin' }),
    duckdb: (outer, [visitorDays]) => {
      expect(visitorDays.fact).toBe('events');
      expect(outer(visitorDays.select)).toEqual({
        sql: [
          'SELECT',
          `  CAST(date_trunc('week', "day") AS DATE) AS "date",`,
          '  count(DISTINCT "anonymous_id") AS "visitors",',
          '  grouping("date") <> 0 AS "__totals"',
          'FROM (relation) AS facts',
          'WHERE ("day" >= CAST($p0 AS DATE))',
          '  AND ("day" <= CAST($p1 AS DATE))',
          'GROUP BY GROUPING SETS (("date"), ())',
        ].join('\n'),
        params: { p0: '2026-03-23', p1: '2026-04-05' },
      });
    },
    clickhouse: (outer, [visitorDays]) => {
      expect(outer(visitorDays.select)).toEqual({
        sql: [
          'SELECT',
          '  toNullable(toString(toMonday(`__day`))) AS `date`,',
          '  toInt64(ifNull(uniqExact(`__anonymous_id`), 0)) AS `visitors`',
          'FROM (SELECT `day` AS `__day`, `anonymous_id` AS `__anonymous_id` FROM (relation)) AS facts',
          "WHERE (`__day` >= toDate('2026-03-23'))",
          "  AND (`__day` <= toDate('2026-04-05'))",
          'GROUP BY `date` WITH TOTALS',
        ].join('\n'),
        params: {},
      });
    },
  },
  {
    name: 'email open rate: distinct (message, person) pairs and the delivered fallback as one CASE over aggregates',
    plans: () => plan({ metrics: metrics('email_open_rate'), dimensions: ['campaign'], filters: [{ dimension: 'campaign', op: 'contains', values: ['news'] }] }),
    duckdb: (outer, [events]) => {
      const { sql, params } = outer(events.select);
      expect(sql).toContain(
        `count(DISTINCT ("message_id", "anonymous_id")) FILTER (WHERE (("type" = $p0) AND ("message_id" IS NOT NULL))) AS "email_unique_opens"`,
      );
      expect(sql).toContain(
        `(CASE WHEN (count(*) FILTER (WHERE ("type" = $p1)) > $p2) THEN count(*) FILTER (WHERE ("type" = $p3)) ` +
          `ELSE (count(*) FILTER (WHERE ("type" = $p4)) - count(*) FILTER (WHERE ("type" = $p5))) END) AS "emails_delivered"`,
      );
      expect(sql).toContain('(strpos(lower("campaign_id"), lower($p8)) > 0)');
      expect(params).toMatchObject({ p0: 'email_open', p1: 'email_delivered', p2: 0, p3: 'email_delivered', p4: 'email_sent', p5: 'email_bounce', p8: 'news' });
    },
    clickhouse: (outer, [events]) => {
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
    },
  },
  {
    name: 'a hostile filter value travels as a value, never as SQL text',
    plans: () =>
      plan({ metrics: metrics('cost'), dimensions: ['campaign'], filters: [{ dimension: 'campaign', op: 'in', values: [HOSTILE, MIX] }] }),
    duckdb: (outer, [ad]) => {
      const { sql, params } = outer(ad.select);
      expect(sql).not.toContain('OR 1=1');
      expect(Object.values(params)).toEqual(expect.arrayContaining([HOSTILE, MIX]));
    },
    clickhouse: (outer, [ad]) => {
      const { sql, params } = outer(ad.select);
      expect(params).toEqual({});
      expect(sql).toContain("(`__campaign_id` IN ('x\\' OR 1=1 --', 'a\\\\\\'b\\x0a\\x00\\\\'))");
      const literals = sql.match(STRING_LITERAL) ?? [];
      expect(literals).toEqual(["'2026-03-01'", "'2026-03-31'", "'x\\' OR 1=1 --'", "'a\\\\\\'b\\x0a\\x00\\\\'"]);
      // Outside the literals nothing of either value is left: no quote, backslash or NUL.
      const rest = sql.replace(STRING_LITERAL, '?');
      expect(rest).not.toContain('OR 1=1');
      expect(rest).not.toMatch(/['\u0000]|\\/);
    },
  },
  {
    name: 'a query with neither grain nor dimensions plans the totals alone',
    plans: () => plan({ metrics: metrics('nps') }),
    duckdb: (outer, [surveys]) => {
      expect(outer(surveys.select).sql).not.toContain('GROUP BY');
    },
    clickhouse: (outer, [surveys]) => {
      expect(outer(surveys.select).sql).not.toContain('GROUP BY');
    },
  },
];

describe.each([duckdbDialect, clickhouseDialect])('$name golden SQL', (dialect: Dialect) => {
  const outer = (select: Select | undefined) => {
    if (!select) throw new Error('the plan has no aggregate select');
    return dialect.render(select, () => 'relation');
  };
  it.each(CASES)('$name', (c) => c[dialect.name](outer, c.plans()));
});

describe('planning', () => {
  it('a query with neither grain nor dimensions plans the totals alone', () => {
    const plans = plan({ metrics: metrics('nps') });
    expect(plans.map((p) => [p.fact, p.select?.groupBy, p.select?.withTotals])).toEqual([['surveys', [], false]]);
  });
});
