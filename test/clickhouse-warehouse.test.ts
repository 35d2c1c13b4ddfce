// The Warehouse contract and what is particular to ClickHouse, on a
// ClickHouse 18.16 server (test/support/suites/warehouse.ts).
import { describe } from 'vitest';
import { requireClickHouse, startClickHouse } from './support/clickhouse.js';
import { describeWarehouseOnClickHouse } from './support/suites/warehouse.js';

const available = requireClickHouse();

describe.skipIf(!available && !process.env.CI)('ClickHouse warehouse', () => describeWarehouseOnClickHouse(startClickHouse));
