// The alert scheduler on a real DuckDB file with a clock the test moves by
// hand: hourly rules run on the hour in the workspace's time zone and not
// before; a condition that persists fires once, clears, and fires again;
// a restart after hours down evaluates each rule once for all the runs it
// missed; real-time rules run after the ingestions that touch their sources
// (many ingestions, one evaluation, reading all of them), and not for other
// sources; a rule never runs two evaluations at once; a failing workspace
// does not stop the others. Webhooks go to an injected transport that
// records each body.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace } from '../src/access/workspaces.js';
import { AlertScheduler, type AlertSchedulerOptions } from '../src/alerts/alert-scheduler.js';
import { alertHistory, createAlert } from '../src/alerts/alerts-service.js';
import type { AlertServices, RuleEvaluation } from '../src/alerts/evaluate-rule.js';
import type { DeliveryOptions } from '../src/alerts/webhook-delivery.js';
import { LocalBackend } from '../src/cli/local-backend.js';
import { predictedValues } from '../src/clv/predicted-values.js';
import { DeriveScheduler } from '../src/warehouse/derive-scheduler.js';
import type { Warehouse, Workspace } from '../src/warehouse/warehouse.js';
import { openDuckDb, type OpenedWarehouse } from './support/every-engine.js';
import { FakeClock } from './support/fake-clock.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('alert-scheduler');
let opened: OpenedWarehouse;
let warehouse: Warehouse;

const at = (iso: string) => Date.parse(iso);
const HOURS = 3_600_000;
/** The scheduler looks at the rules only at their runs (and when told): no periodic look muddles the counts. */
const NO_RESCAN = 30 * 24 * HOURS;

/** Webhook bodies received; every delivery answers 200 unless `hold` keeps it waiting. */
const received: Record<string, unknown>[] = [];
let hold: Promise<void> | undefined;
const delivery: DeliveryOptions = {
  resolveHost: async () => [{ address: '93.184.216.34', family: 4 }],
  sleep: async () => undefined,
  post: async ({ body }) => {
    received.push(JSON.parse(body.toString()) as Record<string, unknown>);
    await hold;
    return { status: 200, retryAfter: undefined };
  },
};

function servicesFor(store: Warehouse): AlertServices {
  return { warehouse: store, derived: new DeriveScheduler(store), customerValues: predictedValues(store), freshness: { waitMs: Number.POSITIVE_INFINITY, maxStalenessMs: 0 }, delivery };
}

async function ads(workspace: string, rows: { date: string; campaign: string; cost: number }[]): Promise<void> {
  const backend = new LocalBackend(warehouse, workspace, 'test');
  const records = rows.map((r, index) => ({ index, value: { date: r.date, platform: 'google_ads', campaign_id: r.campaign, impressions: 1000, clicks: 10, cost: r.cost } }));
  const summary = await backend.importRecords({ source: 'ad_performance', records, origin: 'test' });
  expect(summary.rejected).toBe(0);
}

const workspaceOf = async (name: string): Promise<Workspace> => (await warehouse.getWorkspace(name))!;
const spendRule = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  metric: 'cost',
  grain: 'day',
  condition: { kind: 'threshold', op: 'above', value: 100 },
  webhook: { url: 'https://hooks.example/beacon' },
  ...extra,
});

/** A scheduler on a fake clock whose evaluations (and failures) the test sees. */
function schedulerAt(clock: FakeClock, services: AlertServices, options: AlertSchedulerOptions = {}) {
  const evaluations: (RuleEvaluation & { at: number })[] = [];
  const failures: { workspace: string; ruleId: string; trigger: string }[] = [];
  const scheduler = new AlertScheduler(services, {
    clock,
    rescanMs: NO_RESCAN,
    ...options,
    onEvaluated: (evaluation) => evaluations.push({ ...evaluation, at: clock.now() }),
    onError: (_error, run) => failures.push(run),
  });
  const advanceTo = (iso: string) => clock.advanceTo(at(iso), () => scheduler.idle());
  return { scheduler, evaluations, failures, advanceTo };
}

