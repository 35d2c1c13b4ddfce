// Beacon's ClickHouse engine on a current ClickHouse: the engine chdb embeds
// (26.x), reached over HTTP through test/support/chdb-server.ts, so the code
// under test talks to it exactly as to a server. The same suites as on the
// 18.16 server: the Warehouse contract and ClickHouse specifics, derived-view
// refreshes, and the dialect against values worked out by hand. Cluster mode
// (Distributed tables over two servers) needs servers that reach each other
// over TCP and runs on 18.16 only.
import { describe } from 'vitest';
import { requireChdb, startChdb } from './support/chdb.js';
import { describeDeriveOnClickHouse } from './support/suites/derive.js';
import { describeDialectOnClickHouse } from './support/suites/dialect.js';
import { describeWarehouseOnClickHouse } from './support/suites/warehouse.js';

const available = requireChdb();

describe.skipIf(!available && !process.env.CI)('current ClickHouse (chdb)', () => {
  describe('ClickHouse warehouse', () => describeWarehouseOnClickHouse(startChdb));
  describe('ClickHouse derived view refreshes', () => describeDeriveOnClickHouse(startChdb));
  describe('ClickHouse dialect', () => describeDialectOnClickHouse(startChdb));
});
