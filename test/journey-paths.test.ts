// QueryRunner.journeyPaths on every engine (DuckDB, a current ClickHouse
// through chdb, ClickHouse 18.16 alone and as a two-shard cluster): journeys built from one definition
// (src/warehouse/relations/journeys.ts) and aggregated to distinct paths in
// the engine. Each engine must give the paths of a hand-built shop
// (support/journey-fixture.ts) worked out by hand, and on the metrics data set
// (support/metrics-fixture.ts) and a small generated demo shop, paths whose
// conversions, revenue and last touches add up to what the metrics layer
// answers (a second method); the ClickHouse engines must give DuckDB's paths.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateSettings } from '../src/access/workspaces.js';
import { ValidationError } from '../src/core/errors.js';
import { generateDemo } from '../src/demo/generate-demo.js';
import { queryMetrics } from '../src/metrics/query-service.js';
import { refreshWorkspace } from '../src/warehouse/derive-scheduler.js';
import type { JourneyPath, JourneyQuery, Warehouse } from '../src/warehouse/warehouse.js';
import {
  AD_GROUP_PATHS_7D,
  CAMPAIGN_PATHS_7D,
  CHANNEL_PATHS_30D,
  CHANNEL_PATHS_7D,
  CHANNEL_PATHS_VIEW_THROUGH,
  FEBRUARY,
  JOURNEY_CAMPAIGNS,
  JOURNEY_EVENTS,
  JOURNEY_SETTINGS,
} from './support/journey-fixture.js';
import { everyEngine, openDuckDb, type OpenedWarehouse } from './support/every-engine.js';
import { loadWorkspace, METRICS_DATA } from './support/metrics-fixture.js';

const ENGINES = everyEngine('journeys');

const DEMO = { days: 21, seed: 5, end: '2026-03-21', visitors: 300 };
const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const DEMO_RANGE = { from: '2026-03-01', to: '2026-03-21' };

/** The hand-built shop, the metrics data set in two zones and the demo shop, each in its workspace. */
async function loadAll(w: Warehouse): Promise<void> {
  await loadWorkspace(w, 'shop', { campaigns: JOURNEY_CAMPAIGNS, events: JOURNEY_EVENTS }, { timezone: JOURNEY_SETTINGS.timezone });
  await updateSettings(w, 'shop', { conversion_types: JOURNEY_SETTINGS.conversion_types });
  await refreshWorkspace(w, 'shop');
  await loadWorkspace(w, 'utc', METRICS_DATA);
  await loadWorkspace(w, 'ny', METRICS_DATA, { timezone: 'America/New_York' });
  const demo = generateDemo(DEMO);
  await loadWorkspace(w, 'demo', { ...demo, events: [...demo.events()] });
}

/** Paths in one order whatever order they came in. */
const sorted = (paths: JourneyPath[]) => [...paths].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The workspace's own zone and bot filtering, with the rest of the query. */
async function journeyQuery(w: Warehouse, workspace: string, query: Omit<JourneyQuery, 'timeZone' | 'botFiltering'>): Promise<JourneyQuery> {
  const { settings } = (await w.getWorkspace(workspace))!;
  return { ...query, timeZone: settings.timezone, botFiltering: settings.bot_filtering };
}

/** Workspace, period and lookback of the checks against the metrics layer. */
const AGAINST_METRICS: [string, { from: string; to: string }, number][] = [
  ['shop', FEBRUARY, 7],
  ['utc', MARCH, 30],
  ['utc', MARCH, 1],
  ['ny', MARCH, 30],
  ['ny', { from: '2026-03-01', to: '2026-03-15' }, 7],
  ['demo', DEMO_RANGE, 30],
  ['demo', { from: '2026-03-08', to: '2026-03-14' }, 3],
];

/** Queries both ClickHouse engines must answer with DuckDB's paths. */
const AGAINST_DUCKDB: [string, Omit<JourneyQuery, 'timeZone' | 'botFiltering'>][] = [
  ['shop', { ...FEBRUARY, dimension: 'ad', lookbackDays: 30, viewThrough: { lookbackDays: 1 } }],
  ['utc', { ...MARCH, dimension: 'campaign', lookbackDays: 30 }],
  ['ny', { ...MARCH, dimension: 'channel', lookbackDays: 7, viewThrough: { lookbackDays: 2 } }],
  ['demo', { ...DEMO_RANGE, dimension: 'channel', lookbackDays: 30 }],
  ['demo', { ...DEMO_RANGE, dimension: 'campaign', lookbackDays: 7, viewThrough: { lookbackDays: 1 } }],
  ['demo', { ...DEMO_RANGE, dimension: 'ad', lookbackDays: 14 }],
];

