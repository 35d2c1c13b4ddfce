import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../model/settings.js';
import type { Warehouse } from './warehouse.js';
import { DeriveScheduler } from './derive-scheduler.js';

/** A warehouse that only records when each workspace was refreshed. */
function recordingWarehouse(refreshedAt: Record<string, number[]>): Warehouse {
  return {
    getWorkspace: async (name: string) => ({ name, settings: DEFAULT_SETTINGS, createdAt: '' }),
    refreshDerived: async (name: string) => {
      (refreshedAt[name] ??= []).push(Date.now());
    },
  } as unknown as Warehouse;
}

describe('DeriveScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it('refreshes once writes pause for the idle time', async () => {
    const refreshed: Record<string, number[]> = {};
    const scheduler = new DeriveScheduler(recordingWarehouse(refreshed), { idleMs: 1000, maxWaitMs: 10_000 });
    scheduler.markDirty('shop');
    await vi.advanceTimersByTimeAsync(500);
    scheduler.markDirty('shop'); // a write at 500 ms pushes the refresh to 1,500 ms
    await vi.advanceTimersByTimeAsync(999);
    expect(refreshed.shop).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(refreshed.shop).toEqual([1500]);
  });

  it('refreshes at the latest maxWait after the first unrefreshed write, even under continuous writes', async () => {
    const refreshed: Record<string, number[]> = {};
    const scheduler = new DeriveScheduler(recordingWarehouse(refreshed), { idleMs: 1000, maxWaitMs: 3000 });
    for (let t = 0; t < 5000; t += 400) {
      scheduler.markDirty('shop');
      await vi.advanceTimersByTimeAsync(400);
    }
    // Writes every 400 ms never leave 1 s idle; the first refresh comes 3 s after the first write.
    expect(refreshed.shop?.[0]).toBe(3000);
    scheduler.stop();
  });

  it('flush refreshes now and clears the pending refresh', async () => {
    const refreshed: Record<string, number[]> = {};
    const scheduler = new DeriveScheduler(recordingWarehouse(refreshed), { idleMs: 1000, maxWaitMs: 3000 });
    scheduler.markDirty('shop');
    await scheduler.flush('shop');
    await vi.advanceTimersByTimeAsync(5000);
    expect(refreshed.shop).toEqual([0]);
  });
});

/** A warehouse whose refresh of each workspace takes `ms[workspace]` milliseconds. */
function slowWarehouse(ms: Record<string, number>, done: string[]): Warehouse {
  return {
    getWorkspace: async (name: string) => ({ name, settings: DEFAULT_SETTINGS, createdAt: '' }),
    refreshDerived: async (name: string) => {
      await new Promise((resolve) => setTimeout(resolve, ms[name] ?? 0));
      done.push(name);
    },
  } as unknown as Warehouse;
}

