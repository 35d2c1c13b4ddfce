// POST /v1/funnels over real HTTP on a real DuckDB file: the hand-built shop
// of support/funnel-fixture.ts loaded through the import routes, its funnel
// answered with the counts, rates and medians worked out by hand there, in
// the shape the OpenAPI document promises; the 400s name their field; a key
// needs the read scope; another workspace sees nothing of this one.
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { TSchema } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FunnelReportSchema } from '../src/server/funnel-schemas.js';
import { FEBRUARY, FUNNEL_CAMPAIGNS, FUNNEL_EVENTS, FUNNEL_LIFECYCLE, FUNNEL_ZONE } from './support/funnel-fixture.js';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';

const dir = tempDir('http-funnels');
let t: TestServer;

const WEB = { steps: ['ad_click', 'page_view', 'signup', 'purchase'], window_days: 7, ...FEBRUARY };
const funnel = (body: unknown, key = t.keys.read) => call(t.url, 'POST', '/v1/funnels', { key, body: JSON.stringify(body) });

beforeAll(async () => {
  t = await startTestServer(dir.path);
  const send = async (path: string, body: unknown, key = t.keys.ingest, method = 'POST') => {
    const response = await call(t.url, method, path, { key, body: JSON.stringify(body) });
    expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
  };
  await send('/v1/settings', { timezone: FUNNEL_ZONE }, t.keys.admin, 'PATCH');
  await send('/v1/import/campaigns', FUNNEL_CAMPAIGNS);
  await send('/v1/import/lifecycle', FUNNEL_LIFECYCLE);
  // A custom event of Ann's between her page view and her signup (no step of the web funnel).
  await send('/v1/events', [...FUNNEL_EVENTS, { event_id: 'cart-1', anonymous_id: 'ann', type: 'add_to_cart', timestamp: '2026-02-03T10:03:00Z', url: 'https://shop.example/cart' }]);
}, 120_000);

afterAll(async () => {
  await t.stop();
  dir.remove();
});

/** Keys of `value` its schema does not name, anywhere (TypeBox objects accept extra keys unless told otherwise). */
function unknownKeys(schema: TSchema, value: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return schema.items ? value.flatMap((v, i) => unknownKeys(schema.items as TSchema, v, `${path}[${i}]`)) : [];
  const variants = (schema.anyOf as TSchema[] | undefined)?.filter((s) => s.type === 'object');
  if (variants) return variants.length > 0 ? unknownKeys(variants[0], value, path) : [];
  const properties = (schema.properties ?? {}) as Record<string, TSchema>;
  return Object.entries(value).flatMap(([key, v]) => (key in properties ? unknownKeys(properties[key], v, `${path}.${key}`) : [`${path}.${key}`]));
}

const stepRows = (steps: { count: number; conversion_from_previous: number | null; conversion_from_first: number | null; median_seconds_from_previous: number | null }[]) =>
  steps.map((s) => [s.count, s.conversion_from_previous, s.conversion_from_first, s.median_seconds_from_previous]);

