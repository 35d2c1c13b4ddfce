// The Segment HTTP Tracking API over real HTTP into a real DuckDB file: the
// write key as Basic auth, a mixed batch stored once, stitched identities,
// the metrics it makes, located errors and the key scopes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';

const dir = tempDir('http-segment');
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer(dir.path);
});
afterAll(async () => {
  await t.stop();
  dir.remove();
});

const basic = (writeKey: string) => `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;
const send = (path: string, body: unknown, headers: Record<string, string> = { authorization: basic(t.keys.ingest) }, contentType = 'application/json') =>
  call(t.url, 'POST', path, { body: JSON.stringify(body), contentType, headers });

const batch = {
  batch: [
    {
      type: 'page', messageId: 'seg-p1', anonymousId: 'anon-a', timestamp: '2026-04-10T09:00:00Z', name: 'Home',
      context: { page: { url: 'https://shop.example/', title: 'Shop' }, campaign: { name: 'april', source: 'newsletter', medium: 'email' }, ip: '203.0.113.9' },
    },
    { type: 'identify', messageId: 'seg-i1', anonymousId: 'anon-a', userId: 'user-1', timestamp: '2026-04-10T09:01:00Z', traits: { email: 'jane@example.com' } },
    { type: 'page', messageId: 'seg-p2', anonymousId: 'anon-b', timestamp: '2026-04-10T09:04:00Z', context: { page: { url: 'https://shop.example/cart' } } },
    { type: 'foo', messageId: 'seg-x1', anonymousId: 'anon-b', timestamp: '2026-04-10T09:04:30Z' },
    {
      type: 'track', messageId: 'seg-t1', anonymousId: 'anon-b', userId: 'user-1', timestamp: '2026-04-10T09:05:00Z', event: 'Order Completed',
      properties: { order_id: 'o-1', revenue: 40, total: 45, currency: 'USD' }, context: { page: { url: 'https://shop.example/checkout' } },
    },
  ],
};
const unknownFoo = { index: 3, field: 'batch[3].type', message: 'unknown Segment type "foo"; known types: track, page, identify, screen, alias' };

describe('POST /v1/segment/batch', () => {
  it('stores a mixed batch once, locating the call of unknown type and keeping the rest', async () => {
    const first = await send('/v1/segment/batch', batch);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ success: true, accepted: 4, updated: 0, duplicates: 0, rejected: 1, errors: [unknownFoo] });
    // A retry (same messageIds) stores nothing more.
    const retry = await send('/v1/segment/batch', batch);
    expect(retry.body).toEqual({ success: true, accepted: 0, updated: 0, duplicates: 4, rejected: 1, errors: [unknownFoo] });
    const rows = (await t.warehouse.readRows('shop', 'events')).filter((r) => String(r.event_id).startsWith('seg-'));
    expect(rows.map((r) => [r.event_id, r.type, r.anonymous_id, r.user_id]).sort()).toEqual([
      ['seg-i1', 'identify', 'anon-a', 'user-1'],
      ['seg-p1', 'page_view', 'anon-a', null],
      ['seg-p2', 'page_view', 'anon-b', null],
      ['seg-t1', 'purchase', 'anon-b', 'user-1'],
    ]);
    const p1 = rows.find((r) => r.event_id === 'seg-p1')!;
    expect([p1.utm_source, p1.utm_medium, p1.utm_campaign]).toEqual(['newsletter', 'email', 'april']);
    expect(JSON.stringify(rows)).not.toContain('203.0.113.9');
    expect(JSON.stringify(rows)).not.toContain('jane@example.com');
  });

  it('stitches: after identify and the purchase, both anonymous ids resolve to user-1', async () => {
    await t.server.scheduler.flush('shop');
    const identities = (await t.warehouse.readDerived('shop', 'identities')).filter((r) => String(r.anonymous_id).startsWith('anon-'));
    expect(identities.map((r) => [r.anonymous_id, r.user_id]).sort()).toEqual([['anon-a', 'user-1'], ['anon-b', 'user-1']]);
    const facts = (await t.warehouse.readDerived('shop', 'event_facts')).filter((r) => String(r.event_id).startsWith('seg-'));
    expect(new Set(facts.map((f) => f.person_id)).size).toBe(1);
  });

  it('makes the metrics of the day: 2 sessions (one per device), 2 page views, 1 conversion worth its revenue (40, not total 45)', async () => {
    const { status, body } = await call(t.url, 'POST', '/v1/query', {
      key: t.keys.read,
      body: JSON.stringify({ metrics: ['sessions', 'pageviews', 'conversions', 'revenue'], from: '2026-04-10', to: '2026-04-10' }),
    });
    expect(status).toBe(200);
    expect(body.totals).toEqual({ sessions: 2, pageviews: 2, conversions: 1, revenue: 40 });
  });

  it('lists the batch in /v1/imports as an events import from its route', async () => {
    const imports = (await call(t.url, 'GET', '/v1/imports', { key: t.keys.admin })).body.imports as { source: string; origin: string; accepted: number; duplicates: number; rejected: number }[];
    const ours = imports.filter((i) => i.origin === 'http POST /v1/segment/batch');
    expect(ours.map((i) => [i.source, i.accepted, i.duplicates, i.rejected]).sort()).toEqual([['events', 0, 4, 1], ['events', 4, 0, 1]]);
  });
});

describe('POST /v1/segment/{track,page,identify,screen,alias}', () => {
  it('takes a single call (text/plain, as analytics.js sends it), the type from the path', async () => {
    const track = await send('/v1/segment/track', { messageId: 'seg-s1', anonymousId: 'anon-c', event: 'Signed Up', timestamp: '2026-04-11T10:00:00Z' }, undefined, 'text/plain');
    expect(track.body).toEqual({ success: true, accepted: 1, updated: 0, duplicates: 0, rejected: 0, errors: [] });
    const bad = await send('/v1/segment/track', { messageId: 'seg-s2', anonymousId: 'anon-c' });
    expect(bad.body).toMatchObject({ accepted: 0, rejected: 1, errors: [{ index: 0, field: 'event', message: 'a track call needs an event name' }] });
    const alias = await send('/v1/segment/alias', { messageId: 'seg-a1', previousId: 'anon-d', userId: 'user-2', timestamp: '2026-04-11T10:00:00Z' });
    expect(alias.body).toMatchObject({ accepted: 1 });
    const rows = (await t.warehouse.readRows('shop', 'events')).filter((r) => ['seg-s1', 'seg-a1'].includes(String(r.event_id)));
    expect(rows.map((r) => [r.event_id, r.type, r.anonymous_id, r.user_id]).sort()).toEqual([['seg-a1', 'alias', 'anon-d', 'user-2'], ['seg-s1', 'signup', 'anon-c', null]]);
  });

  it('removes the clock skew against its own receive time: timestamp − sentAt + receivedAt', async () => {
    const before = Date.now();
    const response = await send('/v1/segment/track', { messageId: 'seg-skew', anonymousId: 'anon-e', event: 'Clicked', timestamp: '2020-01-01T00:00:00Z', sentAt: '2020-01-01T00:00:10Z' });
    const after = Date.now();
    expect(response.body).toMatchObject({ accepted: 1 });
    const row = (await t.warehouse.readRows('shop', 'events')).find((r) => r.event_id === 'seg-skew')!;
    // Happened 10 s before the device sent it; it arrived between `before` and `after`.
    const at = Date.parse(String(row.timestamp));
    expect(at).toBeGreaterThanOrEqual(before - 10_000);
    expect(at).toBeLessThanOrEqual(after - 10_000);
  });

  it('maps a track through the workspace setting segment_events', async () => {
    const patch = await call(t.url, 'PATCH', '/v1/settings', { key: t.keys.admin, body: JSON.stringify({ segment_events: { 'Trial Started': 'signup' } }) });
    expect(patch.status).toBe(200);
    expect(patch.body.settings.segment_events).toEqual({ 'Trial Started': 'signup' });
    const response = await send('/v1/segment/track', { messageId: 'seg-trial', anonymousId: 'anon-f', event: 'Trial Started', timestamp: '2026-04-12T10:00:00Z' });
    expect(response.body).toMatchObject({ accepted: 1 });
    const row = (await t.warehouse.readRows('shop', 'events')).find((r) => r.event_id === 'seg-trial')!;
    expect(row.type).toBe('signup');
    const refused = await call(t.url, 'PATCH', '/v1/settings', { key: t.keys.admin, body: JSON.stringify({ segment_events: { 'Trial Started': 5 } }) });
    expect(refused.status).toBe(400);
  });
});

describe('Segment write keys', () => {
  it('needs an ingest key: Basic or Bearer; a read key is refused (403), no key or an unknown one is 401', async () => {
    const call1 = { messageId: 'seg-auth', anonymousId: 'anon-g', event: 'Clicked', timestamp: '2026-04-12T10:00:00Z' };
    expect((await send('/v1/segment/track', call1, { authorization: `Bearer ${t.keys.ingest}` })).status).toBe(200);
    const read = await send('/v1/segment/track', call1, { authorization: basic(t.keys.read) });
    expect(read.status).toBe(403);
    const none = await send('/v1/segment/track', call1, {});
    expect(none.status).toBe(401);
    expect(none.body.error.message).toMatch(/missing write key/);
    expect((await send('/v1/segment/track', call1, { authorization: basic('bk_ingest_nope') })).status).toBe(401);
  });

  it('answers a body that is no Segment call with 400, storing nothing', async () => {
    const response = await call(t.url, 'POST', '/v1/segment/batch', { body: '{"batch": ', headers: { authorization: basic(t.keys.ingest) } });
    expect(response.status).toBe(400);
    expect((await send('/v1/segment/batch', { batch: 'x' })).status).toBe(400);
  });
});
