// The RFM statements without an engine: what they refuse, where the caller's
// values go (parameters on DuckDB, quoted literals on ClickHouse), and how
// rows become summaries. test/customer-rfm.test.ts runs them on every engine
// against summaries worked out by hand and against clv/rfm.ts buildRfm.
import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { DEFAULT_SETTINGS } from '../../model/settings.js';
import { ParamBag } from '../../sql/dialect.js';
import { clickhouseBuild } from '../clickhouse/clickhouse-relations.js';
import { duckdbBuild } from '../duckdb/duckdb-relations.js';
import type { RfmQuery } from '../warehouse.js';
import { customerRfmCountsOf, customerRfmCountsSql, customerRfmOf, customerRfmSql, readCustomerRfm, rfmSettings } from './customer-rfm.js';

const SETTINGS = { currency: 'USD', timeZone: 'America/New_York', grossMargin: 0.5, botFiltering: true };
const QUERY: RfmQuery = { calibrationEnd: '2026-03-31', timeUnit: 'week' };
const HOSTILE = "w'); DROP TABLE orders; --\\";
const DAY = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

describe('customerRfmSql', () => {
  it.each([
    [{ calibrationEnd: '2026-02-30' }, 'calibrationEnd must be a date (YYYY-MM-DD)'],
    [{ calibrationEnd: 20260331 }, 'calibrationEnd must be a date (YYYY-MM-DD)'],
    [{ timeUnit: 'month' }, 'timeUnit must be one of day, week'],
    [{ timeUnit: 'constructor' }, 'timeUnit must be one of day, week'],
  ])('refuses %o', (change, problem) => {
    const build = () => customerRfmSql(clickhouseBuild('w'), { ...QUERY, ...change } as RfmQuery, SETTINGS, 'orders');
    expect(build).toThrow(ValidationError);
    expect(build).toThrow(`invalid RFM query: ${problem}`);
  });

  it('DuckDB: the workspace, the calibration end and the currency are parameters', () => {
    const bag = new ParamBag((name) => `$${name}`);
    const sql = customerRfmSql(duckdbBuild(HOSTILE, (v) => bag.add(v)), QUERY, SETTINGS, 'orders');
    expect(sql).not.toContain('DROP TABLE');
    expect(Object.values(bag.params)).toEqual(expect.arrayContaining([HOSTILE, DAY('2026-03-31'), 'USD', 'America/New_York']));
  });

  it('ClickHouse: the workspace is a quoted literal; times are divided by the unit', () => {
    const sql = customerRfmSql(clickhouseBuild(HOSTILE), QUERY, SETTINGS, 'orders');
    expect(sql).toContain(`workspace_id = 'w\\'); DROP TABLE orders; --\\\\'`);
    expect(sql).toContain(`toFloat64(${DAY('2026-03-31')} - first_day) / 7 AS age`);
  });

  it('reads orders, or conversion events, never both; the events only where the workspace has no orders', () => {
    const orders = customerRfmSql(clickhouseBuild('w'), QUERY, SETTINGS, 'orders');
    const events = customerRfmSql(clickhouseBuild('w'), QUERY, SETTINGS, 'events');
    expect(orders).not.toContain('event_facts');
    // In the scan of event_facts: a workspace's orders, counted at their latest version, must be none.
    expect(events).toContain('AND is_conversion = 1 AND (SELECT count() FROM (SELECT `order_id`, tupleElement(latest, 1) AS `workspace_id`');
    expect(events).toMatch(/\)\) = 0\)/);
  });
});

describe('readCustomerRfm', () => {
  const row = { p_customer: 'c1', frequency: '0', recency: 0, age: 2, monetary: 0, first_day: DAY('2026-03-17'), orders: '1' };
  const runner = (answers: Record<string, unknown>[][]) => {
    const statements: string[] = [];
    const run = async (statement: (b: ReturnType<typeof clickhouseBuild>) => string) => (statements.push(statement(clickhouseBuild('w'))), answers[statements.length - 1]);
    return { statements, run };
  };

  it('one statement over the orders when they give summaries', async () => {
    const { statements, run } = runner([[row]]);
    expect(await readCustomerRfm(run, QUERY, SETTINGS)).toEqual([{ id: 'c1', frequency: 0, recency: 0, T: 2, monetary: 0, first_purchase: '2026-03-17', orders: 1 }]);
    expect(statements).toHaveLength(1);
    expect(statements[0]).not.toContain('event_facts');
  });

  it('the events statement after an empty answer from the orders', async () => {
    const { statements, run } = runner([[], [{ ...row, p_customer: 'person-1' }]]);
    expect((await readCustomerRfm(run, QUERY, SETTINGS)).map((c) => c.id)).toEqual(['person-1']);
    expect(statements[1]).toContain('event_facts');
  });
});

describe('customerRfmCountsSql', () => {
  it('refuses a today that is no date', () => {
    expect(() => customerRfmCountsSql(clickhouseBuild('w'), { calibrationEnd: '2026-03-31', today: 'now' }, SETTINGS)).toThrow(
      'invalid RFM query: today must be a date (YYYY-MM-DD)',
    );
  });

  it('DuckDB: today is a parameter too', () => {
    const bag = new ParamBag((name) => `$${name}`);
    customerRfmCountsSql(duckdbBuild('w', (v) => bag.add(v)), { calibrationEnd: '2026-03-31', today: '2026-04-15' }, SETTINGS);
    expect(Object.values(bag.params)).toEqual(expect.arrayContaining([DAY('2026-03-31'), DAY('2026-04-15')]));
  });
});

describe('reading the rows', () => {
  it('reads 64-bit integers and numbers sent as text, writes the first day as a date, sorts by id as buildRfm does', () => {
    const rows = [
      { p_customer: 'b', frequency: '0', recency: 0, age: 1.5, monetary: 0, first_day: String(DAY('2026-03-20')), orders: '1' },
      { p_customer: 'B', frequency: '2', recency: '1.25', age: '4', monetary: '25.998', first_day: DAY('2026-03-02'), orders: '3' },
    ];
    expect(customerRfmOf(rows)).toEqual([
      { id: 'B', frequency: 2, recency: 1.25, T: 4, monetary: 25.998, first_purchase: '2026-03-02', orders: 3 },
      { id: 'b', frequency: 0, recency: 0, T: 1.5, monetary: 0, first_purchase: '2026-03-20', orders: 1 },
    ]);
  });

  it('counts: the source is events when the workspace has no orders', () => {
    const counts = { completed: '0', refunded: '0', cancelled: '0', negative_revenue: '0', without_rate: '0', after_calibration_end: '0', future: '0' };
    expect(customerRfmCountsOf({ orders: '0', ...counts }).source).toBe('events');
    expect(customerRfmCountsOf({ orders: '3', ...counts, refunded: '2' })).toMatchObject({ source: 'orders', refunded: 2 });
  });

  it('takes currency, zone, margin and bot filtering from the workspace; 404 for an unknown one', () => {
    const workspace = { name: 'shop', createdAt: '2026-01-01T00:00:00Z', settings: { ...DEFAULT_SETTINGS, currency: 'EUR', timezone: 'Europe/Berlin' } };
    expect(rfmSettings('shop', workspace)).toEqual({ currency: 'EUR', timeZone: 'Europe/Berlin', grossMargin: 0.5, botFiltering: true });
    expect(() => rfmSettings('nowhere', undefined)).toThrow(NotFoundError);
  });
});
