// The read routes answer what the served OpenAPI document says they answer:
// over real HTTP on a real DuckDB file, each route's 200 $refs its component in
// /openapi.json, that component (its $refs resolved) is exactly the TypeBox
// schema of response-schemas.ts, and the body the route sends fits it — with
// the values computed by hand from the records loaded here.
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withFreshness } from '../src/metrics/query-service.js';
import type { QueryResult } from '../src/metrics/types.js';
import { RESPONSE_SCHEMAS } from '../src/server/response-schemas.js';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';

type Component = keyof typeof RESPONSE_SCHEMAS;
type Doc = { openapi: string; paths: Record<string, Record<string, any>>; components: { schemas: Record<string, unknown> } };

const dir = tempDir('openapi-responses');
let t: TestServer;
let doc: Doc;

// Google Ads spend on campaign c1 (named) over two days, Meta spend on c2 (no campaign record) on the third;
// two visits from c1's ads, the second buying 80.
const campaigns = [{ campaign_id: 'c1', name: 'Brand', platform: 'google_ads', objective: 'conversion' }];
const ads = [
  { date: '2026-05-01', platform: 'google_ads', campaign_id: 'c1', impressions: 1000, clicks: 40, cost: 20 },
  { date: '2026-05-02', platform: 'google_ads', campaign_id: 'c1', impressions: 3000, clicks: 60, cost: 30 },
  { date: '2026-05-03', platform: 'meta_ads', campaign_id: 'c2', impressions: 2000, clicks: 50, cost: 25.5 },
];
const landing = 'https://shop.example/?utm_source=google&utm_medium=cpc&utm_campaign=c1';
const events = [
  { event_id: 'e1', type: 'page_view', timestamp: '2026-05-01T10:00:00Z', anonymous_id: 'a1', url: landing },
  { event_id: 'e2', type: 'page_view', timestamp: '2026-05-02T10:00:00Z', anonymous_id: 'a2', url: landing },
  { event_id: 'e3', type: 'purchase', timestamp: '2026-05-02T10:05:00Z', anonymous_id: 'a2', url: 'https://shop.example/thanks', revenue: 80, order_id: 'o1' },
];
const googleOnly = [{ dimension: 'platform', op: 'eq', values: ['google_ads'] }];

/** The read routes: method, path as the document writes it, and the component its 200 must $ref. */
const ROUTES: [string, string, Component][] = [
  ['post', '/v1/query', 'QueryResult'],
  ['get', '/v1/catalog', 'Catalog'],
  ['get', '/v1/goals', 'GoalList'],
  ['get', '/v1/benchmarks', 'BenchmarkList'],
  ['get', '/v1/freshness', 'Freshness'],
  ['get', '/v1/settings', 'SettingsResult'],
  ['patch', '/v1/settings', 'SettingsResult'],
  ['get', '/v1/campaigns/{id}/kpis', 'CampaignKpis'],
  ['get', '/v1/metrics/custom', 'CustomMetricList'],
  ['get', '/v1/imports', 'ImportList'],
];

beforeAll(async () => {
  t = await startTestServer(dir.path);
  const send = async (path: string, body: unknown, key: string) => {
    const response = await call(t.url, 'POST', path, { key, body: JSON.stringify(body) });
    expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
    return response.body;
  };
  await send('/v1/import/campaigns', campaigns, t.keys.ingest);
  await send('/v1/import/ad_performance', ads, t.keys.ingest);
  await send('/v1/events', events, t.keys.ingest);
  await send('/v1/goals', { name: 'May spend', metric: 'cost', target: 100, from: '2026-05-01', to: '2026-05-31' }, t.keys.admin);
  await send('/v1/goals', { metric: 'cpc', target: 0.5, from: '2099-01-01', to: '2099-01-31', filters: googleOnly, seasonality: [1, 1, 1, 1, 1, 0.5, 0.5] }, t.keys.admin);
  await send('/v1/benchmarks', { metric: 'cpc', low: 0.4, high: 0.6, label: 'industry' }, t.keys.admin);
  await send('/v1/benchmarks', { metric: 'roas', low: 2, high: 3 }, t.keys.admin);
  await send('/v1/benchmarks', { metric: 'roas', low: 1, high: 2, filters: googleOnly }, t.keys.admin);
  await send('/v1/metrics/custom', { id: 'cost_per_visitor', formula: 'cost / visitors', label: 'Cost per visitor', unit: 'money', direction: 'down' }, t.keys.admin);
  doc = (await call(t.url, 'GET', '/openapi.json')).body;
}, 60_000);

