// POST /v1/forecast over real HTTP on a real DuckDB file: AirPassengers sent
// as a series gets the multiplicative Holt-Winters model under auto, and its
// fitted values and 12 points are the recursion run here, from the returned
// parameters and the textbook starting states; a daily cost series with a
// weekly pattern, loaded through the import route, forecast as a metric
// (the running day left out, with a note); the 400s and 422s name their
// field; a key needs the read scope.
import { readFileSync } from 'node:fs';
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/core/time.js';
import { ForecastReportSchema } from '../src/server/forecast-schemas.js';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';

const dir = tempDir('http-forecast');
let t: TestServer;

const AIR = readFileSync(new URL('../../shared/datasets/AirPassengers.csv', import.meta.url), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const [date, value] = line.split(',');
    return { date: date.replace(/"/g, ''), value: Number(value) };
  });

const forecast = (body: unknown, key = t.keys.read) => call(t.url, 'POST', '/v1/forecast', { key, body: JSON.stringify(body) });

// Google Ads spend per weekday (Monday first), growing 1 % a week; Meta spends 10 a day, which a filter leaves out.
const WEEKDAY_COST = [120, 100, 100, 110, 150, 60, 40];
const TODAY = new Date().toISOString().slice(0, 10);
const FIRST = addDays(TODAY, -56);
const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
const dayIndex = (date: string) => Math.round((Date.parse(date) - Date.parse(FIRST)) / 86_400_000);
const googleCost = (date: string) => Math.round(WEEKDAY_COST[weekday(date)] * (1 + 0.01 * Math.floor(dayIndex(date) / 7)) * 100) / 100;
const DAYS = Array.from({ length: 57 }, (_, i) => addDays(FIRST, i)); // FIRST … TODAY
const GOOGLE_ONLY = [{ dimension: 'platform', op: 'eq', values: ['google_ads'] }];

beforeAll(async () => {
  t = await startTestServer(dir.path);
  const rows = DAYS.flatMap((date) => [
    { date, platform: 'google_ads', campaign_id: 'g1', impressions: 1000, clicks: 50, cost: googleCost(date) },
    { date, platform: 'meta_ads', campaign_id: 'm1', impressions: 500, clicks: 10, cost: 10 },
  ]);
  const response = await call(t.url, 'POST', '/v1/import/ad_performance', { key: t.keys.ingest, body: JSON.stringify(rows) });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(response.body.accepted).toBe(rows.length);
}, 120_000);

afterAll(async () => {
  await t.stop();
  dir.remove();
});

/**
 * Holt-Winters with multiplicative seasonality and an additive trend, written
 * out here: starting states by Hyndman et al. (2008) §2.6.1 (seasonal indices
 * from a 2×m moving average over the first four seasons, scaled to average 1;
 * level and slope from a line through the first ten adjusted values), then
 * ŷ = (ℓ + b)s, ℓ′ = αy/s + (1 − α)(ℓ + b), b′ = β(ℓ′ − ℓ) + (1 − β)b,
 * s′ = γy/(ℓ + b) + (1 − γ)s, and ŷₙ₊ₕ = (ℓ + hb)·s of the same season.
 */
function holtWinters(y: number[], m: number, alpha: number, beta: number, gamma: number, horizon: number): { fitted: number[]; sse: number; points: number[] } {
  const span = Math.min(4, Math.floor(y.length / m)) * m;
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = m / 2; t < span - m / 2; t++) {
    let average = (y[t - m / 2] + y[t + m / 2]) / 2;
    for (let k = -m / 2 + 1; k < m / 2; k++) average += y[t + k];
    sums[t % m] += y[t] / (average / m);
    counts[t % m]++;
  }
  const raw = sums.map((s, i) => s / counts[i]);
  const mean = raw.reduce((a, b) => a + b, 0) / m;
  const season = raw.map((s) => s / mean);
  const adjusted = y.slice(0, 10).map((v, t) => v / season[t % m]);
  const meanT = (adjusted.length + 1) / 2;
  const meanY = adjusted.reduce((a, b) => a + b, 0) / adjusted.length;
  let sxy = 0;
  let sxx = 0;
  adjusted.forEach((v, i) => {
    sxy += (i + 1 - meanT) * (v - meanY);
    sxx += (i + 1 - meanT) ** 2;
  });
  let slope = sxy / sxx;
  let level = meanY - slope * meanT;
  const fitted: number[] = [];
  let sse = 0;
  y.forEach((value, t) => {
    const s = season[t % m];
    const forecastOf = (level + slope) * s;
    fitted.push(forecastOf);
    sse += (value - forecastOf) ** 2;
    const next = (alpha * value) / s + (1 - alpha) * (level + slope);
    season[t % m] = (gamma * value) / (level + slope) + (1 - gamma) * s;
    slope = beta * (next - level) + (1 - beta) * slope;
    level = next;
  });
  const points = Array.from({ length: horizon }, (_, h) => (level + (h + 1) * slope) * season[(y.length + h) % m]);
  return { fitted, sse, points };
}

