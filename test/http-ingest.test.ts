// Ingestion over real HTTP into a real DuckDB file: idempotency, located
// errors, limits, authentication and workspace isolation.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';

const dir = tempDir('http');
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer(dir.path, { bodyLimitBytes: 64 * 1024, maxBatchRecords: 50 });
});
afterAll(async () => {
  await t.stop();
  dir.remove();
});

const event = (id: string, extra: Record<string, unknown> = {}) => ({
  event_id: id,
  type: 'page_view',
  timestamp: '2026-03-01T12:00:00Z',
  anonymous_id: 'anon-1',
  ...extra,
});
const post = (path: string, body: unknown, key = t.keys.ingest, contentType?: string) =>
  call(t.url, 'POST', path, { key, body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body), contentType });
const storedIds = async (workspace = 'shop') => (await t.warehouse.readRows(workspace, 'events')).map((r) => r.event_id);

describe('POST /v1/events', () => {
  it('stores a batch sent twice once', async () => {
    const batch = [event('twice-1'), event('twice-2')];
    expect((await post('/v1/events', batch)).body).toEqual({ accepted: 2, updated: 0, duplicates: 0, rejected: 0, errors: [] });
    expect((await post('/v1/events', batch)).body).toEqual({ accepted: 0, updated: 0, duplicates: 2, rejected: 0, errors: [] });
    expect((await storedIds()).filter((id) => String(id).startsWith('twice-'))).toEqual(['twice-1', 'twice-2']);
  });

  it('rejects malformed records with their index and field and stores the rest', async () => {
    const batch = [
      event('mixed-1'),
      { ...event('mixed-2'), timestamp: '2026-03-01 12:00' },
      event('mixed-3'),
      { event_id: 'mixed-4', type: 'page_view', timestamp: '2026-03-01T12:00:00Z' },
      'not an object',
      event('mixed-6', { revenue: 'ten' }),
    ];
    const response = await post('/v1/events', batch);
    expect(response.status).toBe(200);
    expect(response.body.accepted).toBe(2);
    expect(response.body.rejected).toBe(4);
    expect(response.body.errors.map((e: { index: number; field: string }) => [e.index, e.field])).toEqual([
      [1, 'timestamp'],
      [3, 'anonymous_id'],
      [4, '(record)'],
      [5, 'revenue'],
    ]);
    expect((await storedIds()).filter((id) => String(id).startsWith('mixed-'))).toEqual(['mixed-1', 'mixed-3']);
  });

  it('rejects a lone surrogate, which no UTF-8 store holds, and spoils no other batch committed with it', async () => {
    // Sent as raw JSON text: "\ud800" is valid JSON but not valid Unicode.
    const bad = `[${JSON.stringify(event('utf-1'))}, {"event_id": "utf-2", "type": "page_view", "timestamp": "2026-03-01T12:00:00Z", "anonymous_id": "a", "url": "https://shop.example/\\ud800"}]`;
    const others = Array.from({ length: 4 }, (_, k) => post('/v1/events', [event(`utf-other-${k}`)]));
    const [response, ...rest] = await Promise.all([post('/v1/events', bad), ...others]);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ accepted: 1, rejected: 1 });
    expect(response.body.errors[0]).toMatchObject({ index: 1, field: 'url', message: expect.stringMatching(/Unicode/) });
    expect(rest.map((r) => [r.status, r.body.accepted])).toEqual(Array(4).fill([200, 1]));
    expect((await storedIds()).filter((id) => String(id).startsWith('utf-')).sort()).toEqual(['utf-1', 'utf-other-0', 'utf-other-1', 'utf-other-2', 'utf-other-3']);
  });

  it('rejects counts beyond what a 64-bit column holds exactly, with the field, never a 500', async () => {
    const row = (campaign: string, impressions: number) => ({ date: '2026-03-01', platform: 'google_ads', campaign_id: campaign, impressions, clicks: 1, cost: 1 });
    // Into the other workspace, so the shop's ad rows stay as other tests expect them.
    const response = await post('/v1/import/ad_performance', [row('big-1', 1e20), row('big-2', 2 ** 53), row('big-3', 2 ** 53 - 1)], t.keys.otherAdmin);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ accepted: 1, rejected: 2 });
    expect(response.body.errors.map((e: { index: number; field: string }) => [e.index, e.field])).toEqual([
      [0, 'impressions'],
      [1, 'impressions'],
    ]);
    const stored = (await t.warehouse.readRows('other', 'ad_performance')).filter((r) => String(r.campaign_id).startsWith('big-'));
    expect(stored.map((r) => [r.campaign_id, String(r.impressions)])).toEqual([['big-3', '9007199254740991']]);
  });

  it('accepts NDJSON and rejects a bad line alone, with its line number', async () => {
    const body = [JSON.stringify(event('nd-1')), '{"event_id": broken', '', JSON.stringify(event('nd-2'))].join('\n');
    const response = await post('/v1/events', body, t.keys.ingest, 'application/x-ndjson');
    expect(response.body).toMatchObject({ accepted: 2, rejected: 1 });
    expect(response.body.errors[0]).toMatchObject({ index: 1, line: 2, field: '(record)' });
  });

  it('stores nothing from a JSON array that does not parse (400)', async () => {
    const response = await post('/v1/events', `[${JSON.stringify(event('broken-1'))}, {"event_id": "broken-2"`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_json');
    expect((await storedIds()).filter((id) => String(id).startsWith('broken-'))).toEqual([]);
  });

  it('accepts a gzip body', async () => {
    const body = gzipSync(JSON.stringify([event('gz-1')]));
    const response = await call(t.url, 'POST', '/v1/events', { key: t.keys.ingest, body, headers: { 'content-encoding': 'gzip' } });
    expect(response.body).toMatchObject({ accepted: 1 });
  });

  it('refuses an oversize body and a batch over the record limit with 413, storing nothing', async () => {
    const big = JSON.stringify([event('big-1', { properties: { pad: 'x'.repeat(70 * 1024) } })]);
    expect((await post('/v1/events', big)).status).toBe(413);
    const many = Array.from({ length: 51 }, (_, i) => event(`many-${i}`));
    const response = await post('/v1/events', many);
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('payload_too_large');
    expect((await storedIds()).filter((id) => /^(big|many)-/.test(String(id)))).toEqual([]);
  });

  it('needs a key with the ingest scope (401 without, 403 for a read key)', async () => {
    expect((await call(t.url, 'POST', '/v1/events', { body: '[]' })).status).toBe(401);
    expect((await post('/v1/events', [event('x')], 'bk_ingest_wrong')).status).toBe(401);
    const forbidden = await post('/v1/events', [event('x')], t.keys.read);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toMatchObject({ code: 'forbidden' });
  });

  it('keeps workspaces apart: the same event_id in another workspace is new there', async () => {
    await post('/v1/events', [event('iso-1')]);
    const other = await post('/v1/events', [event('iso-1'), event('iso-2')], t.keys.otherAdmin);
    expect(other.body).toMatchObject({ accepted: 2, duplicates: 0 });
    expect((await storedIds('shop')).filter((id) => String(id).startsWith('iso-'))).toEqual(['iso-1']);
    expect(await storedIds('other')).toEqual(['iso-1', 'iso-2']);
  });
});