// A database per test: the scheduler looks at every workspace, and each test counts the evaluations of its own rules.
let databases = 0;
beforeEach(async () => {
  opened = await openDuckDb(dir.path, `alerts-${++databases}`);
  warehouse = opened.warehouse;
  received.length = 0;
});

afterEach(() => opened.stop());
afterAll(() => dir.remove());

describe('scheduled rules', () => {
  it('run on their schedule, fire once while the condition holds, clear, fire again, and catch up once after a restart', async () => {
    await createWorkspace(warehouse, 'shop', { timezone: 'UTC' });
    await ads('shop', [{ date: '2026-06-01', campaign: 'C1', cost: 150 }]);
    const clock = new FakeClock(at('2026-06-01T10:20:00Z'));
    const rule = await createAlert(warehouse, await workspaceOf('shop'), spendRule('Spend over 100 today'), clock.now());
    expect(rule.schedule).toBe('0 * * * *');
    const first = schedulerAt(clock, servicesFor(warehouse));
    first.scheduler.start();
    await first.scheduler.idle();
    // Created at 10:20: nothing is due before 11:00, and the only timer set is for 11:00.
    expect(first.evaluations).toEqual([]);
    expect(clock.pending()).toEqual([at('2026-06-01T11:00:00Z')]);

    await first.advanceTo('2026-06-01T10:59:59Z');
    expect(first.evaluations).toEqual([]);

    // 11:00: today's cost is 150 > 100 — it fires, and its webhook is sent.
    await first.advanceTo('2026-06-01T11:00:00Z');
    expect(first.evaluations.map((e) => [e.at, e.trigger, e.value, e.fired])).toEqual([[at('2026-06-01T11:00:00Z'), 'schedule', 150, true]]);
    expect(received).toHaveLength(1);

    // 12:00: still above — evaluated, not fired again.
    await first.advanceTo('2026-06-01T12:00:00Z');
    expect(first.evaluations.map((e) => [e.trigger, e.met, e.fired])).toEqual([['schedule', true, true], ['schedule', true, false]]);

    // The day's spend is corrected to 80: at 13:00 the firing clears.
    await ads('shop', [{ date: '2026-06-01', campaign: 'C1', cost: 80 }]);
    await first.advanceTo('2026-06-01T13:00:00Z');
    expect(first.evaluations.at(-1)).toMatchObject({ met: false, resolved: true, fired: false, value: 80 });

    // Up to 130 again: at 14:00 it fires a second time (the cool-down of 60 minutes has long passed).
    await ads('shop', [{ date: '2026-06-01', campaign: 'C2', cost: 50 }]);
    await first.advanceTo('2026-06-01T14:00:00Z');
    expect(first.evaluations.at(-1)).toMatchObject({ met: true, fired: true, value: 130 });
    expect((await alertHistory(warehouse, 'shop', { ruleId: rule.id })).map((f) => [f.fired_at, f.trigger, f.value])).toEqual([
      ['2026-06-01T14:00:00.000Z', 'schedule', 130],
      ['2026-06-01T11:00:00.000Z', 'schedule', 150],
    ]);
    expect(received).toHaveLength(2);
    await first.scheduler.stop();

    // Down from 14:00 to 17:30: the runs of 15:00, 16:00 and 17:00 were missed. A new scheduler evaluates the rule once, at start…
    clock.setTime(at('2026-06-01T17:30:00Z'));
    const second = schedulerAt(clock, servicesFor(warehouse));
    second.scheduler.start();
    await second.scheduler.idle();
    expect(second.evaluations.map((e) => [e.at, e.trigger, e.met, e.fired])).toEqual([[at('2026-06-01T17:30:00Z'), 'catch_up', true, false]]);
    // …then follows the schedule from the next run on.
    expect(clock.pending()).toEqual([at('2026-06-01T18:00:00Z')]);
    await second.advanceTo('2026-06-01T18:00:00Z');
    expect(second.evaluations.map((e) => e.trigger)).toEqual(['catch_up', 'schedule']);
    await second.scheduler.stop();
  });

  it('reads a schedule on the wall clock of the workspace', async () => {
    await createWorkspace(warehouse, 'paris', { timezone: 'Europe/Paris' });
    const clock = new FakeClock(at('2026-06-01T05:00:00Z'));
    // 09:00 in Paris in June is 07:00 UTC.
    await createAlert(warehouse, await workspaceOf('paris'), spendRule('Morning check', { schedule: '0 9 * * *' }), clock.now());
    const { scheduler, evaluations, advanceTo } = schedulerAt(clock, servicesFor(warehouse));
    scheduler.start();
    await scheduler.idle();
    await advanceTo('2026-06-01T06:59:00Z');
    expect(evaluations).toEqual([]);
    await advanceTo('2026-06-01T07:00:00Z');
    expect(evaluations.map((e) => e.evaluated_at)).toEqual(['2026-06-01T07:00:00.000Z']);
    expect(clock.pending()).toEqual([at('2026-06-02T07:00:00Z')]);
    await scheduler.stop();
  });
});

