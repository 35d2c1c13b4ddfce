// POST /v1/explain and POST /v1/segments/underperforming over real HTTP on a
// real DuckDB file, with the hand-built data of insight-fixture.ts loaded
// through the import routes. Every expected value is worked out by hand below;
// each answer fits its response schema; bad input is a 400 naming the fields.
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExplainReportSchema, SegmentsReportSchema } from '../src/server/insight-schemas.js';
import { adRows, CTR_WEEK, CURRENT, events, PREVIOUS } from './support/insight-fixture.js';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';

const dir = tempDir('http-insight');
let t: TestServer;

const explain = (body: unknown) => call(t.url, 'POST', '/v1/explain', { key: t.keys.read, body: JSON.stringify(body) });
const segments = (body: unknown) => call(t.url, 'POST', '/v1/segments/underperforming', { key: t.keys.read, body: JSON.stringify(body) });
const fits = (schema: TSchema, body: unknown) => expect([...TypeCompiler.Compile(schema).Errors(body)].map((e) => `${e.path}: ${e.message}`)).toEqual([]);
const fields = (details: unknown): string[] => (details as { field: string }[]).map((d) => d.field);

beforeAll(async () => {
  t = await startTestServer(dir.path);
  for (const [source, rows] of [['ad_performance', adRows()], ['events', events()]] as const) {
    const response = await call(t.url, 'POST', `/v1/import/${source}`, { key: t.keys.ingest, body: JSON.stringify(rows) });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  }
}, 120_000);

afterAll(async () => {
  await t.stop();
  dir.remove();
});

