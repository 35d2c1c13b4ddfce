// Acquisition cohorts on every engine (DuckDB, a current ClickHouse through
// chdb, ClickHouse 18.16 alone and as a two-shard cluster): the aggregates of
// QueryRunner.cohortActivity (one definition, relations/customer-cohorts.ts)
// and the matrices cohortReport builds on them must be those worked out by
// hand for the workspaces of support/cohort-fixture.ts: a January customer
// whose first order is February 1 in UTC, a February customer whose first
// order is March 1 in UTC, a March customer whose first stage is April 1 in
// UTC, and a Sunday and a Monday customer in Berlin on either side of a week.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortReport } from '../src/cohorts/cohort-service.js';
import { periodIndex } from '../src/core/period-index.js';
import { clickhouseHooks } from '../src/sql/clickhouse/clickhouse-hooks.js';
import { duckdbHooks } from '../src/sql/duckdb/duckdb-hooks.js';
import { NotFoundError, ValidationError } from '../src/core/errors.js';
import { DeriveScheduler } from '../src/warehouse/derive-scheduler.js';
import type { CohortQuery, Warehouse } from '../src/warehouse/warehouse.js';
import {
  MONTHS_BY_CAMPAIGN_SIZES,
  MONTHS_BY_CHANNEL_SIZES,
  MONTHS_DATA,
  MONTHS_EMAIL_SUBSCRIPTION,
  MONTHS_PURCHASE,
  MONTHS_QUERY,
  MONTHS_SETTINGS,
  MONTHS_SUBSCRIPTION,
  WEEKS_DATA,
  WEEKS_PURCHASE,
  WEEKS_QUERY,
  WEEKS_SETTINGS,
} from './support/cohort-fixture.js';
import { everyEngine, type OpenedWarehouse } from './support/every-engine.js';
import { loadWorkspace } from './support/metrics-fixture.js';

const ENGINES = everyEngine('cohorts');

/** 2026-04-15 at noon in New York; in Berlin it is 2026-03-18 at noon on the weeks' day. */
const APRIL_15 = Date.UTC(2026, 3, 15, 16);
const MARCH_18 = Date.UTC(2026, 2, 18, 11);

