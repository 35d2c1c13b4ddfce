// The standing fuzz suite: every route of the OpenAPI document (so a route is
// covered the day it lands) receives random and adversarial requests: bodies
// and query strings with deep nesting, huge strings, lone surrogates, invalid
// UTF-8, NUL, prototype-pollution keys, SQL fragments, extreme numbers and
// dates, and valid bodies with one field made hostile. None may answer 500,
// each answers within the test's time, /healthz keeps answering, and nothing
// stored in another workspace changes. Then every route that names an id is
// walked with another workspace's ids: all are unknown (404) and stay put.
// The seed is fixed so CI is repeatable; BEACON_FUZZ_SEED explores others.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestServer, type TestServer } from './support/test-server.js';
import { tempDir } from './support/temp-dir.js';

const SEED = Number(process.env.BEACON_FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.BEACON_FUZZ_RUNS ?? 40);

const dir = tempDir('fuzz');
let t: TestServer;
let routes: { method: string; path: string }[] = [];

/** Ids that exist in workspace "other" (made in beforeAll). */
const otherIds: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer(dir.path, { requestsPerMinute: 1_000_000 });
  const other = (method: string, path: string, body?: unknown) => call(t.url, method, path, { key: t.keys.otherAdmin, body: body === undefined ? undefined : JSON.stringify(body) });
  expect((await other('POST', '/v1/import/campaigns', [{ campaign_id: 'oc1', name: 'Other', platform: 'google_ads' }])).status).toBe(200);
  otherIds.import = (await other('GET', '/v1/imports')).body.imports[0].id;
  otherIds.campaign = 'oc1';
  otherIds.goal = (await other('POST', '/v1/goals', { metric: 'cost', target: 10, from: '2026-01-01', to: '2026-01-31' })).body.id;
  otherIds.benchmark = (await other('POST', '/v1/benchmarks', { metric: 'ctr', low: 1, high: 2 })).body.id;
  otherIds.metric = (await other('POST', '/v1/metrics/custom', { id: 'other_cpl', formula: 'cost / leads' })).body.id;
  otherIds.key = (await other('GET', '/v1/keys')).body.keys[0].id;
  const doc = (await call(t.url, 'GET', '/openapi.json', {})).body as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path })));
}, 60_000);

afterAll(async () => {
  await t.stop();
  dir.remove();
});

/** What workspace "other" holds, as its own admin sees it. */
async function otherWorkspace(): Promise<unknown> {
  const get = async (path: string) => (await call(t.url, 'GET', path, { key: t.keys.otherAdmin })).body;
  return Promise.all(['/v1/settings', '/v1/imports', '/v1/freshness', '/v1/goals', '/v1/benchmarks', '/v1/metrics/custom', '/v1/keys'].map(get));
}

const SQL = ["'; DROP TABLE events; --", "' OR '1'='1", '1); DELETE FROM workspaces; --', '`; DROP DATABASE beacon; --', '\\'];
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    ...SQL,
    '\ud800',
    'a\udc00b',
    'nul\u0000byte',
    '__proto__',
    'constructor',
    'prototype',
    '0000-00-00',
    '0001-01-01',
    '9999-12-31',
    '1970-01-01T00:00:00Z',
    '2026-02-30',
    'x'.repeat(100_000),
    '{"$gt":""}',
    '../../etc/passwd',
    '%00',
    '\u202e\u2028',
  ),
);
const hostileNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0.1 + 0.2, 2 ** 63),
);
const hostileKey = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'metrics', 'from', 'to', 'filters', 'formula', 'id', ...SQL));
const { value: hostileValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
  ),
}));

