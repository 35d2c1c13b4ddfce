// An acknowledged batch is durable: SIGKILL the server right after each 200,
// restart it on the same file, and every acknowledged event is there.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { exited, runCli, startCli, waitForLine } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('crash');
afterAll(() => dir.remove());

async function startServer(db: string) {
  const child = startCli(['--db', db, 'serve', '--port', '0']);
  const [, url] = await waitForLine(child, /Beacon API on (http:\/\/\S+)/);
  return { child, url };
}

describe('durability', () => {
  it('keeps every acknowledged event across kill -9', async () => {
    const db = join(dir.path, 'crash.duckdb');
    const created = await runCli(['--db', db, '--json', 'keys', 'create', '--scope', 'ingest']);
    expect(created.code).toBe(0);
    const key = JSON.parse(created.stdout).key as string;
    const acknowledged: string[] = [];
    for (let round = 0; round < 3; round++) {
      const { child, url } = await startServer(db);
      const batch = Array.from({ length: 2000 }, (_, i) => ({
        event_id: `r${round}-${i}`,
        type: 'page_view',
        timestamp: '2026-03-01T12:00:00Z',
        anonymous_id: `a${i % 50}`,
      }));
      const response = await fetch(`${url}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(batch),
      });
      expect(response.status).toBe(200);
      child.kill('SIGKILL');
      expect((await response.json()).accepted).toBe(2000);
      acknowledged.push(...batch.map((e) => e.event_id));
      await exited(child);
    }
    const warehouse = await createDuckDbWarehouse({ path: db });
    const stored = new Set((await warehouse.readRows('default', 'events', 10_000)).map((r) => r.event_id));
    await warehouse.close();
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.size).toBe(6000);
  });
});

describe('durability of imports and shutdowns', () => {
  it('loses and doubles nothing when beacon import is killed (kill -9) midway and run again', async () => {
    const db = join(dir.path, 'import-crash.duckdb');
    const file = join(dir.path, 'events.ndjson');
    const total = 200_000;
    const lines = Array.from({ length: total }, (_, i) =>
      JSON.stringify({ event_id: `i${i}`, type: 'page_view', timestamp: '2026-03-01T12:00:00Z', anonymous_id: `a${i % 500}` }),
    );
    writeFileSync(file, `${lines.join('\n')}\n`);
    const first = startCli(['--db', db, 'import', 'events', file]);
    // Kill it once it has committed something (its write-ahead log exists), long before it is done.
    for (let i = 0; i < 400 && !existsSync(`${db}.wal`); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    first.kill('SIGKILL');
    await exited(first);

    const again = await runCli(['--db', db, '--json', 'import', 'events', file]);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout);
    // Every record is either new now or was stored by the killed run: none lost, none twice.
    expect(summary.accepted + summary.duplicates).toBe(total);
    expect(summary.rejected).toBe(0);
    const warehouse = await createDuckDbWarehouse({ path: db });
    const ids = (await warehouse.readRows('default', 'events', total + 1)).map((r) => r.event_id);
    await warehouse.close();
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  }, 120_000);

  it('answers a request in flight when the server is told to stop (SIGTERM), and keeps its events', async () => {
    const db = join(dir.path, 'sigterm.duckdb');
    const created = await runCli(['--db', db, '--json', 'keys', 'create', '--scope', 'ingest']);
    const key = JSON.parse(created.stdout).key as string;
    const { child, url } = await startServer(db);
    const batch = Array.from({ length: 10_000 }, (_, i) => ({ event_id: `t${i}`, type: 'page_view', timestamp: '2026-03-01T12:00:00Z', anonymous_id: `a${i % 50}` }));
    const pending = fetch(`${url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(batch) });
    // The request is on its way; stop the server before it can have answered.
    await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGTERM');
    const response = await pending;
    expect(response.status).toBe(200);
    expect((await response.json()).accepted).toBe(10_000);
    expect(await exited(child)).toBe(0);
    const warehouse = await createDuckDbWarehouse({ path: db });
    expect(await warehouse.readRows('default', 'events', 20_000)).toHaveLength(10_000);
    await warehouse.close();
  }, 60_000);
});
