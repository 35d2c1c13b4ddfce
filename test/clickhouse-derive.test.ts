// Refreshing the derived view on a ClickHouse 18.16 server (test/support/suites/derive.ts).
import { describe } from 'vitest';
import { requireClickHouse, startClickHouse } from './support/clickhouse.js';
import { describeDeriveOnClickHouse } from './support/suites/derive.js';

const available = requireClickHouse();

describe.skipIf(!available && !process.env.CI)('ClickHouse derived view refreshes', () => describeDeriveOnClickHouse(startClickHouse));
