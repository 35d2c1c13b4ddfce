// The metrics API over real HTTP on loopback: catalog, queries (with the
// derived view brought up to date first), custom metrics, campaign KPIs,
// goals and benchmarks, scopes, and bad input that must never be a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestServer, type TestServer } from './support/test-server.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('http-metrics');
let t: TestServer;
const post = (path: string, body: unknown, key = t.keys.read) => call(t.url, 'POST', path, { key, body: JSON.stringify(body) });
const get = (path: string, key = t.keys.read) => call(t.url, 'GET', path, { key });

// Two days of Google Ads spend on one campaign, and two visits from it (one buying 80 on day 2).
const campaigns = [{ campaign_id: 'c1', name: 'Brand', platform: 'google_ads', objective: 'conversion' }];
const ads = [
  { date: '2026-05-01', platform: 'google_ads', campaign_id: 'c1', impressions: 1000, clicks: 40, cost: 20 },
  { date: '2026-05-02', platform: 'google_ads', campaign_id: 'c1', impressions: 3000, clicks: 60, cost: 30 },
];
const events = [
  { event_id: 'e1', type: 'page_view', timestamp: '2026-05-01T10:00:00Z', anonymous_id: 'a1', url: 'https://shop.example/?utm_source=google&utm_medium=cpc&utm_campaign=c1' },
  { event_id: 'e2', type: 'page_view', timestamp: '2026-05-02T10:00:00Z', anonymous_id: 'a2', url: 'https://shop.example/?utm_source=google&utm_medium=cpc&utm_campaign=c1' },
  { event_id: 'e3', type: 'purchase', timestamp: '2026-05-02T10:05:00Z', anonymous_id: 'a2', url: 'https://shop.example/thanks', revenue: 80, order_id: 'o1' },
];

beforeAll(async () => {
  t = await startTestServer(dir.path);
  const ingest = (path: string, records: unknown[]) => call(t.url, 'POST', path, { key: t.keys.ingest, body: JSON.stringify(records) });
  expect((await ingest('/v1/import/campaigns', campaigns)).status).toBe(200);
  expect((await ingest('/v1/import/ad_performance', ads)).status).toBe(200);
  expect((await ingest('/v1/events', events)).status).toBe(200);
}, 60_000);

afterAll(async () => {
  await t.stop();
  dir.remove();
});

