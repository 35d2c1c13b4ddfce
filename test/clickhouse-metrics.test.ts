// The metric matrix on a ClickHouse 18.16 server against DuckDB
// (test/support/suites/metrics-vs-duckdb.ts).
import { describe } from 'vitest';
import { requireClickHouse, startClickHouse } from './support/clickhouse.js';
import { describeMetricsVsDuckDb } from './support/suites/metrics-vs-duckdb.js';

const available = requireClickHouse();

describe.skipIf(!available && !process.env.CI)('ClickHouse and DuckDB give the same metrics', () => describeMetricsVsDuckDb(startClickHouse));