for (const engine of ENGINES) {
  describe.skipIf(!engine.available && !process.env.CI)(`journey paths on ${engine.name}`, () => {
    let dir: string;
    let opened: OpenedWarehouse;
    let reference: OpenedWarehouse | undefined;
    let w: Warehouse;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'beacon-journeys-'));
      opened = await engine.open(dir);
      w = opened.warehouse;
      await loadAll(w);
      if (engine.reference) {
        reference = await openDuckDb(dir, 'journeys-reference');
        await loadAll(reference.warehouse);
      }
    }, 600_000);

    afterAll(async () => {
      await opened?.stop();
      await reference?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const paths = async (query: Omit<JourneyQuery, 'timeZone' | 'botFiltering'>, workspace = 'shop') =>
      sorted(await w.journeyPaths(workspace, await journeyQuery(w, workspace, query)));

    it('by channel: conversions in the New York period with the touches a 7-day lookback keeps, and the null journeys', async () => {
      expect(await paths({ ...FEBRUARY, dimension: 'channel', lookbackDays: 7 })).toEqual(sorted(CHANNEL_PATHS_7D));
    });

    it('by campaign, (none) for touches without one', async () => {
      expect(await paths({ ...FEBRUARY, dimension: 'campaign', lookbackDays: 7 })).toEqual(sorted(CAMPAIGN_PATHS_7D));
    });

    it('by ad group', async () => {
      expect(await paths({ ...FEBRUARY, dimension: 'ad_group', lookbackDays: 7 })).toEqual(sorted(AD_GROUP_PATHS_7D));
    });

    it('a 30-day lookback keeps the touch 7 days cut', async () => {
      expect(await paths({ ...FEBRUARY, dimension: 'channel', lookbackDays: 30 })).toEqual(sorted(CHANNEL_PATHS_30D));
    });

    it('view-through: impressions within their own lookback are touches', async () => {
      const query = { ...FEBRUARY, dimension: 'channel' as const, lookbackDays: 7, viewThrough: { lookbackDays: 1 } };
      expect(await paths(query)).toEqual(sorted(CHANNEL_PATHS_VIEW_THROUGH));
      // null turns view-through off.
      expect(await paths({ ...query, viewThrough: null })).toEqual(sorted(CHANNEL_PATHS_7D));
    });

    it('comes back most conversions first, then most null journeys', async () => {
      const found = await w.journeyPaths('shop', await journeyQuery(w, 'shop', { ...FEBRUARY, dimension: 'channel', lookbackDays: 7 }));
      expect(found.map((p) => [p.conversions, p.nulls])).toEqual([[2, 0], [1, 0], [1, 0], [1, 0], [0, 1], [0, 1], [0, 1]]);
    });

    it('a period without data has no paths', async () => {
      expect(await paths({ from: '2025-06-01', to: '2025-06-30', dimension: 'channel', lookbackDays: 30 })).toEqual([]);
    });

    it('refuses a query it cannot build (400)', async () => {
      const bad = { ...FEBRUARY, from: '2026-03-01', dimension: 'channel' as const, lookbackDays: 0 };
      const error = await w.journeyPaths('shop', bad).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toBe(
        'invalid journey query: from must not be after to; lookbackDays must be a whole number of days from 1 to 365',
      );
    });

    it.each(AGAINST_METRICS)('%s %o, %i-day lookback: conversions, revenue and last touches are the metrics layer’s', async (workspace, range, lookbackDays) => {
      const found = await paths({ ...range, dimension: 'channel', lookbackDays }, workspace);
      const ws = (await w.getWorkspace(workspace))!;
      const attribution = { model: 'last_touch', lookback_days: lookbackDays };
      const period = { from: range.from, to: range.to };
      const { totals } = await queryMetrics(w, ws, { metrics: ['conversions', 'revenue'], ...period, attribution });
      const { rows } = await queryMetrics(w, ws, { metrics: ['conversions'], dimensions: ['channel'], ...period, attribution });
      expect(totals.conversions).toBeGreaterThan(0);
      expect(sum(found.map((p) => p.conversions))).toBe(totals.conversions);
      // The metrics layer answers money to the cent.
      expect(Math.abs(sum(found.map((p) => p.revenue)) - Number(totals.revenue))).toBeLessThanOrEqual(0.005 + 1e-9);
      // Last touch by count (a path without touches is Direct's) is the metrics layer's last_touch split.
      const lastTouch: Record<string, number> = {};
      for (const p of found.filter((f) => f.conversions > 0)) {
        const channel = p.touches.at(-1) ?? 'Direct';
        lastTouch[channel] = (lastTouch[channel] ?? 0) + p.conversions;
      }
      expect(lastTouch).toEqual(Object.fromEntries(rows.filter((r) => Number(r.conversions) > 0).map((r) => [r.channel, r.conversions])));
      // Every path has a day offset per touch, never growing from first touch to last.
      for (const p of found) {
        expect(p.daysBefore.length).toBe(p.touches.length);
        expect(p.daysBefore).toEqual([...p.daysBefore].sort((a, b) => b - a));
      }
    });

    if (engine.reference) {
      it.each(AGAINST_DUCKDB)('%s %o: the same paths as DuckDB', async (workspace, query) => {
        const fromDuck = sorted(await reference!.warehouse.journeyPaths(workspace, await journeyQuery(w, workspace, query)));
        expect(fromDuck.length).toBeGreaterThan(0);
        expect(await paths(query, workspace)).toEqual(fromDuck);
      });
    }
  });
}