describe('POST /v1/import/{source}', () => {
  it('imports CSV orders, locating a bad line by its line number', async () => {
    const csv = 'order_id,customer_id,timestamp,revenue,currency\no1,c1,2026-03-01T10:00:00Z,19.99,USD\no2,c2,2026-03-01T11:00:00Z,lots,USD\n"o3",c3,2026-03-02T09:00:00+02:00,5,EUR\n';
    const response = await post('/v1/import/orders', csv, t.keys.ingest, 'text/csv');
    expect(response.body).toMatchObject({ accepted: 2, rejected: 1 });
    expect(response.body.errors).toEqual([{ index: 1, line: 3, field: 'revenue', message: expect.stringContaining('number') }]);
    const again = await post('/v1/import/orders', csv.replace('19.99', '21.00'), t.keys.ingest, 'text/csv');
    expect(again.body).toMatchObject({ accepted: 0, updated: 1, duplicates: 1, rejected: 1 });
  });

  it('answers an unknown source with 404 listing the known ones', async () => {
    const response = await post('/v1/import/tweets', []);
    expect(response.status).toBe(404);
    expect(response.body.error.message).toContain('ad_performance');
    expect(response.body.error.details.sources).toContain('fx_rates');
  });

  it('applies a preset to a real export layout', async () => {
    const csv = [
      'Campaign performance report',
      'March 1, 2026 - March 2, 2026',
      'Day,Campaign ID,Campaign,Impr.,Clicks,Cost,Conversions',
      '2026-03-01,111,Brand,"1,200",30,45.50,3',
      '2026-03-02,111,Brand,0,0,0.00,--',
      'Total: Campaigns,,,"1,200",30,45.50,3',
    ].join('\n');
    const response = await post('/v1/import/ad_performance?preset=google_ads', csv, t.keys.ingest, 'text/csv');
    expect(response.body).toMatchObject({ accepted: 2, rejected: 0 });
    const rows = await t.warehouse.readRows('shop', 'ad_performance');
    expect(rows.map((r) => [r.date, r.platform, r.campaign_id, Number(r.impressions), Number(r.clicks), Number(r.cost)])).toEqual([
      ['2026-03-01', 'google_ads', '111', 1200, 30, 45.5],
      ['2026-03-02', 'google_ads', '111', 0, 0, 0],
    ]);
  });
});

