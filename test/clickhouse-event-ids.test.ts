// Exactly-once events on ClickHouse when duplicates are found from the ids a
// process holds in memory (clickhouse-event-ids.ts): a batch sent again, an id
// repeated across batches, a new process on the same database, a second
// process writing beside the first, an import deleted and sent again; on one
// server and on a two-shard cluster. Every expected count is worked out from
// the ids each test sends.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../src/model/settings.js';
import { createClickHouseWarehouse, type ClickHouseOptions, type ClickHouseWarehouse } from '../src/warehouse/clickhouse/clickhouse-warehouse.js';
import { stageEvents } from '../src/warehouse/staged-events.js';
import { requireClickHouse, startClickHouse, type ClickHouseServers } from './support/clickhouse.js';
import { rowsOf } from './support/warehouse-contract.js';

const available = requireClickHouse();
const NOTE = { origin: 'test', startedAt: '2026-03-01T00:00:00.000Z', rejected: 0 };

/** Events `ids`, a minute apart, each of its own person (so on a cluster they spread over the shards). */
function events(ids: readonly string[]): Record<string, unknown>[] {
  return ids.map((id, i) => ({ event_id: id, type: 'page_view', timestamp: new Date(Date.UTC(2026, 2, 1, 10, i)).toISOString(), anonymous_id: `person ${id}`, url: 'https://shop.example/' }));
}

/** Sends events the way POST /v1/events does: staged, then written. */
async function send(w: ClickHouseWarehouse, workspace: string, ids: readonly string[], importId: string) {
  return w.writeStagedEvents(workspace, await stageEvents(rowsOf('events', events(ids))), importId, NOTE);
}

const storedIds = async (w: ClickHouseWarehouse, workspace = 'w1') => (await w.readRows(workspace, 'events')).map((r) => String(r.event_id)).sort();

