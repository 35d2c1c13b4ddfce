// What a query answer says beyond its numbers, over real HTTP on a DuckDB file:
// notes on missing data, partial buckets, money to the cent, comparison rows
// keyed by their dimensions, honest totals under a limit, and errors that
// suggest the nearest id. Values worked out by hand from the records below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';

const dir = tempDir('http-answers');
let t: TestServer;

// Google spends every day of 2026-11-02…2026-11-15; TikTok only 2026-11-02…2026-11-04.
const days = Array.from({ length: 14 }, (_, i) => `2026-11-${String(i + 2).padStart(2, '0')}`);
const ads = [
  ...days.map((date) => ({ date, platform: 'google_ads', campaign_id: 'g1', impressions: 100, clicks: 10, cost: 1.1 })),
  ...days.slice(0, 3).map((date) => ({ date, platform: 'tiktok_ads', campaign_id: 't1', impressions: 100, clicks: 5, cost: 0.7 })),
];
// Three purchases from Google's link: 0.1 + 0.2 + 0.7 — a sum floating point gets wrong.
const landing = 'https://shop.example/?utm_source=google&utm_medium=cpc&utm_campaign=g1';
const events = [0.1, 0.2, 0.7].flatMap((revenue, i) => [
  { event_id: `v${i}`, type: 'page_view', timestamp: `2026-11-0${i + 3}T10:00:00Z`, anonymous_id: `a${i}`, url: landing },
  { event_id: `p${i}`, type: 'purchase', timestamp: `2026-11-0${i + 3}T10:05:00Z`, anonymous_id: `a${i}`, url: 'https://shop.example/thanks', revenue, order_id: `o${i}` },
]);

const query = async (body: Record<string, unknown>) => call(t.url, 'POST', '/v1/query', { key: t.keys.read, body: JSON.stringify(body) });

beforeAll(async () => {
  t = await startTestServer(dir.path);
  for (const [path, body] of [['/v1/import/ad_performance', ads], ['/v1/events', events]] as const) {
    const answer = await call(t.url, 'POST', path, { key: t.keys.ingest, body: JSON.stringify(body) });
    expect(answer.status).toBe(200);
  }
});

afterAll(async () => {
  await t.stop();
  dir.remove();
});

describe('query answers', () => {
  it('money comes to the cent: 0.1 + 0.2 + 0.7 of revenue is 1, CPC is rounded, ROAS is not', async () => {
    const { body } = await query({ metrics: ['revenue', 'cost', 'cpc', 'roas'], from: '2026-11-02', to: '2026-11-15' });
    expect(body.totals.revenue).toBe(1);
    expect(body.totals.cost).toBe(17.5); // 14 × 1.10 + 3 × 0.70
    expect(body.totals.cpc).toBe(0.11); // 17.5 / 155 = 0.1129…
    expect(body.totals.roas).toBeCloseTo(1 / 17.5, 12);
  });

  it('notes the platform whose data stops inside the range, and a range with no data at all', async () => {
    const { body } = await query({ metrics: ['cost'], from: '2026-11-02', to: '2026-11-15' });
    expect(body.notes).toEqual(['no ad data after 2026-11-04 for tiktok_ads']);
    const empty = await query({ metrics: ['cost', 'cpa'], from: '2026-12-01', to: '2026-12-31' });
    expect(empty.body.totals).toEqual({ cost: 0, cpa: null });
    expect(empty.body.notes).toContain('no ad data in 2026-12-01…2026-12-31; the last is from 2026-11-15');
  });

  it('marks the weeks the range cuts: Wednesday 2026-11-04 … Tuesday 2026-11-10', async () => {
    const { body } = await query({ metrics: ['cost'], grain: 'week', from: '2026-11-04', to: '2026-11-10' });
    expect(body.rows).toEqual([
      { date: '2026-11-02', cost: 5 * 1.1 + 0.7, partial: true }, // Wed–Sun: Google 5 days, TikTok on the 4th
      { date: '2026-11-09', cost: 2.2, partial: true }, // Mon–Tue
    ]);
  });

  it('keys each change row by its dimensions, and says the totals cover every row under a limit', async () => {
    const { body } = await query({ metrics: ['cost'], dimensions: ['platform'], from: '2026-11-03', to: '2026-11-09', compare: 'previous_period', order_by: '-cost', limit: 1 });
    // This week: Google 7 days (7.70), TikTok the 3rd and 4th (1.40). The week before (10-27…11-02): one day of each.
    expect(body.rows).toEqual([{ platform: 'google_ads', cost: 7.7 }]);
    expect(body.comparison.rows).toEqual([{ platform: 'google_ads', cost: 1.1 }]);
    expect(body.comparison.change.rows).toHaveLength(1);
    expect(body.comparison.change.rows[0].platform).toBe('google_ads');
    expect(body.comparison.change.rows[0].cost).toBeCloseTo(600, 9);
    expect(body.totals.cost).toBe(9.1);
    expect(body.comparison.change.totals.cost).toBeCloseTo(((9.1 - 1.8) / 1.8) * 100, 9);
    expect(body.totals_scope).toBe('all_rows');
    expect(body.rows_before_limit).toBe(2);
  });

  it('suggests the nearest id for an unknown metric, dimension or order_by, and lists only the columns the query has', async () => {
    const metric = await query({ metrics: ['convertions'], from: '2026-11-02', to: '2026-11-15' });
    expect(metric.status).toBe(400);
    expect(metric.body.error.message).toBe('unknown metric "convertions"; did you mean conversions? (beacon metrics, or GET /v1/catalog, lists every metric)');
    const dimension = await query({ metrics: ['cost'], dimensions: ['platfrom'], from: '2026-11-02', to: '2026-11-15' });
    expect(dimension.body.error.message).toContain('did you mean platform?');
    const order = await query({ metrics: ['cost'], dimensions: ['platform'], from: '2026-11-02', to: '2026-11-15', order_by: 'date' });
    expect(order.body.error.message).toBe('order_by "date" is not a column of this query\'s result; its columns are platform, cost');
  });
});
