// A current ClickHouse (chdb, see clickhouse-modern.test.ts) against DuckDB:
// the derived view, checked against values worked out by hand too, and the
// metric matrix, as on the 18.16 server.
import { describe } from 'vitest';
import { requireChdb, startChdb } from './support/chdb.js';
import { describeDerivedVsDuckDb } from './support/suites/derived-vs-duckdb.js';
import { describeMetricsVsDuckDb } from './support/suites/metrics-vs-duckdb.js';

const available = requireChdb();

describe.skipIf(!available && !process.env.CI)('current ClickHouse (chdb) and DuckDB', () => {
  describe('derive the same view', () => describeDerivedVsDuckDb(startChdb));
  describe('give the same metrics', () => describeMetricsVsDuckDb(startChdb));
});