describe('POST /v1/explain', () => {
  it('splits the CPA change into CPC and CVR parts and across channels into mix and rate, all adding up to +5', async () => {
    const { status, body } = await explain({ metric: 'cpa', ...CURRENT, by: 'channel' });
    expect(status, JSON.stringify(body)).toBe(200);
    fits(ExplainReportSchema, body);
    // CPA = 1000 / 50 = 20 before, 1100 / 44 = 25 now: +5, +25 %.
    expect(body).toMatchObject({ metric: 'cpa', label: 'CPA', unit: 'money', currency: 'USD', compare: 'previous_period', period: CURRENT, previous_period: PREVIOUS, method: 'known-factors' });
    expect(body.previous).toBeCloseTo(20, 9);
    expect(body.current).toBeCloseTo(25, 9);
    expect(body.change).toBeCloseTo(5, 9);
    expect(body.change_percent).toBeCloseTo(25, 9);
    // CPA = CPC / CVR × 100 with CPC 1 → 1.1 and CVR 5 % → 4.4 %. Symmetric split of f(cpc, cvr):
    // f(1, 5) = 20, f(1.1, 5) = 22, f(1, 4.4) = 22.7273, f(1.1, 4.4) = 25.
    // CPC part = ½ (22 − 20 + 25 − 22.7273) = 2.13636; CVR part = ½ (22.7273 − 20 + 25 − 22) = 2.86364.
    const [cvr, cpc] = body.drivers;
    expect(cvr).toMatchObject({ id: 'cvr', label: 'CVR', unit: 'percent' });
    expect(cvr.previous).toBeCloseTo(5, 9);
    expect(cvr.current).toBeCloseTo(4.4, 9);
    expect(cvr.change_percent).toBeCloseTo(-12, 9);
    expect(cvr.contribution).toBeCloseTo(0.5 * (20 / 0.88 - 20 + 3), 9);
    expect(cpc).toMatchObject({ id: 'cpc', label: 'CPC', unit: 'money' });
    expect(cpc.previous).toBeCloseTo(1, 9);
    expect(cpc.current).toBeCloseTo(1.1, 9);
    expect(cpc.contribution).toBeCloseTo(0.5 * (2 + 25 - 20 / 0.88), 9);
    expect(cvr.contribution + cpc.contribution).toBeCloseTo(5, 9);
    expect(cvr.share_percent + cpc.share_percent).toBeCloseTo(100, 9);
    // Mix and rate: CPA = Σ w·r with w a channel's share of conversions, r its CPA.
    // Paid Search: 600/30 → 660/30, r 20 → 22, w 0.6 → 30/44. Part = 660/44 − 600/50 = 15 − 12 = 3;
    //   rate = (0.6 + 15/22)/2 × 2 = 1.281818; mix = 3 − 1.281818 = 1.718182.
    // Paid Social: 400/20 → 440/14, r 20 → 31.428571, w 0.4 → 14/44. Part = 440/44 − 400/50 = 10 − 8 = 2;
    //   rate = (0.4 + 7/22)/2 × 80/7 = 4.103896; mix = 2 − 4.103896 = −2.103896.
    const breakdown = body.breakdown;
    expect(breakdown).toMatchObject({ dimension: 'channel', kind: 'ratio' });
    expect(breakdown.change).toBeCloseTo(5, 9);
    const byKey = Object.fromEntries(breakdown.segments.map((s: { key: string }) => [s.key, s]));
    expect(breakdown.segments.map((s: { key: string }) => s.key)).toEqual(['Paid Search', 'Paid Social']);
    expect(byKey['Paid Search'].contribution).toBeCloseTo(3, 9);
    expect(byKey['Paid Search'].rate).toBeCloseTo(0.6 + 15 / 22, 9);
    expect(byKey['Paid Search'].mix).toBeCloseTo(3 - (0.6 + 15 / 22), 9);
    expect(byKey['Paid Social'].contribution).toBeCloseTo(2, 9);
    expect(byKey['Paid Social'].previous).toBeCloseTo(20, 9);
    expect(byKey['Paid Social'].current).toBeCloseTo(440 / 14, 9);
    expect(byKey['Paid Social'].rate).toBeCloseTo(((0.4 + 7 / 22) / 2) * (80 / 7), 9);
    expect(byKey['Paid Social'].mix).toBeCloseTo(2 - ((0.4 + 7 / 22) / 2) * (80 / 7), 9);
    expect(byKey['Paid Search'].share_percent).toBeCloseTo(60, 9);
    // The channels' conversions add up to the workspace's (every purchase came from a tagged visit): no note on that.
    expect(body.notes.filter((n: string) => n.includes('segments add up'))).toEqual([]);
  });

  it('splits a sum by its segments’ changes, and filters like a query', async () => {
    // Cost 1000 → 1100: Paid Search +60, Paid Social +40.
    const cost = await explain({ metric: 'cost', ...CURRENT, compare: 'previous_period', by: 'channel' });
    expect(cost.status, JSON.stringify(cost.body)).toBe(200);
    fits(ExplainReportSchema, cost.body);
    expect(cost.body.breakdown.kind).toBe('additive');
    expect(cost.body.breakdown.segments.map((s: { key: string; contribution: number; mix: number | null }) => [s.key, s.contribution, s.mix])).toEqual([
      ['Paid Search', 60, null],
      ['Paid Social', 40, null],
    ]);
    // Paid Social alone: CPA 20 → 31.43, CPC 1 → 1.1, CVR 5 % → 3.5 %.
    const social = await explain({ metric: 'cpa', ...CURRENT, filters: [{ dimension: 'channel', op: 'eq', values: ['Paid Social'] }] });
    expect(social.status, JSON.stringify(social.body)).toBe(200);
    expect(social.body.current).toBeCloseTo(440 / 14, 9);
    expect(social.body.breakdown).toBeNull();
    const parts = social.body.drivers.reduce((total: number, d: { contribution: number }) => total + d.contribution, 0);
    expect(parts).toBeCloseTo(440 / 14 - 20, 9);
  });

  it('answers a growth rate as a whole with a note, and a period without data with no split', async () => {
    const growth = await explain({ metric: 'revenue_growth', ...CURRENT, by: 'channel' });
    expect(growth.status, JSON.stringify(growth.body)).toBe(200);
    fits(ExplainReportSchema, growth.body);
    expect(growth.body.breakdown).toBeNull();
    expect(growth.body.notes[0]).toContain('is not split into drivers: it is a growth rate');
    // A year earlier there are no conversions: CPA has no value then.
    const year = await explain({ metric: 'cpa', ...CURRENT, compare: 'previous_year' });
    expect(year.status, JSON.stringify(year.body)).toBe(200);
    fits(ExplainReportSchema, year.body);
    expect(year.body).toMatchObject({ previous_period: { from: '2025-11-08', to: '2025-11-14' }, previous: null, change: null, method: null, drivers: [] });
  });

  it('names every bad field in one 400, and a dimension the metric cannot be split by in a 422', async () => {
    const bad = await explain({ metric: 'cpq', from: '2026-02-30', to: '2026-03-01', by: 'chanel' });
    expect(bad.status).toBe(400);
    expect(fields(bad.body.error.details)).toEqual(['metric', 'from', 'by']);
    expect(bad.body.error.message).toContain('"cpq"; did you mean cpa');
    expect(bad.body.error.message).toContain('"chanel"; did you mean channel?');
    const shape = await explain({ metric: 'cpa', from: '2026-11-08', compare: 'last_week', extra: 1 });
    expect(shape.status).toBe(400);
    expect(fields(shape.body.error.details)).toEqual(expect.arrayContaining(['to', 'compare']));
    const reversed = await explain({ metric: 'cpa', from: '2026-11-14', to: '2026-11-08' });
    expect(reversed.status).toBe(400);
    expect(fields(reversed.body.error.details)).toEqual(['from']);
    const device = await explain({ metric: 'cpa', ...CURRENT, by: 'device' });
    expect(device.status).toBe(422);
    expect(device.body.error.message).toContain('cpa cannot be split by device');
  });
});