const closeTo = (actual: number[], expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - expected[i]), `${i}: ${a} vs ${expected[i]}`).toBeLessThan(1e-7 * Math.abs(expected[i])));
};

/** Keys of `value` its schema does not name, anywhere. */
function unknownKeys(schema: TSchema, value: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return schema.items ? value.flatMap((v, i) => unknownKeys(schema.items as TSchema, v, `${path}[${i}]`)) : [];
  const variants = (schema.anyOf as TSchema[] | undefined)?.filter((s) => s.type === 'object');
  if (variants) return variants.length > 0 ? unknownKeys(variants[0], value, path) : [];
  const properties = (schema.properties ?? {}) as Record<string, TSchema>;
  return Object.entries(value).flatMap(([key, v]) => (key in properties ? unknownKeys(properties[key], v, `${path}.${key}`) : [`${path}.${key}`]));
}

const expectSchema = (body: unknown) => {
  expect([...TypeCompiler.Compile(ForecastReportSchema).Errors(body)].map((e) => `${e.path}: ${e.message}`)).toEqual([]);
  expect(unknownKeys(ForecastReportSchema, body)).toEqual([]);
};

/** The fields an error's details name: a list of problems, or one { field }. */
const namedFields = (details: unknown): string[] => (Array.isArray(details) ? details.map((d: { field: string }) => d.field) : [(details as { field: string }).field]);

describe('POST /v1/forecast with a series', () => {
  it('picks the multiplicative model for AirPassengers, and its fit and 12 points are the Holt-Winters recursion of its parameters', async () => {
    const { status, body } = await forecast({ series: AIR, horizon: 12, model: 'auto' });
    expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expectSchema(body);
    expect(body).toMatchObject({ model: 'multiplicative', grain: 'month', season: 12, level: 0.95, metric: null, notes: [] });
    expect(body.params.phi).toBeNull();
    expect(body.points.map((p: { date: string }) => p.date)).toEqual(Array.from({ length: 12 }, (_, i) => `1961-${String(i + 1).padStart(2, '0')}-01`));
    const { alpha, beta, gamma } = body.params;
    const expected = holtWinters(AIR.map((p) => p.value), 12, alpha, beta, gamma, 12);
    closeTo(body.fitted.map((f: { value: number }) => f.value), expected.fitted);
    expect(body.fitted.map((f: { date: string }) => f.date)).toEqual(AIR.map((p) => p.date));
    expect(Math.abs(body.sse - expected.sse)).toBeLessThan(1e-7 * expected.sse);
    closeTo(body.points.map((p: { value: number }) => p.value), expected.points);
    for (const p of body.points) expect(p.lower < p.value && p.value < p.upper, JSON.stringify(p)).toBe(true);
    // Summer peaks above the winter: July over November, as every year of the data.
    expect(body.points[6].value).toBeGreaterThan(body.points[10].value * 1.4);
  });

  it('fits the model named, damped when asked, at the coverage asked', async () => {
    const { status, body } = await forecast({ series: AIR, horizon: 3, model: 'additive', damped: true, level: 0.8 });
    expect(status).toBe(200);
    expectSchema(body);
    expect(body.model).toBe('additive-damped');
    expect(body.params.phi).toBeGreaterThan(0);
    expect(body.level).toBe(0.8);
    expect(body.points).toHaveLength(3);
  });
});

