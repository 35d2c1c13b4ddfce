// Hostile bodies that once gave 500s (found by fuzzing): each is now refused
// with the field named, the server keeps answering, and nothing else is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestServer, type TestServer } from './support/test-server.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('http-hostile');
let t: TestServer;
const send = (method: string, path: string, body: unknown, key = t.keys.admin) => call(t.url, method, path, { key, body: JSON.stringify(body) });

beforeAll(async () => {
  t = await startTestServer(dir.path);
}, 60_000);

afterAll(async () => {
  await t.stop();
  dir.remove();
});

const LONE = '\ud800';

describe('stored text fields refuse what no store can hold', () => {
  it('regression: a lone surrogate in a label, a filter, a setting or a channel rule was a 500; now a 400 naming the field', async () => {
    const cases: [string, string, unknown, string][] = [
      ['POST', '/v1/metrics/custom', { id: 'cpl', formula: 'cost / leads', label: `Cost${LONE}` }, 'label'],
      ['POST', '/v1/benchmarks', { metric: 'ctr', low: 1, high: 2, label: `Search${LONE}` }, 'label'],
      ['POST', '/v1/goals', { metric: 'cost', target: 10, from: '2026-01-01', to: '2026-01-31', filters: [{ dimension: 'channel', op: 'eq', values: [`x${LONE}`] }] }, 'filters[0].values[0]'],
      ['PATCH', '/v1/settings', { conversion_types: ['purchase', `sign${LONE}up`] }, 'conversion_types[1]'],
      ['PATCH', '/v1/settings', { channel_rules: [{ channel: 'Partners', source: `p${LONE}` }] }, 'channel_rules[0].source'],
      ['POST', '/v1/benchmarks', { metric: 'ctr', low: 1, high: 2, label: 'a\u0000b' }, 'label'],
      ['PATCH', '/v1/settings', { currency: 'ZZZ' }, 'currency'],
      ['POST', '/v1/goals', { metric: 'cost', target: 1e308, from: '2026-01-01', to: '2026-01-31' }, 'target'],
      ['POST', '/v1/cohorts', { by: 'month', metric: 'retention', from: '2026-01-01', to: '2026-01-31', channel: `E${LONE}mail` }, 'channel'],
      ['POST', '/v1/experiments/analyze', { kind: 'rate', variants: [{ name: `A${LONE}`, n: 10, conversions: 1 }, { name: 'B', n: 10, conversions: 2 }] }, 'variants[0].name'],
      ['POST', '/v1/forecast', { metric: 'cost', from: '2026-01-01', to: '2026-01-31', horizon_days: 7, filters: [{ dimension: 'channel', op: 'eq', values: [`x${LONE}`] }] }, 'filters[0].values[0]'],
      ['POST', '/v1/anomalies', { metric: 'cost', from: '2026-01-01', to: '2026-01-31', filters: [{ dimension: 'channel', op: 'eq', values: [`x${LONE}`] }] }, 'filters[0].values[0]'],
      ['POST', '/v1/anomalies', { metric: `cost${LONE}`, from: '2026-01-01', to: '2026-01-31' }, 'metric'],
    ];
    for (const [method, path, body, field] of cases) {
      const { status, body: answer } = await send(method, path, body);
      expect(status, `${method} ${path}`).toBe(400);
      expect(JSON.stringify(answer.error.details), `${method} ${path}`).toContain(field);
    }
    // Nothing was stored.
    expect((await call(t.url, 'GET', '/v1/benchmarks', { key: t.keys.read })).body.benchmarks).toEqual([]);
    expect((await call(t.url, 'GET', '/v1/settings', { key: t.keys.read })).body.settings.conversion_types).toEqual(['purchase']);
  });
});

describe('event properties', () => {
  it('regression: properties nested 100,000 levels deep overflowed the stack (a 500); the event is rejected, the others stored', async () => {
    const deep = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
    const body = `[{"event_id":"deep","type":"page_view","timestamp":"2026-05-01T10:00:00Z","anonymous_id":"a1","properties":{"x":${deep}}},` +
      '{"event_id":"flat","type":"page_view","timestamp":"2026-05-01T10:01:00Z","anonymous_id":"a1","properties":{"x":[1]}}]';
    const { status, body: answer } = await call(t.url, 'POST', '/v1/events', { key: t.keys.ingest, body });
    expect(status).toBe(200);
    expect(answer).toMatchObject({ accepted: 1, rejected: 1 });
    expect(answer.errors).toEqual([{ index: 0, field: 'properties', message: 'nests deeper than 64 levels' }]);
    expect((await call(t.url, 'GET', '/healthz', {})).status).toBe(200);
  });
});