describe('real-time rules', () => {
  it('run once after a burst of ingestions into their sources, reading all of it, and not for other sources', async () => {
    await createWorkspace(warehouse, 'live', { timezone: 'UTC' });
    const clock = new FakeClock(at('2026-07-01T09:00:00Z'));
    const live = await workspaceOf('live');
    // Yearly schedules: only ingestions can run these rules within the test.
    const yearly = { schedule: '0 0 1 1 *' };
    const costRule = await createAlert(warehouse, live, spendRule('Live spend', { ...yearly, realtime: true }), clock.now());
    const npsRule = await createAlert(warehouse, live, { ...spendRule('Live NPS', { ...yearly, realtime: true }), metric: 'nps', condition: { kind: 'threshold', op: 'below', value: 0 } }, clock.now());
    await createAlert(warehouse, live, spendRule('Scheduled spend', yearly), clock.now());
    const { scheduler, evaluations, advanceTo } = schedulerAt(clock, servicesFor(warehouse), { realtimeDelayMs: 1_000, realtimeMaxWaitMs: 10_000 });
    scheduler.start();
    await scheduler.idle();

    // Three ingestions 300 ms apart: 40 + 35 + 45 = 120 spent today.
    for (const [i, cost] of [40, 35, 45].entries()) {
      await ads('live', [{ date: '2026-07-01', campaign: `C${i}`, cost }]);
      scheduler.ingested('live', 'ad_performance');
      await advanceTo(new Date(clock.now() + 300).toISOString());
    }
    expect(evaluations).toEqual([]);
    // One second after the last: one evaluation of the cost rule, which saw all three.
    await advanceTo(new Date(clock.now() + 1_000).toISOString());
    expect(evaluations.map((e) => [e.rule_id, e.trigger, e.value, e.fired])).toEqual([[costRule.id, 'realtime', 120, true]]);

    // Surveys touch the NPS rule only.
    scheduler.ingested('live', 'surveys');
    await advanceTo(new Date(clock.now() + 1_000).toISOString());
    expect(evaluations.map((e) => [e.rule_id, e.trigger])).toEqual([[costRule.id, 'realtime'], [npsRule.id, 'realtime']]);
    await scheduler.stop();
  });

  it('still run every realtimeMaxWaitMs under ingestion that never pauses', async () => {
    await createWorkspace(warehouse, 'busy', { timezone: 'UTC' });
    const clock = new FakeClock(at('2026-07-02T09:00:00Z'));
    await createAlert(warehouse, await workspaceOf('busy'), spendRule('Busy spend', { schedule: '0 0 1 1 *', realtime: true }), clock.now());
    const { scheduler, evaluations, advanceTo } = schedulerAt(clock, servicesFor(warehouse), { realtimeDelayMs: 1_000, realtimeMaxWaitMs: 5_000 });
    scheduler.start();
    await scheduler.idle();
    // An ingestion every 500 ms for 12 s: the quiet second never comes, so the rule runs at 5 s and 10 s after the first.
    const start = clock.now();
    for (let ms = 0; ms < 12_000; ms += 500) {
      scheduler.ingested('busy', 'ad_performance');
      await advanceTo(new Date(start + ms + 500).toISOString());
    }
    expect(evaluations.map((e) => e.at - start)).toEqual([5_000, 10_000]);
    await scheduler.stop();
  });
});

