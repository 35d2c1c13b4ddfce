// beacon query and beacon metrics in child processes: table, CSV and JSON
// output, filters, errors with exit code 1, and the same query through a
// running server.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, runCli, startCli, waitForLine } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('cli-query');
const db = join(dir.path, 'q.duckdb');
afterAll(() => dir.remove());

beforeAll(async () => {
  const ads = join(dir.path, 'ads.csv');
  writeFileSync(
    ads,
    [
      'date,platform,campaign_id,campaign_name,impressions,clicks,cost',
      '2026-06-01,google_ads,g1,"Search, Brand",2000,50,25.00',
      '2026-06-01,meta_ads,m1,Prospecting,10000,40,60.00',
      '2026-06-02,google_ads,g1,"Search, Brand",2000,30,15.00',
    ].join('\n'),
  );
  expect((await runCli(['--db', db, 'import', 'ad_performance', ads])).code).toBe(0);
}, 60_000);

describe('beacon query', () => {
  it('prints an aligned table with units and a total line', async () => {
    const { code, stdout } = await runCli(['--db', db, 'query', '--metrics', 'cost,clicks,ctr,cpc', '--by', 'channel', '--from', '2026-06-01', '--to', '2026-06-02']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0].split(/\s{2,}/)).toEqual(['channel', 'cost', 'clicks', 'ctr', 'cpc']);
    // Paid Search: 25 + 15 = 40 over 80 clicks (0.50) of 4,000 impressions (2.00 %)
    expect(lines[1].split(/\s{2,}/)).toEqual(['Paid Search', 'USD 40.00', '80', '2.00%', 'USD 0.50']);
    // Paid Social: 60 over 40 clicks (1.50) of 10,000 impressions (0.40 %)
    expect(lines[2].split(/\s{2,}/)).toEqual(['Paid Social', 'USD 60.00', '40', '0.40%', 'USD 1.50']);
    expect(lines[3]).toMatch(/^─+$/);
    // 100 over 120 clicks = 0.83; 120 / 14,000 = 0.857 %
    expect(lines[4].split(/\s{2,}/)).toEqual(['Total', 'USD 100.00', '120', '0.86%', 'USD 0.83']);
  });

  it('writes CSV by day with a filter, and JSON exactly as the HTTP body', async () => {
    const csv = await runCli(['--db', db, 'query', '--metrics', 'cost', '--grain', 'day', '--filter', 'platform=google_ads', '--from', '2026-06-01', '--to', '2026-06-03', '--format', 'csv']);
    expect(csv.stdout).toBe('date,cost\n2026-06-01,25\n2026-06-02,15\n2026-06-03,0\n');
    const json = await runCli(['--db', db, '--json', 'query', '--metrics', 'cost', '--by', 'campaign', '--filter', 'channel!=Paid Social', '--from', '2026-06-01', '--to', '2026-06-02']);
    expect(JSON.parse(json.stdout)).toMatchObject({ rows: [{ campaign: 'g1', campaign_name: 'Search, Brand', cost: 40 }], totals: { cost: 40 } });
  });

  it('exits 1 with an actionable message on a bad query', async () => {
    const unsupported = await runCli(['--db', db, 'query', '--metrics', 'cost', '--by', 'device', '--from', '2026-06-01', '--to', '2026-06-02']);
    expect(unsupported.code).toBe(1);
    expect(unsupported.stderr).toContain('cannot be split or filtered by device');
    const filter = await runCli(['--db', db, 'query', '--metrics', 'cost', '--filter', 'oops', '--from', '2026-06-01', '--to', '2026-06-02']);
    expect(filter.code).toBe(1);
    expect(filter.stderr).toContain('dim=v1,v2');
  });

  it('lists the catalog', async () => {
    const { code, stdout } = await runCli(['--db', db, 'metrics']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^roas\s+ratio\s+↑\s+revenue \/ cost\s+channel, platform, campaign, ad_group, ad, objective$/m);
  });

  it('answers the same through the running server that holds the database', async () => {
    const server = startCli(['--db', db, 'serve', '--port', '0']);
    try {
      await waitForLine(server, /Beacon API on (http:\/\/\S+)/);
      const { code, stdout } = await runCli(['--db', db, '--json', 'query', '--metrics', 'cost,cpc', '--from', '2026-06-01', '--to', '2026-06-02']);
      expect(code).toBe(0);
      // CPC is money: to the cent (100 / 120 = 0.8333…).
      expect(JSON.parse(stdout).totals).toEqual({ cost: 100, cpc: 0.83 });
    } finally {
      server.kill('SIGTERM');
      await exited(server);
    }
  });
});
