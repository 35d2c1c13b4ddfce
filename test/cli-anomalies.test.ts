// beacon anomalies in a child process, on a DuckDB file holding the twelve
// weeks of anomaly-fixture.ts imported from CSV: the text names the metric,
// the count and the method, and marks the spike and the drop of the fixture as
// high; --json prints the POST /v1/anomalies body; mistakes exit 1 with one
// sentence naming the option.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adRows, COST, DAYS, DROP, FROM, SPIKE, TO } from './support/anomaly-fixture.js';
import { runCli } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('cli-anomalies');
const db = join(dir.path, 'a.duckdb');
afterAll(() => dir.remove());

const usd = (n: number) => `USD ${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const command = ['--db', db, 'anomalies', '--metric', 'cost', '--filter', 'platform=google_ads', '--from', FROM, '--to', TO];

beforeAll(async () => {
  const ads = join(dir.path, 'ads.csv');
  const rows = adRows();
  writeFileSync(ads, ['date,platform,campaign_id,impressions,clicks,cost', ...rows.map((r) => [r.date, r.platform, r.campaign_id, r.impressions, r.clicks, r.cost].join(','))].join('\n'));
  expect((await runCli(['--db', db, 'import', 'ad_performance', ads])).code).toBe(0);
}, 60_000);

describe('beacon anomalies', () => {
  it('prints the metric, the count, the method and one row per day with the spike and the drop marked high', async () => {
    const { code, stdout, stderr } = await runCli(command);
    expect(code, stderr).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^Cost \\(cost\\) per day, ${FROM} … ${TO} · platform in google_ads: [23] anomalies in 28 days$`));
    expect(lines[1]).toMatch(/^method holt_winters — 56 days of history: enough for Holt-Winters with a season of 7/);
    expect(lines[3]).toBe(`learned from 56 days ${DAYS[0]} … ${DAYS[55]}`);
    expect(lines[5].split(/\s{2,}/)).toEqual(['date', 'value', 'expected', 'lower', 'upper', 'score', 'anomaly']);
    const rows = lines.slice(6, 34).map((l) => l.split(/\s{2,}/));
    expect(rows.map((r) => r[0])).toEqual(DAYS.slice(56));
    expect(rows.map((r) => r[1])).toEqual(COST.slice(56).map(usd));
    expect(rows.filter((r) => r[6]?.startsWith('high')).map((r) => [r[0], r[6]])).toEqual([
      [SPIKE, 'high above'],
      [DROP, 'high below'],
    ]);
  });

  it('prints the POST /v1/anomalies body with --json', async () => {
    const { code, stdout, stderr } = await runCli(['--json', ...command, '--sensitivity', '0.95', '--training-periods', '28']);
    expect(code, stderr).toBe(0);
    const body = JSON.parse(stdout);
    expect(body).toMatchObject({ method: 'holt_winters', sensitivity: 0.95, training: { from: DAYS[28], periods: 28 } });
    expect(body.points).toHaveLength(28);
    expect(body.params.threshold).toBeCloseTo(1.959964, 5); // Φ⁻¹(0.975)
  });

  it('exits 1 naming what is wrong', async () => {
    const unknown = await runCli(['--db', db, 'anomalies', '--metric', 'costs', '--from', FROM, '--to', TO]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown metric "costs"; did you mean cost?');
    const missing = await runCli(['--db', db, 'anomalies', '--metric', 'cost', '--from', FROM]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('missing --to: give --metric M --from D --to D');
    const short = await runCli(['--db', db, 'anomalies', '--metric', 'cost', '--from', DAYS[3], '--to', TO]);
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('3 days in the history before from: the detector needs at least 7 days');
  });
});
