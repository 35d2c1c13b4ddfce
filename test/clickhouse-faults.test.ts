// ClickHouse going away under a running server: ingestion answers 503 with
// Retry-After and acknowledges nothing it has not stored; when ClickHouse
// comes back (same data, same port) the server recovers by itself, and every
// acknowledged event is there exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/access/api-keys.js';
import { createWorkspace } from '../src/access/workspaces.js';
import { runServer, type RunningServer } from '../src/server/run-server.js';
import { createClickHouseWarehouse, type ClickHouseWarehouse } from '../src/warehouse/clickhouse/clickhouse-warehouse.js';
import { requireClickHouse, startClickHouse, type ClickHouseServers } from './support/clickhouse.js';
import { call } from './support/test-server.js';

const available = requireClickHouse();

describe.skipIf(!available && !process.env.CI)('ClickHouse faults', () => {
  let clickhouse: ClickHouseServers;
  let warehouse: ClickHouseWarehouse;
  let server: RunningServer;
  let key: string;

  beforeAll(async () => {
    clickhouse = await startClickHouse();
    warehouse = await createClickHouseWarehouse({ url: `${clickhouse.url}/faults` });
    await createWorkspace(warehouse, 'shop');
    key = (await createApiKey(warehouse, 'shop', 'ingest')).key;
    server = await runServer({ warehouse, host: '127.0.0.1', port: 0, logLevel: 'silent', version: 'test', ingestWorkers: 0 });
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await warehouse?.close();
    await clickhouse?.stop();
  });

  const batch = (from: number) =>
    JSON.stringify(
      Array.from({ length: 100 }, (_, i) => ({ event_id: `e${from + i}`, type: 'page_view', timestamp: '2026-05-01T10:00:00Z', anonymous_id: `a${(from + i) % 7}` })),
    );
  const send = (from: number) => call(server.url, 'POST', '/v1/events', { key, body: batch(from) });

  it('answers 503 with Retry-After while ClickHouse is down, then stores the same batch once it is back', async () => {
    expect((await send(0)).body).toMatchObject({ accepted: 100 });

    await clickhouse.down!();
    const refused = await send(100);
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('unavailable');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    await clickhouse.up!();
    // The client's pooled connections died with the server: the first answers may still be 503s.
    let again = await send(100);
    for (let i = 0; i < 20 && again.status === 503; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      again = await send(100);
    }
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ accepted: 100, duplicates: 0 });
    // Resending what was acknowledged changes nothing.
    expect((await send(0)).body).toMatchObject({ accepted: 0, duplicates: 100 });

    const ids = (await warehouse.readRows('shop', 'events')).map((r) => r.event_id);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
  }, 120_000);
});
