// beacon explain and beacon segments in a child process, on a DuckDB file
// holding insight-fixture.ts imported from files: the text reads as a
// marketer reads it (values worked out by hand in the fixture and below),
// --json prints the HTTP body, and mistakes exit 1 with one sentence.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adRows, CTR_WEEK, CURRENT, events } from './support/insight-fixture.js';
import { runCli } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('cli-insight');
const db = join(dir.path, 'i.duckdb');
afterAll(() => dir.remove());

beforeAll(async () => {
  const ads = join(dir.path, 'ads.csv');
  const rows = adRows();
  writeFileSync(ads, ['date,platform,campaign_id,impressions,clicks,cost', ...rows.map((r) => [r.date, r.platform, r.campaign_id, r.impressions, r.clicks, r.cost].join(','))].join('\n'));
  const file = join(dir.path, 'events.ndjson');
  writeFileSync(file, `${events().map((e) => JSON.stringify(e)).join('\n')}\n`);
  expect((await runCli(['--db', db, 'import', 'ad_performance', ads])).code).toBe(0);
  expect((await runCli(['--db', db, 'import', 'events', file])).code).toBe(0);
}, 60_000);

describe('beacon explain', () => {
  it('prints the headline, the CPC and CVR drivers and the channels’ mix and rate', async () => {
    const { code, stdout, stderr } = await runCli(['--db', db, 'explain', '--metric', 'cpa', '--from', CURRENT.from, '--to', CURRENT.to, '--by', 'channel']);
    expect(code, stderr).toBe(0);
    // CPA 1000/50 = 20 → 1100/44 = 25. CVR part ½(22.7273 − 20 + 25 − 22) = 2.86 (57 %), CPC part 2.14 (43 %).
    // Paid Search 600/30 → 660/30: part 3 (60 %), rate (0.6 + 15/22)/2 × 2 = 1.28, mix 1.72.
    // Paid Social 400/20 → 440/14: part 2 (40 %), rate (0.4 + 7/22)/2 × 80/7 = 4.10, mix −2.10.
    expect(stdout.trimEnd().split('\n').filter((l) => !l.startsWith('note:'))).toEqual([
      'CPA rose from USD 20.00 to USD 25.00 (+25 %), 2026-11-08 … 2026-11-14 against 2026-11-01 … 2026-11-07',
      '',
      'Drivers, along its factors (they add up to +USD 5.00):',
      'driver  before    now       own change  part of CPA  share',
      'CVR     5.00%     4.40%     -12 %       +USD 2.86    57 %',
      'CPC     USD 1.00  USD 1.10  +10 %       +USD 2.14    43 %',
      '',
      'By channel, mix and rate (USD 20.00 → USD 25.00, the parts add up to +USD 5.00):',
      'channel      before     now        part of CPA  share  mix        rate',
      'Paid Search  USD 20.00  USD 22.00  +USD 3.00    60 %   +USD 1.72  +USD 1.28',
      'Paid Social  USD 20.00  USD 31.43  +USD 2.00    40 %   -USD 2.10  +USD 4.10',
    ]);
  });

  it('prints the POST /v1/explain body with --json', async () => {
    const { code, stdout, stderr } = await runCli(['--db', db, '--json', 'explain', '--metric', 'cost', '--from', CURRENT.from, '--to', CURRENT.to, '--compare', 'previous_period']);
    expect(code, stderr).toBe(0);
    const body = JSON.parse(stdout);
    expect(body).toMatchObject({ metric: 'cost', previous: 1000, current: 1100, change: 100, breakdown: null });
  });

  it('exits 1 naming what is wrong', async () => {
    const unknown = await runCli(['--db', db, 'explain', '--metric', 'cpq', '--from', CURRENT.from, '--to', CURRENT.to, '--by', 'chanel']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('"cpq"; did you mean cpa');
    expect(unknown.stderr).toContain('"chanel"; did you mean channel?');
    const missing = await runCli(['--db', db, 'explain', '--metric', 'cpa', '--from', CURRENT.from]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('missing --to: give --metric M --from D --to D');
  });
});

describe('beacon segments', () => {
  it('prints the big campaign as significantly worse, not the tiny one', async () => {
    const { code, stdout, stderr } = await runCli(['--db', db, 'segments', '--metric', 'ctr', '--by', 'campaign', '--from', CTR_WEEK.from, '--to', CTR_WEEK.to]);
    expect(code, stderr).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    // Workspace CTR 13900 / 600050 × 100 = 2.32 %.
    expect(lines[0]).toBe('CTR by campaign, 2026-10-01 … 2026-10-07: 1 of 5 segments significantly worse than the workspace (2.32%)');
    expect(lines[1]).toMatch(/^beta-binomial model, expected share of false flags .* %; spend at stake USD 2,[78]\d\d\.\d\d$/);
    expect(lines[3].split(/\s{2,}/)).toEqual(['segment', 'CTR', 'shrunk', 'P(worse)', 'spend', 'at stake']);
    const row = lines[4].split(/\s{2,}/);
    expect(row.slice(0, 2)).toEqual(['big', '1.00%']);
    expect(row.slice(3, 5)).toEqual(['> 99.9 %', 'USD 5,000.00']);
    expect(stdout).not.toContain('tiny');
  });

  it('exits 1 for a metric that is no ratio, naming those that can be judged', async () => {
    const sum = await runCli(['--db', db, 'segments', '--metric', 'cost', '--by', 'campaign', '--from', CTR_WEEK.from, '--to', CTR_WEEK.to]);
    expect(sum.code).toBe(1);
    expect(sum.stderr).toContain('cost is not a ratio of two sums: segments are judged on ratios with a better direction, such as CTR, CVR, CPA, CPC or ROAS');
  });
});
