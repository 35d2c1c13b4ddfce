// Runs alert rules when they are due, off the request path: each rule on its
// cron schedule in its workspace's time zone; once at start for the runs it
// missed while Beacon was down (one evaluation, not one per missed run); and
// real-time rules shortly after ingestions that touch their sources, many
// ingestions taken in by one evaluation. A rule runs one evaluation at a
// time, and a few rules run at once in all. An evaluation that fails is
// reported and the scheduler goes on. The clock is injected, so tests move
// time by hand.
import { metricCatalog } from '../metrics/metrics-service.js';
import type { SourceName } from '../model/sources.js';
import type { Workspace } from '../warehouse/warehouse.js';
import type { Trigger } from './alert-firing.js';
import { listRules, requireRule, ruleStates, type StoredAlertRule } from './alert-store.js';
import { evaluateRule, type AlertServices, type RuleEvaluation } from './evaluate-rule.js';
import { missedRuns, nextRun } from './next-run.js';
import { ruleSources } from './rule-sources.js';
import { Slots } from './slots.js';

export interface SchedulerClock {
  now(): number;
  /** Calls `run` after `ms`; the timer must not keep the process alive. */
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

export const SYSTEM_CLOCK: SchedulerClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

export interface AlertSchedulerOptions {
  readonly clock?: SchedulerClock;
  /** Quiet time after an ingestion before the real-time rules it touches are evaluated (default 1 s). */
  readonly realtimeDelayMs?: number;
  /** Under continuous ingestion, real-time rules are still evaluated at least this often (default 10 s). */
  readonly realtimeMaxWaitMs?: number;
  /** The longest the scheduler sleeps before it looks at the rules again (default 60 s). */
  readonly rescanMs?: number;
  /** Scheduled and real-time evaluations at once, all rules together (default 2). */
  readonly concurrency?: number;
  /** How long a real-time evaluation waits for the derived view to take in the ingestion that woke it (default 10 s); past it, the view as it stands (and the next round takes in the rest). */
  readonly realtimeFreshnessWaitMs?: number;
  /** After every evaluation, with its duration. */
  readonly onEvaluated?: (evaluation: RuleEvaluation, durationMs: number) => void;
  /** An evaluation that failed (the warehouse was unavailable, …). */
  readonly onError?: (error: unknown, run: { workspace: string; ruleId: string; trigger: Trigger }) => void;
}

const DEFAULTS = { realtimeDelayMs: 1_000, realtimeMaxWaitMs: 10_000, rescanMs: 60_000, concurrency: 2, realtimeFreshnessWaitMs: 10_000 };

export class AlertScheduler {
  private readonly clock: SchedulerClock;
  private readonly settings: typeof DEFAULTS;
  private readonly slots: Slots;
  /** Each rule's latest evaluation, queued or running: the next one waits for it. */
  private readonly tails = new Map<string, Promise<unknown>>();
  /** Rules with a scheduled or real-time evaluation queued or running: another is not queued beside it. */
  private readonly busy = new Set<string>();
  /** Work under way (looks at the rules, real-time rounds, evaluations), for idle() and stop(). */
  private readonly inFlight = new Set<Promise<unknown>>();
  private scheduleTimer: unknown;
  private realtimeTimer: unknown;
  /** Sources ingested into per workspace since the last real-time round, and when the first of them came. */
  private touched = new Map<string, Set<SourceName>>();
  private touchedSince: number | undefined;
  private roundRunning = false;
  private stopped = false;

  constructor(
    private readonly services: AlertServices,
    private readonly options: AlertSchedulerOptions = {},
  ) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.settings = { ...DEFAULTS, ...definedOnly(options) };
    this.slots = new Slots(this.settings.concurrency);
  }

  /** Catches up on the runs missed while no scheduler ran, then follows every schedule. Returns at once. */
  start(): void {
    this.track(this.lookAtRules('catch_up'));
  }

  /** Rules were created or deleted: look at the schedules again now. */
  rulesChanged(): void {
    if (this.stopped) return;
    this.track(this.lookAtRules('schedule'));
  }

  /** An ingestion into `source` committed: the workspace's real-time rules that read it run soon. */
  ingested(workspace: string, source: SourceName): void {
    if (this.stopped) return;
    const now = this.clock.now();
    let sources = this.touched.get(workspace);
    if (!sources) this.touched.set(workspace, (sources = new Set()));
    sources.add(source);
    this.touchedSince ??= now;
    if (!this.roundRunning) this.armRealtime(now);
  }

  /** Evaluates one rule now (POST /v1/alerts/{id}/run), after any evaluation of it already under way. */
  run(workspace: Workspace, ruleId: string): Promise<RuleEvaluation> {
    const now = this.clock.now();
    return this.evaluate(workspace, ruleId, 'manual', now, this.services, false);
  }