function describeExactlyOnce(label: string, start: () => Promise<ClickHouseServers>, options: (servers: ClickHouseServers, database: string) => ClickHouseOptions) {
  describe(label, () => {
    let servers: ClickHouseServers;
    let n = 0;
    let database = '';
    const opened: ClickHouseWarehouse[] = [];
    /** Another Beacon process on the same database: a warehouse object of its own. */
    const process = async () => {
      const w = await createClickHouseWarehouse(options(servers, database));
      opened.push(w);
      return w;
    };
    const fresh = async () => {
      database = `once_${n++}`;
      const w = await process();
      for (const name of ['w1', 'w2']) await w.createWorkspace({ name, settings: { ...DEFAULT_SETTINGS }, createdAt: '2026-01-01T00:00:00.000Z' });
      return w;
    };

    beforeAll(async () => {
      servers = await start();
    }, 120_000);
    afterAll(async () => {
      await servers?.stop();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((w) => w.close()));
    });

    it('stores a batch sent again once, and an id repeated in a later batch once', async () => {
      const w = await fresh();
      expect(await send(w, 'w1', ['a', 'b', 'c'], 'i1')).toEqual({ accepted: 3, updated: 0, duplicates: 0 });
      expect(await send(w, 'w1', ['a', 'b', 'c'], 'i1')).toEqual({ accepted: 0, updated: 0, duplicates: 3 });
      expect(await send(w, 'w1', ['c', 'd'], 'i2')).toEqual({ accepted: 1, updated: 0, duplicates: 1 });
      // The same ids in another workspace are other events.
      expect(await send(w, 'w2', ['a', 'd'], 'i3')).toEqual({ accepted: 2, updated: 0, duplicates: 0 });
      expect(await storedIds(w)).toEqual(['a', 'b', 'c', 'd']);
      expect(await storedIds(w, 'w2')).toEqual(['a', 'd']);
    });

    it('stores batches sent at the same time once per id, the first submitted winning', async () => {
      const w = await fresh();
      await send(w, 'w1', ['a'], 'i0');
      const results = await Promise.all([send(w, 'w1', ['a', 'b', 'c'], 'i1'), send(w, 'w1', ['c', 'd'], 'i2'), send(w, 'w2', ['c'], 'i3'), send(w, 'w1', ['b', 'd', 'e'], 'i4')]);
      expect(results).toEqual([
        { accepted: 2, updated: 0, duplicates: 1 },
        { accepted: 1, updated: 0, duplicates: 1 },
        { accepted: 1, updated: 0, duplicates: 0 },
        { accepted: 1, updated: 0, duplicates: 2 },
      ]);
      expect(await storedIds(w)).toEqual(['a', 'b', 'c', 'd', 'e']);
    });

    it('knows the stored ids after a restart, hostile ids included', async () => {
      const hostile = ['tab\there', 'line\nbreak', 'back\\slash', 'quote"\'', 'nul\u0000', '日本 😀', 'ends with \\'];
      const first = await fresh();
      expect(await send(first, 'w1', ['a', 'b', ...hostile], 'i1')).toEqual({ accepted: 9, updated: 0, duplicates: 0 });
      await first.close();
      const again = await process();
      expect(await send(again, 'w1', ['b', 'c', ...hostile], 'i2')).toEqual({ accepted: 1, updated: 0, duplicates: 8 });
      expect(await storedIds(again)).toEqual(['a', 'b', 'c', ...hostile].sort());
    });

    it('sees what another process stored since its own last write', async () => {
      const one = await fresh();
      const two = await process();
      expect(await send(one, 'w1', ['a'], 'i1')).toEqual({ accepted: 1, updated: 0, duplicates: 0 });
      expect(await send(two, 'w1', ['a', 'b'], 'i2')).toEqual({ accepted: 1, updated: 0, duplicates: 1 });
      // `one` holds the ids it read and wrote (a); b came from `two`.
      expect(await send(one, 'w1', ['b', 'c'], 'i3')).toEqual({ accepted: 1, updated: 0, duplicates: 1 });
      expect(await send(one, 'w1', ['c', 'd'], 'i4')).toEqual({ accepted: 1, updated: 0, duplicates: 1 });
      expect(await send(two, 'w1', ['d', 'e'], 'i5')).toEqual({ accepted: 1, updated: 0, duplicates: 1 });
      expect(await storedIds(one)).toEqual(['a', 'b', 'c', 'd', 'e']);
    });

    it('stores the events of a deleted import again when they are sent again, whichever process deleted it', async () => {
      const one = await fresh();
      expect(await send(one, 'w1', ['a', 'b'], 'i1')).toEqual({ accepted: 2, updated: 0, duplicates: 0 });
      expect(await send(one, 'w1', ['c'], 'i2')).toEqual({ accepted: 1, updated: 0, duplicates: 0 });
      expect(await one.deleteImport('w1', 'i1')).toBe(true);
      expect(await send(one, 'w1', ['a', 'c'], 'i3')).toEqual({ accepted: 1, updated: 0, duplicates: 1 });
      expect(await storedIds(one)).toEqual(['a', 'c']);
      // Another process deletes i3 (a) and stores x: as many rows as before, yet x is new to `one`.
      const two = await process();
      expect(await two.deleteImport('w1', 'i3')).toBe(true);
      expect(await send(two, 'w1', ['x'], 'i5')).toEqual({ accepted: 1, updated: 0, duplicates: 0 });
      expect(await send(one, 'w1', ['a', 'b', 'c', 'x'], 'i4')).toEqual({ accepted: 2, updated: 0, duplicates: 2 });
      expect(await storedIds(one)).toEqual(['a', 'b', 'c', 'x']);
    });
  });
}

describe.skipIf(!available && !process.env.CI)('ClickHouse events exactly once', () => {
  describeExactlyOnce('one server', () => startClickHouse(), (s, database) => ({ url: s.url, database }));
  describeExactlyOnce(
    'two-shard cluster',
    () => startClickHouse({ shards: 2 }),
    (s, database) => ({ url: s.url, database, cluster: s.cluster, shards: s.urls }),
  );
});
