// The funnel statement without an engine: what it refuses, where the
// caller's values go (parameters on DuckDB, quoted literals on ClickHouse),
// which sources it reads for which steps, and how rows become counts.
// test/funnels.test.ts runs it on every engine against counts worked out by hand.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { ParamBag } from '../../sql/dialect.js';
import { clickhouseBuild } from '../clickhouse/clickhouse-relations.js';
import { duckdbBuild } from '../duckdb/duckdb-relations.js';
import type { FunnelQuery } from '../warehouse.js';
import { stepOrds } from './funnel-histories.js';
import { funnelCountsOf, funnelSql } from './funnels.js';

const DAY_MS = 86_400_000;
const QUERY: FunnelQuery = {
  steps: [{ kind: 'event', type: 'ad_click' }, { kind: 'event', type: 'purchase' }],
  order: 'ordered',
  windowMs: 7 * DAY_MS,
  from: '2026-02-01',
  to: '2026-02-28',
  timeZone: 'America/New_York',
  botFiltering: true,
};
const HOSTILE = "w'); DROP TABLE events; --\\";

describe('funnelSql', () => {
  it.each([
    [{ from: '2026-02-30' }, 'from and to must be dates (YYYY-MM-DD)'],
    [{ to: '2026-01-31' }, 'from must not be after to'],
    [{ timeZone: 'Mars/Olympus' }, 'unknown time zone "Mars/Olympus"'],
    [{ steps: [{ kind: 'event', type: 'purchase' }] }, 'steps must hold 2 to 10 steps'],
    [{ steps: Array(11).fill({ kind: 'event', type: 'page_view' }) }, 'steps must hold 2 to 10 steps'],
    [{ order: 'any', steps: [{ kind: 'event', type: 'page_view' }, { kind: 'event', type: 'page_view' }] }, 'steps must all differ with order any'],
    [{ order: 'constructor' }, 'order must be one of ordered, strict, any'],
    [{ by: 'ad' }, 'by must be one of channel, campaign'],
    [{ windowMs: 0 }, 'windowMs must be a whole number of ms from 1 to 365 days'],
    [{ windowMs: 366 * DAY_MS }, 'windowMs must be a whole number of ms from 1 to 365 days'],
  ])('refuses %o', (change, problem) => {
    const build = () => funnelSql(clickhouseBuild('w'), { ...QUERY, ...change } as FunnelQuery);
    expect(build).toThrow(ValidationError);
    expect(build).toThrow(`invalid funnel query: ${problem}`);
  });

  it('DuckDB: the workspace, the step names and the period are parameters', () => {
    const bag = new ParamBag((name) => `$${name}`);
    const sql = funnelSql(duckdbBuild(HOSTILE, (v) => bag.add(v)), { ...QUERY, steps: [{ kind: 'event', type: HOSTILE }, { kind: 'stage', stage: 'lead' }] });
    expect(sql).not.toContain('DROP TABLE');
    // 2026-02-01 00:00 and 2026-03-01 00:00 in New York (UTC−5), and 7 days after the second.
    expect(Object.values(bag.params)).toEqual(expect.arrayContaining([HOSTILE, 'lead', Date.UTC(2026, 1, 1, 5), Date.UTC(2026, 2, 1, 5), Date.UTC(2026, 2, 8, 5)]));
  });

  it('ClickHouse: the workspace and a step name are quoted literals', () => {
    const sql = funnelSql(clickhouseBuild(HOSTILE), { ...QUERY, steps: [{ kind: 'event', type: HOSTILE }, { kind: 'event', type: 'purchase' }] });
    expect(sql).toContain(`workspace_id = 'w\\'); DROP TABLE events; --\\\\'`);
    expect(sql).toContain(`type = 'w\\'); DROP TABLE events; --\\\\' THEN toUInt8(1)`);
  });

  it('reads only the sources its steps name, and bots only where the workspace keeps them', () => {
    const events = funnelSql(clickhouseBuild('w'), QUERY);
    expect(events).toContain('FROM event_facts');
    expect(events).not.toContain('FROM sessions');
    expect(events).not.toMatch(/lifecycle/);
    expect(events).toContain('is_bot = 0');
    const mixed = funnelSql(clickhouseBuild('w'), { ...QUERY, botFiltering: false, steps: [{ kind: 'session_start' }, { kind: 'stage', stage: 'customer' }] });
    expect(mixed).not.toContain('FROM event_facts');
    expect(mixed).toContain('FROM sessions');
    expect(mixed).toMatch(/lifecycle/);
    expect(mixed).not.toContain('is_bot');
  });

  it('splits by a breakdown only when asked, counting everyone once more as the total', () => {
    expect(funnelSql(clickhouseBuild('w'), QUERY)).not.toContain('ARRAY JOIN');
    const by = funnelSql(clickhouseBuild('w'), { ...QUERY, by: 'campaign' });
    expect(by).toContain('ARRAY JOIN [toUInt8(1), toUInt8(0)] AS `g_total`');
    expect(by).toContain('GROUP BY g_total, g_key');
  });
});

describe('stepOrds', () => {
  it('gives a step repeating an earlier one the earlier one’s index', () => {
    const view = { kind: 'event', type: 'page_view' } as const;
    expect(stepOrds([view, { kind: 'stage', stage: 'lead' }, view, { kind: 'event', type: 'lead' }])).toEqual([1, 2, 1, 4]);
  });
});

describe('funnelCountsOf', () => {
  it('reads 64-bit integers sent as text; everyone first, then most entered, then by value', () => {
    const rows = [
      { g_total: 0, g_key: 'Paid Social', entered: '2', reached_1: '2', reached_2: '1', median_2: 1500 },
      { g_total: 1, g_key: null, entered: '5', reached_1: '5', reached_2: '2', median_2: '1250.5' },
      { g_total: 0, g_key: 'Email', entered: '2', reached_1: '2', reached_2: '0', median_2: null },
      { g_total: 0, g_key: 'Direct', entered: '1', reached_1: '1', reached_2: '1', median_2: 1000 },
    ];
    expect(funnelCountsOf(rows, 2)).toEqual([
      { key: null, entered: 5, reached: [5, 2], medianMs: [null, 1250.5] },
      { key: 'Email', entered: 2, reached: [2, 0], medianMs: [null, null] },
      { key: 'Paid Social', entered: 2, reached: [2, 1], medianMs: [null, 1500] },
      { key: 'Direct', entered: 1, reached: [1, 1], medianMs: [null, 1000] },
    ]);
  });

  it('gives zeros for everyone when the statement returns no row', () => {
    expect(funnelCountsOf([], 3)).toEqual([{ key: null, entered: 0, reached: [0, 0, 0], medianMs: [null, null, null] }]);
  });
});