describe('POST /v1/import/{source}: imports that explain the file', () => {
  const csv = (body: string, query = '', key = t.keys.ingest) => post(`/v1/import/orders${query}`, body, key, 'text/csv');
  const importsOf = async (key = t.keys.admin) => (await call(t.url, 'GET', '/v1/imports', { key })).body.imports as { id: string; source: string; accepted: number; rejected: number }[];

  it('rejects a file whose header lacks required fields with one error that gives the fix, lists it in /v1/imports, and the fix works', async () => {
    const before = new Set((await importsOf()).map((i) => i.id));
    const file = 'order_id,customer_id,ordered_at,amount\nhx-1,c1,2026-03-01T10:00:00Z,10\nhx-2,c2,2026-03-02T10:00:00Z,20\nhx-3,c3,2026-03-03T10:00:00Z,30\n';
    const response = await csv(file);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      accepted: 0,
      updated: 0,
      duplicates: 0,
      rejected: 3,
      errors: [
        {
          index: 0,
          line: 1,
          field: '(header)',
          message:
            'the header has no column for timestamp, revenue (required by orders); unknown columns: ordered_at (did you mean timestamp?), ' +
            'amount (did you mean revenue?); import it with ?map=ordered_at=timestamp,amount=revenue',
        },
      ],
    });
    const added = (await importsOf()).filter((i) => !before.has(i.id));
    expect(added).toMatchObject([{ source: 'orders', origin: 'http POST /v1/import/orders', accepted: 0, updated: 0, duplicates: 0, rejected: 3 }]);
    // The option the message names, sent as it is written there.
    const fix = /\?map=\S+$/.exec(response.body.errors[0].message)![0];
    expect((await csv(file, fix)).body).toEqual({ accepted: 3, updated: 0, duplicates: 0, rejected: 0, errors: [] });
  });

  it('stores a file with an unknown extra column and warns about it; a semicolon file with a BOM reads the same', async () => {
    const file = '\uFEFForder_id;customer_id;timestamp;revenue;stauts\r\nhw-1;c1;2026-03-01T10:00:00Z;10;completed\r\n';
    expect((await csv(file)).body).toEqual({
      accepted: 1,
      updated: 0,
      duplicates: 0,
      rejected: 0,
      errors: [],
      warnings: [
        { line: 1, field: 'stauts', message: 'is not a field of orders; the column is ignored (did you mean status?)' },
        { line: 1, field: '(header)', message: 'to read the suggested fields, import with ?map=stauts=status' },
      ],
    });
    expect((await t.warehouse.readRows('shop', 'orders')).find((r) => r.order_id === 'hw-1')).toMatchObject({ customer_id: 'c1' });
  });

  it('reports every invalid field of a record on its line, and lists a body that stored nothing with its count', async () => {
    const before = new Set((await importsOf()).map((i) => i.id));
    const response = await csv('order_id,customer_id,timestamp,revenue,currency\nhm-1,,noon,ten,ZZZ\n');
    expect(response.body).toEqual({
      accepted: 0,
      updated: 0,
      duplicates: 0,
      rejected: 1,
      errors: [
        { index: 0, line: 2, field: 'customer_id', message: 'is required' },
        { index: 0, line: 2, field: 'timestamp', message: 'must be an ISO-8601 timestamp with a zone (e.g. 2026-03-01T12:00:00Z), got "noon"' },
        { index: 0, line: 2, field: 'revenue', message: 'must be a number, got "ten"' },
        { index: 0, line: 2, field: 'currency', message: 'is not an ISO 4217 currency code, got "ZZZ"' },
      ],
    });
    expect((await importsOf()).filter((i) => !before.has(i.id))).toMatchObject([{ source: 'orders', accepted: 0, rejected: 1 }]);
  });

  it('takes date-only timestamps only with ?assume_timezone=, as midnight in that zone, and refuses an unknown zone', async () => {
    const file = 'order_id,customer_id,timestamp,revenue\nhd-1,c1,2026-12-01,10\n';
    const refused = await csv(file);
    expect(refused.body).toMatchObject({ accepted: 0, rejected: 1 });
    expect(refused.body.errors[0]).toEqual({
      index: 0,
      line: 2,
      field: 'timestamp',
      message:
        'is a date without a time, got "2026-12-01": send a time and zone (2026-12-01T00:00:00Z), or name the zone the dates are in with ' +
        '--assume-timezone ZONE (HTTP: ?assume_timezone=ZONE), e.g. Europe/Berlin or UTC, to read each date as midnight there',
    });
    expect((await csv(file, '?assume_timezone=Europe/Berlin')).body).toMatchObject({ accepted: 1, rejected: 0 });
    const stored = (await t.warehouse.readRows('shop', 'orders')).find((r) => r.order_id === 'hd-1')!;
    // Midnight in Berlin (CET, +01:00) is 23:00 UTC the day before.
    expect(String(stored.timestamp)).toMatch(/^2026-11-30[ T]23:00:00/);
    const unknown = await csv(file, '?assume_timezone=Mars/Olympus');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('assume_timezone: unknown time zone "Mars/Olympus"; expected an IANA name such as Europe/Berlin or America/New_York, or UTC');
  });

  it('checks the header of events too (they are prepared in a worker thread)', async () => {
    const response = await post('/v1/import/events', 'id,type,timestamp,visitor_id\nhe-1,page_view,2026-03-01T10:00:00Z,v1\n', t.keys.ingest, 'text/csv');
    expect(response.body).toEqual({
      accepted: 0,
      updated: 0,
      duplicates: 0,
      rejected: 1,
      errors: [
        {
          index: 0,
          line: 1,
          field: '(header)',
          message:
            'the header has no column for event_id, anonymous_id (required by events); unknown columns: id (did you mean event_id?), ' +
            'visitor_id (did you mean anonymous_id?); import it with ?map=id=event_id,visitor_id=anonymous_id',
        },
      ],
    });
  });
});