describe('custom metrics built on custom metrics', () => {
  it('regression: a formula of 100 terms passed the length check on save, then failed it when written out in measures (a 500)', async () => {
    // 399 characters; written out, each ctr is clicks / impressions * 100, far past 500 characters.
    const formula = Array.from({ length: 100 }, () => 'ctr').join('+');
    const saved = await send('POST', '/v1/metrics/custom', { id: 'ctr_100', formula });
    expect(saved.status).toBe(201);
    const { status, body } = await send('POST', '/v1/query', { metrics: ['ctr_100'], from: '2026-05-01', to: '2026-05-01' }, t.keys.read);
    expect(status).toBe(200);
    expect(body.totals).toEqual({ ctr_100: null }); // no impressions: every ctr term divides by zero
  });

  it('regression: a formula that passed on save failed when described (a 500 on every later query); now refused on save', async () => {
    // m0 = cost + cost (3 nodes); m(i) = m(i-1) + m(i-1) has 2 × size(m(i-1)) + 1 = 2^(i+2) − 1 nodes written out.
    expect((await send('POST', '/v1/metrics/custom', { id: 'm0', formula: 'cost + cost' })).status).toBe(201);
    for (let i = 1; i <= 8; i++) expect((await send('POST', '/v1/metrics/custom', { id: `m${i}`, formula: `m${i - 1} + m${i - 1}` })).status, `m${i}`).toBe(201);
    // m9 would have 2^11 − 1 = 2047 nodes: past the cap of 2000.
    const m9 = await send('POST', '/v1/metrics/custom', { id: 'm9', formula: 'm8 + m8' });
    expect(m9.status).toBe(400);
    expect(m9.body.error.message).toContain('expands to 2047 terms over measures (at most 2000)');
    // The catalog and queries keep working.
    expect((await call(t.url, 'GET', '/v1/catalog', { key: t.keys.read })).status).toBe(200);
    expect((await send('POST', '/v1/query', { metrics: ['m8'], from: '2026-05-01', to: '2026-05-01' }, t.keys.read)).status).toBe(200);
  });
});

describe('funnel steps', () => {
  const funnel = (steps: string[], month = '05') => send('POST', '/v1/funnels', { steps, window_days: 7, from: `2026-${month}-01`, to: `2026-${month}-30` }, t.keys.read);

  it('refuses hostile step names with a 400 naming the step, and keeps answering', async () => {
    for (const name of ["'; DROP TABLE events; --", `sign${LONE}up`, 'nul\u0000byte', 'x'.repeat(200), '__proto__', 'stage:constructor', 'event:']) {
      const { status, body } = await funnel(['page_view', name]);
      expect(status, JSON.stringify(name)).toBe(400);
      expect(JSON.stringify(body.error.details), JSON.stringify(name)).toContain('steps[1]');
    }
    expect((await funnel(['page_view', 'x'.repeat(201)])).status).toBe(400);
    expect((await call(t.url, 'GET', '/healthz', {})).status).toBe(200);
  });

  it('counts a stored event type that reads like SQL as a value, never as SQL', async () => {
    const type = "x'); DROP TABLE events; --";
    const events = [
      { event_id: 'h1', type: 'page_view', timestamp: '2026-06-02T10:00:00Z', anonymous_id: 'h', url: 'https://shop.example/' },
      { event_id: 'h2', type, timestamp: '2026-06-02T10:01:00Z', anonymous_id: 'h', url: 'https://shop.example/x' },
    ];
    expect((await call(t.url, 'POST', '/v1/events', { key: t.keys.ingest, body: JSON.stringify(events) })).body).toMatchObject({ accepted: 2 });
    const { status, body } = await funnel(['page_view', type], '06');
    expect(status).toBe(200);
    expect(body.steps.map((s: { count: number }) => s.count)).toEqual([1, 1]);
    expect(body.steps[1].median_seconds_from_previous).toBe(60);
  });
});
