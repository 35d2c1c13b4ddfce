// The package as a program embedding Beacon uses it: `import … from 'beacon'`
// from a project where Beacon is installed (node_modules/beacon), resolved
// through package.json "exports" to the built dist/index.js. The program opens
// a DuckDB file, ingests ad spend (one record bad), and asks a query; the
// expected values are worked out by hand from the two good records.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/temp-dir.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const PROGRAM = `
import { answerQuery, createWarehouse, createWorkspace, DeriveScheduler, ingestRecords, CATALOG, ValidationError } from 'beacon';

const warehouse = await createWarehouse({ kind: 'duckdb', path: process.argv[2] });
try {
  const workspace = await createWorkspace(warehouse, 'shop', { currency: 'USD' });
  const records = [
    { date: '2026-11-02', platform: 'google_ads', campaign_id: 'c1', impressions: 1000, clicks: 50, cost: '25.00' },
    { date: '2026-11-03', platform: 'google_ads', campaign_id: 'c1', impressions: 3000, clicks: 70, cost: '35.00' },
    { date: '2026-11-04', platform: 'google_ads', campaign_id: 'c1', impressions: 10, clicks: 1, cost: '-5' },
  ].map((value, index) => ({ index, value }));
  const ingested = await ingestRecords({ warehouse, workspace: 'shop', source: 'ad_performance', importId: 'imp_1' }, records);
  const services = { warehouse, derived: new DeriveScheduler(warehouse) };
  const result = await answerQuery(services, workspace, {
    metrics: ['impressions', 'clicks', 'cost', 'ctr', 'cpc'], from: '2026-11-01', to: '2026-11-30',
  });
  let refused = null;
  try {
    await answerQuery(services, workspace, { metrics: ['no_such_metric'], from: '2026-11-01', to: '2026-11-30' });
  } catch (err) {
    refused = { validation: err instanceof ValidationError, status: err.status };
  }
  console.log(JSON.stringify({ ingested, totals: result.totals, catalog: CATALOG.length, refused }));
} finally {
  await warehouse.close();
}
`;

describe('the built package', () => {
  const dir = tempDir('embed');
  afterAll(() => dir.remove());

  it('is imported by name and runs ingestion and a query end to end', () => {
    expect(existsSync(join(ROOT, 'dist/index.js')), 'npm test builds dist/ first').toBe(true);
    expect(existsSync(join(ROOT, 'dist/index.d.ts')), 'types ship beside the code').toBe(true);
    mkdirSync(join(dir.path, 'node_modules'));
    symlinkSync(ROOT, join(dir.path, 'node_modules/beacon'), 'dir');
    writeFileSync(join(dir.path, 'program.mjs'), PROGRAM);

    const run = spawnSync(process.execPath, ['program.mjs', join(dir.path, 'shop.duckdb')], { cwd: dir.path, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);

    expect(out.ingested).toMatchObject({ accepted: 2, updated: 0, duplicates: 0, rejected: 1 });
    expect(out.ingested.errors).toHaveLength(1);
    expect(out.ingested.errors[0]).toMatchObject({ index: 2, field: 'cost' });
    // 1000 + 3000 impressions, 50 + 70 clicks, 25 + 35 cost; ctr = 120 / 4000 × 100; cpc = 60 / 120.
    expect(out.totals).toEqual({ impressions: 4000, clicks: 120, cost: 60, ctr: 3, cpc: 0.5 });
    expect(out.catalog).toBeGreaterThan(50);
    expect(out.refused).toEqual({ validation: true, status: 400 });
  });
});
