// A full disk under a running server: a write it cannot store is a 507 with
// Retry-After that names the cause, reads go on, nothing acknowledged is lost
// or damaged, and writes resume once there is room. The database sits on a
// small tmpfs of its own, grown afterwards (mounting needs root, as CI is).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';
import { tempDir } from './support/temp-dir.js';

const root = process.getuid?.() === 0;

describe.skipIf(!root && !process.env.CI)('a full disk', () => {
  const dir = tempDir('disk-full');
  const mountPoint = join(dir.path, 'small');
  let t: TestServer;

  beforeAll(async () => {
    mkdirSync(mountPoint);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mountPoint]);
    t = await startTestServer(mountPoint);
  }, 60_000);

  afterAll(async () => {
    await t?.stop();
    execFileSync('umount', [mountPoint]);
    dir.remove();
  });

  const batch = (n: number) =>
    JSON.stringify(
      Array.from({ length: 5_000 }, (_, i) => ({ event_id: `b${n}-${i}`, type: 'page_view', timestamp: '2026-03-01T10:00:00Z', anonymous_id: `a${i}`, url: `https://shop.example/${'p'.repeat(200)}` })),
    );

  it('refuses what it cannot store with a 507, keeps answering reads, and stores the same batch once there is room', async () => {
    let acknowledged = 0;
    let refused: Awaited<ReturnType<typeof call>> | undefined;
    let n = 0;
    for (; n < 50 && !refused; n++) {
      const response = await call(t.url, 'POST', '/v1/events', { key: t.keys.ingest, body: batch(n) });
      if (response.status === 200) acknowledged += response.body.accepted;
      else refused = response;
    }
    expect(refused?.status).toBe(507);
    expect(refused?.body.error).toMatchObject({ code: 'storage_full', message: expect.stringContaining('the disk is full') });
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(acknowledged).toBeGreaterThan(0);
    expect((await call(t.url, 'GET', '/v1/freshness', { key: t.keys.read })).status).toBe(200);

    execFileSync('mount', ['-o', 'remount,size=64m', mountPoint]);
    const again = await call(t.url, 'POST', '/v1/events', { key: t.keys.ingest, body: batch(n - 1) });
    expect(again.status).toBe(200);
    expect(again.body.accepted).toBe(5_000);
    acknowledged += 5_000;

    await t.stop();
    const warehouse = await createDuckDbWarehouse({ path: join(mountPoint, 'beacon.duckdb') });
    const ids = (await warehouse.readRows('shop', 'events', 1_000_000)).map((r) => r.event_id);
    await warehouse.close();
    expect(ids).toHaveLength(acknowledged);
    expect(new Set(ids).size).toBe(acknowledged);
  }, 120_000);
});
