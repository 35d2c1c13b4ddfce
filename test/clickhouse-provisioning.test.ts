// The test ClickHouse servers themselves: a single server answers queries; a
// two-shard cluster spreads rows inserted through a Distributed table by the
// sharding key; stop() leaves no process behind.
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive, requireClickHouse, startClickHouse, type ClickHouseServers } from './support/clickhouse.js';

const available = requireClickHouse();

async function rows<T>(client: ClickHouseClient, query: string): Promise<T[]> {
  return (await client.query({ query, format: 'JSONEachRow' })).json<T>();
}

describe('requireClickHouse', () => {
  it('fails in CI when the binary is missing, and only lets tests skip elsewhere', () => {
    expect(() => requireClickHouse(false, 'true')).toThrow(/CI must run the ClickHouse tests/);
    expect(requireClickHouse(false, '')).toBe(false); // CI unset or empty
    expect(requireClickHouse(true, 'true')).toBe(true);
  });
});

describe.skipIf(!available && !process.env.CI)('ClickHouse test servers', () => {
  it('starts one server on loopback that answers SELECT 1, and stops it by pid', async () => {
    const server = await startClickHouse();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.cluster).toBeUndefined();
    const client = createClient({ url: server.url });
    try {
      expect(await rows(client, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await client.close();
      await server.stop();
    }
    expect(server.pids.map(alive)).toEqual([false]);
  });

  describe('a two-shard cluster', () => {
    let cluster: ClickHouseServers;
    let clients: ClickHouseClient[];

    beforeAll(async () => {
      cluster = await startClickHouse({ shards: 2 });
      clients = cluster.urls.map((url) => createClient({ url }));
    });

    afterAll(async () => {
      await Promise.all((clients ?? []).map((c) => c.close()));
      await cluster?.stop();
      expect(cluster.pids.map(alive)).toEqual([false, false]);
    });

    it('spreads rows over both shards through a Distributed table', async () => {
      expect(cluster.cluster).toBe('beacon_cluster');
      expect(cluster.urls).toHaveLength(2);
      for (const client of clients) {
        await client.command({ query: 'CREATE DATABASE spread' });
        await client.command({ query: 'CREATE TABLE spread.local (k UInt32, v String) ENGINE = MergeTree ORDER BY k' });
      }
      const [first, second] = clients;
      await first.command({ query: 'CREATE TABLE spread.dist AS spread.local ENGINE = Distributed(beacon_cluster, spread, local, sipHash64(k))' });
      const values = Array.from({ length: 20 }, (_, i) => ({ k: i + 1, v: `row ${i + 1}` }));
      await first.insert({ table: 'spread.dist', values, format: 'JSONEachRow', clickhouse_settings: { insert_distributed_sync: 1 } });

      // Twenty rows in all, k = 1..20: their sum is 20 × 21 / 2 = 210.
      expect(await rows(first, 'SELECT count() AS n, sum(k) AS s FROM spread.dist')).toEqual([{ n: '20', s: '210' }]);
      const local = await Promise.all(clients.map((c) => rows<{ n: string }>(c, 'SELECT count() AS n FROM spread.local')));
      const counts = local.map((r) => Number(r[0].n));
      expect(counts[0] + counts[1]).toBe(20);
      for (const client of [first, second]) {
        const parts = await rows<{ n: string }>(client, "SELECT count() AS n FROM system.parts WHERE database = 'spread' AND table = 'local' AND active");
        expect(Number(parts[0].n)).toBeGreaterThanOrEqual(1);
      }
      // With two shards of weight 1, a row goes to shard (sipHash64(k) % 2) + 1:
      // every row a shard holds has its own remainder.
      for (const [index, client] of clients.entries()) {
        const misplaced = await rows<{ n: string }>(client, `SELECT count() AS n FROM spread.local WHERE sipHash64(k) % 2 != ${index}`);
        expect(misplaced).toEqual([{ n: '0' }]);
      }
    });
  });
});
