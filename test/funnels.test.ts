// QueryRunner.funnelCounts on every engine (DuckDB, a current ClickHouse
// through chdb, ClickHouse 18.16 alone and as a two-shard cluster): funnels
// built from one definition (src/warehouse/relations/funnels.ts) and
// aggregated in the engine. Each engine must give the counts and median times
// of a hand-built shop (support/funnel-fixture.ts) worked out by hand; on a
// small generated demo shop the ClickHouse engines must give DuckDB's answers,
// and every engine's step counts must agree with a second method: people
// counted from the derived events read back row by row.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateSettings } from '../src/access/workspaces.js';
import { ValidationError } from '../src/core/errors.js';
import { zoneMidnight } from '../src/core/zone-midnight.js';
import { addDays } from '../src/core/time.js';
import { generateDemo } from '../src/demo/generate-demo.js';
import { refreshWorkspace } from '../src/warehouse/derive-scheduler.js';
import type { FunnelOrder, FunnelQuery, FunnelStepMatch, Warehouse } from '../src/warehouse/warehouse.js';
import {
  DAY_MS,
  EMPTY,
  FEBRUARY,
  FUNNEL_CAMPAIGNS,
  FUNNEL_EVENTS,
  FUNNEL_LIFECYCLE,
  FUNNEL_ZONE,
  LIFECYCLE_BY_CHANNEL,
  LIFECYCLE_ORDERED,
  MIXED_ORDERED,
  SESSION_SIGNUP,
  SIGNUP_PURCHASE_ANY,
  SIGNUP_PURCHASE_ORDERED,
  STEPS,
  WEB_ANY,
  WEB_BY_CAMPAIGN,
  WEB_BY_CHANNEL,
  WEB_ORDERED,
  WEB_STRICT,
  WEB_WITH_BOTS,
} from './support/funnel-fixture.js';
import { everyEngine, openDuckDb, type OpenedWarehouse } from './support/every-engine.js';
import { loadWorkspace } from './support/metrics-fixture.js';

const ENGINES = everyEngine('funnels');

const DEMO = { days: 21, seed: 7, end: '2026-03-21', visitors: 400 };
const DEMO_RANGE = { from: '2026-03-01', to: '2026-03-14' };

/** The hand-built shop (bots left out, and again with them counted) and the demo shop, each in its workspace. */
async function loadAll(w: Warehouse): Promise<void> {
  const shop = { campaigns: FUNNEL_CAMPAIGNS, events: FUNNEL_EVENTS, lifecycle: FUNNEL_LIFECYCLE };
  await loadWorkspace(w, 'shop', shop, { timezone: FUNNEL_ZONE });
  await loadWorkspace(w, 'bots', shop, { timezone: FUNNEL_ZONE });
  await updateSettings(w, 'bots', { bot_filtering: false });
  await refreshWorkspace(w, 'bots');
  const demo = generateDemo(DEMO);
  await loadWorkspace(w, 'demo', { ...demo, events: [...demo.events()] });
}

type Ask = Omit<FunnelQuery, 'timeZone' | 'botFiltering'>;

/** The workspace's own zone and bot filtering, with the rest of the query. */
async function funnelQuery(w: Warehouse, workspace: string, query: Ask): Promise<FunnelQuery> {
  const { settings } = (await w.getWorkspace(workspace))!;
  return { ...query, timeZone: settings.timezone, botFiltering: settings.bot_filtering };
}

const ask = (steps: FunnelStepMatch[], order: FunnelOrder, windowDays: number, extra: Partial<Ask> = {}): Ask => ({
  steps,
  order,
  windowMs: windowDays * DAY_MS,
  ...FEBRUARY,
  ...extra,
});

