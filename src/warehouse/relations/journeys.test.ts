// The journeys statement without an engine: what it refuses, where the
// caller's values go (parameters on DuckDB, quoted literals on ClickHouse),
// when impressions join the touches, and how rows become paths. test/
// runs it on every engine against paths worked out by hand.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { ParamBag } from '../../sql/dialect.js';
import { clickhouseBuild } from '../clickhouse/clickhouse-relations.js';
import { duckdbBuild } from '../duckdb/duckdb-relations.js';
import type { JourneyQuery } from '../warehouse.js';
import { journeyPathsOf, journeyPathsSql } from './journeys.js';

const QUERY: JourneyQuery = { from: '2026-02-01', to: '2026-02-28', dimension: 'channel', lookbackDays: 30, timeZone: 'America/New_York', botFiltering: true };
const HOSTILE = "w'); DROP TABLE events; --\\";

describe('journeyPathsSql', () => {
  it.each([
    [{ from: '2026-02-30' }, 'from and to must be dates (YYYY-MM-DD)'],
    [{ to: '2026-01-31' }, 'from must not be after to'],
    [{ timeZone: 'Mars/Olympus' }, 'unknown time zone "Mars/Olympus"'],
    [{ dimension: 'constructor' }, 'dimension must be one of channel, campaign, ad_group, ad'],
    [{ lookbackDays: 1.5 }, 'lookbackDays must be a whole number of days from 1 to 365'],
    [{ viewThrough: { lookbackDays: 0 } }, 'viewThrough.lookbackDays must be a whole number of days from 1 to 365'],
  ])('refuses %o', (change, problem) => {
    const build = () => journeyPathsSql(clickhouseBuild('w'), { ...QUERY, ...change } as JourneyQuery);
    expect(build).toThrow(ValidationError);
    expect(build).toThrow(`invalid journey query: ${problem}`);
  });

  it('DuckDB: the workspace and every value are parameters', () => {
    const bag = new ParamBag((name) => `$${name}`);
    const sql = journeyPathsSql(duckdbBuild(HOSTILE, (v) => bag.add(v)), QUERY);
    expect(sql).not.toContain('DROP TABLE');
    expect(Object.values(bag.params)).toContain(HOSTILE);
    // 2026-02-01 00:00 and 2026-03-01 00:00 in New York (UTC−5), and 30 days before the first.
    expect(Object.values(bag.params)).toEqual(expect.arrayContaining([Date.UTC(2026, 1, 1, 5), Date.UTC(2026, 2, 1, 5), Date.UTC(2026, 1, 1, 5) - 30 * 86_400_000]));
  });

  it('ClickHouse: the workspace is a quoted literal', () => {
    const sql = journeyPathsSql(clickhouseBuild(HOSTILE), QUERY);
    expect(sql).toContain(`workspace_id = 'w\\'); DROP TABLE events; --\\\\'`);
  });

  it('reads ad impressions only with view-through, within their own lookback', () => {
    const plain = journeyPathsSql(clickhouseBuild('w'), QUERY);
    const viewThrough = journeyPathsSql(clickhouseBuild('w'), { ...QUERY, viewThrough: { lookbackDays: 1 } });
    expect(plain).not.toContain("'ad_impression'");
    expect(viewThrough).toContain("type = 'ad_impression'");
    expect(viewThrough).toContain('CASE WHEN tupleElement(x, 2) = toUInt8(2) THEN 86400000 ELSE 2592000000 END');
  });
});

describe('journeyPathsOf', () => {
  it('reads 64-bit integers and decimals sent as text; most conversions first, then most null journeys', () => {
    const rows = [
      { touch_keys: ['Direct'], touch_days: ['0'], conversions: '0', revenue: '0.000000', nulls: '7' },
      { touch_keys: ['Email', 'Direct'], touch_days: ['3', '0'], conversions: '2', revenue: '59.990000', nulls: '1' },
      { touch_keys: [], touch_days: [], conversions: '2', revenue: '25.5', nulls: '0' },
    ];
    expect(journeyPathsOf(rows)).toEqual([
      { touches: ['Email', 'Direct'], daysBefore: [3, 0], conversions: 2, revenue: 59.99, nulls: 1 },
      { touches: [], daysBefore: [], conversions: 2, revenue: 25.5, nulls: 0 },
      { touches: ['Direct'], daysBefore: [0], conversions: 0, revenue: 0, nulls: 7 },
    ]);
  });
});
