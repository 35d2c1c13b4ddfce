// The ClickHouse dialect on a ClickHouse 18.16 server, the oldest supported
// (test/support/suites/dialect.ts).
import { describe } from 'vitest';
import { requireClickHouse, startClickHouse } from './support/clickhouse.js';
import { describeDialectOnClickHouse } from './support/suites/dialect.js';

const available = requireClickHouse();

describe.skipIf(!available && !process.env.CI)('ClickHouse dialect on a real server', () => describeDialectOnClickHouse(startClickHouse));
