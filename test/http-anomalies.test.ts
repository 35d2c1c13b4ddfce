// POST /v1/anomalies over real HTTP on a real DuckDB file: twelve weeks of
// Google Ads spend in a weekly pattern with seeded noise (anomaly-fixture.ts),
// sent through the import route, with a spike and a drop at known days of the
// last four weeks. Those two are the high anomalies, each expectation lies
// near the pattern (also right after the spike), and the interval is expected
// ± 2.5758 σ (z of a 99 % interval, from the normal table). A ratio (a custom
// one too) is judged on its own values, a day without clicks skipped with a
// note; a short history falls back on the MAD methods; errors name their field.
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/core/time.js';
import { AnomalyReportSchema } from '../src/server/anomaly-schemas.js';
import { adRows, COST, DAYS, DROP, FIRST, FROM, GOOGLE_ONLY, NO_CLICKS, pattern, SPIKE, TO } from './support/anomaly-fixture.js';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';

const dir = tempDir('http-anomalies');
let t: TestServer;

const anomalies = (body: unknown, key = t.keys.read) => call(t.url, 'POST', '/v1/anomalies', { key, body: JSON.stringify(body) });
const Z99 = 2.5758293; // Φ⁻¹(0.995)

beforeAll(async () => {
  t = await startTestServer(dir.path);
  const rows = adRows();
  const response = await call(t.url, 'POST', '/v1/import/ad_performance', { key: t.keys.ingest, body: JSON.stringify(rows) });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  const custom = await call(t.url, 'POST', '/v1/metrics/custom', { key: t.keys.admin, body: JSON.stringify({ id: 'cost_per_50_clicks', formula: 'cost / clicks * 50', unit: 'money', direction: 'down' }) });
  expect(custom.status, JSON.stringify(custom.body)).toBeLessThan(300);
}, 120_000);

afterAll(async () => {
  await t.stop();
  dir.remove();
});

/** Keys of `value` its schema does not name, anywhere. */
function unknownKeys(schema: TSchema, value: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return schema.items ? value.flatMap((v, i) => unknownKeys(schema.items as TSchema, v, `${path}[${i}]`)) : [];
  const variant = (schema.anyOf as TSchema[] | undefined)?.find((s) => s.type === 'object');
  if (schema.anyOf) return variant ? unknownKeys(variant, value, path) : [];
  const properties = (schema.properties ?? {}) as Record<string, TSchema>;
  return Object.entries(value).flatMap(([key, v]) => (key in properties ? unknownKeys(properties[key], v, `${path}.${key}`) : [`${path}.${key}`]));
}

const expectSchema = (body: unknown) => {
  expect([...TypeCompiler.Compile(AnomalyReportSchema).Errors(body)].map((e) => `${e.path}: ${e.message}`)).toEqual([]);
  expect(unknownKeys(AnomalyReportSchema, body)).toEqual([]);
};

type Point = { date: string; value: number; expected: number; lower: number; upper: number; anomaly: boolean; severity: string | null; score: number; direction: string };
const namedFields = (details: unknown): string[] => (Array.isArray(details) ? details.map((d: { field: string }) => d.field) : [(details as { field: string }).field]);

