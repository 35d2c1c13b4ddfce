// Keeps the derived view of events current without slowing ingestion: writes
// mark a workspace dirty, a refresh runs shortly after the last write, and a
// reader that needs fresh derived data can wait for it (flush).
import type { Warehouse } from '../warehouse/warehouse.js';
import { trafficResolver } from './resolve-traffic.js';

export class DeriveScheduler {
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly warehouse: Warehouse,
    private readonly delayMs = 1000,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  markDirty(workspace: string): void {
    this.dirty.add(workspace);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flushAll().catch(this.onError), this.delayMs);
    this.timer.unref();
  }

  /** Refreshes one workspace now (waiting for a refresh already under way). */
  async flush(workspace: string): Promise<void> {
    this.dirty.delete(workspace);
    this.running = this.running.catch(() => undefined).then(() => refreshWorkspace(this.warehouse, workspace));
    await this.running;
  }

  async flushAll(): Promise<void> {
    for (const workspace of [...this.dirty]) await this.flush(workspace);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

/** Brings a workspace's derived view up to date with its raw data and settings. */
export async function refreshWorkspace(warehouse: Warehouse, workspace: string): Promise<void> {
  const found = await warehouse.getWorkspace(workspace);
  if (!found) return;
  await warehouse.refreshDerived(workspace, {
    settings: found.settings,
    resolveTraffic: trafficResolver(found.settings),
  });
}
