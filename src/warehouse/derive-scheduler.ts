// Keeps the derived view of events current without slowing ingestion. A
// refresh recomputes every person touched since the last one, so it runs
// when writes pause (idleMs after the last one) or, under continuous load, at
// most every maxWaitMs; a reader that needs it current calls flush().
import type { DerivedViewMaintainer, MetadataStore } from './warehouse.js';
import { trafficResolver } from '../model/resolve-traffic.js';

export interface DeriveSchedule {
  idleMs: number;
  maxWaitMs: number;
}

export const DEFAULT_SCHEDULE: DeriveSchedule = { idleMs: 2_000, maxWaitMs: 60_000 };

/** How current an answer's derived view is: complete, or still refreshing with writes since `pending_since`. */
export type Freshness = { complete: true } | { complete: false; pending_since: string };

/** What a reader of the derived view calls first. */
export interface DerivedFreshness {
  /**
   * Brings a workspace's derived view up to date for a reader. While the
   * writes the view lacks are at most `maxStalenessMs` old, the reader does
   * not wait (it asks for their refresh); otherwise it waits at most
   * `waitMs`, and past that the refresh goes on and the reader answers from
   * the view as it stands (a consistent earlier state) and says so.
   */
  current(workspace: string, bounds: FreshnessBounds): Promise<Freshness>;
}

export interface FreshnessBounds {
  waitMs: number;
  maxStalenessMs: number;
}

export class DeriveScheduler implements DerivedFreshness {
  private readonly dirtySince = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  /** Each workspace's latest refresh, run one after another; workspaces do not wait for each other here. */
  private readonly refreshing = new Map<string, Promise<void>>();
  /** A workspace's refresh that waits for the one under way to end, shared by everyone who asks meanwhile. */
  private readonly waiting = new Map<string, Promise<void>>();
  /** When the oldest write the refresh under way takes in was made. */
  private readonly takingIn = new Map<string, number>();

  constructor(
    private readonly warehouse: DerivedViewMaintainer & MetadataStore,
    private readonly schedule: DeriveSchedule = DEFAULT_SCHEDULE,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  markDirty(workspace: string): void {
    if (!this.dirtySince.has(workspace)) this.dirtySince.set(workspace, Date.now());
    const oldest = Math.min(...this.dirtySince.values());
    const wait = Math.max(0, Math.min(this.schedule.idleMs, oldest + this.schedule.maxWaitMs - Date.now()));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flushAll().catch(this.onError), wait);
    this.timer.unref();
  }

  /**
   * Refreshes a workspace whose view may be stale for reasons no write of
   * this process knows about (data imported while no server ran): at once,
   * and without claiming pending writes, so answers carry no note of data
   * "sent since" — reads simply wait for the refresh as for any other.
   */
  refreshStale(workspace: string): void {
    this.flush(workspace).catch(this.onError);
  }

  /** Milliseconds since the oldest write not yet refreshed into the derived view; 0 when it is current. */
  lagMs(now = Date.now()): number {
    return this.dirtySince.size === 0 ? 0 : now - Math.min(...this.dirtySince.values());
  }

  /**
   * Refreshes one workspace now, after its refresh already under way, if any.
   * Callers that come while a refresh waits to start share it: reads that
   * arrive faster than refreshes end never pile refreshes up.
   */
  flush(workspace: string): Promise<void> {
    const waiting = this.waiting.get(workspace);
    if (waiting) return waiting;
    const before = this.refreshing.get(workspace) ?? Promise.resolve();
    const next = before
      .catch(() => undefined)
      .then(() => {
        // From here on, writes are taken in by this refresh or marked for the next one.
        this.waiting.delete(workspace);
        const since = this.dirtySince.get(workspace);
        if (since !== undefined) this.takingIn.set(workspace, since);
        this.dirtySince.delete(workspace);
        return refreshWorkspace(this.warehouse, workspace);
      });
    this.waiting.set(workspace, next);
    this.refreshing.set(workspace, next);
    const settle = () => {
      if (this.refreshing.get(workspace) !== next) return;
      this.refreshing.delete(workspace);
      this.takingIn.delete(workspace);
    };
    next.then(settle, settle);
    return next;
  }

  /** When the oldest write the derived view has not taken in yet was made, if the scheduler knows of one. */
  private pendingSince(workspace: string): number | undefined {
    const times = [this.dirtySince.get(workspace), this.takingIn.get(workspace)].filter((t): t is number => t !== undefined);
    return times.length === 0 ? undefined : Math.min(...times);
  }

  async current(workspace: string, { waitMs, maxStalenessMs }: FreshnessBounds): Promise<Freshness> {
    const pending = this.pendingSince(workspace);
    // Recent writes will be taken in soon enough: not waiting for them keeps reads fast under steady ingestion.
    if (pending !== undefined && Date.now() - pending <= maxStalenessMs) {
      this.flush(workspace).catch(this.onError);
      return { complete: false, pending_since: new Date(pending).toISOString() };
    }
    const since = pending ?? Date.now();
    const refresh = this.flush(workspace);
    if (!Number.isFinite(waitMs)) {
      await refresh;
      return { complete: true };
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), waitMs)));
    try {
      if ((await Promise.race([refresh.then(() => 'done' as const), late])) === 'done') return { complete: true };
      refresh.catch(this.onError);
      return { complete: false, pending_since: new Date(since).toISOString() };
    } finally {
      clearTimeout(timer);
    }
  }

  async flushAll(): Promise<void> {
    for (const workspace of [...this.dirtySince.keys()]) await this.flush(workspace);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

/** Brings a workspace's derived view up to date with its raw data and settings. */
export async function refreshWorkspace(warehouse: DerivedViewMaintainer & MetadataStore, workspace: string): Promise<void> {
  const found = await warehouse.getWorkspace(workspace);
  if (!found) return;
  await warehouse.refreshDerived(workspace, {
    settings: found.settings,
    resolveTraffic: trafficResolver(found.settings),
  });
}
