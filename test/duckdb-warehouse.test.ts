// The Warehouse contract on a real DuckDB file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createDuckDbWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { describeWarehouse } from '../src/warehouse/warehouse-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'beacon-duckdb-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeWarehouse('duckdb', () => createDuckDbWarehouse({ path: join(dir, `w${n++}.duckdb`) }));
