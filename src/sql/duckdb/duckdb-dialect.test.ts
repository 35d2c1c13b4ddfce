// Golden SQL of the DuckDB dialect for representative queries (the outer
// aggregate over a fact relation; written out by hand).
import { describe, expect, it } from 'vitest';
import { CATALOG_BY_ID } from '../../metrics/catalog.js';
import { planQuery, type PlanInput } from '../../metrics/planner.js';
import { renderDuckDbSelect } from './duckdb-dialect.js';

const metrics = (...ids: string[]) => ids.map((id) => CATALOG_BY_ID.get(id)!);
const plan = (input: Partial<PlanInput> & Pick<PlanInput, 'metrics'>) =>
  planQuery({ dimensions: [], grain: null, filters: [], from: '2026-03-01', to: '2026-03-31', timeZone: 'UTC', ...input });
const outer = (select: Parameters<typeof renderDuckDbSelect>[0]) => renderDuckDbSelect(select, () => 'relation');

describe('DuckDB golden SQL', () => {
  it('ctr by channel and day: sums of both measures over the daily ad fact, dates as dates', () => {
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
  });

  it('orders by ISO week in Berlin: zone-aware buckets of UTC instants, DST-aware bounds; "(none)" in not_in keeps NULLs out', () => {
    const [orders] = plan({
      metrics: metrics('orders'),
      grain: 'week',
      from: '2026-03-23',
      to: '2026-04-05',
      timeZone: 'Europe/Berlin',
      filters: [{ dimension: 'channel', op: 'not_in', values: ['(none)', 'Direct'] }],
    });
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
  });

  it('visitors by week: buckets of the stored wall-clock time, bounds as local midnights', () => {
    const [events] = plan({ metrics: metrics('visitors'), grain: 'week', from: '2026-03-23', to: '2026-04-05', timeZone: 'Europe/Berlin' });
    expect(outer(events.select)).toEqual({
      sql: [
        'SELECT',
        `  CAST(date_trunc('week', "local_ts") AS DATE) AS "date",`,
        '  count(DISTINCT "anonymous_id") FILTER (WHERE "is_onsite") AS "visitors",',
        '  grouping("date") <> 0 AS "__totals"',
        'FROM (relation) AS facts',
        'WHERE ("local_ts" >= CAST($p0 AS TIMESTAMP))',
        '  AND ("local_ts" < CAST($p1 AS TIMESTAMP))',
        'GROUP BY GROUPING SETS (("date"), ())',
      ].join('\n'),
      params: { p0: '2026-03-23 00:00:00', p1: '2026-04-06 00:00:00' },
    });
  });

  it('email open rate: distinct (message, person) pairs and the delivered fallback as one CASE over aggregates', () => {
    const [events] = plan({ metrics: metrics('email_open_rate'), dimensions: ['campaign'], filters: [{ dimension: 'campaign', op: 'contains', values: ['news'] }] });
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
  });

  it('a hostile filter value travels as a parameter, never as SQL text', () => {
    const hostile = `x' OR 1=1 --`;
    const [ad] = plan({ metrics: metrics('cost'), dimensions: ['campaign'], filters: [{ dimension: 'campaign', op: 'eq', values: [hostile] }] });
    const { sql, params } = outer(ad.select);
    expect(sql).not.toContain('OR 1=1');
    expect(Object.values(params)).toContain(hostile);
  });

  it('a query with neither grain nor dimensions plans the totals alone', () => {
    const plans = plan({ metrics: metrics('nps') });
    expect(plans.map((p) => [p.fact, p.select.groupBy, p.select.withTotals])).toEqual([['surveys', [], false]]);
  });
});
