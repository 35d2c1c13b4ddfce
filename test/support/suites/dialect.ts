// The ClickHouse dialect run on a real ClickHouse (each the caller starts: the
// oldest supported, 18.16, and a current one through chdb): a small table of
// eight rows stored as the engine stores values (epoch-ms Int64 instants and
// wall-clock times, Date, Decimal money, hostile strings), selects rendered
// over it, and values worked out by hand.
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClickHouseServers, StartServer } from '../clickhouse.js';
import { CATALOG_BY_ID } from '../../../src/metrics/catalog.js';
import { filterExpr, planQuery, type PlanInput } from '../../../src/metrics/planner.js';
import type { Grain } from '../../../src/core/time.js';
import type { Filter } from '../../../src/metrics/types.js';
import { bin, col, countDistinct, countRows, eq, isNull, max, sum, val, type Expr, type Select } from '../../../src/sql/ast.js';
import { renderClickHouseSelect } from '../../../src/sql/clickhouse/clickhouse-dialect.js';
import { rowsWithTotals } from '../../../src/warehouse/clickhouse/clickhouse-totals.js';


const NY = 'America/New_York';
const HOSTILE = `x' OR 1=1 --`;
const MIX = "a\\'b\n\u0000\\";

// New York changes to daylight time at 07:00Z on 8 March 2026 (02:00 EST → 03:00 EDT).
// `local` is the New York wall clock, `day` its date.
const ROWS = [
  { ts: '2026-03-02T05:00:00.000Z', local: '2026-03-02T00:00:00.000', day: '2026-03-02', channel: 'Email', campaign_id: 'Newsletter-March', type: 'email_open', anonymous_id: 'a1', message_id: 'm1', revenue: 10.5, clicks: 3, impressions: 100, is_onsite: 1 },
  { ts: '2026-03-02T04:59:59.999Z', local: '2026-03-01T23:59:59.999', day: '2026-03-01', channel: null, campaign_id: null, type: 'page_view', anonymous_id: 'a1', message_id: null, revenue: null, clicks: 0, impressions: 0, is_onsite: 1 },
  { ts: '2026-03-08T06:30:00.000Z', local: '2026-03-08T01:30:00.000', day: '2026-03-08', channel: 'Email', campaign_id: 'newsletter-april', type: 'email_open', anonymous_id: 'a1', message_id: 'm1', revenue: 2.25, clicks: 1, impressions: 10, is_onsite: 0 },
  { ts: '2026-03-08T07:30:00.000Z', local: '2026-03-08T03:30:00.000', day: '2026-03-08', channel: HOSTILE, campaign_id: MIX, type: 'email_open', anonymous_id: 'a2', message_id: 'm1', revenue: 1.000001, clicks: 0, impressions: 0, is_onsite: 1 },
  { ts: '2026-03-09T03:59:59.000Z', local: '2026-03-08T23:59:59.000', day: '2026-03-08', channel: 'Direct', campaign_id: 'ÄRGER', type: 'email_open', anonymous_id: 'a2', message_id: null, revenue: null, clicks: 5, impressions: 0, is_onsite: 1 },
  { ts: '2026-03-09T04:00:00.000Z', local: '2026-03-09T00:00:00.000', day: '2026-03-09', channel: 'Paid Search', campaign_id: 'brand', type: 'email_sent', anonymous_id: 'a3', message_id: null, revenue: 100, clicks: 7, impressions: 70, is_onsite: 1 },
  { ts: '2026-04-01T03:00:00.000Z', local: '2026-03-31T23:00:00.000', day: '2026-03-31', channel: 'Paid Search', campaign_id: 'brand', type: 'email_open', anonymous_id: 'a3', message_id: 'm2', revenue: 0.5, clicks: 2, impressions: 20, is_onsite: 1 },
  { ts: '2027-01-01T04:30:00.000Z', local: '2026-12-31T23:30:00.000', day: '2026-12-31', channel: 'Direct', campaign_id: null, type: 'email_bounce', anonymous_id: 'a4', message_id: null, revenue: 4, clicks: 0, impressions: 0, is_onsite: 0 },
];

const TABLE = `CREATE TABLE dialect.facts (
  ts Int64, local_ts Int64, day Date, channel Nullable(String), campaign_id Nullable(String), type String,
  anonymous_id String, message_id Nullable(String), revenue Nullable(Decimal(18, 6)), clicks Int64, impressions Int64, is_onsite UInt8
) ENGINE = MergeTree ORDER BY ts`;

type Row = Record<string, unknown>;