describe('POST /v1/anomalies on daily cost', () => {
  it('flags the spike and the drop as high, learned from the eight weeks before from', async () => {
    const { status, body } = await anomalies({ metric: 'cost', filters: GOOGLE_ONLY, from: FROM, to: TO });
    expect(status, JSON.stringify(body).slice(0, 500)).toBe(200);
    expectSchema(body);
    expect(body).toMatchObject({
      metric: { id: 'cost', label: 'Cost', unit: 'money', filters: GOOGLE_ONLY },
      grain: 'day',
      from: FROM,
      to: TO,
      sensitivity: 0.99,
      method: 'holt_winters',
      training: { from: FIRST, to: addDays(FROM, -1), periods: 56 },
      params: { season: 7, sigma_basis: 'fit', median: null, mad: null },
    });
    const points = body.points as Point[];
    expect(points.map((p) => p.date)).toEqual(DAYS.slice(56));
    expect(points.map((p) => p.value)).toEqual(COST.slice(56));
    const high = points.filter((p) => p.severity === 'high');
    expect(high.map((p) => [p.date, p.direction])).toEqual([
      [SPIKE, 'above'],
      [DROP, 'below'],
    ]);
    expect(body.anomalies).toBe(points.filter((p) => p.anomaly).length);
    expect(body.anomalies).toBeLessThanOrEqual(3);
  });

  it('expects each day near its weekday’s pattern, the spike and the drop not dragging the days after them along', async () => {
    const { body } = await anomalies({ metric: 'cost', filters: GOOGLE_ONLY, from: FROM, to: TO });
    const points = body.points as Point[];
    // The noise's σ is 3: every expectation within 12 of the pattern.
    points.forEach((p, i) => expect(Math.abs(p.expected - pattern(56 + i)), p.date).toBeLessThan(12));
    expect(body.params.threshold).toBeCloseTo(Z99, 6);
    expect(body.params.sigma).toBeGreaterThan(2);
    expect(body.params.sigma).toBeLessThan(6);
    for (const p of points) {
      expect(p.upper - p.expected).toBeCloseTo(Z99 * body.params.sigma, 6);
      expect(p.expected - p.lower).toBeCloseTo(Z99 * body.params.sigma, 6);
      expect(p.score).toBeCloseTo(Math.abs(p.value - p.expected) / body.params.sigma, 9);
      expect(p.anomaly).toBe(p.value < p.lower || p.value > p.upper);
    }
  });

  it('flags more at a lower sensitivity, and the same days by week of the same data with the plain MAD', async () => {
    const strict = await anomalies({ metric: 'cost', filters: GOOGLE_ONLY, from: FROM, to: TO, sensitivity: 0.9999 });
    const loose = await anomalies({ metric: 'cost', filters: GOOGLE_ONLY, from: FROM, to: TO, sensitivity: 0.8 });
    expect(strict.body.params.threshold).toBeCloseTo(3.8906, 3); // Φ⁻¹(0.99995)
    expect(loose.body.params.threshold).toBeCloseTo(1.2816, 3); // Φ⁻¹(0.9)
    expect(strict.body.anomalies).toBeLessThanOrEqual(loose.body.anomalies);
    expect(loose.body.anomalies).toBeGreaterThan(2);
    const weekly = await anomalies({ metric: 'cost', filters: GOOGLE_ONLY, grain: 'week', from: FROM, to: TO });
    expect(weekly.status, JSON.stringify(weekly.body)).toBe(200);
    expectSchema(weekly.body);
    expect(weekly.body.method).toBe('mad');
    expect(weekly.body.reason).toBe("8 weeks of history: too few for seasonal differences at a lag of 52 (they need 59); every point is expected at the history's median");
    expect(weekly.body.points).toHaveLength(4);
  });
});