/** Raw bodies JSON cannot describe: nesting deep enough to overflow a recursive reader, invalid UTF-8, empty, not JSON. */
const rawBodies: Buffer[] = [
  Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
  Buffer.from(`{"properties":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`),
  Buffer.from([0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
  Buffer.alloc(0),
  Buffer.from('not json at all'),
  Buffer.from('{"a":1}\n{"b":\n'),
];

/** A valid body per route, so that one hostile field reaches deep into its handling. */
const EXAMPLES: Record<string, unknown> = {
  'POST /v1/events': [{ event_id: 'f1', type: 'page_view', timestamp: '2026-03-01T10:00:00Z', anonymous_id: 'a1', url: 'https://shop.example/?utm_source=google' }],
  'POST /v1/import/{source}': [{ order_id: 'o1', customer_id: 'c1', timestamp: '2026-03-01T10:00:00Z', revenue: 10 }],
  'POST /v1/segment/batch': {
    batch: [
      { type: 'page', messageId: 's1', anonymousId: 'a1', timestamp: '2026-03-01T10:00:00Z', context: { page: { url: 'https://shop.example/', referrer: 'https://g.example/' }, campaign: { source: 'google', medium: 'cpc' }, userAgent: 'Mozilla/5.0' } },
      { type: 'identify', messageId: 's2', anonymousId: 'a1', userId: 'u1', traits: { email: 'a@b.example' } },
      { type: 'track', messageId: 's3', userId: 'u1', event: 'Order Completed', properties: { order_id: 'o1', revenue: 10, currency: 'usd' }, sentAt: '2026-03-01T10:00:05Z' },
    ],
    context: { library: { name: 'analytics-node' } },
    sentAt: '2026-03-01T10:00:06Z',
  },
  'POST /v1/segment/track': { messageId: 's4', anonymousId: 'a1', event: 'Clicked', timestamp: '2026-03-01T10:00:00Z', properties: { total: 5 } },
  'PATCH /v1/settings': { conversion_types: ['purchase'], channel_rules: [{ channel: 'Partners', source: 'partner-.*' }] },
  'POST /v1/keys': { scope: 'read' },
  'POST /v1/query': { metrics: ['cost', 'cpa'], dimensions: ['channel'], grain: 'day', from: '2026-03-01', to: '2026-03-07', filters: [{ dimension: 'channel', op: 'in', values: ['Email'] }], compare: 'previous_period', order_by: '-cost', limit: 5 },
  'POST /v1/metrics/custom': { id: 'cpl', formula: 'cost / leads', label: 'Cost per lead', unit: 'money', direction: 'down' },
  'POST /v1/goals': { metric: 'cost', target: 100, from: '2026-03-01', to: '2026-03-31', filters: [{ dimension: 'channel', op: 'eq', values: ['Email'] }], seasonality: [1, 1, 1, 1, 1, 2, 2] },
  'POST /v1/benchmarks': { metric: 'ctr', low: 1, high: 3, label: 'Search' },
  'POST /v1/attribution': { model: 'compare', dimension: 'channel', from: '2026-03-01', to: '2026-03-07', lookback_days: 30, position_weights: { first: 0.4, middle: 0.2, last: 0.4 }, intervals: true, resamples: 20, seed: 3 },
  'POST /v1/cohorts': { by: 'week', metric: 'retention', from: '2026-02-02', to: '2026-03-29', activity: 'subscription', channel: 'Email', dimension: 'campaign', projection_periods: 4 },
  'POST /v1/funnels': { steps: ['ad_click', 'page_view', 'stage:lead', 'session_start', 'purchase'], window_days: 7, from: '2026-03-01', to: '2026-03-07', order: 'strict', by: 'campaign' },
  'POST /v1/forecast': {
    series: Array.from({ length: 26 }, (_, i) => ({ date: `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`, value: 100 + 10 * (i % 12) + i })),
    horizon: 6,
    season: 12,
    model: 'auto',
    damped: false,
    level: 0.9,
  },
  'POST /v1/anomalies': { metric: 'cpa', filters: [{ dimension: 'channel', op: 'in', values: ['Email'] }], grain: 'week', from: '2026-03-02', to: '2026-03-29', sensitivity: 0.95, training_periods: 8 },
  'POST /v1/alerts': {
    name: 'CPA too high',
    metric: 'cpa',
    filters: [{ dimension: 'channel', op: 'eq', values: ['Email'] }],
    grain: 'day',
    condition: { kind: 'threshold', op: 'above', value: 40 },
    by: 'campaign',
    schedule: '0 * * * *',
    realtime: true,
    cooldown_minutes: 60,
    webhook: { url: 'https://hooks.example/beacon', secret: 'a-secret-of-24-characters', format: 'json' },
    action: { action: 'decrease_budget', by_percent: 20, max_change_per_day_percent: 30 },
  },
  'POST /v1/experiments/analyze': {
    kind: 'mean',
    control: 'B',
    variants: [
      { name: 'A', n: 1000, sum: 5200, sum_squares: 31000, covariate_sum: 5000, covariate_sum_squares: 29000, cross_sum: 29500 },
      { name: 'B', n: 1010, sum: 5100, sum_squares: 30500, covariate_sum: 5050, covariate_sum_squares: 29300, cross_sum: 29400 },
    ],
    planned_split: [0.5, 0.5],
    alpha: 0.1,
    sequential: true,
    sequential_tuning: 2000,
  },
};

/** The example with one field (possibly nested) replaced by a hostile value. */
function mutate(example: unknown, path: number[], value: unknown): unknown {
  if (example === null || typeof example !== 'object' || path.length === 0) return value;
  const entries = Array.isArray(example) ? example.map((v, i) => [String(i), v] as const) : Object.entries(example);
  if (entries.length === 0) return value;
  const [key] = entries[path[0] % entries.length];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(example) ? [...example] : { ...example };
  (copy as Record<string, unknown>)[key] = mutate((example as Record<string, unknown>)[key], path.slice(1), value);
  return copy;
}

const PATH_VALUES = fc.oneof(hostileString, fc.constantFrom('events', 'orders', 'campaigns', 'c1', 'nope', '%ED%A0%80', '%FF', '%00', '%C0%AF'));
/** Raw bytes in a path segment that are not UTF-8: a lone surrogate's CESU-8 form, a stray byte, an encoded NUL. */
const RAW_SEGMENTS = ['%ED%A0%80', '%FF', '%00', '%C0%AF'];
const segment = (value: string) =>
  RAW_SEGMENTS.includes(value) ? value : encodeURIComponent((value as unknown as { toWellFormed(): string }).toWellFormed()).slice(0, 2_000);
const fill = (path: string, value: string) => path.replace(/\{[^}]+\}/g, segment(value));
const QUERY = fc.dictionary(fc.constantFrom('from', 'to', 'preset', 'map', 'platform', 'key', 'limit'), hostileString, { maxKeys: 3 });
const queryString = (q: Record<string, string>) => {
  const text = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, v.slice(0, 2_000)])).toString();
  return text ? `?${text}` : '';
};