describe('DeriveScheduler.current: reads wait a bounded time', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it('answers complete when the refresh ends within the wait, else after the wait, naming the oldest write still pending', async () => {
    const done: string[] = [];
    const ms = { busy: 5_000, quick: 100 };
    const scheduler = new DeriveScheduler(slowWarehouse(ms, done), { idleMs: 60_000, maxWaitMs: 60_000 });
    scheduler.markDirty('busy'); // at 0 ms
    await vi.advanceTimersByTimeAsync(1_000);
    const busy = scheduler.current('busy', { waitMs: 2_000, maxStalenessMs: 0 });
    const quick = scheduler.current('quick', { waitMs: 2_000, maxStalenessMs: 0 });
    await vi.advanceTimersByTimeAsync(100);
    // Another workspace's refresh does not wait behind the busy one.
    expect(await quick).toEqual({ complete: true });
    await vi.advanceTimersByTimeAsync(1_900);
    expect(await busy).toEqual({ complete: false, pending_since: '1970-01-01T00:00:00.000Z' });
    expect(done).toEqual(['quick']);
    // The refresh goes on; once it is done, a read whose refresh finds little to do is complete.
    await vi.advanceTimersByTimeAsync(3_000);
    expect(done).toEqual(['quick', 'busy']);
    ms.busy = 10;
    const after = scheduler.current('busy', { waitMs: 2_000, maxStalenessMs: 0 });
    await vi.advanceTimersByTimeAsync(10);
    expect(await after).toEqual({ complete: true });
  });

  it('regression: a server start claimed writes "sent since" it started; a stale-view refresh claims none, reads wait for it', async () => {
    const done: string[] = [];
    const scheduler = new DeriveScheduler(slowWarehouse({ shop: 300 }, done), { idleMs: 60_000, maxWaitMs: 60_000 });
    scheduler.refreshStale('shop'); // at 0 ms, as runServer does for data imported while no server ran
    const read = scheduler.current('shop', { waitMs: 2_000, maxStalenessMs: 5_000 });
    await vi.advanceTimersByTimeAsync(300);
    // Within the staleness bound, yet no note of pending writes: the read waited for the refresh under way.
    expect(await read).toEqual({ complete: true });
    expect(scheduler.lagMs()).toBe(0);
  });

  it('shares a waiting refresh among the reads that arrive meanwhile: refreshes never pile up', async () => {
    const done: string[] = [];
    const scheduler = new DeriveScheduler(slowWarehouse({ shop: 1_000 }, done), { idleMs: 60_000, maxWaitMs: 60_000 });
    const first = scheduler.current('shop', { waitMs: 60_000, maxStalenessMs: 0 });
    await vi.advanceTimersByTimeAsync(100);
    // The first read's refresh is under way; the next four share the one refresh that waits for it.
    const reads = Array.from({ length: 4 }, () => scheduler.current('shop', { waitMs: 60_000, maxStalenessMs: 0 }));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await Promise.all([first, ...reads])).toEqual(Array(5).fill({ complete: true }));
    expect(done).toEqual(['shop', 'shop']);
  });

  it('does not wait while the writes it lacks are younger than the staleness bound, and waits once they are older', async () => {
    const done: string[] = [];
    const ms = { shop: 3_000 };
    const scheduler = new DeriveScheduler(slowWarehouse(ms, done), { idleMs: 60_000, maxWaitMs: 60_000 });
    const bounds = { waitMs: 2_000, maxStalenessMs: 5_000 };
    scheduler.markDirty('shop'); // a write at 0 ms
    await vi.advanceTimersByTimeAsync(1_000);
    // 1 s old: answered at once, and its refresh asked for (1 s to 4 s).
    expect(await scheduler.current('shop', bounds)).toEqual({ complete: false, pending_since: '1970-01-01T00:00:00.000Z' });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(done).toEqual(['shop']);
    // A write at 4 s that nobody refreshes: at 10 s it is 6 s old, so the read waits (2 s) for the refresh it starts.
    scheduler.markDirty('shop');
    await vi.advanceTimersByTimeAsync(6_000);
    const late = scheduler.current('shop', bounds);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await late).toEqual({ complete: false, pending_since: '1970-01-01T00:00:04.000Z' });
    // With little left to do, a read after that refresh is complete.
    ms.shop = 10;
    await vi.advanceTimersByTimeAsync(1_000);
    const after = scheduler.current('shop', bounds);
    await vi.advanceTimersByTimeAsync(10);
    expect(await after).toEqual({ complete: true });
    expect(done).toEqual(['shop', 'shop', 'shop']);
  });

  it('waits for the refresh when the wait is unbounded, and passes on a refresh that fails in time', async () => {
    const scheduler = new DeriveScheduler({ getWorkspace: async () => { throw new Error('warehouse gone'); } } as unknown as Warehouse);
    await expect(scheduler.current('shop', { waitMs: Number.POSITIVE_INFINITY, maxStalenessMs: 0 })).rejects.toThrow('warehouse gone');
    await expect(scheduler.current('shop', { waitMs: 1_000, maxStalenessMs: 0 })).rejects.toThrow('warehouse gone');
  });
});
