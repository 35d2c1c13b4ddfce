// The cohort statement without an engine: what it refuses, where the
// caller's values go (parameters on DuckDB, quoted literals on ClickHouse),
// what only subscription activity unrolls, and how rows become aggregates.
// test/cohorts.test.ts runs it on every engine against aggregates worked out by hand.
import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { DEFAULT_SETTINGS } from '../../model/settings.js';
import { ParamBag } from '../../sql/dialect.js';
import { clickhouseBuild } from '../clickhouse/clickhouse-relations.js';
import { duckdbBuild } from '../duckdb/duckdb-relations.js';
import type { CohortQuery } from '../warehouse.js';
import { cohortActivityOf, cohortActivitySql, cohortContext } from './customer-cohorts.js';

const QUERY: CohortQuery = { by: 'month', from: '2026-01-01', to: '2026-03-31', through: '2026-04-15', activity: 'purchase' };
const CONTEXT = cohortContext('w', { name: 'w', settings: { ...DEFAULT_SETTINGS, timezone: 'America/New_York' }, createdAt: '2026-01-01T00:00:00Z' });
const HOSTILE = "w'); DROP TABLE orders; --\\";

describe('cohortActivitySql', () => {
  it.each([
    [{ by: 'year' }, 'by must be one of week, month'],
    [{ from: '2026-02-30' }, 'from, to and through must be dates (YYYY-MM-DD)'],
    [{ through: undefined }, 'from, to and through must be dates (YYYY-MM-DD)'],
    [{ to: '2025-12-31' }, 'from must not be after to'],
    [{ activity: 'visit' }, 'activity must be one of purchase, subscription'],
    [{ dimension: 'constructor' }, 'dimension must be one of channel, campaign'],
    [{ channel: 7 }, 'channel must be text'],
  ])('refuses %o', (change, problem) => {
    const build = () => cohortActivitySql(clickhouseBuild('w'), { ...QUERY, ...change } as unknown as CohortQuery, CONTEXT);
    expect(build).toThrow(ValidationError);
    expect(build).toThrow(`invalid cohort query: ${problem}`);
  });

  it('DuckDB: the workspace, the channel and every date are parameters', () => {
    const bag = new ParamBag((name) => `$${name}`);
    const sql = cohortActivitySql(duckdbBuild(HOSTILE, (v) => bag.add(v)), { ...QUERY, channel: HOSTILE }, CONTEXT);
    expect(sql).not.toContain('DROP TABLE');
    const values = Object.values(bag.params);
    expect(values).toContain(HOSTILE);
    // January 1 and April 1, 00:00 in New York (UTC−5, then UTC−4); months 672 (2026-01) and 675 (2026-04, holding through).
    expect(values).toEqual(expect.arrayContaining([Date.UTC(2026, 0, 1, 5), Date.UTC(2026, 3, 1, 4), 672, 675, 'America/New_York']));
  });

  it('ClickHouse: the workspace and the channel are quoted literals', () => {
    const sql = cohortActivitySql(clickhouseBuild(HOSTILE), { ...QUERY, channel: HOSTILE }, CONTEXT);
    expect(sql).toContain(`workspace_id = 'w\\'); DROP TABLE orders; --\\\\'`);
    expect(sql).toContain(`= 'w\\'); DROP TABLE orders; --\\\\'`);
  });

  it('unrolls every period to `through` only for subscription activity', () => {
    const purchase = cohortActivitySql(clickhouseBuild('w'), QUERY, CONTEXT);
    const subscription = cohortActivitySql(clickhouseBuild('w'), { ...QUERY, activity: 'subscription' }, CONTEXT);
    expect(purchase).not.toContain('range(');
    expect(purchase).toContain('0 AS subscribers');
    expect(subscription).toContain('range(toUInt64(CASE WHEN notEmpty(s_entries) THEN 675 - c_index ELSE 0 END))');
  });
});

describe('cohortContext', () => {
  it('is a 404 for a workspace the engine did not find', () => {
    expect(() => cohortContext('nowhere', undefined)).toThrow(NotFoundError);
  });
});

describe('cohortActivityOf', () => {
  it('reads 64-bit integers sent as text, labels cohorts by their first day, and sorts by cohort, key and period', () => {
    const rows = [
      { c_index: '673', period: '1', d_key: 'Email', customers: '0', churners: '0', purchasers: '1', subscribers: '0', survivors: '0', revenue: 12.5 },
      { c_index: '673', period: '0', d_key: 'Email', customers: '2', churners: '1', purchasers: '2', subscribers: '0', survivors: '0', revenue: 40 },
      { c_index: '672', period: '0', d_key: '(none)', customers: '1', churners: '0', purchasers: '1', subscribers: '0', survivors: '0', revenue: 0 },
    ];
    expect(cohortActivityOf(rows, { by: 'month', dimension: 'channel' })).toEqual({
      cohorts: [
        { cohort: '2026-01-01', key: '(none)', customers: 1, churners: 0 },
        { cohort: '2026-02-01', key: 'Email', customers: 2, churners: 1 },
      ],
      periods: [
        { cohort: '2026-01-01', key: '(none)', period: 0, purchasers: 1, subscribers: 0, survivors: 0, revenue: 0 },
        { cohort: '2026-02-01', key: 'Email', period: 0, purchasers: 2, subscribers: 0, survivors: 0, revenue: 40 },
        { cohort: '2026-02-01', key: 'Email', period: 1, purchasers: 1, subscribers: 0, survivors: 0, revenue: 12.5 },
      ],
    });
    // Week 2,931 starts on Monday 2026-03-02 (see core/period-index.test.ts).
    expect(cohortActivityOf([{ ...rows[2], c_index: '2931', d_key: '' }], { by: 'week', dimension: null }).cohorts).toEqual([{ cohort: '2026-03-02', key: null, customers: 1, churners: 0 }]);
  });
});