async function expectAlive(): Promise<void> {
  expect((await call(t.url, 'GET', '/healthz', {})).status).toBe(200);
}

describe('fuzz: every route of the OpenAPI document', () => {
  it('reads the routes from the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes).toContainEqual({ method: 'POST', path: '/v1/query' });
  });

  it('never answers 500 to random and hostile bodies, path ids and query strings', async () => {
    const before = await otherWorkspace();
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      const example = EXAMPLES[name];
      const body = example === undefined ? hostileValue : fc.tuple(fc.array(fc.nat(), { maxLength: 3 }), hostileValue).map(([path, v]) => mutate(example, path, v));
      await fc.assert(
        fc.asyncProperty(body, PATH_VALUES, QUERY, async (value, id, query) => {
          const response = await call(t.url, route.method, `${fill(route.path, id)}${queryString(query)}`, {
            key: t.keys.admin,
            body: route.method === 'GET' || route.method === 'DELETE' ? undefined : JSON.stringify(value),
          });
          if (response.status >= 500) throw new Error(`${name} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      if (route.method !== 'GET') {
        for (const raw of rawBodies) {
          const response = await call(t.url, route.method, fill(route.path, 'events'), { key: t.keys.admin, body: raw });
          expect(response.status, `${name} with a raw body of ${raw.length} bytes`).toBeLessThan(500);
        }
      }
      await expectAlive();
    }
    expect(await otherWorkspace()).toEqual(before);
  }, 240_000);
});

describe('fuzz: import files', () => {
  const csvLine = fc.array(fc.oneof(hostileString, fc.constantFrom('"', '""', '"unclosed', ',', '\r\n', 'Total', '--', '1,234.56')), { minLength: 1, maxLength: 6 });
  const csv = fc.array(csvLine, { minLength: 1, maxLength: 6 }).map((lines) => lines.map((cells) => cells.join(',')).join('\n'));

  it('never answers 500 to hostile CSV and NDJSON files, with or without a preset', async () => {
    await fc.assert(
      fc.asyncProperty(csv, fc.constantFrom('', '?preset=google_ads', '?preset=meta_ads', '?map=Cost%3Dcost'), fc.constantFrom('orders', 'ad_performance', 'events'), async (text, options, source) => {
        for (const contentType of ['text/csv', 'application/x-ndjson']) {
          const response = await call(t.url, 'POST', `/v1/import/${source}${options}`, { key: t.keys.admin, body: text, contentType });
          if (response.status >= 500) throw new Error(`${contentType} ${source}${options} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    await expectAlive();
  }, 120_000);
});

describe('cross-workspace: every route with an id, called with another workspace ids', () => {
  it('answers 404 for each of them, and leaves them in place', async () => {
    const before = await otherWorkspace();
    const withId = routes.filter((r) => /\{(id|source)\}/.test(r.path));
    expect(withId.length).toBeGreaterThanOrEqual(6);
    for (const route of withId) {
      for (const id of Object.values(otherIds)) {
        const { status } = await call(t.url, route.method, `${fill(route.path, id)}?from=2026-01-01&to=2026-01-31`, {
          key: t.keys.admin,
          body: route.method === 'POST' ? '[]' : undefined,
        });
        // Import routes name a source, not a resource: another workspace's ids are unknown sources there.
        expect([404, 400], `${route.method} ${route.path} with ${id}`).toContain(status);
      }
    }
    expect(await otherWorkspace()).toEqual(before);
  }, 60_000);
});
