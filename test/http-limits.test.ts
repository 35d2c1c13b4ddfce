// Per-key request rates over real HTTP: past the limit a 429 with Retry-After
// and the one error shape; other keys, health and the API description are not
// affected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestServer, type TestServer } from './support/test-server.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('http-limits');
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer(dir.path, { requestsPerMinute: 3 });
}, 60_000);

afterAll(async () => {
  await t.stop();
  dir.remove();
});

describe('rate limits', () => {
  it('lets a key send 3 requests a minute, then answers 429 with Retry-After; another key is counted apart', async () => {
    const get = (key: string) => call(t.url, 'GET', '/v1/freshness', { key });
    for (let i = 0; i < 3; i++) expect((await get(t.keys.read)).status).toBe(200);
    const refused = await get(t.keys.read);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'too_many_requests', message: expect.stringContaining('more than 3 requests a minute with this key') });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await get(t.keys.admin)).status).toBe(200);
  });

  it('never limits /healthz or /openapi.json', async () => {
    for (let i = 0; i < 6; i++) {
      expect((await call(t.url, 'GET', '/healthz', {})).status).toBe(200);
      expect((await call(t.url, 'GET', '/openapi.json', {})).status).toBe(200);
    }
  });
});
