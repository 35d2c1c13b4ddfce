// Metric results computed by two engines: the same data set
// (test/support/metrics-fixture.ts) goes into a DuckDB file and a ClickHouse
// server, and a matrix of queries through queryMetrics — every catalog metric,
// with and without a grain, split by dimensions, filtered, compared, under
// each attribution model, either acquisition touch — must give the same rows,
// totals and comparison.
// Integers and the money sums both engines add as Decimals (cost, order
// revenue, MRR) must be equal; other numbers within 1e-9 relative: ratios,
// and sums DuckDB adds as doubles (attributed revenue is credit × revenue,
// a double there), which may differ in the last bits with the order of
// summation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { updateSettings } from '../../../src/access/workspaces.js';
import { createClickHouseWarehouse } from '../../../src/warehouse/clickhouse/clickhouse-warehouse.js';
import { createDuckDbWarehouse } from '../../../src/warehouse/duckdb/duckdb-warehouse.js';
import type { Warehouse } from '../../../src/warehouse/warehouse.js';
import type { ClickHouseServers, StartServer } from '../clickhouse.js';
import { differences, QUERIES, runMetrics } from '../metrics-compare.js';
import { loadWorkspace, METRICS_DATA } from '../metrics-fixture.js';


export function describeMetricsVsDuckDb(start: StartServer): void {
  let server: ClickHouseServers;
  let dir: string;
  let duck: Warehouse;
  let click: Warehouse;

  beforeAll(async () => {
    server = await start();
    dir = mkdtempSync(join(tmpdir(), 'beacon-metrics-'));
    duck = await createDuckDbWarehouse({ path: join(dir, 'metrics.duckdb') });
    click = await createClickHouseWarehouse({ url: server.url, database: 'metrics' });
    for (const w of [duck, click]) {
      await loadWorkspace(w, 'utc', METRICS_DATA);
      await loadWorkspace(w, 'ny', METRICS_DATA, { timezone: 'America/New_York' });
      // New York's customers are acquired by their last non-direct touch before the first order (utc's by the first touch).
      await updateSettings(w, 'ny', { acquisition_touch: 'last_non_direct' });
    }
  }, 300_000);

  afterAll(async () => {
    await duck?.close();
    await click?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(QUERIES)('%s: %s', async (workspace, _label, body) => {
    const fromDuck = await runMetrics(duck, workspace, body);
    const fromClick = await runMetrics(click, workspace, body);
    expect((fromDuck.rows as unknown[]).length + Object.keys(fromDuck.totals as object).length).toBeGreaterThan(0);
    expect(differences(fromClick, fromDuck)).toEqual([]);
  }, 60_000);
}
