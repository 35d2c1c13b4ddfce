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

/** What a reader of the derived view calls first: brings a workspace's derived view up to date. */
export interface DerivedFreshness {
  flush(workspace: string): Promise<void>;
}

export class DeriveScheduler implements DerivedFreshness {
  private readonly dirtySince = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

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

  /** Milliseconds since the oldest write not yet refreshed into the derived view; 0 when it is current. */
  lagMs(now = Date.now()): number {
    return this.dirtySince.size === 0 ? 0 : now - Math.min(...this.dirtySince.values());
  }

  /** Refreshes one workspace now (after any refresh already under way). */
  async flush(workspace: string): Promise<void> {
    this.dirtySince.delete(workspace);
    this.running = this.running.catch(() => undefined).then(() => refreshWorkspace(this.warehouse, workspace));
    await this.running;
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