describe('POST /v1/forecast with a metric', () => {
  const request = { metric: 'cost', filters: GOOGLE_ONLY, from: FIRST, to: TODAY, horizon_days: 14 };

  it('forecasts the daily totals of cost: horizon_days points from the running day on, which is left out of the fit with a note', async () => {
    const { status, body } = await forecast(request);
    expect(status, JSON.stringify(body).slice(0, 500)).toBe(200);
    expectSchema(body);
    expect(body).toMatchObject({ grain: 'day', season: 7, metric: { id: 'cost', label: 'Cost', unit: 'money', from: FIRST, to: TODAY, filters: GOOGLE_ONLY } });
    expect(body.fitted).toHaveLength(56);
    expect(body.fitted[0].date).toBe(FIRST);
    expect(body.fitted[55].date).toBe(addDays(TODAY, -1));
    expect(body.notes).toContain(`${TODAY} is left out of the fit: the day is still running (today is ${TODAY})`);
    expect(body.points.map((p: { date: string }) => p.date)).toEqual(Array.from({ length: 14 }, (_, i) => addDays(TODAY, i)));
    expect(body.model).toMatch(/^(additive|multiplicative)/);
    // The weekly pattern carries on: each forecast within 5 % of what the pattern gives.
    for (const p of body.points) expect(Math.abs(p.value - googleCost(p.date)) / googleCost(p.date), JSON.stringify(p)).toBeLessThan(0.05);
  });

  it('by week: the first week, only partly in the range, and the running week are left out, each with a note', async () => {
    const from = DAYS.find((d) => weekday(d) === 2)!; // a Wednesday
    const { status, body } = await forecast({ ...request, from, grain: 'week', horizon_days: 10 });
    expect(status, JSON.stringify(body).slice(0, 500)).toBe(200);
    expect(body.grain).toBe('week');
    expect(body.season).toBe(52);
    expect(body.model).toMatch(/^(simple|holt)/); // no two years of weeks: no seasonal model
    expect(body.points).toHaveLength(2); // 10 days after the last complete week: two weeks
    expect(body.notes[0]).toBe(`${addDays(from, -2)} is left out of the fit: the range covers only part of the week`);
    expect(body.notes[1]).toMatch(/ is left out of the fit: the week is still running/);
    for (const f of body.fitted) expect(weekday(f.date)).toBe(0);
  });

  it('says which metric is unknown, and which range is too short for the model', async () => {
    const unknown = await forecast({ ...request, metric: 'costs' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.field).toBe('metric');
    expect(unknown.body.error.message).toContain('did you mean cost');
    const short = await forecast({ ...request, from: addDays(TODAY, -8), model: 'additive' });
    expect(short.status).toBe(422);
    expect(short.body.error.details.field).toBe('from');
    expect(short.body.error.message).toContain(`the day totals of cost ${addDays(TODAY, -8)}…${TODAY}: the additive model needs at least two full seasons`);
  });
});

describe('POST /v1/forecast errors', () => {
  const series = AIR.slice(0, 30);
  it.each([
    ['no series and no metric', { horizon: 3 }, 'series'],
    ['a series and a metric', { series, horizon: 3, metric: 'cost' }, 'metric'],
    ['a horizon of 0', { series, horizon: 0 }, 'horizon'],
    ['a horizon that is not whole', { series, horizon: 1.5 }, 'horizon'],
    ['a missing horizon', { series }, 'horizon'],
    ['an unknown model', { series, horizon: 3, model: 'arima' }, 'model'],
    ['a season of 0', { series, horizon: 3, season: 0 }, 'season'],
    ['a level of 1', { series, horizon: 3, level: 1 }, 'level'],
    ['a date that is no date', { series: [{ date: 'January', value: 1 }, ...series], horizon: 3 }, 'series[0].date'],
    ['a value that is no number', { series: [{ date: '1948-12-01', value: '5' }, ...series], horizon: 3 }, 'series[0].value'],
    ['a date that does not exist', { series: [...series, { date: '1951-07-32', value: 1 }], horizon: 3 }, 'series'],
    ['a month missing', { series: [...series.slice(0, 10), ...series.slice(11)], horizon: 3 }, 'series'],
    ['an unknown field', { series, horizon: 3, trend: 'up' }, 'trend'],
    ['a metric without horizon_days', { metric: 'cost', from: FIRST, to: TODAY }, 'horizon_days'],
    ['a metric by hour', { metric: 'cost', from: FIRST, to: TODAY, horizon_days: 3, grain: 'hour' }, 'grain'],
    ['a metric with from after to', { metric: 'cost', from: TODAY, to: FIRST, horizon_days: 3 }, 'from'],
    ['a metric with a malformed date', { metric: 'cost', from: '2026-1-1', to: TODAY, horizon_days: 3 }, 'from'],
  ])('refuses %s with a 400 naming the field', async (_what, body, field) => {
    const { status, body: answer } = await forecast(body);
    expect(status, JSON.stringify(answer)).toBe(400);
    expect(answer.error.code).toBe('invalid_request');
    expect(namedFields(answer.error.details)).toContain(field);
    expect(answer.error.message).toContain(field.split(/[[.]/)[0]);
  });

  it('answers 422 when the data cannot support the model', async () => {
    const three = await forecast({ series: AIR.slice(0, 3), horizon: 2, model: 'holt' });
    expect(three.status).toBe(422);
    expect(three.body.error.details.field).toBe('series');
    const zero = await forecast({ series: AIR.map((p, i) => (i === 5 ? { ...p, value: 0 } : p)), horizon: 2, model: 'multiplicative' });
    expect(zero.status).toBe(422);
    expect(zero.body.error.message).toContain('series[5].value is 0 (use the additive model)');
    const seasons = await forecast({ series: AIR.slice(0, 20), horizon: 2, model: 'additive' });
    expect(seasons.status).toBe(422);
    expect(seasons.body.error.message).toContain('needs at least two full seasons');
  });

  it('refuses a body that is not a JSON object', async () => {
    expect((await call(t.url, 'POST', '/v1/forecast', { key: t.keys.read, body: '{"series": [' })).status).toBe(400);
    expect((await call(t.url, 'POST', '/v1/forecast', { key: t.keys.read, body: '[1, 2]' })).status).toBe(400);
  });

  it('needs a key with the read scope', async () => {
    const body = JSON.stringify({ series: AIR, horizon: 2, model: 'simple' });
    expect((await call(t.url, 'POST', '/v1/forecast', { body })).status).toBe(401);
    expect((await call(t.url, 'POST', '/v1/forecast', { key: t.keys.ingest, body })).status).toBe(403);
    expect((await call(t.url, 'POST', '/v1/forecast', { key: t.keys.admin, body })).status).toBe(200);
  });

  it("another workspace's key sees none of this one's cost: a series of zeros", async () => {
    const { status, body } = await forecast({ metric: 'cost', from: FIRST, to: addDays(TODAY, -1), horizon_days: 3, model: 'simple' }, t.keys.otherAdmin);
    expect(status).toBe(200);
    expect(body.fitted.every((f: { value: number }) => f.value === 0)).toBe(true);
    expect(body.points.map((p: { value: number }) => p.value)).toEqual([0, 0, 0]);
  });
});

describe('the OpenAPI document', () => {
  it('describes the route with its request body and the ForecastReport schema, exactly', async () => {
    const doc = (await call(t.url, 'GET', '/openapi.json')).body;
    const operation = doc.paths['/v1/forecast'].post;
    expect(operation.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ForecastReport' });
    expect(operation.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Forecast' });
    expect(Object.keys(operation.responses)).toEqual(['200', '400', '401', '403', '422']);
    expect(doc.components.schemas.ForecastReport).toEqual(JSON.parse(JSON.stringify(ForecastReportSchema)));
    expect(doc.components.schemas.Forecast.anyOf.map((s: { required: string[] }) => s.required)).toEqual([
      ['series', 'horizon'],
      ['metric', 'from', 'to', 'horizon_days'],
    ]);
  });
});