describe('workspace routes', () => {
  it('reads and changes settings with the right scopes', async () => {
    expect((await call(t.url, 'GET', '/v1/settings', { key: t.keys.read })).body.settings.currency).toBe('USD');
    const denied = await call(t.url, 'PATCH', '/v1/settings', { key: t.keys.read, body: '{"gross_margin":0.3}' });
    expect(denied.status).toBe(403);
    const changed = await call(t.url, 'PATCH', '/v1/settings', { key: t.keys.admin, body: '{"gross_margin":0.3,"own_hosts":["shop.example"]}' });
    expect(changed.body.settings).toMatchObject({ gross_margin: 0.3, own_hosts: ['shop.example'] });
    const bad = await call(t.url, 'PATCH', '/v1/settings', { key: t.keys.admin, body: '{"timezone":"Mars/Olympus"}' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('timezone');
    const unknown = await call(t.url, 'PATCH', '/v1/settings', { key: t.keys.admin, body: '{"colour":"red"}' });
    expect(unknown.status).toBe(400);
  });

  it('tells freshness per source', async () => {
    const response = await call(t.url, 'GET', '/v1/freshness', { key: t.keys.read });
    const events = response.body.sources.find((s: { source: string }) => s.source === 'events');
    expect(events.latest_date).toBe('2026-03-01');
  });

  it('creates, lists and revokes keys; a revoked key is refused', async () => {
    const created = await call(t.url, 'POST', '/v1/keys', { key: t.keys.admin, body: '{"scope":"read"}' });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^bk_read_/);
    const listed = await call(t.url, 'GET', '/v1/keys', { key: t.keys.admin });
    expect(listed.body.keys.some((k: { id: string; hash?: string }) => k.id === created.body.id && k.hash === undefined)).toBe(true);
    expect((await call(t.url, 'GET', '/v1/settings', { key: created.body.key })).status).toBe(200);
    expect((await call(t.url, 'DELETE', `/v1/keys/${created.body.id}`, { key: t.keys.admin })).status).toBe(200);
    expect((await call(t.url, 'GET', '/v1/settings', { key: created.body.key })).status).toBe(401);
    // Another workspace's key id is unknown here.
    expect((await call(t.url, 'DELETE', `/v1/keys/${created.body.id}`, { key: t.keys.otherAdmin })).status).toBe(404);
  });

  it('serves healthz, openapi and a 404 in the error shape', async () => {
    expect((await call(t.url, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
    const openapi = (await call(t.url, 'GET', '/openapi.json')).body;
    expect(openapi.paths['/v1/events'].post).toBeDefined();
    expect(openapi.components.schemas.events.required).toEqual(['event_id', 'type', 'timestamp', 'anonymous_id']);
    const missing = await call(t.url, 'GET', '/v2/nothing');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });
});

describe('hostile input', () => {
  const hostile = [
    "'; DROP TABLE events; --",
    '" OR 1=1 --',
    'line\nbreak\r\nand\ttab',
    'quote " and \\ backslash',
    '日本語 😀 \u202e reversed',
    '$ws $1 ? :name',
    '{"json": "in a string"}',
    ',comma,,separated,',
  ];

  it('stores hostile strings in every text field exactly as sent, and nothing else changes', async () => {
    const batch = hostile.map((text, i) =>
      event(`hostile-${i}-${text}`, {
        anonymous_id: text,
        user_id: text,
        session_id: text,
        url: `https://shop.example/${encodeURIComponent(text)}?utm_source=${encodeURIComponent(text)}`,
        referrer: text,
        utm_campaign: text,
        campaign_id: text,
        channel: text,
        order_id: text,
        user_agent: text,
        properties: { [text]: text },
      }),
    );
    const response = await post('/v1/events', batch);
    expect(response.body).toMatchObject({ accepted: hostile.length, rejected: 0 });
    const stored = (await t.warehouse.readRows('shop', 'events')).filter((r) => String(r.event_id).startsWith('hostile-'));
    const byId = new Map(stored.map((r) => [r.event_id, r]));
    hostile.forEach((text, i) => {
      const row = byId.get(`hostile-${i}-${text}`)!;
      expect([row.anonymous_id, row.user_id, row.session_id, row.referrer, row.utm_campaign, row.campaign_id, row.channel, row.order_id, row.user_agent]).toEqual(Array(9).fill(text));
      expect(JSON.parse(String(row.properties))).toEqual({ [text]: text });
    });
    // The derived view is built from them too (identities, sessions, channels).
    await t.server.scheduler.flush('shop');
    const facts = (await t.warehouse.readDerived('shop', 'event_facts')).filter((r) => String(r.event_id).startsWith('hostile-'));
    expect(facts.map((f) => [f.anonymous_id, f.channel]).sort()).toEqual(hostile.map((text) => [text, text]).sort());
    // The other workspace and the tables are untouched.
    expect((await t.warehouse.readRows('other', 'events')).some((r) => String(r.event_id).startsWith('hostile-'))).toBe(false);
    expect((await call(t.url, 'GET', '/healthz')).status).toBe(200);
  });

  it('refuses hostile source names, presets and maps with 4xx, never 500', async () => {
    for (const path of [
      "/v1/import/events'%3B%20DROP%20TABLE%20events",
      '/v1/import/..%2F..%2Fetc%2Fpasswd',
      '/v1/import/ad_performance?preset=%27%3B--',
      '/v1/import/orders?map=%3D%3D%3D',
    ]) {
      const response = await post(path, [event('h')]);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
    }
  });
});
