// An acknowledged batch is durable: SIGKILL the server right after each 200,
// restart it on the same file, and every acknowledged event is there.
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
