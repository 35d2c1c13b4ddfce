// A write made while a server's first refresh of the derived view runs is in
// the next answer. Regression: ad rows imported right after the server
// started stayed out of every answer until another write came — the write
// was counted before it committed, so the refresh that ran ahead of it took
// its count and the next refresh saw nothing new to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';

const dir = tempDir('fresh-server-writes');
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer(dir.path);
});

afterAll(async () => {
  await t.stop();
  dir.remove();
});

const costOn = async (date: string) => {
  const answer = await call(t.url, 'POST', '/v1/query', { key: t.keys.read, body: JSON.stringify({ metrics: ['cost'], from: date, to: date }) });
  expect(answer.status).toBe(200);
  return answer.body.totals.cost;
};

describe('writes while the server starts', () => {
  it('ad rows imported at once are in the next answer, and stay there', async () => {
    // Sent as soon as the server listens, while the refresh it starts with is under way.
    const rows = [
      { date: '2026-11-01', platform: 'google_ads', campaign_id: 'g1', impressions: 1000, clicks: 50, cost: 100 },
      { date: '2026-11-01', platform: 'meta_ads', campaign_id: 'm1', impressions: 400, clicks: 8, cost: 25.5 },
    ];
    const imported = await call(t.url, 'POST', '/v1/import/ad_performance', { key: t.keys.ingest, body: JSON.stringify(rows) });
    expect(imported.body).toMatchObject({ accepted: 2, rejected: 0 });
    expect(await costOn('2026-11-01')).toBe(125.5);
    expect(await costOn('2026-11-01')).toBe(125.5);
  });
});
