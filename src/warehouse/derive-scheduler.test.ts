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