describe('isolation', () => {
  it('never runs two evaluations of one rule at once: a run asked for while the scheduled one delivers waits for it', async () => {
    await createWorkspace(warehouse, 'slow', { timezone: 'UTC' });
    await ads('slow', [{ date: '2026-08-01', campaign: 'C1', cost: 500 }]);
    const clock = new FakeClock(at('2026-08-01T10:30:00Z'));
    const slow = await workspaceOf('slow');
    const rule = await createAlert(warehouse, slow, spendRule('Slow receiver'), clock.now());
    const { scheduler, evaluations } = schedulerAt(clock, servicesFor(warehouse));
    scheduler.start();
    await scheduler.idle();
    let release!: () => void;
    hold = new Promise<void>((resolve) => (release = resolve));
    const before = received.length;
    // The 11:00 run fires and waits on its receiver…
    await clock.advanceTo(at('2026-08-01T11:00:00Z'), async () => undefined);
    while (received.length === before) await new Promise((resolve) => setTimeout(resolve, 10));
    // …while a person asks for a run of the same rule.
    const manual = scheduler.run(slow, rule.id);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(evaluations).toEqual([]);
    release();
    hold = undefined;
    const asked = await manual;
    // Had they overlapped, both would have seen an idle rule and fired.
    expect(evaluations.map((e) => [e.trigger, e.fired])).toEqual([['schedule', true], ['manual', false]]);
    expect(asked.state.status).toBe('firing');
    expect(await alertHistory(warehouse, 'slow', { ruleId: rule.id })).toHaveLength(1);
    await scheduler.stop();
  });

  it('goes on with other workspaces when one fails, and tries the failed one again at its next run', async () => {
    const broken = 'broken';
    await createWorkspace(warehouse, broken, { timezone: 'UTC' });
    await createWorkspace(warehouse, 'healthy', { timezone: 'UTC' });
    const clock = new FakeClock(at('2026-09-01T10:10:00Z'));
    const brokenRule = await createAlert(warehouse, await workspaceOf(broken), spendRule('Broken'), clock.now());
    const healthyRule = await createAlert(warehouse, await workspaceOf('healthy'), spendRule('Healthy'), clock.now());
    const services = servicesFor(warehouse);
    // The derived view of one workspace cannot be brought up to date (its reads fail).
    const failing: AlertServices = {
      ...services,
      derived: { current: (workspace, bounds) => (workspace === broken ? Promise.reject(new Error('disk unavailable')) : services.derived.current(workspace, bounds)) },
    };
    const { scheduler, evaluations, failures, advanceTo } = schedulerAt(clock, failing);
    scheduler.start();
    await scheduler.idle();
    await advanceTo('2026-09-01T11:00:00Z');
    expect(evaluations.map((e) => e.rule_id)).toEqual([healthyRule.id]);
    expect(failures).toEqual([{ workspace: broken, ruleId: brokenRule.id, trigger: 'schedule' }]);
    await advanceTo('2026-09-01T12:00:00Z');
    expect(evaluations.map((e) => e.rule_id)).toEqual([healthyRule.id, healthyRule.id]);
    expect(failures).toHaveLength(2);
    await scheduler.stop();
  });
});