describe('another workspace', () => {
  it('sees none of these rows: explain has no value in either period and segments assess nothing', async () => {
    const other = (path: string, body: unknown) => call(t.url, 'POST', path, { key: t.keys.otherAdmin, body: JSON.stringify(body) });
    const explained = await other('/v1/explain', { metric: 'cpa', ...CURRENT, by: 'channel' });
    expect(explained.status, JSON.stringify(explained.body)).toBe(200);
    expect(explained.body).toMatchObject({ previous: null, current: null, change: null, drivers: [] });
    const judged = await other('/v1/segments/underperforming', { metric: 'ctr', dimensions: ['campaign'], ...CTR_WEEK });
    expect(judged.status, JSON.stringify(judged.body)).toBe(200);
    expect(judged.body).toMatchObject({ assessed: 0, segments: [] });
  });
});

describe('POST /v1/segments/underperforming', () => {
  it('flags the big campaign at 1 % CTR and not the tiny one without clicks', async () => {
    const { status, body } = await segments({ metric: 'ctr', dimensions: ['campaign'], ...CTR_WEEK });
    expect(status, JSON.stringify(body)).toBe(200);
    fits(SegmentsReportSchema, body);
    // Workspace CTR = (2000 + 0 + 6000 + 3000 + 2900) / (200000 + 50 + 200000 + 100000 + 100000) × 100 = 13900 / 600050 × 100.
    const workspace = (13900 / 600050) * 100;
    expect(body).toMatchObject({ metric: 'ctr', dimensions: ['campaign'], assessed: 5, model: { kind: 'beta-binomial', count: null, value_cv: null } });
    expect(body.workspace_value).toBeCloseTo(workspace, 9);
    expect(body.segments.map((s: { key: string }) => s.key)).toEqual(['big']);
    const [big] = body.segments;
    expect(big.value).toBeCloseTo(1, 9);
    expect(big.values).toEqual({ campaign: 'big' });
    expect(big.spend).toBe(5000);
    expect(big.probability_worse).toBeGreaterThan(0.999);
    // Excess cost at the observed CTR: 5000 × (1 − 1 / workspace) = 5000 × (1 − 0.431683) = 2841.59.
    expect(big.excess_cost).toBeCloseTo(5000 * (1 - 1 / workspace), 6);
    // Its 200,000 impressions hold the shrunk CTR near 1 %: at stake within a few percent of that.
    expect(big.shrunk).toBeGreaterThan(1);
    expect(big.shrunk).toBeLessThan(1.05);
    expect(big.spend_at_stake).toBeGreaterThan(2700);
    expect(big.spend_at_stake).toBeLessThanOrEqual(big.excess_cost);
    expect(body.spend_at_stake).toBeCloseTo(big.spend_at_stake, 9);
    expect(body.expected_false_discovery_rate).toBeCloseTo(1 - big.probability_worse, 12);
  });

  it('leaves out segments below min_spend, and combines dimensions', async () => {
    const { body } = await segments({ metric: 'ctr', dimensions: ['platform', 'campaign'], ...CTR_WEEK, min_spend: 10 });
    fits(SegmentsReportSchema, body);
    expect(body.assessed).toBe(4);
    expect(body.notes).toContain('1 segment(s) that spent less than 10 were left out');
    expect(body.segments.map((s: { key: string; values: unknown }) => [s.key, s.values])).toEqual([['google_ads · big', { platform: 'google_ads', campaign: 'big' }]]);
  });

  it('answers a sum with a 422 naming the ratios, and bad fields with one 400', async () => {
    const sum = await segments({ metric: 'cost', dimensions: ['campaign'], ...CTR_WEEK });
    expect(sum.status).toBe(422);
    expect(sum.body.error.message).toContain('cost is not a ratio of two sums: segments are judged on ratios');
    expect(sum.body.error.details.choices).toEqual(expect.arrayContaining(['ctr', 'cvr', 'cpa', 'cpc', 'roas']));
    const bad = await segments({ metric: 'ctrr', dimensions: ['campain'], from: '2026-10-07', to: '2026-10-01' });
    expect(bad.status).toBe(400);
    expect(fields(bad.body.error.details)).toEqual(['metric', 'dimensions[0]', 'from']);
    expect(bad.body.error.message).toContain('did you mean campaign?');
    const none = await segments({ metric: 'ctr', dimensions: [], ...CTR_WEEK });
    expect(none.status).toBe(400);
    expect(fields(none.body.error.details)).toEqual(['dimensions']);
  });
});
