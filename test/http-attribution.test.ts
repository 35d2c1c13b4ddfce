// POST /v1/attribution over real HTTP: a path file in the widely used format
// (the published ChannelAttribution data), every model side by side, the
// errors users meet, and journeys from the warehouse whose credit is worked
// out by hand from the records loaded here.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';

const DATASET = readFileSync(new URL('../../shared/datasets/ChannelAttribution_Data.csv', import.meta.url), 'utf8');
const dir = tempDir('http-attribution');
let t: TestServer;

const attribution = (body: unknown, key = t.keys.read) => call(t.url, 'POST', '/v1/attribution', { key, body: JSON.stringify(body) });

// Ann clicks a Google ad (Paid Search) on the 2nd and comes back by email on the 3rd, then buys for 100;
// Ben comes from a Facebook ad (Paid Social) and buys for 40 the same day; Cat visits from search and leaves.
const visit = (id: string, person: string, ts: string, url: string) => ({ event_id: id, type: 'page_view', timestamp: ts, anonymous_id: person, url });
const events = [
  visit('a1', 'ann', '2026-11-02T10:00:00Z', 'https://shop.example/?utm_source=google&utm_medium=cpc&utm_campaign=g1'),
  visit('a2', 'ann', '2026-11-03T18:00:00Z', 'https://shop.example/?utm_source=newsletter&utm_medium=email'),
  { event_id: 'a3', type: 'purchase', timestamp: '2026-11-03T18:10:00Z', anonymous_id: 'ann', url: 'https://shop.example/thanks', revenue: 100, order_id: 'o-ann' },
  visit('b1', 'ben', '2026-11-04T09:00:00Z', 'https://shop.example/?utm_source=facebook&utm_medium=cpc&utm_campaign=f1'),
  { event_id: 'b2', type: 'purchase', timestamp: '2026-11-04T09:20:00Z', anonymous_id: 'ben', url: 'https://shop.example/thanks', revenue: 40, order_id: 'o-ben' },
  visit('c1', 'cat', '2026-11-05T12:00:00Z', 'https://shop.example/?utm_source=google&utm_medium=cpc&utm_campaign=g1'),
];
const ads = [
  { date: '2026-11-02', platform: 'google_ads', campaign_id: 'g1', impressions: 1000, clicks: 50, cost: 30 },
  { date: '2026-11-04', platform: 'meta_ads', campaign_id: 'f1', impressions: 800, clicks: 20, cost: 20 },
];

beforeAll(async () => {
  t = await startTestServer(dir.path);
  for (const [path, body] of [['/v1/import/ad_performance', ads], ['/v1/events', events]] as const) {
    expect((await call(t.url, 'POST', path, { key: t.keys.ingest, body: JSON.stringify(body) })).status).toBe(200);
  }
});

afterAll(async () => {
  await t.stop();
  dir.remove();
});