for (const engine of ENGINES) {
  describe.skipIf(!engine.available && !process.env.CI)(`acquisition cohorts on ${engine.name}`, () => {
    let dir: string;
    let opened: OpenedWarehouse;
    let w: Warehouse;
    const report = async (workspace: string, body: Record<string, unknown>, now: number) =>
      cohortReport({ warehouse: w, derived: new DeriveScheduler(w) }, (await w.getWorkspace(workspace))!, body, now);

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'beacon-cohorts-'));
      opened = await engine.open(dir);
      w = opened.warehouse;
      await loadWorkspace(w, 'months', MONTHS_DATA, MONTHS_SETTINGS);
      await loadWorkspace(w, 'weeks', WEEKS_DATA, WEEKS_SETTINGS);
    }, 600_000);

    afterAll(async () => {
      await opened?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('months by purchase: New York dates decide the cohort; orders before acquisition, cancelled orders and customers outside the dates stay out', async () => {
      expect(await w.cohortActivity('months', { ...MONTHS_QUERY, activity: 'purchase' })).toEqual(MONTHS_PURCHASE);
    });

    it('months by subscription: subscribed at some moment of each period, survivors until their first churn', async () => {
      expect(await w.cohortActivity('months', { ...MONTHS_QUERY, activity: 'subscription' })).toEqual(MONTHS_SUBSCRIPTION);
    });

    it('one acquisition channel, and a breakdown by channel and by campaign (first touch, else first lifecycle record)', async () => {
      expect(await w.cohortActivity('months', { ...MONTHS_QUERY, activity: 'subscription', channel: 'Email' })).toEqual(MONTHS_EMAIL_SUBSCRIPTION);
      expect((await w.cohortActivity('months', { ...MONTHS_QUERY, activity: 'purchase', dimension: 'channel' })).cohorts).toEqual(MONTHS_BY_CHANNEL_SIZES);
      expect((await w.cohortActivity('months', { ...MONTHS_QUERY, activity: 'purchase', dimension: 'campaign' })).cohorts).toEqual(MONTHS_BY_CAMPAIGN_SIZES);
      expect(await w.cohortActivity('months', { ...MONTHS_QUERY, activity: 'purchase', channel: 'Nowhere' })).toEqual({ cohorts: [], periods: [] });
    });

    it('weeks run Monday to Sunday in Berlin: 23:30 on Sunday and 00:30 on Monday are two weeks', async () => {
      expect(await w.cohortActivity('weeks', { ...WEEKS_QUERY, activity: 'purchase' })).toEqual(WEEKS_PURCHASE);
      // From Monday 03-02 in Berlin (still Sunday in UTC for Mon's first order): Sun's cohort is out, Mon's in.
      const fromMonday = await w.cohortActivity('weeks', { ...WEEKS_QUERY, from: '2026-03-02', activity: 'purchase' });
      expect(fromMonday.cohorts).toEqual(WEEKS_PURCHASE.cohorts.slice(1));
      // Seen on 03-08, the week of 03-09 is not read: Mon's period 1 and Tue's cohort are not there yet.
      const earlier = await w.cohortActivity('weeks', { ...WEEKS_QUERY, through: '2026-03-08', activity: 'purchase' });
      expect(earlier.periods.map((p) => [p.cohort, p.period])).toEqual([
        ['2026-02-23', 0],
        ['2026-02-23', 1],
        ['2026-03-02', 0],
      ]);
    });

    it('the retention matrix: sizes, % active, null after today, the period holding today marked running, the weighted average', async () => {
      const answer = await report('months', { by: 'month', metric: 'retention', from: '2026-01-01', to: '2026-03-31' }, APRIL_15);
      expect(answer).toMatchObject({ activity: 'purchase', today: '2026-04-15', periods: [0, 1, 2, 3], currency: 'USD' });
      const rows = answer.matrix.cohorts.map((r) => [r.cohort, r.end, r.customers, r.cells.map((c) => (c === null ? null : [c.active, c.complete]))]);
      expect(rows).toEqual([
        ['2026-01-01', '2026-01-31', 2, [[2, true], [1, true], [1, true], [1, false]]],
        ['2026-02-01', '2026-02-28', 3, [[2, true], [1, true], [1, false], null]],
        ['2026-03-01', '2026-03-31', 3, [[2, true], [0, false], null, null]],
      ]);
      const values = answer.matrix.cohorts.map((r) => r.cells.map((c) => c?.value ?? null));
      expect(values[0]).toEqual([100, 50, 50, 50]);
      expect(values[1].map((v) => (v === null ? null : Number(v.toFixed(4))))).toEqual([66.6667, 33.3333, 33.3333, null]);
      expect(values[2].map((v) => (v === null ? null : Number(v.toFixed(4))))).toEqual([66.6667, 0, null, null]);
      // Complete cells only: period 0 of all three (6 of 8), period 1 of January and February (2 of 5), period 2 of January (1 of 2).
      expect(answer.matrix.average.map((a) => (a === null ? null : [a.customers, a.cohorts, a.active, a.value]))).toEqual([[8, 3, 6, 75], [5, 2, 2, 40], [2, 1, 1, 50], null]);
      expect(answer.matrix.model).toBeNull();
      expect(answer.notes).toContain('2 customers of these cohorts have a lifecycle churn record: activity "subscription" counts customers as active while subscribed and fits the retention model');
    });

    it('the revenue matrix: cumulative revenue per cohort customer, in the workspace currency', async () => {
      const answer = await report('months', { by: 'month', metric: 'revenue', from: '2026-01-01', to: '2026-03-31' }, APRIL_15);
      const cells = answer.matrix.cohorts.map((r) => r.cells.map((c) => (c === null ? null : [c.revenue, c.value])));
      // January: 210, +30, +12, +20 over 2 customers; February: 110, +12, +15 over 3; March: 96 (Kim's GBP order has no rate), then nothing.
      expect(cells).toEqual([
        [[210, 105], [240, 120], [252, 126], [272, 136]],
        [[110, 36.67], [122, 40.67], [137, 45.67], null],
        [[96, 32], [96, 32], null, null],
      ]);
      // (210 + 110 + 96) / 8, (240 + 122) / 5, 252 / 2.
      expect(answer.matrix.average.map((a) => a?.value ?? null)).toEqual([52, 72.4, 126, null]);
    });

    it('subscription retention: subscribers per period, survivors, and the sBG model fitted on them with a warning that it rests on little', async () => {
      const answer = await report('months', { by: 'month', metric: 'retention', activity: 'subscription', from: '2026-01-01', to: '2026-03-31' }, APRIL_15);
      const feb = answer.matrix.cohorts[1];
      expect(feb.cells.map((c) => c && [c.active, c.survivors])).toEqual([[2, 2], [1, 1], [1, 0], null]);
      expect(answer.matrix.cohorts[2].cells.map((c) => c && [c.active, c.survivors])).toEqual([[1, 1], [1, 1], null, null]);
      // Survivor counts: February 2, 1, 0 (Dan churned in February, Cat in March); March 1, 1 (Joy). Three periods of churn observed.
      const model = answer.matrix.model!;
      expect(model).toMatchObject({ model: 'sbg', cohorts: 2, subscribers: 3, observed_periods: 3 });
      expect(model.projection.map((p) => p.period)).toEqual([3, 4, 5, 6, 7, 8]);
      expect(answer.matrix.warnings).toContain('the retention model rests on 2 cohorts and 3 subscribers: treat its projection with care');
    });

    it('a breakdown by acquisition channel: one matrix per channel, most customers first, adding up to everyone', async () => {
      const answer = await report('months', { by: 'month', metric: 'retention', dimension: 'channel', from: '2026-01-01', to: '2026-03-31' }, APRIL_15);
      expect(answer.breakdown!.map((b) => [b.key, b.matrix.customers])).toEqual([
        ['(none)', 4],
        ['Email', 2],
        ['Paid Search', 2],
      ]);
      const email = answer.breakdown!.find((b) => b.key === 'Email')!.matrix;
      // Cat (February) buys in February and April; Joy (March) never.
      expect(email.cohorts.map((r) => [r.customers, r.cells.map((c) => c?.active ?? null)])).toEqual([
        [0, [0, 0, 0, 0]],
        [1, [1, 0, 1, null]],
        [1, [0, 0, null, null]],
      ]);
    });

    it('an unknown channel is an empty matrix with a note', async () => {
      const answer = await report('months', { by: 'month', metric: 'retention', channel: 'Nowhere', from: '2026-01-01', to: '2026-03-31' }, APRIL_15);
      expect(answer.matrix.customers).toBe(0);
      expect(answer.matrix.cohorts.every((r) => r.customers === 0 && r.cells.every((c) => c === null || c.value === null))).toBe(true);
      expect(answer.notes[0]).toBe('no customer was acquired from 2026-01-01 to 2026-03-31 through the channel "Nowhere"');
    });

    it('weeks: the Sunday and the Monday customer in two cohorts, a cohort cut short by from', async () => {
      const answer = await report('weeks', { by: 'week', metric: 'retention', from: '2026-02-25', to: '2026-03-15' }, MARCH_18);
      expect(answer.periods).toEqual([0, 1, 2, 3]);
      expect(answer.matrix.cohorts.map((r) => [r.cohort, r.end, r.customers, r.cells.map((c) => c?.value ?? null)])).toEqual([
        ['2026-02-23', '2026-03-01', 1, [100, 100, 0, 100]],
        ['2026-03-02', '2026-03-08', 1, [100, 100, 0, null]],
        ['2026-03-09', '2026-03-15', 1, [100, 0, null, null]],
      ]);
      expect(answer.notes).toContain('the first cohort (2026-02-23) holds only customers acquired from 2026-02-25');
    });

    it('numbers every day of 2024 to 2027 in weeks and months as core/period-index.ts does', async () => {
      const h = w.engine === 'duckdb' ? duckdbHooks : clickhouseHooks;
      // 1,461 days from 2024-01-01 (day 19,723 after 1970-01-01).
      const [day, text, from] =
        w.engine === 'duckdb'
          ? ['(DATE \'2024-01-01\' + CAST(x AS INTEGER))', 'CAST(DATE \'2024-01-01\' + CAST(x AS INTEGER) AS VARCHAR)', 'range(1461) AS t(x)']
          : ['toInt64(19723 + number)', 'toString(toDate(19723 + number))', '(SELECT number FROM system.numbers LIMIT 1461)'];
      const rows = await w.query({ sql: `SELECT ${text} AS d, ${h.periodIndex(day, 'week')} AS week, ${h.periodIndex(day, 'month')} AS month FROM ${from}`, params: {} });
      expect(rows).toHaveLength(1461);
      const wrong = rows.filter((r) => Number(r.week) !== periodIndex(String(r.d), 'week') || Number(r.month) !== periodIndex(String(r.d), 'month'));
      expect(wrong).toEqual([]);
    });

    it('refuses a query it cannot build (400), and an unknown workspace (404)', async () => {
      const bad = { ...MONTHS_QUERY, by: 'year', activity: 'purchase', from: '2026-04-01' } as unknown as CohortQuery;
      const error = await w.cohortActivity('months', bad).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toBe('invalid cohort query: by must be one of week, month; from must not be after to');
      await expect(w.cohortActivity('nowhere', { ...MONTHS_QUERY, activity: 'purchase' })).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