describe('POST /v1/funnels', () => {
  it('answers the hand-worked funnel: counts, conversion from the step before and the first, median seconds, by channel', async () => {
    const { status, body } = await funnel({ ...WEB, by: 'channel' });
    expect(status).toBe(200);
    expect(body.entered).toBe(8);
    expect(stepRows(body.steps)).toEqual([
      [8, null, 100, null],
      [8, 100, 100, 60],
      [5, 62.5, 62.5, 540],
      [3, 60, 37.5, 86_400],
    ]);
    expect(body.steps.map((s: { name: string; kind: string }) => `${s.name}:${s.kind}`)).toEqual(['ad_click:event', 'page_view:event', 'signup:event', 'purchase:event']);
    expect(body.overall_conversion).toBe(37.5);
    expect(body.breakdown.by).toBe('channel');
    const [search, social] = body.breakdown.rows;
    expect([search.key, search.entered, search.overall_conversion]).toEqual(['Paid Search', 4, 25]);
    // Paid Search: 4 → 4 → 3 → 1; 1 of 3 signups bought.
    expect(stepRows(search.steps).map((r) => r.map((v) => (typeof v === 'number' ? Number(v.toFixed(6)) : v)))).toEqual([
      [4, null, 100, null],
      [4, 100, 100, 60],
      [3, 75, 75, 240],
      [1, 33.333333, 25, 86_400],
    ]);
    expect([social.key, social.entered, social.overall_conversion]).toEqual(['Paid Social', 4, 50]);
    expect(stepRows(social.steps)).toEqual([
      [4, null, 100, null],
      [4, 100, 100, 90],
      [2, 50, 50, 43_320],
      [2, 100, 50, 173_100],
    ]);
    expect(body.params).toEqual({ steps: WEB.steps, order: 'ordered', window_days: 7, ...FEBRUARY, time_zone: FUNNEL_ZONE, by: 'channel', bot_filtering: true });
    expect(body.notes).toEqual([]);
  });

  it('fits the FunnelReport schema the OpenAPI document serves for the route, key for key', async () => {
    const doc = (await call(t.url, 'GET', '/openapi.json')).body;
    const operation = doc.paths['/v1/funnels'].post;
    expect(operation.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/FunnelReport' });
    expect(operation.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Funnel' });
    expect(doc.components.schemas.FunnelReport.required).toEqual(['entered', 'steps', 'overall_conversion', 'breakdown', 'params', 'notes']);
    for (const body of [{ ...WEB, by: 'campaign' }, { ...WEB, order: 'any' }, { ...WEB, from: '2025-01-01', to: '2025-01-31' }]) {
      const answer = (await funnel(body)).body;
      expect([...TypeCompiler.Compile(FunnelReportSchema).Errors(answer)].map((e) => `${e.path}: ${e.message}`)).toEqual([]);
      expect(unknownKeys(FunnelReportSchema, answer)).toEqual([]);
      expect(JSON.stringify(answer)).not.toContain('NaN');
    }
  });

  it('reads a bare stage name as the stage and says so; takes an event type only this workspace has', async () => {
    // Leads in February: Ann, Ivy, Lee, Late; customers within 30 days: Ann (16 d 13 h 54 min) and Lee (3 d).
    const stages = await funnel({ steps: ['lead', 'customer'], window_days: 30, ...FEBRUARY });
    expect(stages.status).toBe(200);
    expect(stepRows(stages.body.steps)).toEqual([
      [4, null, 100, null],
      [2, 50, 50, (1_432_440 + 259_200) / 2],
    ]);
    expect(stages.body.steps.map((s: { kind: string }) => s.kind)).toEqual(['stage', 'stage']);
    expect(stages.body.notes).toEqual(['"lead" is read as the lifecycle stage; write "event:lead" for the lead event']);
    // Page views in February: 9 people (the bot left out); Ann put something in her cart 2 minutes after hers.
    const cart = await funnel({ steps: ['page_view', 'add_to_cart'], window_days: 1, ...FEBRUARY });
    expect(cart.status).toBe(200);
    expect(stepRows(cart.body.steps)).toEqual([
      [9, null, 100, null],
      [1, (1 / 9) * 100, (1 / 9) * 100, 120],
    ]);
  });

  it('says when no one entered', async () => {
    const { status, body } = await funnel({ ...WEB, from: '2025-06-01', to: '2025-06-30' });
    expect(status).toBe(200);
    expect(body.entered).toBe(0);
    expect(body.overall_conversion).toBeNull();
    expect(body.notes).toEqual([`no one entered the funnel: no one had its first step (ad_click) in 2025-06-01 … 2025-06-30 (${FUNNEL_ZONE})`]);
  });

  it.each([
    ['one step', { ...WEB, steps: ['ad_click'] }, 'steps'],
    ['an unknown step', { ...WEB, steps: ['ad_click', 'add_to_crt'] }, 'steps[1]'],
    ['a window of 0 days', { ...WEB, window_days: 0 }, 'window_days'],
    ['a negative window', { ...WEB, window_days: -7 }, 'window_days'],
    ['a window of 10 years', { ...WEB, window_days: 3650 }, 'window_days'],
    ['from after to', { ...WEB, from: '2026-03-01' }, 'from'],
    ['a date that does not exist', { ...WEB, to: '2026-02-30' }, 'to'],
    ['an unknown order', { ...WEB, order: 'sideways' }, 'order'],
    ['an unknown breakdown', { ...WEB, by: 'ad' }, 'by'],
    ['a missing window', { steps: WEB.steps, ...FEBRUARY }, 'window_days'],
  ])('refuses %s with a 400 naming the field', async (_what, body, field) => {
    const { status, body: answer } = await funnel(body);
    expect(status).toBe(400);
    expect(answer.error.code).toBe('invalid_request');
    expect(answer.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(answer.error.message).toContain(field);
  });

  it('suggests the step meant', async () => {
    const { body } = await funnel({ ...WEB, steps: ['ad_click', 'add_to_crt', 'purchse'] });
    expect(body.error.message).toBe(
      'invalid funnel request: steps[1] "add_to_crt" is neither an event type this workspace knows, a lifecycle stage nor session_start; did you mean add_to_cart?; ' +
        'steps[2] "purchse" is neither an event type this workspace knows, a lifecycle stage nor session_start; did you mean purchase?',
    );
  });

  it('refuses a body that is not a JSON object', async () => {
    expect((await call(t.url, 'POST', '/v1/funnels', { key: t.keys.read, body: '{"steps": [' })).status).toBe(400);
    expect((await call(t.url, 'POST', '/v1/funnels', { key: t.keys.read, body: '[1, 2]' })).status).toBe(400);
  });

  it('needs a key with the read scope', async () => {
    expect((await call(t.url, 'POST', '/v1/funnels', { body: JSON.stringify(WEB) })).status).toBe(401);
    expect((await funnel(WEB, t.keys.ingest)).status).toBe(403);
    expect((await funnel(WEB, t.keys.admin)).status).toBe(200);
  });

  it("another workspace's key sees nothing of this one: no one entered, and this workspace's types are unknown there", async () => {
    const other = await funnel(WEB, t.keys.otherAdmin);
    expect(other.status).toBe(200);
    expect(other.body.entered).toBe(0);
    expect(other.body.steps.map((s: { count: number }) => s.count)).toEqual([0, 0, 0, 0]);
    expect(other.body.params.time_zone).toBe('UTC');
    const custom = await funnel({ ...WEB, steps: ['page_view', 'add_to_cart'] }, t.keys.otherAdmin);
    expect(custom.status).toBe(400);
    expect(custom.body.error.details).toEqual([{ field: 'steps[1]', message: expect.stringContaining('"add_to_cart" is neither an event type this workspace knows') }]);
  });
});