  /** Resolves when no evaluation is queued or running and no look at the rules is under way. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Stops the timers and waits for evaluations under way, at most `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopped = true;
    this.clock.clearTimeout(this.scheduleTimer);
    this.clock.clearTimeout(this.realtimeTimer);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([this.idle(), grace]);
    clearTimeout(timer);
  }

  /** Evaluates every rule with a run due since its last evaluation, then sleeps until the next run of any rule. */
  private async lookAtRules(trigger: 'schedule' | 'catch_up'): Promise<void> {
    if (this.stopped) return;
    this.clock.clearTimeout(this.scheduleTimer);
    const now = this.clock.now();
    let earliest = now + this.settings.rescanMs;
    try {
      for (const workspace of await this.services.warehouse.listWorkspaces()) {
        const timeZone = workspace.settings.timezone;
        const states = await ruleStates(this.services.warehouse, workspace.name);
        for (const rule of await listRules(this.services.warehouse, workspace.name)) {
          const last = Date.parse(states.get(rule.id)?.last_evaluated_at ?? rule.created_at);
          const key = keyOf(workspace.name, rule.id);
          if (missedRuns(rule.schedule, timeZone, last, now).count > 0 && !this.busy.has(key)) {
            this.queue(workspace, rule, trigger, now, this.services);
          }
          const next = nextRun(rule.schedule, timeZone, Math.max(now, last));
          if (next !== null) earliest = Math.min(earliest, next);
        }
      }
    } catch (error) {
      this.options.onError?.(error, { workspace: '*', ruleId: '*', trigger });
    }
    if (this.stopped) return;
    this.scheduleTimer = this.clock.setTimeout(() => this.track(this.lookAtRules('schedule')), Math.max(0, earliest - now));
  }

  private armRealtime(now: number): void {
    this.clock.clearTimeout(this.realtimeTimer);
    const wait = Math.min(this.settings.realtimeDelayMs, (this.touchedSince ?? now) + this.settings.realtimeMaxWaitMs - now);
    this.realtimeTimer = this.clock.setTimeout(() => this.track(this.realtimeRound()), Math.max(0, wait));
  }

  /** Evaluates the real-time rules of each workspace ingested into whose sources were touched; one round at a time. */
  private async realtimeRound(): Promise<void> {
    if (this.stopped || this.roundRunning) return;
    this.roundRunning = true;
    const touched = this.touched;
    this.touched = new Map();
    this.touchedSince = undefined;
    const now = this.clock.now();
    // The reads wait for the derived view to take in what was just ingested.
    const strict: AlertServices = { ...this.services, freshness: { waitMs: this.settings.realtimeFreshnessWaitMs, maxStalenessMs: 0 } };
    const runs: Promise<unknown>[] = [];
    for (const [name, sources] of touched) {
      try {
        runs.push(...(await this.realtimeRuns(name, sources, now, strict)));
      } catch (error) {
        this.options.onError?.(error, { workspace: name, ruleId: '*', trigger: 'realtime' });
      }
    }
    await Promise.allSettled(runs);
    this.roundRunning = false;
    if (this.touched.size > 0 && !this.stopped) this.armRealtime(this.clock.now());
  }

  private async realtimeRuns(name: string, sources: ReadonlySet<SourceName>, now: number, services: AlertServices): Promise<Promise<unknown>[]> {
    const rules = (await listRules(this.services.warehouse, name)).filter((rule) => rule.realtime);
    if (rules.length === 0) return [];
    const workspace = await this.services.warehouse.getWorkspace(name);
    if (!workspace) return [];
    const lookups = {
      metrics: await metricCatalog(this.services.warehouse, name),
      goalMetrics: new Map((await this.services.warehouse.listObjects(name, 'goal')).map((o) => [o.id, String((o.body as { metric?: unknown }).metric)])),
    };
    return rules
      .filter((rule) => !this.busy.has(keyOf(name, rule.id)) && ruleSources(rule, lookups).some((source) => sources.has(source)))
      .map((rule) => this.queue(workspace, rule, 'realtime', now, services));
  }

  /** Queues a scheduled or real-time evaluation: it takes a slot, and errors go to onError. */
  private queue(workspace: Workspace, rule: StoredAlertRule, trigger: Trigger, now: number, services: AlertServices): Promise<unknown> {
    const key = keyOf(workspace.name, rule.id);
    this.busy.add(key);
    const run = this.evaluate(workspace, rule.id, trigger, now, services, true)
      .catch((error) => this.options.onError?.(error, { workspace: workspace.name, ruleId: rule.id, trigger }))
      .finally(() => this.busy.delete(key));
    return this.track(run);
  }

  /** Evaluates the rule as it is stored now (it may have changed or gone), after its evaluation under way. */
  private evaluate(workspace: Workspace, ruleId: string, trigger: Trigger, now: number, services: AlertServices, limited: boolean): Promise<RuleEvaluation> {
    const key = keyOf(workspace.name, ruleId);
    const before = this.tails.get(key) ?? Promise.resolve();
    const run = before
      .catch(() => undefined)
      .then(async () => {
        const release = limited ? await this.slots.take() : () => undefined;
        try {
          const rule = await requireRule(this.services.warehouse, workspace.name, ruleId);
          const started = performance.now();
          const evaluation = await evaluateRule(services, workspace, rule, now, trigger);
          this.options.onEvaluated?.(evaluation, performance.now() - started);
          return evaluation;
        } finally {
          release();
        }
      });
    this.tails.set(key, run);
    const forget = () => {
      if (this.tails.get(key) === run) this.tails.delete(key);
    };
    run.then(forget, forget);
    return run;
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const done = () => this.inFlight.delete(work);
    work.then(done, done);
    return work;
  }
}

const keyOf = (workspace: string, ruleId: string) => `${workspace}\u0000${ruleId}`;

function definedOnly(options: AlertSchedulerOptions): Partial<typeof DEFAULTS> {
  return Object.fromEntries(Object.entries(options).filter(([key, value]) => key in DEFAULTS && value !== undefined));
}
