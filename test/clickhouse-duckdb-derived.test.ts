// The derived view of a ClickHouse 18.16 server against DuckDB's and values
// worked out by hand (test/support/suites/derived-vs-duckdb.ts).
import { describe } from 'vitest';
import { requireClickHouse, startClickHouse } from './support/clickhouse.js';
import { describeDerivedVsDuckDb } from './support/suites/derived-vs-duckdb.js';

const available = requireClickHouse();

describe.skipIf(!available && !process.env.CI)('ClickHouse and DuckDB derive the same view', () => describeDerivedVsDuckDb(startClickHouse));