describe('POST /v1/anomalies on a ratio and a short history', () => {
  it('judges cost per click on its own values, skipping the day without clicks with a note; a custom metric too', async () => {
    const cpc = await anomalies({ metric: 'cpc', filters: GOOGLE_ONLY, from: FROM, to: TO });
    expect(cpc.status, JSON.stringify(cpc.body).slice(0, 500)).toBe(200);
    expectSchema(cpc.body);
    const dates = (cpc.body.points as Point[]).map((p) => p.date);
    expect(dates).not.toContain(NO_CLICKS);
    expect(dates).toHaveLength(27);
    expect(cpc.body.notes).toContain(`${NO_CLICKS} has no value (nothing to divide by): skipped`);
    // 50 clicks a day: cpc is cost / 50, its spike and drop the same days.
    expect((cpc.body.points as Point[]).filter((p) => p.severity === 'high').map((p) => p.date)).toEqual([SPIKE, DROP]);
    const custom = await anomalies({ metric: 'cost_per_50_clicks', filters: GOOGLE_ONLY, from: FROM, to: TO });
    expect(custom.status, JSON.stringify(custom.body).slice(0, 500)).toBe(200);
    expect(custom.body.metric.id).toBe('cost_per_50_clicks');
    expect((custom.body.points as Point[]).filter((p) => p.severity === 'high').map((p) => p.date)).toEqual([SPIKE, DROP]);
  });

  it('falls back on the seasonal MAD with two weeks of history and on the plain MAD with one, saying why', async () => {
    const twoWeeks = await anomalies({ metric: 'cost', filters: GOOGLE_ONLY, from: addDays(FIRST, 14), to: addDays(FIRST, 20) });
    expect(twoWeeks.body.method).toBe('seasonal_mad');
    expect(twoWeeks.body.reason).toMatch(/^14 days of history: too few for Holt-Winters with a season of 7 \(it needs 19\)/);
    const oneWeek = await anomalies({ metric: 'cost', filters: GOOGLE_ONLY, from: addDays(FIRST, 10), to: addDays(FIRST, 12) });
    expect(oneWeek.body.method).toBe('mad');
    expect(oneWeek.body.training).toEqual({ from: FIRST, to: addDays(FIRST, 9), periods: 10 });
    // The zeros before the first import are not history: 56 days asked, 10 used, with a note.
    expect(oneWeek.body.notes[0]).toMatch(new RegExp(`^${addDays(FIRST, -46)} … ${addDays(FIRST, -1)} \\(46 periods\\) are left out of the training history`));
  });
});

describe('POST /v1/anomalies errors', () => {
  it.each([
    ['an unknown metric', { metric: 'costs', from: FROM, to: TO }, 'metric'],
    ['a missing metric', { from: FROM, to: TO }, 'metric'],
    ['a date that does not exist', { metric: 'cost', from: '2025-02-30', to: TO }, 'from'],
    ['a malformed date', { metric: 'cost', from: FROM, to: '2025-5-1' }, 'to'],
    ['from after to', { metric: 'cost', from: TO, to: FROM }, 'from'],
    ['an hourly grain', { metric: 'cost', from: FROM, to: TO, grain: 'hour' }, 'grain'],
    ['a sensitivity of 1', { metric: 'cost', from: FROM, to: TO, sensitivity: 1 }, 'sensitivity'],
    ['3 training periods', { metric: 'cost', from: FROM, to: TO, training_periods: 3 }, 'training_periods'],
    ['an unknown field', { metric: 'cost', from: FROM, to: TO, horizon_days: 3 }, 'horizon_days'],
  ])('refuses %s with a 400 naming the field', async (_what, body, field) => {
    const { status, body: answer } = await anomalies(body);
    expect(status, JSON.stringify(answer)).toBe(400);
    expect(answer.error.code).toBe('invalid_request');
    expect(namedFields(answer.error.details)).toContain(field);
  });

  it('answers 422 naming from for too little history, or a range without a whole week', async () => {
    const short = await anomalies({ metric: 'cost', from: addDays(FIRST, 4), to: TO });
    expect(short.status).toBe(422);
    expect(short.body.error.details.field).toBe('from');
    expect(short.body.error.message).toBe('4 days in the history before from: the detector needs at least 7 days (19 for Holt-Winters); move from later or load earlier data');
    const noWeek = await anomalies({ metric: 'cost', grain: 'week', from: addDays(FROM, 2), to: addDays(FROM, 8) });
    expect(noWeek.status).toBe(422);
    expect(noWeek.body.error.details.field).toBe('from');
    // Another workspace has no cost at all: nothing but zeros before from.
    const other = await anomalies({ metric: 'cost', from: FROM, to: TO }, t.keys.otherAdmin);
    expect(other.status).toBe(422);
    expect(other.body.error.message).toMatch(/^no value other than 0 in the history before from/);
  });

  it('needs a key with the read scope', async () => {
    const body = JSON.stringify({ metric: 'cost', from: FROM, to: TO });
    expect((await call(t.url, 'POST', '/v1/anomalies', { body })).status).toBe(401);
    expect((await call(t.url, 'POST', '/v1/anomalies', { key: t.keys.ingest, body })).status).toBe(403);
    expect((await call(t.url, 'POST', '/v1/anomalies', { key: t.keys.admin, body })).status).toBe(200);
  });
});
