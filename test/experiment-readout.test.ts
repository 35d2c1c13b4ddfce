// QueryRunner.experimentSums and .experiments on every engine (DuckDB, a
// current ClickHouse through chdb, ClickHouse 18.16 alone and as a two-shard
// cluster): an experiment's sufficient statistics aggregated in the engine
// from experiment_exposure events (src/warehouse/relations/experiment-readout.ts).
// Each engine must give the sums of the hand-built experiment worked out in
// support/experiment-fixture.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateSettings } from '../src/access/workspaces.js';
import { ValidationError } from '../src/core/errors.js';
import { refreshWorkspace } from '../src/warehouse/derive-scheduler.js';
import type { ExperimentQuery, Warehouse } from '../src/warehouse/warehouse.js';
import { everyEngine, type OpenedWarehouse } from './support/every-engine.js';
import { DAY_MS, EXPERIMENT_EVENTS, EXPERIMENT_ZONE, MARCH } from './support/experiment-fixture.js';
import { loadWorkspace } from './support/metrics-fixture.js';

const BASE: ExperimentQuery = { experiment: 'hero', outcome: { kind: 'conversions' }, binary: false, start: null, end: MARCH, preMs: 14 * DAY_MS, botFiltering: true };
const ask = (extra: Partial<ExperimentQuery> = {}): ExperimentQuery => ({ ...BASE, ...extra });
const EXPOSED_FROM = Date.UTC(2026, 1, 10, 9);
const EXPOSED_TO = Date.UTC(2026, 1, 10, 10);

async function loadAll(w: Warehouse): Promise<void> {
  await loadWorkspace(w, 'lab', { events: EXPERIMENT_EVENTS }, { timezone: EXPERIMENT_ZONE });
  await loadWorkspace(w, 'lab_bots', { events: EXPERIMENT_EVENTS }, { timezone: EXPERIMENT_ZONE });
  await updateSettings(w, 'lab_bots', { bot_filtering: false });
  await refreshWorkspace(w, 'lab_bots');
}

const sums = (people: number, sum: number, sumSquares: number, preSum: number, preSumSquares: number, crossSum: number) => ({ people, sum, sumSquares, preSum, preSumSquares, crossSum });

for (const engine of everyEngine('experiments').filter((e) => e.available)) {
  describe(`experiment readout sums on ${engine.name}`, () => {
    let opened: OpenedWarehouse;
    let dir: string;
    let w: Warehouse;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'beacon-experiments-'));
      opened = await engine.open(dir);
      w = opened.warehouse;
      await loadAll(w);
    }, 240_000);
    afterAll(async () => {
      await opened?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('conversions per person: first exposure picks the variant, orders count once, two-variant people are set apart', async () => {
      const result = await w.experimentSums('lab', ask());
      expect(result.variants).toEqual([
        { variant: 'A', ...sums(2, 1, 1, 1, 1, 1) },
        { variant: 'B', ...sums(3, 3, 5, 1, 1, 0) },
      ]);
      expect(result.multipleVariants).toBe(1);
      expect(result.firstExposure).toBe(EXPOSED_FROM);
      expect(result.lastExposure).toBe(EXPOSED_TO);
    });

    it('revenue per person in the workspace currency', async () => {
      const result = await w.experimentSums('lab', ask({ outcome: { kind: 'revenue' } }));
      expect(result.variants).toEqual([
        { variant: 'A', ...sums(2, 50, 2500, 20, 400, 1000) },
        { variant: 'B', ...sums(3, 65, 2225, 15, 225, 0) },
      ]);
    });

    it('a 0/1 outcome of an event type, and the events counted one by one', async () => {
      const binary = await w.experimentSums('lab', ask({ outcome: { kind: 'events', type: 'purchase' }, binary: true }));
      expect(binary.variants).toEqual([
        { variant: 'A', ...sums(2, 1, 1, 1, 1, 1) },
        { variant: 'B', ...sums(3, 2, 2, 1, 1, 0) },
      ]);
      // cal sent o2's purchase twice: three purchase events after exposure.
      const counted = await w.experimentSums('lab', ask({ outcome: { kind: 'events', type: 'purchase' } }));
      expect(counted.variants[1]).toEqual({ variant: 'B', ...sums(3, 4, 10, 1, 1, 0) });
    });

    it('the end of the test cuts outcomes, the covariate window reaches back as far as asked', async () => {
      const ended = await w.experimentSums('lab', ask({ end: Date.UTC(2026, 1, 11) }));
      expect(ended.variants[1]).toEqual({ variant: 'B', ...sums(3, 2, 2, 1, 1, 0) });
      const longer = await w.experimentSums('lab', ask({ preMs: 30 * DAY_MS }));
      expect(longer.variants[0]).toEqual({ variant: 'A', ...sums(2, 1, 1, 2, 4, 2) });
      const none = await w.experimentSums('lab', ask({ preMs: 0 }));
      expect(none.variants.map((v) => [v.preSum, v.crossSum])).toEqual([[0, 0], [0, 0]]);
    });

    it('exposures outside the start and end leave their people out', async () => {
      // Only cal was exposed before 10:00.
      // cal's purchase at 12:00 falls after that end.
      const early = await w.experimentSums('lab', ask({ end: Date.UTC(2026, 1, 10, 10) }));
      expect(early.variants).toEqual([{ variant: 'B', ...sums(1, 0, 0, 0, 0, 0) }]);
      expect(early.multipleVariants).toBe(0);
      // From 10:15: only eve's second exposure (B) and dee's (B) at 11:00 remain.
      const late = await w.experimentSums('lab', ask({ start: Date.UTC(2026, 1, 10, 10, 15) }));
      expect(late.variants).toEqual([{ variant: 'B', ...sums(2, 1, 1, 1, 1, 0) }]);
    });

    it('bots count where the workspace keeps them', async () => {
      const result = await w.experimentSums('lab_bots', ask({ botFiltering: false }));
      expect(result.variants[0]).toEqual({ variant: 'A', ...sums(3, 2, 2, 1, 1, 1) });
    });

    it('an experiment nobody saw has no variants', async () => {
      expect(await w.experimentSums('lab', ask({ experiment: 'nothing' }))).toEqual({ variants: [], multipleVariants: 0, firstExposure: null, lastExposure: null });
    });

    it('refuses a query it cannot build', async () => {
      await expect(w.experimentSums('lab', ask({ start: MARCH }))).rejects.toThrow(ValidationError);
      await expect(w.experimentSums('lab', ask({ outcome: { kind: 'revenue' }, binary: true }))).rejects.toThrow(/0\/1/);
    });

    it('lists the experiments with the people of each variant', async () => {
      expect(await w.experiments('lab', { botFiltering: true })).toEqual([
        { experiment: 'banner', variants: [{ variant: 'red', people: 1 }], people: 1, firstExposure: EXPOSED_TO, lastExposure: EXPOSED_TO },
        { experiment: 'hero', variants: [{ variant: 'A', people: 2 }, { variant: 'B', people: 3 }], people: 5, firstExposure: EXPOSED_FROM, lastExposure: EXPOSED_TO },
      ]);
    });
  });
}