/** Demo funnels both ClickHouse engines must answer as DuckDB does. */
const DEMO_FUNNELS: [string, Ask][] = [
  ['web, ordered, by channel', ask([{ kind: 'event', type: 'ad_click' }, { kind: 'event', type: 'page_view' }, { kind: 'event', type: 'purchase' }], 'ordered', 7, { ...DEMO_RANGE, by: 'channel' })],
  ['sessions, strict, by campaign', ask([{ kind: 'event', type: 'ad_click' }, { kind: 'session_start' }, { kind: 'event', type: 'purchase' }], 'strict', 3, { ...DEMO_RANGE, by: 'campaign' })],
  ['ads, any order', ask([{ kind: 'event', type: 'ad_impression' }, { kind: 'event', type: 'ad_click' }, { kind: 'event', type: 'purchase' }], 'any', 14, DEMO_RANGE)],
  ['events and the customer stage, by channel', ask([{ kind: 'event', type: 'page_view' }, { kind: 'event', type: 'purchase' }, { kind: 'stage', stage: 'customer' }], 'ordered', 14, { ...DEMO_RANGE, by: 'channel' })],
];

/**
 * Step counts of an ordered funnel of event types counted a second way, from
 * the derived events read back row by row (readDerived): per person, the
 * first first-step event in the period, then each step's first event after
 * the previous one (by time, then step) within the window.
 */
function countOrdered(rows: Record<string, unknown>[], types: string[], from: string, to: string, zone: string, windowMs: number, botFiltering: boolean): number[] {
  const [start, end] = [zoneMidnight(from, zone), zoneMidnight(addDays(to, 1), zone)];
  const byPerson = new Map<string, { ms: number; ord: number }[]>();
  for (const row of rows) {
    const ord = types.indexOf(String(row.type)) + 1;
    if (ord === 0 || (botFiltering && row.is_bot)) continue;
    const ms = new Date(row.ts as string).getTime();
    byPerson.set(String(row.person_id), [...(byPerson.get(String(row.person_id)) ?? []), { ms, ord }]);
  }
  const reached = types.map(() => 0);
  for (const events of byPerson.values()) {
    events.sort((a, b) => a.ms - b.ms || a.ord - b.ord);
    const entry = events.find((e) => e.ord === 1 && e.ms >= start && e.ms < end);
    if (!entry) continue;
    reached[0]++;
    let previous = entry;
    for (let k = 2; k <= types.length; k++) {
      const next = events.find((e) => e.ord === k && e.ms <= entry.ms + windowMs && (e.ms > previous.ms || (e.ms === previous.ms && e.ord > previous.ord)));
      if (!next) break;
      reached[k - 1]++;
      previous = next;
    }
  }
  return reached;
}