/** Grouped rows in order of `key` (NULL first), then the totals row. */
const inOrder = (rows: Row[], key: string) => {
  const text = (r: Row) => (r[key] === null ? '' : String(r[key]));
  return [...rows.filter((r) => r.__totals !== true).sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0)), ...rows.filter((r) => r.__totals === true)];
};

const metrics = (...ids: string[]) => ids.map((id) => CATALOG_BY_ID.get(id)!);
const plan = (input: Partial<PlanInput> & Pick<PlanInput, 'metrics'>) => {
  const { select } = planQuery({ dimensions: [], grain: null, filters: [], from: '2026-03-01', to: '2026-03-31', timeZone: NY, ...input })[0];
  if (!select) throw new Error('the plan has no aggregate select');
  return select;
};

export function describeDialectOnClickHouse(start: StartServer): void {
  let server: ClickHouseServers;
  let client: ClickHouseClient;

  const run = async (select: Select): Promise<Row[]> => {
    const { sql } = renderClickHouseSelect(select, () => 'SELECT * FROM dialect.facts');
    const result = await client.query({ query: sql, format: 'JSON' });
    return rowsWithTotals(await result.json<Row>());
  };
  /** Count and revenue by bucket, with totals. */
  const byBucket = (bucket: Expr) =>
    run({
      from: { name: 'event_facts' },
      columns: [
        { alias: 'date', expr: bucket },
        { alias: 'n', expr: countRows() },
      ],
      where: [],
      groupBy: ['date'],
      withTotals: true,
    }).then((rows) => inOrder(rows, 'date').map((r) => [r.date, Number(r.n)]));
  const count = async (...where: Expr[]) => Number((await run({ from: { name: 'event_facts' }, columns: [{ alias: 'n', expr: countRows() }], where, groupBy: [] }))[0].n);

  beforeAll(async () => {
    server = await start();
    client = createClient({ url: server.url });
    await client.command({ query: 'CREATE DATABASE dialect' });
    await client.command({ query: TABLE });
    const values = ROWS.map(({ ts, local, ...rest }) => ({ ts: Date.parse(ts), local_ts: Date.parse(`${local}Z`), ...rest }));
    await client.insert({ table: 'dialect.facts', values, format: 'JSONEachRow' });
  });
  afterAll(async () => {
    await client?.close();
    await server?.stop(); // by the pid it started
  });

  it('labels every grain of the instants in New York, across the change to daylight time', async () => {
    const bucket = (grain: Grain): Expr => ({ kind: 'time_bucket', grain, operand: col('ts'), timeZone: NY });
    expect(await byBucket(bucket('hour'))).toEqual([
      ['2026-03-01T23:00', 1],
      ['2026-03-02T00:00', 1],
      ['2026-03-08T01:00', 1], // EST
      ['2026-03-08T03:00', 1], // EDT, an hour later
      ['2026-03-08T23:00', 1],
      ['2026-03-09T00:00', 1],
      ['2026-03-31T23:00', 1],
      ['2026-12-31T23:00', 1],
      [null, 8],
    ]);
    expect(await byBucket(bucket('day'))).toEqual([
      ['2026-03-01', 1],
      ['2026-03-02', 1],
      ['2026-03-08', 3],
      ['2026-03-09', 1],
      ['2026-03-31', 1],
      ['2026-12-31', 1],
      [null, 8],
    ]);
    // 23:59:59 on Sunday 8 March is Monday 9 March in UTC; 31 December is a Thursday.
    const weeks = [
      ['2026-02-23', 1],
      ['2026-03-02', 4],
      ['2026-03-09', 1],
      ['2026-03-30', 1],
      ['2026-12-28', 1],
      [null, 8],
    ];
    expect(await byBucket(bucket('week'))).toEqual(weeks);
    // 31 March 23:00 and 31 December 23:30 local are in April and 2027 in UTC.
    expect(await byBucket(bucket('month'))).toEqual([['2026-03-01', 7], ['2026-12-01', 1], [null, 8]]);
    expect(await byBucket(bucket('quarter'))).toEqual([['2026-01-01', 7], ['2026-10-01', 1], [null, 8]]);
    expect(await byBucket(bucket('year'))).toEqual([['2026-01-01', 8], [null, 8]]);

    // The stored wall clock and the stored date give the same labels.
    expect(await byBucket({ kind: 'local_bucket', grain: 'week', operand: col('local_ts'), of: 'wall_clock' })).toEqual(weeks);
    expect(await byBucket({ kind: 'local_bucket', grain: 'week', operand: col('day'), of: 'date' })).toEqual(weeks);
    expect((await byBucket({ kind: 'local_bucket', grain: 'hour', operand: col('local_ts'), of: 'wall_clock' })).map(([d]) => d)).toEqual(
      (await byBucket(bucket('hour'))).map(([d]) => d),
    );
    expect(await byBucket({ kind: 'local_bucket', grain: 'quarter', operand: col('day'), of: 'date' })).toEqual([['2026-01-01', 7], ['2026-10-01', 1], [null, 8]]);
  });

  it('runs the planner: orders by week in New York without Direct and "(none)"', async () => {
    // March in New York: 05:00Z on 1 March to 04:00Z on 1 April; r2 (NULL) and r5 (Direct) filtered out, r8 out of range.
    const select = plan({ metrics: metrics('orders'), grain: 'week', filters: [{ dimension: 'channel', op: 'not_in', values: ['(none)', 'Direct'] }] });
    expect(inOrder(await run(select), 'date')).toEqual([
      { date: '2026-03-02', orders: '3', __totals: false },
      { date: '2026-03-09', orders: '1', __totals: false },
      { date: '2026-03-30', orders: '1', __totals: false },
      { date: null, orders: '5', __totals: true },
    ]);
  });

  it('runs the planner: clicks and impressions by day and channel over Date columns', async () => {
    const select = plan({ metrics: metrics('ctr'), dimensions: ['channel'], grain: 'day', filters: [{ dimension: 'channel', op: 'in', values: ['Paid Search', 'Email'] }] });
    expect(inOrder(await run(select), 'date')).toEqual([
      { date: '2026-03-02', channel: 'Email', clicks: '3', impressions: '100', __totals: false },
      { date: '2026-03-08', channel: 'Email', clicks: '1', impressions: '10', __totals: false },
      { date: '2026-03-09', channel: 'Paid Search', clicks: '7', impressions: '70', __totals: false },
      { date: '2026-03-31', channel: 'Paid Search', clicks: '2', impressions: '20', __totals: false },
      { date: null, channel: null, clicks: '13', impressions: '200', __totals: true },
    ]);
  });

  it('runs the planner: visitors by week of the wall clock, distinct over the period in the totals', async () => {
    const select = plan({ metrics: metrics('visitors'), grain: 'week' });
    expect(inOrder(await run(select), 'date')).toEqual([
      { date: '2026-02-23', visitors: '1', __totals: false },
      { date: '2026-03-02', visitors: '2', __totals: false }, // a1, a2 (a1's second open was not on site)
      { date: '2026-03-09', visitors: '1', __totals: false },
      { date: '2026-03-30', visitors: '1', __totals: false },
      { date: null, visitors: '3', __totals: true },
    ]);
  });

  it('runs the planner: unique opens as distinct tuples and delivered as sent − bounced, negative included', async () => {
    const all = plan({ metrics: metrics('email_open_rate'), dimensions: ['campaign'], to: '2026-12-31' });
    expect(inOrder(await run(all), 'campaign').map((r) => [r.campaign, r.email_unique_opens, r.emails_delivered, r.__totals])).toEqual([
      [null, '0', '-1', false], // a page view and a bounce
      ['Newsletter-March', '1', '0', false],
      [MIX, '1', '0', false], // the hostile campaign id comes back intact
      ['brand', '1', '1', false],
      ['newsletter-april', '1', '0', false],
      ['ÄRGER', '0', '0', false], // an open without a message id
      [null, '3', '0', true],
    ]);
    // Both newsletters were opened by a1 as m1: one distinct pair over the period.
    const news = plan({ metrics: metrics('email_open_rate'), dimensions: ['campaign'], to: '2026-12-31', filters: [{ dimension: 'campaign', op: 'contains', values: ['NEWS'] }] });
    expect(inOrder(await run(news), 'campaign').map((r) => [r.campaign, r.email_unique_opens, r.__totals])).toEqual([
      ['Newsletter-March', '1', false],
      ['newsletter-april', '1', false],
      [null, '1', true],
    ]);
  });

  it('filters with every operator, "(none)" and hostile values as the planner writes them', async () => {
    const on = (column: string, op: Filter['op'], ...values: string[]) => filterExpr(col(column), { dimension: 'channel', op, values });
    expect(await count(on('channel', 'eq', 'Email'))).toBe(2);
    expect(await count(on('channel', 'in', 'Email', '(none)'))).toBe(3);
    expect(await count(on('channel', 'in', '(none)'))).toBe(1);
    expect(await count(on('channel', 'neq', 'Email'))).toBe(6); // the NULL channel included
    expect(await count(on('channel', 'neq', '(none)'))).toBe(7);
    expect(await count(on('channel', 'not_in', 'Direct'))).toBe(6);
    expect(await count(on('channel', 'not_in', '(none)', 'Direct'))).toBe(5);
    expect(await count(on('channel', 'eq', HOSTILE))).toBe(1);
    expect(await count(on('channel', 'contains', '1=1'))).toBe(1);
    expect(await count(on('channel', 'contains', 'EMA'))).toBe(2);
    expect(await count(on('channel', 'contains', 'direct', 'search'))).toBe(4);
    expect(await count(on('campaign_id', 'eq', MIX))).toBe(1);
    expect(await count(on('campaign_id', 'contains', "'b\n\u0000\\"))).toBe(1);
    expect(await count(on('campaign_id', 'contains', 'är'))).toBe(1); // case-insensitive beyond ASCII
    expect(await count(on('campaign_id', 'in', '(none)'))).toBe(2);
    expect(await count(on('campaign_id', 'in'))).toBe(0);
    // Time bounds: the last millisecond of 1 March in New York and the first of 2 March.
    expect(await count(bin('<', col('ts'), { kind: 'timestamp', ms: Date.parse('2026-03-02T05:00:00.000Z') }))).toBe(1);
    expect(await count(bin('<', col('local_ts'), { kind: 'local_time', value: '2026-03-02 00:00:00' }))).toBe(1);
    expect(await count(bin('>=', col('day'), { kind: 'date', value: '2026-03-31' }))).toBe(2);
  });

  it('divides to NULL by zero and gives 0 sums, 0 counts and NULL extremes over no rows', async () => {
    const ratio = bin('/', sum(col('clicks')), sum(col('impressions')));
    const perOrder = bin('/', sum(col('revenue')), countRows());
    const rows = inOrder(
      await run({
        from: { name: 'event_facts' },
        columns: [
          { alias: 'channel', expr: col('channel') },
          { alias: 'ratio', expr: ratio },
          { alias: 'per_order', expr: perOrder },
        ],
        where: [],
        groupBy: ['channel'],
        withTotals: true,
      }),
      'channel',
    );
    expect(rows.map((r) => [r.channel, r.ratio, r.per_order])).toEqual([
      [null, null, 0], // 0 / 0 clicks; no revenue / 1 row
      ['Direct', null, 2], // 5 clicks / 0 impressions; 4 / 2
      ['Email', 4 / 110, 6.375], // 12.75 / 2
      ['Paid Search', 0.1, 50.25],
      [HOSTILE, null, 1.000001],
      [null, 0.09, 118.250001 / 8],
    ]);

    const aggregates = [
      { alias: 'revenue', expr: sum(col('revenue')) },
      { alias: 'none_revenue', expr: sum(col('revenue'), isNull(col('channel'))) },
      { alias: 'n', expr: countRows() },
      { alias: 'messages', expr: { kind: 'aggregate', fn: 'count', args: [col('message_id')] } as Expr },
      { alias: 'distinct_messages', expr: countDistinct([col('message_id')]) },
      { alias: 'pairs', expr: countDistinct([col('message_id'), col('anonymous_id')]) },
      { alias: 'top', expr: max(col('revenue')) },
      { alias: 'direct_top', expr: max(col('revenue'), eq(col('channel'), val('Direct'))) },
      { alias: 'direct_low', expr: { kind: 'aggregate', fn: 'min', args: [col('revenue')], filter: eq(col('channel'), val('Direct')) } as Expr },
      { alias: 'nobody_top', expr: max(col('revenue'), eq(col('channel'), val('nobody'))) },
      { alias: 'ratio', expr: ratio },
    ];
    const over = async (where: Expr[]) => (await run({ from: { name: 'event_facts' }, columns: aggregates, where, groupBy: [] }))[0];
    // Pairs count a NULL message id like DuckDB's row values: (m1,a1) (NULL,a1) (m1,a2) (NULL,a2) (NULL,a3) (m2,a3) (NULL,a4).
    expect(await over([])).toEqual({
      revenue: 118.250001,
      none_revenue: 0,
      n: '8',
      messages: '4',
      distinct_messages: '2',
      pairs: '7',
      top: 100,
      direct_top: 4, // the NULL revenue of the other Direct row is skipped, not read as 0
      direct_low: 4,
      nobody_top: null,
      ratio: 0.09,
    });
    expect(await over([bin('<', col('ts'), { kind: 'timestamp', ms: 0 })])).toEqual({
      revenue: 0,
      none_revenue: 0,
      n: '0',
      messages: '0',
      distinct_messages: '0',
      pairs: '0',
      top: null,
      direct_top: null,
      direct_low: null,
      nobody_top: null,
      ratio: null,
    });
  });
}