describe('attribution over a path file', () => {
  it('reads the published data set and conserves its 19,785 conversions under every model', async () => {
    const { status, body } = await attribution({ model: 'compare', paths: DATASET });
    expect(status).toBe(200);
    expect(body.total_conversions).toBe(19_785);
    // time_decay needs touch times, which a path file does not carry.
    expect(body.params.models).toEqual(['first_touch', 'last_touch', 'last_non_direct', 'linear', 'position_based', 'markov', 'shapley']);
    for (const model of body.models) {
      const sum = model.rows.reduce((s: number, r: { conversions: number }) => s + r.conversions, 0);
      expect(Math.abs(sum - 19_785), model.model).toBeLessThan(1e-6);
    }
    // first_touch, counted from the file by hand: the conversions of paths that start with alpha.
    const alphaFirst = DATASET.trim().split(/\r?\n/).slice(1).filter((l) => l.split(';')[0].split(' > ')[0] === 'alpha').reduce((s, l) => s + Number(l.split(';')[1]), 0);
    const first = body.models.find((m: { model: string }) => m.model === 'first_touch');
    expect(first.rows.find((r: { key: string }) => r.key === 'alpha').conversions).toBe(alphaFirst);
    const markov = body.models.find((m: { model: string }) => m.model === 'markov');
    expect(Object.keys(markov.details.removal_effects)).toHaveLength(12);
    expect(markov.details.transitions.length).toBeGreaterThan(0);
  });

  it('reports malformed lines with their numbers and still reads the rest', async () => {
    const { status, body } = await attribution({ model: 'linear', paths: 'path;total_conversions;total_conversion_value;total_null\nA > B;2;20;1\nA;x;1;0\nB;1;5;3\n' });
    expect(status).toBe(200);
    expect(body.total_conversions).toBe(3);
    expect(body.rejected_lines).toBe(1);
    expect(body.path_errors[0].line).toBe(3);
    // linear: A 1 (half of A > B's two), B 1 + 1.
    expect(body.rows.map((r: { key: string; conversions: number }) => [r.key, r.conversions])).toEqual([['B', 2], ['A', 1]]);
  });

  it('answers clear errors: unknown model, order < 1, weights not summing to 1, a file with no readable line, a body over the limit', async () => {
    expect((await attribution({ model: 'magic', paths: 'A;1;1;0' })).body.error.message).toContain('model must be one of');
    expect((await attribution({ model: 'markov', order: 0, paths: 'A;1;1;0' })).status).toBe(400);
    expect((await attribution({ model: 'position_based', position_weights: { first: 0.5, middle: 0.5, last: 0.5 }, paths: 'A;1;1;0' })).body.error.message).toContain('must sum to 1');
    const unreadable = await attribution({ model: 'linear', paths: 'nonsense\nmore nonsense' });
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.error.message).toContain('line 1');
    const huge = await attribution({ model: 'linear', paths: 'A;1;1;0\n'.repeat(1_500_000) });
    expect(huge.status).toBe(413);
  });

  it('lists what each model does', async () => {
    const { body } = await call(t.url, 'GET', '/v1/attribution/models', { key: t.keys.read });
    expect(body.models.map((m: { id: string }) => m.id)).toEqual(['first_touch', 'last_touch', 'last_non_direct', 'linear', 'time_decay', 'position_based', 'markov', 'shapley']);
    expect(body.models.every((m: { description: string }) => m.description.length > 60)).toBe(true);
  });
});

describe('attribution over the warehouse', () => {
  const NOV = { from: '2026-11-01', to: '2026-11-30' };

  it('credits Ann and Ben by hand under each model, with each channel cost, CPA and ROAS', async () => {
    const { body } = await attribution({ model: 'compare', dimension: 'channel', ...NOV });
    expect(body.total_conversions).toBe(2);
    expect(body.total_revenue).toBe(140);
    const credit = (model: string) =>
      Object.fromEntries(body.models.find((m: { model: string }) => m.model === model).rows.map((r: { key: string; conversions: number; revenue: number }) => [r.key, [r.conversions, r.revenue]]));
    // Ann: Paid Search then Email; Ben: Paid Social.
    expect(credit('first_touch')).toEqual({ 'Paid Search': [1, 100], 'Paid Social': [1, 40] }); // Email: no credit, no cost, no row
    expect(credit('last_touch')).toEqual({ Email: [1, 100], 'Paid Social': [1, 40], 'Paid Search': [0, 0] });
    expect(credit('linear')).toEqual({ 'Paid Search': [0.5, 50], Email: [0.5, 50], 'Paid Social': [1, 40] });
    const social = body.models.find((m: { model: string }) => m.model === 'last_touch').rows.find((r: { key: string }) => r.key === 'Paid Social');
    expect(social).toMatchObject({ cost: 20, cpa: 20, roas: 2 });
    // Cat's visit is a journey that did not convert: it is on the paths, not in the credit.
    expect(body.top_paths).toContainEqual({ path: ['Paid Search', 'Email'], conversions: 1, revenue: 100, nulls: 0 });
  });

  it("another workspace's key sees none of these journeys", async () => {
    const { status, body } = await attribution({ model: 'linear', dimension: 'channel', ...NOV }, t.keys.otherAdmin);
    expect(status).toBe(200);
    expect(body.total_conversions).toBe(0);
    expect(body.top_paths).toEqual([]);
  });

  it('answers an empty period with zero rows and totals, not an error', async () => {
    const { status, body } = await attribution({ model: 'markov', dimension: 'channel', from: '2025-01-01', to: '2025-01-31' });
    expect(status).toBe(200);
    expect(body.total_conversions).toBe(0);
    expect(body.rows.filter((r: { conversions: number }) => r.conversions > 0)).toEqual([]);
  });
});
