// Bad queries (API.md errors; KPIS.md dimensions): 400 for what is malformed or
// unknown, 422 for what is well-formed but impossible; filter values are data,
// never SQL.
//
// Workspace "bad", UTC: one ad row 2026-03-02 google_ads C1 cost 100, and one
// page_view on 2026-03-02 (landing page /x).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ev, expectValues, openHarness, type Harness } from './harness.js';

const WS = 'bad';
const DAY = { from: '2026-03-02', to: '2026-03-02' };
const HOSTILE = "x' OR 1=1 --";

describe('bad input', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness('bad');
    await h.workspace(WS, {
      campaigns: [{ campaign_id: 'C1', name: 'Only Campaign', platform: 'google_ads' }],
      ad_performance: [{ date: '2026-03-02', platform: 'google_ads', campaign_id: 'C1', impressions: 1000, clicks: 10, cost: 100 }],
      events: [ev('page_view', '2026-03-02T10:00:00Z', 'v1', { url: 'https://shop.example/x' })],
    });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('unknown metric: 400 naming it', async () => {
    await expect(h.query(WS, { metrics: ['cost', 'no_such_metric'], ...DAY })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('no_such_metric'),
    });
  });

  it('unknown dimension: 400', async () => {
    await expect(h.query(WS, { metrics: ['cost'], dimensions: ['colour'], ...DAY })).rejects.toMatchObject({ status: 400 });
  });

  it('a dimension the metric cannot be split by: 422 listing the supported ones', async () => {
    // Spend metrics support channel, platform, campaign, ad_group, ad, objective (KPIS.md) — not source.
    const err = await h.query(WS, { metrics: ['cost'], dimensions: ['source'], ...DAY }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 422 });
    const message = (err as Error).message;
    for (const d of ['channel', 'platform', 'campaign', 'ad_group', 'ad', 'objective']) expect(message).toContain(d);
  });

  it('from after to: 400', async () => {
    await expect(h.query(WS, { metrics: ['cost'], from: '2026-03-05', to: '2026-03-01' })).rejects.toMatchObject({ status: 400 });
  });

  it('unknown grain: 400', async () => {
    await expect(h.query(WS, { metrics: ['cost'], grain: 'fortnight', ...DAY })).rejects.toMatchObject({ status: 400 });
  });

  it('predicted_clv without a source of predicted values is empty, and says so', async () => {
    // The values come from the CLV models, which the server and CLI hand to the metrics layer; a bare query runner has none.
    const result = await h.query(WS, { metrics: ['predicted_clv'], ...DAY });
    expect(result.totals.predicted_clv).toBeNull();
    expect(result.notes).toContain('predicted customer values are not available to this caller');
  });

  it('a hostile filter value matches nothing instead of everything', async () => {
    // Without a filter: C1 spent 100.
    const all = await h.query(WS, { metrics: ['cost'], dimensions: ['campaign'], ...DAY });
    expectValues(all.totals, { cost: 100 });
    for (const op of ['eq', 'in', 'contains'] as const) {
      const r = await h.query(WS, {
        metrics: ['cost'],
        dimensions: ['campaign'],
        filters: [{ dimension: 'campaign', op, values: [HOSTILE] }],
        ...DAY,
      });
      expect(r.rows, op).toEqual([]); // no campaign has that id
      expectValues(r.totals, { cost: 0 }, op);
    }
    const pages = await h.query(WS, {
      metrics: ['pageviews'],
      filters: [{ dimension: 'landing_page', op: 'eq', values: [HOSTILE] }],
      ...DAY,
    });
    expectValues(pages.totals, { pageviews: 0 }); // the one page_view landed on /x
  });

  it('not_in with a hostile value keeps everything (it is just another value)', async () => {
    const r = await h.query(WS, {
      metrics: ['cost'],
      filters: [{ dimension: 'campaign', op: 'not_in', values: [HOSTILE] }],
      ...DAY,
    });
    expectValues(r.totals, { cost: 100 }); // C1 is not the hostile id
  });
});
