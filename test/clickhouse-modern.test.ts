// Beacon's ClickHouse engine on a current ClickHouse: the engine chdb embeds
// (26.x), reached over HTTP through test/support/chdb-server.ts, so the code
// under test talks to it exactly as to a server. The same suites as on the
// 18.16 server: the Warehouse contract and ClickHouse specifics, derived-view
// refreshes, the dialect against values worked out by hand, and the CLI
// (child processes given the URL). Cluster mode (Distributed tables over two
// servers) needs servers that reach each other over TCP and runs on 18.16 only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../src/model/settings.js';
import { createClickHouseWarehouse, type ClickHouseWarehouse } from '../src/warehouse/clickhouse/clickhouse-warehouse.js';
import { rowsOf } from './support/warehouse-contract.js';
import { requireChdb, startChdb, type ChdbServer } from './support/chdb.js';
import { describeCliOnClickHouse } from './support/suites/cli.js';
import { describeDeriveOnClickHouse } from './support/suites/derive.js';
import { describeDialectOnClickHouse } from './support/suites/dialect.js';
import { describeWarehouseOnClickHouse } from './support/suites/warehouse.js';

const available = requireChdb();

describe.skipIf(!available && !process.env.CI)('current ClickHouse (chdb)', () => {
  describe('ClickHouse warehouse', () => describeWarehouseOnClickHouse(startChdb));
  describe('ClickHouse derived view refreshes', () => describeDeriveOnClickHouse(startChdb));
  describe('ClickHouse dialect', () => describeDialectOnClickHouse(startChdb));
  describe('beacon CLI on ClickHouse', () => describeCliOnClickHouse(startChdb));

  describe('on a server whose profile leaves 64-bit integers unquoted in JSON', () => {
    let server: ChdbServer;
    let warehouse: ClickHouseWarehouse;
    beforeAll(async () => {
      server = await startChdb({ profile: { output_format_json_quote_64bit_integers: '0' } });
      warehouse = await createClickHouseWarehouse({ url: server.url, database: 'unquoted' });
      await warehouse.createWorkspace({ name: 'w1', settings: { ...DEFAULT_SETTINGS }, createdAt: '2026-01-01T00:00:00.000Z' });
    });
    afterAll(async () => {
      await warehouse?.close();
      await server?.stop();
    });

    it('still reads 64-bit integers exactly, as text', async () => {
      // 2^53 + 1 = 9007199254740993 is the first integer a double cannot hold.
      expect(await warehouse.query({ sql: 'SELECT toInt64(9007199254740993) AS big, toUInt64(2) AS two', params: {} })).toEqual([{ big: '9007199254740993', two: '2' }]);
      await warehouse.write('w1', 'ad_performance', rowsOf('ad_performance', [{ date: '2026-03-01', platform: 'google_ads', campaign_id: 'c', impressions: 9_007_199_254_740_991, clicks: 3, cost: 1 }]), 'i1');
      const [row] = await warehouse.readRows('w1', 'ad_performance');
      expect([row.impressions, row.clicks]).toEqual(['9007199254740991', '3']);
    });
  });
});