describe('POST /v1/query', () => {
  it('answers right after ingestion (the derived view is refreshed first), with rows, totals and units', async () => {
    const { status, body } = await post('/v1/query', { metrics: ['cost', 'clicks', 'cpc', 'conversions', 'roas'], grain: 'day', from: '2026-05-01', to: '2026-05-03' });
    expect(status).toBe(200);
    expect(body.columns.map((c: { name: string }) => c.name)).toEqual(['date', 'cost', 'clicks', 'cpc', 'conversions', 'roas']);
    expect(body.columns.find((c: { name: string }) => c.name === 'cpc').unit).toBe('money');
    expect(body.rows).toEqual([
      // 20 / 40 clicks = 0.5; no conversion on day 1 → roas 0 / 20 = 0
      { date: '2026-05-01', cost: 20, clicks: 40, cpc: 0.5, conversions: 0, roas: 0 },
      // 30 / 60 = 0.5; revenue 80 / cost 30
      { date: '2026-05-02', cost: 30, clicks: 60, cpc: 0.5, conversions: 1, roas: 80 / 30 },
      // a day with no data: zero counts, null ratios
      { date: '2026-05-03', cost: 0, clicks: 0, cpc: null, conversions: 0, roas: null },
    ]);
    // totals: 50 / 100 clicks; 80 / 50
    expect(body.totals).toEqual({ cost: 50, clicks: 100, cpc: 0.5, conversions: 1, roas: 1.6 });
  });

  it('splits by campaign with names, and compares with the previous period', async () => {
    const { status, body } = await post('/v1/query', { metrics: ['cost'], dimensions: ['campaign'], from: '2026-05-02', to: '2026-05-02', compare: 'previous_period' });
    expect(status).toBe(200);
    expect(body.rows).toEqual([{ campaign: 'c1', campaign_name: 'Brand', cost: 30 }]);
    expect(body.comparison).toMatchObject({ from: '2026-05-01', to: '2026-05-01', totals: { cost: 20 } });
    // (30 − 20) / 20 = +50 %
    expect(body.comparison.change.totals.cost).toBeCloseTo(50, 9);
    expect(body.comparison.change.rows[0].cost).toBeCloseTo(50, 9);
  });

  it('names the culprit: unknown metric or dimension (400), unsupported dimension (422), from after to (400)', async () => {
    const unknown = await post('/v1/query', { metrics: ['ctr', 'nope'], from: '2026-05-01', to: '2026-05-02' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('unknown metric "nope"');
    const dimension = await post('/v1/query', { metrics: ['ctr'], dimensions: ['colour'], from: '2026-05-01', to: '2026-05-02' });
    expect(dimension.status).toBe(400);
    expect(dimension.body.error.message).toContain('colour');
    const unsupported = await post('/v1/query', { metrics: ['cost'], dimensions: ['device'], from: '2026-05-01', to: '2026-05-02' });
    expect(unsupported.status).toBe(422);
    expect(unsupported.body.error.message).toContain('supports channel, platform, campaign, ad_group, ad, objective');
    const backwards = await post('/v1/query', { metrics: ['cost'], from: '2026-05-03', to: '2026-05-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toContain('after');
  });

  it('never answers 500 to hostile or malformed queries', async () => {
    const bodies: unknown[] = [
      'not json',
      [],
      { metrics: 'cost' },
      { metrics: ['cost'], from: '2026-02-30', to: '2026-03-01' },
      { metrics: ['cost'], from: '2026-05-01', to: '2026-05-02', grain: 'fortnight' },
      { metrics: ['cost'], from: '2026-05-01', to: '2026-05-02', filters: [{ dimension: 'campaign', op: 'eq', values: [`x' OR 1=1 --`] }] },
      { metrics: ['cost'], from: '2026-05-01', to: '2026-05-02', filters: [{ dimension: 'campaign', op: 'like', values: ['x'] }] },
      { metrics: ['cost'], from: '2026-05-01', to: '2026-05-02', attribution: { model: 'markov' } },
      { metrics: ['cost'], from: '0001-01-01', to: '9999-12-31', grain: 'hour' },
      { metrics: ['cost'], from: '2026-05-01', to: '2026-05-02', order_by: 'nope' },
      { metrics: ['predicted_clv'], from: '2026-05-01', to: '2026-05-02' },
    ];
    for (const body of bodies) {
      const response = await call(t.url, 'POST', '/v1/query', { key: t.keys.read, body: typeof body === 'string' ? body : JSON.stringify(body) });
      expect([200, 400, 422], JSON.stringify(body)).toContain(response.status);
      if (response.status !== 200) expect(response.body.error.message.length).toBeGreaterThan(10);
    }
    // The injected value matched nothing: zero cost, not every row.
    const hostile = await post('/v1/query', { metrics: ['cost'], from: '2026-05-01', to: '2026-05-02', filters: [{ dimension: 'campaign', op: 'eq', values: [`x' OR 1=1 --`] }] });
    expect(hostile.body.totals.cost).toBe(0);
  });

  it('needs a read key; an ingest key is refused', async () => {
    expect((await call(t.url, 'POST', '/v1/query', { body: '{}' })).status).toBe(401);
    expect((await post('/v1/query', { metrics: ['cost'], from: '2026-05-01', to: '2026-05-02' }, t.keys.ingest)).status).toBe(403);
  });

  it('sees only its own workspace', async () => {
    const { body } = await post('/v1/query', { metrics: ['cost'], from: '2026-05-01', to: '2026-05-02' }, t.keys.otherAdmin);
    expect(body.totals.cost).toBe(0);
  });
});

describe('catalog and custom metrics', () => {
  it('lists every catalog metric with unit, direction and dimensions', async () => {
    const { status, body } = await get('/v1/catalog');
    expect(status).toBe(200);
    const byId = new Map(body.metrics.map((m: { id: string }) => [m.id, m]));
    expect(byId.get('cvr')).toMatchObject({ unit: 'percent', direction: 'up', formula: 'conversions / clicks × 100' });
    expect(byId.get('visitor_cvr')).toBeDefined();
    expect(byId.get('paid_cac')).toBeDefined();
    expect(byId.get('predicted_clv')).toMatchObject({ unit: 'money', direction: 'up', group: 'customers', facts: ['customers'] });
  });

  it('defines a metric from a formula, uses it in queries and lists it; only admins write', async () => {
    const metric = { id: 'cost_per_click_x2', formula: '(cost / clicks) * 2', unit: 'money', direction: 'down' };
    expect((await post('/v1/metrics/custom', metric)).status).toBe(403);
    const created = await post('/v1/metrics/custom', metric, t.keys.admin);
    expect(created.status).toBe(201);
    expect(created.body.dimensions).toEqual(['channel', 'platform', 'campaign', 'ad_group', 'ad', 'objective']);
    const { body } = await post('/v1/query', { metrics: ['cost_per_click_x2'], from: '2026-05-01', to: '2026-05-02' });
    // evaluated on aggregates: (50 / 100) × 2 = 1
    expect(body.totals.cost_per_click_x2).toBe(1);
    expect((await get('/v1/metrics/custom')).body.metrics.map((m: { id: string }) => m.id)).toEqual(['cost_per_click_x2']);
    expect((await get('/v1/catalog')).body.metrics.some((m: { id: string; custom: boolean }) => m.id === 'cost_per_click_x2' && m.custom)).toBe(true);
  });

  it('refuses malformed formulas, unknown ids and cycles with a message naming them', async () => {
    const bad = await post('/v1/metrics/custom', { id: 'broken', formula: 'cost / (clicks' }, t.keys.admin);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('broken');
    const unknown = await post('/v1/metrics/custom', { id: 'u1', formula: 'cost / sparkles' }, t.keys.admin);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('sparkles');
    expect((await post('/v1/metrics/custom', { id: 'loop_a', formula: 'cost' }, t.keys.admin)).status).toBe(201);
    expect((await post('/v1/metrics/custom', { id: 'loop_b', formula: 'loop_a + 1' }, t.keys.admin)).status).toBe(201);
    const cycle = await post('/v1/metrics/custom', { id: 'loop_a', formula: 'loop_b * 2' }, t.keys.admin);
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.message).toMatch(/loop_a → loop_b → loop_a|loop_b → loop_a → loop_b/);
    // loop_b still depends on loop_a: it cannot be deleted first.
    expect((await call(t.url, 'DELETE', '/v1/metrics/custom/loop_a', { key: t.keys.admin })).status).toBe(409);
    expect((await call(t.url, 'DELETE', '/v1/metrics/custom/loop_b', { key: t.keys.admin })).status).toBe(200);
    expect((await call(t.url, 'DELETE', '/v1/metrics/custom/loop_a', { key: t.keys.admin })).status).toBe(200);
  });
});

describe('campaign KPIs, goals and benchmarks', () => {
  it("returns a campaign's objective and its headline KPIs", async () => {
    const { status, body } = await get('/v1/campaigns/c1/kpis?from=2026-05-01&to=2026-05-02');
    expect(status).toBe(200);
    expect(body.objective).toBe('conversion');
    expect(Object.keys(body.kpis.totals)).toEqual(['conversions', 'cvr', 'cpa', 'revenue', 'roas']);
    // 1 conversion / 100 clicks = 1 %; cpa 50 / 1; revenue 80; roas 80 / 50
    expect(body.kpis.totals).toEqual({ conversions: 1, cvr: 1, cpa: 50, revenue: 80, roas: 1.6 });
    expect((await get('/v1/campaigns/nope/kpis')).status).toBe(404);
  });

  it('reports a goal with pacing and a benchmark band beside the actual', async () => {
    const goal = await post('/v1/goals', { metric: 'clicks', target: 200, from: '2026-05-01', to: '2026-05-04' }, t.keys.admin);
    expect(goal.status).toBe(201);
    expect(goal.body.direction).toBe('up');
    const band = await post('/v1/benchmarks', { metric: 'clicks', low: 50, high: 150, label: 'industry' }, t.keys.admin);
    expect(band.status).toBe(201);
    const { body } = await get('/v1/goals');
    const [report] = body.goals;
    // Today is after the goal period: 100 of 200 clicks → 50 % attained, missed; 100 sits within 50–150.
    expect(report.progress).toMatchObject({ actual: 100, target: 200, attained_pct: 50, status: 'missed' });
    expect(report.benchmarks[0]).toMatchObject({ value: 100, position: 'within' });
    const query = await post('/v1/query', { metrics: ['clicks'], from: '2026-05-01', to: '2026-05-02' });
    expect(query.body.benchmarks[0]).toMatchObject({ metric: 'clicks', value: 100, position: 'within', verdict: 'within' });
    expect((await call(t.url, 'DELETE', `/v1/goals/${goal.body.id}`, { key: t.keys.admin })).status).toBe(200);
    expect((await call(t.url, 'DELETE', `/v1/goals/${goal.body.id}`, { key: t.keys.admin })).status).toBe(404);
  });

  it('rejects a goal on an unknown metric or with from after to', async () => {
    expect((await post('/v1/goals', { metric: 'nope', target: 1, from: '2026-05-01', to: '2026-05-02' }, t.keys.admin)).status).toBe(400);
    expect((await post('/v1/goals', { metric: 'cost', target: 1, from: '2026-05-03', to: '2026-05-02' }, t.keys.admin)).status).toBe(400);
  });
});

describe('queries over the whole calendar', () => {
  it('regression: a day grain over 0001…9999 is a 422 and the server keeps answering', async () => {
    const day = await post('/v1/query', { metrics: ['cost'], grain: 'day', from: '0001-01-01', to: '9999-12-31' });
    expect(day.status).toBe(422);
    expect(day.body.error.message).toContain('more than 20000 day buckets');
    expect((await call(t.url, 'GET', '/healthz', {})).status).toBe(200);
  });

  it('answers the year grain over the same range: 9999 buckets, the 2026 spend in its year', async () => {
    const { status, body } = await post('/v1/query', { metrics: ['cost'], grain: 'year', from: '0001-01-01', to: '9999-12-31' });
    expect(status).toBe(200);
    expect(body.rows).toHaveLength(9999);
    // 2026 is the year this runs in (or before it): still running, it is partial only if today falls in it.
    const running = new Date().getUTCFullYear() === 2026;
    expect(body.rows.find((r: { date: string }) => r.date === '2026-01-01')).toEqual({ date: '2026-01-01', cost: 50, ...(running ? { partial: true } : {}) });
    expect(body.totals).toEqual({ cost: 50 });
  });
});