afterAll(async () => {
  await t.stop();
  dir.remove();
});

/** The first few places where a body does not fit a response schema (none when it fits). */
function misfits(component: Component, body: unknown): string[] {
  const check = TypeCompiler.Compile(RESPONSE_SCHEMAS[component] as TSchema);
  return [...check.Errors(body)].slice(0, 5).map((e) => `${e.path || '(body)'}: ${e.message}`);
}

/** A schema of the served document with every $ref replaced by the component it names. */
function resolved(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(resolved);
  if (node === null || typeof node !== 'object') return node;
  const { $ref } = node as { $ref?: string };
  if ($ref !== undefined) return resolved(doc.components.schemas[$ref.replace('#/components/schemas/', '')]);
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolved(value)]));
}

/** Calls a read route and returns its body once it is a 200 that fits the route's component. */
async function read(method: string, path: string, component: Component, body?: unknown): Promise<any> {
  const key = method === 'PATCH' ? t.keys.admin : t.keys.read;
  const response = await call(t.url, method, path, { key, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(misfits(component, response.body)).toEqual([]);
  return response.body;
}

const query = (body: unknown): Promise<QueryResult> => read('POST', '/v1/query', 'QueryResult', body);

describe('the served document', () => {
  it('is OpenAPI 3.1 without the 3.0-only nullable keyword', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(JSON.stringify(doc)).not.toContain('"nullable"');
  });

  it.each(ROUTES)('%s %s answers 200 with a $ref to %s, the TypeBox schema exactly', (method, path, component) => {
    const content = doc.paths[path]?.[method]?.responses?.['200']?.content?.['application/json'];
    expect(content?.schema).toEqual({ $ref: `#/components/schemas/${component}` });
    expect(resolved(doc.components.schemas[component])).toEqual(JSON.parse(JSON.stringify(RESPONSE_SCHEMAS[component])));
  });

  it('names the shared parts once: bodies $ref the components they embed', () => {
    const { schemas } = doc.components as { schemas: Record<string, any> };
    expect(schemas.CampaignKpis.properties.kpis).toEqual({ $ref: '#/components/schemas/QueryResult' });
    expect(schemas.QueryResult.properties.benchmarks.items).toEqual({ $ref: '#/components/schemas/BenchmarkReport' });
    expect(schemas.GoalReport.properties.benchmarks.items).toEqual({ $ref: '#/components/schemas/BenchmarkReport' });
    expect(schemas.SettingsResult.properties.settings).toEqual({ $ref: '#/components/schemas/Settings' });
    expect(schemas.CustomMetricList.properties.metrics.items).toEqual({ $ref: '#/components/schemas/CustomMetric' });
  });
});

describe('the schemas are not vacuous', () => {
  const result: QueryResult = {
    columns: [{ name: 'cost', kind: 'metric', label: 'Cost', unit: 'money', direction: 'neutral' }],
    rows: [{ cost: 1 }],
    totals: { cost: 1 },
  };

  it('accept a result still waiting for the derived view, and refuse wrong kinds of values', () => {
    expect(misfits('QueryResult', withFreshness(result, { complete: false, pending_since: '2026-05-04T00:00:00.000Z' }))).toEqual([]);
    expect(misfits('QueryResult', { ...result, rows: [{ cost: { amount: 1 } }] })).not.toEqual([]);
    expect(misfits('QueryResult', { ...result, columns: [{ ...result.columns[0], kind: 'measure' }] })).not.toEqual([]);
    expect(misfits('QueryResult', { ...result, totals: { cost: '1' } })).not.toEqual([]);
    expect(misfits('ImportList', { imports: [{ id: 'imp_1', source: 'events', started_at: '2026-05-04 00:00:00' }] })).not.toEqual([]);
  });
});

describe('POST /v1/query', () => {
  it('by platform and day: a row per platform and day, totals of everything loaded, and the notes of its metrics', async () => {
    const body = await query({ metrics: ['cost', 'clicks', 'cpc', 'platform_reach'], dimensions: ['platform'], grain: 'day', from: '2026-05-01', to: '2026-05-03' });
    expect(body.columns.map((c) => [c.name, c.kind])).toEqual([
      ['date', 'time'],
      ['platform', 'dimension'],
      ['cost', 'metric'],
      ['clicks', 'metric'],
      ['cpc', 'metric'],
      ['platform_reach', 'metric'],
    ]);
    expect(body.rows).toHaveLength(6); // 2 platforms × 3 days
    expect(body.rows).toContainEqual(expect.objectContaining({ date: '2026-05-03', platform: 'meta_ads', cost: 25.5, clicks: 50, cpc: 25.5 / 50 }));
    // Google had no spend on the 3rd: zero cost, and a cost per click of nothing.
    expect(body.rows).toContainEqual(expect.objectContaining({ date: '2026-05-03', platform: 'google_ads', cost: 0, cpc: null }));
    // 20 + 30 + 25.5 over 40 + 60 + 50 clicks
    expect(body.totals).toMatchObject({ cost: 75.5, clicks: 150 });
    expect(body.totals.cpc).toBe(0.5); // 75.5 / 150 = 0.5033…, money to the cent
    expect(body.notes?.some((n) => n.includes('platform_reach'))).toBe(true);
    expect(body.comparison).toBeUndefined();
  });

  it('compared with the previous period, with the bands of its metrics judged against the totals', async () => {
    const body = await query({ metrics: ['cost', 'cpc', 'roas'], from: '2026-05-02', to: '2026-05-03', compare: 'previous_period' });
    expect(body.totals.cost).toBe(55.5); // 30 + 25.5
    expect(body.comparison).toMatchObject({ from: '2026-04-30', to: '2026-05-01', totals: { cost: 20 } });
    expect(body.comparison!.change.totals.cost).toBeCloseTo(((55.5 - 20) / 20) * 100, 9); // +177.5 %
    // The band with its own filters is left to goals.
    const bands = body.benchmarks!.map((b) => [b.metric, b.position, b.verdict]);
    expect(bands).toEqual([
      ['cpc', 'within', 'within'], // 55.5 / 110 clicks ≈ 0.505 in 0.4..0.6
      ['roas', 'below', 'worse'], // 80 / 55.5 ≈ 1.44 under 2..3, and more is better
    ]);
    expect(body.benchmarks![1].value).toBeCloseTo(80 / 55.5, 12);
  });

  it('by campaign: the name where the campaign has a record, null where it has none', async () => {
    const body = await query({ metrics: ['cost'], dimensions: ['campaign'], from: '2026-05-01', to: '2026-05-03' });
    expect(body.rows).toEqual([
      { campaign: 'c1', campaign_name: 'Brand', cost: 50 },
      { campaign: 'c2', campaign_name: null, cost: 25.5 },
    ]);
  });
});

describe('the other read routes', () => {
  it('GET /v1/catalog: catalog metrics, the model-valued one among them, the custom metric', async () => {
    const { metrics } = await read('GET', '/v1/catalog', 'Catalog');
    const byId = new Map<string, any>(metrics.map((m: { id: string }) => [m.id, m]));
    expect(byId.get('cpc')).toMatchObject({ unit: 'money', direction: 'down', group: 'paid_media', facts: ['ad'], custom: false });
    expect(byId.get('predicted_clv')).toMatchObject({ unit: 'money', group: 'customers', facts: ['customers'] });
    expect(byId.get('cost_per_visitor')).toMatchObject({ label: 'Cost per visitor', unit: 'money', group: 'custom', custom: true });
  });

  it('GET /v1/metrics/custom: the metric as it was defined', async () => {
    const body = await read('GET', '/v1/metrics/custom', 'CustomMetricList');
    expect(body).toEqual({ metrics: [{ id: 'cost_per_visitor', formula: 'cost / visitors', label: 'Cost per visitor', unit: 'money', direction: 'down' }] });
  });

  it('GET /v1/goals: a finished goal missed, a future one not started with no actual', async () => {
    const { goals } = await read('GET', '/v1/goals', 'GoalList');
    const [may, future] = goals;
    expect(may).toMatchObject({ name: 'May spend', metric: 'cost', direction: 'up', benchmarks: [] });
    // 75.5 spent of 100 by the end of May (the tests run after it).
    expect(may.progress).toEqual({ actual: 75.5, target: 100, attained_pct: 75.5, elapsed_fraction: 1, expected_by_today: 100, status: 'missed' });
    expect(future).toMatchObject({ metric: 'cpc', direction: 'down', filters: googleOnly });
    expect(future.progress).toMatchObject({ actual: null, attained_pct: null, elapsed_fraction: 0, status: 'not_started' });
    expect(future.benchmarks).toEqual([expect.objectContaining({ metric: 'cpc', value: null, position: null, verdict: null })]);
  });

  it('GET /v1/benchmarks: every band, filtered ones included', async () => {
    const { benchmarks } = await read('GET', '/v1/benchmarks', 'BenchmarkList');
    expect(benchmarks.map((b: { metric: string; low: number }) => [b.metric, b.low])).toEqual([['cpc', 0.4], ['roas', 2], ['roas', 1]]);
    expect(benchmarks[2].filters).toEqual(googleOnly);
  });

  it('GET /v1/freshness: latest date and rows per ad platform', async () => {
    const { sources } = await read('GET', '/v1/freshness', 'Freshness');
    const ad = sources.filter((s: { source: string }) => s.source === 'ad_performance');
    expect(ad).toEqual([
      { source: 'ad_performance', platform: 'google_ads', latest_date: '2026-05-02', rows: 2 },
      { source: 'ad_performance', platform: 'meta_ads', latest_date: '2026-05-03', rows: 1 },
    ]);
    expect(sources).toContainEqual({ source: 'events', platform: null, latest_date: '2026-05-02', rows: 3 });
  });

  it('GET and PATCH /v1/settings: the workspace and its settings, changed', async () => {
    expect(await read('GET', '/v1/settings', 'SettingsResult')).toMatchObject({ workspace: 'shop', settings: { currency: 'USD', gross_margin: 0.5 } });
    const changed = await read('PATCH', '/v1/settings', 'SettingsResult', { gross_margin: 0.4 });
    expect(changed).toMatchObject({ workspace: 'shop', settings: { gross_margin: 0.4 } });
  });

  it('GET /v1/campaigns/{id}/kpis: the conversion KPIs of c1 on the day of the purchase, against the day before', async () => {
    const body = await read('GET', '/v1/campaigns/c1/kpis?from=2026-05-02&to=2026-05-02', 'CampaignKpis');
    expect(body).toMatchObject({
      campaign: { id: 'c1', name: 'Brand', objective: 'conversion' },
      objective: 'conversion',
      objective_source: 'campaign',
      from: '2026-05-02',
      to: '2026-05-02',
    });
    expect(body.kpis.totals).toMatchObject({ conversions: 1, cpa: 30, revenue: 80 });
    expect(body.kpis.totals.roas).toBeCloseTo(80 / 30, 12);
    expect(body.kpis.comparison).toMatchObject({ from: '2026-05-01', to: '2026-05-01', totals: { conversions: 0, revenue: 0 } });
  });

  it('GET /v1/imports: one import per body sent, with its counts', async () => {
    const { imports } = await read('GET', '/v1/imports', 'ImportList');
    const bySource = new Map(imports.map((i: { source: string }) => [i.source, i]));
    expect(bySource.get('ad_performance')).toMatchObject({ workspace: 'shop', accepted: 3, updated: 0, duplicates: 0, rejected: 0 });
    expect(bySource.get('events')).toMatchObject({ accepted: 3, origin: 'http POST /v1/events' });
    expect(imports).toHaveLength(3);
  });
});