for (const engine of ENGINES) {
  describe.skipIf(!engine.available && !process.env.CI)(`funnels on ${engine.name}`, () => {
    let dir: string;
    let opened: OpenedWarehouse;
    let reference: OpenedWarehouse | undefined;
    let w: Warehouse;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'beacon-funnels-'));
      opened = await engine.open(dir);
      w = opened.warehouse;
      await loadAll(w);
      if (engine.reference) {
        reference = await openDuckDb(dir, 'funnels-reference');
        await loadAll(reference.warehouse);
      }
    }, 600_000);

    afterAll(async () => {
      await opened?.stop();
      await reference?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const counts = async (query: Ask, workspace = 'shop') => w.funnelCounts(workspace, await funnelQuery(w, workspace, query));

    it('ordered: a click in the New York February, then each step after the one before within 7 days; bots left out', async () => {
      expect(await counts(ask(STEPS.webShop, 'ordered', 7))).toEqual([WEB_ORDERED]);
    });

    it('by the channel and by the campaign of the entering click, most entered first', async () => {
      expect(await counts(ask(STEPS.webShop, 'ordered', 7, { by: 'channel' }))).toEqual(WEB_BY_CHANNEL);
      expect(await counts(ask(STEPS.webShop, 'ordered', 7, { by: 'campaign' }))).toEqual(WEB_BY_CAMPAIGN);
    });

    it('strict: another funnel-step event between two steps stops the person', async () => {
      expect(await counts(ask(STEPS.webShop, 'strict', 7))).toEqual([WEB_STRICT]);
    });

    it('any order: entered by any step, steps 1…k done in the window in any order', async () => {
      expect(await counts(ask(STEPS.webShop, 'any', 7))).toEqual([WEB_ANY]);
      expect(await counts(ask(STEPS.signupPurchase, 'any', 7))).toEqual([SIGNUP_PURCHASE_ANY]);
      expect(await counts(ask(STEPS.signupPurchase, 'ordered', 7))).toEqual([SIGNUP_PURCHASE_ORDERED]);
    });

    it("counts bots' events where the workspace keeps them", async () => {
      expect(await counts(ask(STEPS.webShop, 'ordered', 7), 'bots')).toEqual([WEB_WITH_BOTS]);
    });

    it('lifecycle stages, with the channel each lead came with', async () => {
      expect(await counts(ask(STEPS.lifecycle, 'ordered', 30))).toEqual([LIFECYCLE_ORDERED]);
      expect(await counts(ask(STEPS.lifecycle, 'ordered', 30, { by: 'channel' }))).toEqual(LIFECYCLE_BY_CHANNEL);
    });

    it('events and lifecycle stages of one person in one funnel, across devices', async () => {
      expect(await counts(ask(STEPS.mixed, 'ordered', 30))).toEqual([MIXED_ORDERED]);
    });

    it('session starts as a step', async () => {
      expect(await counts(ask(STEPS.sessions, 'ordered', 1))).toEqual([SESSION_SIGNUP]);
    });

    it('a period without data: nobody entered, zero counts, no medians', async () => {
      expect(await counts(ask(STEPS.webShop, 'ordered', 7, { from: '2025-06-01', to: '2025-06-30' }))).toEqual([EMPTY]);
      expect(await counts(ask(STEPS.webShop, 'ordered', 7, { from: '2025-06-01', to: '2025-06-30', by: 'channel' }))).toEqual([EMPTY]);
    });

    it('refuses a query it cannot build (400)', async () => {
      const bad = { ...ask(STEPS.webShop.slice(0, 1), 'ordered', 0), from: '2026-03-01' };
      const error = await counts(bad).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toBe(
        'invalid funnel query: from must not be after to; steps must hold 2 to 10 steps; windowMs must be a whole number of ms from 1 to 365 days',
      );
    });

    it('lists the event types the workspace holds', async () => {
      expect(await w.eventTypes('shop')).toEqual(['ad_click', 'page_view', 'purchase', 'signup']);
      expect(await w.eventTypes('nobody')).toEqual([]);
    });

    it('on the demo shop, counts each person as the derived events read back row by row do', async () => {
      const types = ['ad_click', 'page_view', 'signup', 'purchase'];
      const steps = types.map((type) => ({ kind: 'event' as const, type }));
      const { settings } = (await w.getWorkspace('demo'))!;
      const rows = await w.readDerived('demo', 'event_facts');
      for (const days of [1, 7]) {
        const [total] = await counts(ask(steps, 'ordered', days, DEMO_RANGE), 'demo');
        const expected = countOrdered(rows, types, DEMO_RANGE.from, DEMO_RANGE.to, settings.timezone, days * DAY_MS, settings.bot_filtering);
        expect(expected[0]).toBeGreaterThan(20);
        expect(total.reached).toEqual(expected);
        expect(total.entered).toBe(expected[0]);
      }
    });

    if (engine.reference) {
      it.each(DEMO_FUNNELS)('demo %s: the same counts and medians as DuckDB', async (_name, query) => {
        const fromDuck = await reference!.warehouse.funnelCounts('demo', await funnelQuery(w, 'demo', query));
        expect(fromDuck[0].reached.at(-1)).toBeGreaterThan(0);
        expect(await counts(query, 'demo')).toEqual(fromDuck);
      });
    }
  });
}
