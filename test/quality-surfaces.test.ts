// The data-quality audit over its surfaces: GET /v1/quality on a real server
// answers the findings in the shape its OpenAPI schema gives, for a read key
// of the workspace only; beacon audit prints each finding in words, exits 0,
// and with --fail-on exits 1 when a finding is that severe. The data holds
// two faults counted by hand: an ad row with 150 clicks on 100 impressions
// (an error) and one with 25 spent on no impressions (a warning). An alert
// rule on data quality fires on the error and names it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../src/core/time.js';
import { QualityReportSchema } from '../src/server/quality-schemas.js';
import { runCli } from './support/spawn-cli.js';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

const dir = tempDir('quality-surfaces');
const yesterday = localDate(Date.now() - 86_400_000, 'UTC');
const ROWS = [
  { date: yesterday, platform: 'google_ads', campaign_id: 'C1', impressions: 100, clicks: 150, cost: 30 },
  { date: yesterday, platform: 'google_ads', campaign_id: 'C2', impressions: 0, clicks: 0, cost: 25 },
  { date: yesterday, platform: 'google_ads', campaign_id: 'C3', impressions: 1000, clicks: 10, cost: 40 },
];
let t: TestServer;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver(() => 200);
  t = await startTestServer(join(dir.path, 'server'), {}, { webhooks: { policy: { allowPrivate: false, allow: ['127.0.0.1'] } } });
  const response = await call(t.url, 'POST', '/v1/import/ad_performance', { key: t.keys.ingest, body: JSON.stringify(ROWS) });
  expect(response.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await t.stop();
  await receiver.close();
  dir.remove();
});

describe('GET /v1/quality', () => {
  it('answers both faults, the error first, in the shape of its schema', async () => {
    const { status, body } = await call(t.url, 'GET', '/v1/quality', { key: t.keys.read });
    expect(status).toBe(200);
    expect([...TypeCompiler.Compile(QualityReportSchema).Errors(body)].map((e) => `${e.path}: ${e.message}`)).toEqual([]);
    expect(body.findings.map((f: { check: string; severity: string; count: number }) => [f.check, f.severity, f.count])).toEqual([
      ['clicks_over_impressions', 'error', 1],
      ['spend_without_impressions', 'warning', 1],
    ]);
    expect(body.findings[0].examples).toEqual([{ day: yesterday, date: yesterday, platform: 'google_ads', campaign_id: 'C1', impressions: 100, clicks: 150, cost: 30 }]);
    expect(body.summary).toEqual({ error: 1, warning: 1, info: 0 });
  });

  it('takes a key of the workspace: none is a 401, and another workspace sees none of these rows', async () => {
    expect((await call(t.url, 'GET', '/v1/quality')).status).toBe(401);
    const other = await call(t.url, 'GET', '/v1/quality', { key: t.keys.otherAdmin });
    expect(other.status).toBe(200);
    expect(other.body.findings).toEqual([]);
  });
});

describe('an alert rule on data quality', () => {
  it('fires on the one error (the warning is below its severity) and names it', async () => {
    const admin = (method: string, path: string, body?: unknown) => call(t.url, method, path, { key: t.keys.admin, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const created = await admin('POST', '/v1/alerts', { name: 'Data broke', condition: { kind: 'data_quality' }, webhook: { url: `${receiver.base}/hook` } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { body } = await admin('POST', `/v1/alerts/${created.body.id}/run`);
    expect(body).toMatchObject({ met: true, fired: true, value: 1, reference: 0, because: 'the data-quality audit found 1 error: Ad rows with more clicks than impressions' });
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0].body)).toMatchObject({ rule_id: created.body.id, metric: 'data_quality', value: 1 });
  });
});

describe('beacon audit', () => {
  const db = join(dir.path, 'cli.duckdb');
  beforeAll(async () => {
    const file = join(dir.path, 'ads.csv');
    writeFileSync(file, ['date,platform,campaign_id,impressions,clicks,cost', ...ROWS.map((r) => [r.date, r.platform, r.campaign_id, r.impressions, r.clicks, r.cost].join(','))].join('\n'));
    expect((await runCli(['--db', db, 'import', 'ad_performance', file])).code).toBe(0);
  }, 60_000);

  it('prints the totals and each finding in words, and exits 0', async () => {
    const { code, stdout, stderr } = await runCli(['--db', db, 'audit']);
    expect(code, stderr).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^Data quality on \d{4}-\d{2}-\d{2}: 1 error, 1 warning, 0 notes \(12 checks\)$/);
    expect(lines).toContain(`ERROR  Ad rows with more clicks than impressions — 1, ${yesterday}`);
    expect(lines).toContain(`WARN   Spend without impressions — 1, ${yesterday}`);
    expect(stdout).toContain(`· day ${yesterday}, date ${yesterday}, platform google_ads, campaign id C1, impressions 100, clicks 150, cost 30`);
  });

  it('exits 1 with --fail-on error or warning when a finding is that severe', async () => {
    expect((await runCli(['--db', db, 'audit', '--fail-on', 'error'])).code).toBe(1);
    expect((await runCli(['--db', db, 'audit', '--fail-on', 'warning'])).code).toBe(1);
    const bad = await runCli(['--db', db, 'audit', '--fail-on', 'notice']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--fail-on.*notice.*error, warning/s);
  });
});
