// Forecasts beside other answers, over real HTTP on a real DuckDB file:
// POST /v1/query with forecast continues each metric past its last complete
// bucket (rows and totals as without it), and GET /v1/goals projects each
// running goal's period-end value. Google Ads spends a weekly pattern that
// repeats exactly, so its forecast is that pattern, worked out here; Meta
// spends half of it with a fixed wiggle, so its projection is uncertain.
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/core/time.js';
import { RESPONSE_SCHEMAS } from '../src/server/response-schemas.js';
import { tempDir } from './support/temp-dir.js';
import { call, startTestServer, type TestServer } from './support/test-server.js';

const dir = tempDir('http-query-forecast');
let t: TestServer;

const WEEKDAY_COST = [120, 100, 100, 110, 150, 60, 40]; // Monday first
const WIGGLE = [4, -6, 1, 3, -2, 6, -5, 0, 2, -3, 5];
const TODAY = new Date().toISOString().slice(0, 10);
const FIRST = addDays(TODAY, -56);
const DAYS = Array.from({ length: 57 }, (_, i) => addDays(FIRST, i)); // FIRST … TODAY
const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
const google = (date: string) => WEEKDAY_COST[weekday(date)];
const meta = (date: string) => google(date) / 2 + WIGGLE[DAYS.indexOf(date) % WIGGLE.length];
const GOOGLE_ONLY = [{ dimension: 'platform', op: 'eq', values: ['google_ads'] }];
const META_ONLY = [{ dimension: 'platform', op: 'eq', values: ['meta_ads'] }];

/** Σ f(d) over the days from…to, inclusive. */
const total = (from: string, to: string, f: (date: string) => number) => {
  let sum = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) sum += f(d);
  return sum;
};

const post = (path: string, body: unknown, key = t.keys.read) => call(t.url, 'POST', path, { key, body: JSON.stringify(body) });

const fits = (component: keyof typeof RESPONSE_SCHEMAS, body: unknown) =>
  expect([...TypeCompiler.Compile(RESPONSE_SCHEMAS[component] as TSchema).Errors(body)].slice(0, 5).map((e) => `${e.path}: ${e.message}`)).toEqual([]);

beforeAll(async () => {
  t = await startTestServer(dir.path);
  const rows = DAYS.flatMap((date) => [
    { date, platform: 'google_ads', campaign_id: 'g1', impressions: 1000, clicks: 50, cost: google(date) },
    { date, platform: 'meta_ads', campaign_id: 'm1', impressions: 500, clicks: 10, cost: meta(date) },
  ]);
  const response = await call(t.url, 'POST', '/v1/import/ad_performance', { key: t.keys.ingest, body: JSON.stringify(rows) });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}, 120_000);

afterAll(async () => {
  await t.stop();
  dir.remove();
});

describe('POST /v1/query with forecast', () => {
  const query = { metrics: ['cost', 'cpc', 'cpa'], grain: 'day', from: FIRST, to: TODAY, filters: GOOGLE_ONLY };

  it('continues cost and cpc from the running day on as the weekly pattern; cpa, without conversions, is left out with a note', async () => {
    const { status, body } = await post('/v1/query', { ...query, forecast: { horizon: 14 } });
    expect(status, JSON.stringify(body).slice(0, 400)).toBe(200);
    fits('QueryResult', body);
    expect(Object.keys(body.forecast)).toEqual(['cost', 'cpc']);
    const dates = Array.from({ length: 14 }, (_, i) => addDays(TODAY, i));
    expect(body.forecast.cost.points.map((p: { date: string }) => p.date)).toEqual(dates);
    expect(body.forecast.cost).toMatchObject({ season: 7, level: 0.95 });
    expect(body.forecast.cost.model).toMatch(/^(additive|multiplicative)/);
    for (const p of body.forecast.cost.points) expect(p.value, p.date).toBeCloseTo(google(p.date), 4);
    // 50 clicks a day: the cost per click is the pattern over 50 (120 → 2.40).
    for (const p of body.forecast.cpc.points) expect(p.value, p.date).toBeCloseTo(google(p.date) / 50, 4);
    expect(body.notes).toContain(`${TODAY} is left out of the fit: the day is still running (today is ${TODAY})`);
    expect(body.notes.find((n: string) => n.startsWith('cpa is not forecast: cpa has no value for the day of'))).toBeDefined();
  });

  it('keeps columns, rows and totals as the query without forecast answers them', async () => {
    const plain = await post('/v1/query', query);
    const { body } = await post('/v1/query', { ...query, forecast: { horizon: 3, level: 0.8 } });
    expect(body.columns).toEqual(plain.body.columns);
    expect(body.rows).toEqual(plain.body.rows);
    expect(body.totals).toEqual(plain.body.totals);
    expect(body.forecast.cost.level).toBe(0.8);
    expect(plain.body.forecast).toBeUndefined();
  });

  it('by week: the complete weeks are 680 each (the pattern’s sum), and so is every week forecast', async () => {
    const { status, body } = await post('/v1/query', { metrics: ['cost'], grain: 'week', from: FIRST, to: TODAY, filters: GOOGLE_ONLY, forecast: { horizon: 3 } });
    expect(status, JSON.stringify(body).slice(0, 400)).toBe(200);
    const { points } = body.forecast.cost;
    expect(points).toHaveLength(3);
    for (const p of points) {
      expect(weekday(p.date)).toBe(0);
      expect(p.value).toBeCloseTo(680, 4);
    }
    expect(body.forecast.cost.season).toBe(52);
    expect(body.forecast.cost.model).toMatch(/^(simple|holt)/); // not two years of weeks: no seasonal model
  });

  it.each([
    ['dimensions', { ...query, dimensions: ['platform'], forecast: { horizon: 3 } }, 'dimensions'],
    ['no grain', { metrics: ['cost'], from: FIRST, to: TODAY, forecast: { horizon: 3 } }, 'grain'],
    ['an hour grain', { ...query, grain: 'hour', forecast: { horizon: 3 } }, 'grain'],
    ['a limit', { ...query, limit: 5, forecast: { horizon: 3 } }, 'limit'],
    ['a horizon of 0', { ...query, forecast: { horizon: 0 } }, 'forecast.horizon'],
    ['an unknown forecast option', { ...query, forecast: { horizon: 3, days: 3 } }, 'forecast.days'],
  ])('answers 400 naming the field for %s', async (_what, body, field) => {
    const { status, body: answer } = await post('/v1/query', body);
    expect(status, JSON.stringify(answer)).toBe(400);
    const details = answer.error.details;
    expect(Array.isArray(details) ? details.map((d: { field: string }) => d.field) : [details.field]).toContain(field);
  });

  it('still checks the query itself: an unknown metric is a 400 naming it', async () => {
    const { status, body } = await post('/v1/query', { ...query, metrics: ['costs'], forecast: { horizon: 3 } });
    expect(status).toBe(400);
    expect(body.error.message).toContain('costs');
  });
});

describe('GET /v1/goals with forecasts', () => {
  const from = addDays(TODAY, -10);
  const to = addDays(TODAY, 10);
  // The pattern over the whole period: what Google spent so far and will spend, day by day.
  const googlePeriod = total(from, to, google);
  let goals: any[];

  beforeAll(async () => {
    const admin = (body: unknown) => post('/v1/goals', body, t.keys.admin);
    const bodies = [
      { name: 'Google under', metric: 'cost', target: googlePeriod - 30, from, to, filters: GOOGLE_ONLY },
      { name: 'Google over', metric: 'cost', target: googlePeriod + 30, from, to, filters: GOOGLE_ONLY },
      { name: 'Meta', metric: 'cost', target: 1000, from, to, filters: META_ONLY },
      { name: 'CPA', metric: 'cpa', target: 5, from, to },
      { name: 'Ended', metric: 'cost', target: 100, from: addDays(TODAY, -30), to: addDays(TODAY, -20) },
      { name: 'Next week', metric: 'cost', target: 100, from: addDays(TODAY, 7), to: addDays(TODAY, 13), filters: GOOGLE_ONLY },
    ];
    for (const body of bodies) expect((await admin(body)).status).toBe(201);
    const response = await call(t.url, 'GET', '/v1/goals', { key: t.keys.read });
    expect(response.status).toBe(200);
    fits('GoalList', response.body);
    goals = response.body.goals;
  });

  const named = (name: string) => goals.find((g) => g.name === name);

  it('projects a running goal: the complete days so far plus the pattern over the rest, judged against the target', async () => {
    const under = named('Google under');
    expect(under.forecast.actual).toBeCloseTo(total(from, addDays(TODAY, -1), google), 6);
    expect(under.forecast.value).toBeCloseTo(googlePeriod, 3);
    expect(under.forecast.lower).toBeLessThanOrEqual(under.forecast.value);
    expect(under.forecast.upper).toBeGreaterThanOrEqual(under.forecast.value);
    expect(under.forecast).toMatchObject({ level: 0.95, status: 'on_track', fitted: { from: FIRST, to: addDays(TODAY, -1), days: 56 } });
    expect(under.notes).toEqual([]);
    expect(named('Google over').forecast.status).toBe('off_track');
    // The pace is as it was: today's spend counts in the actual.
    expect(under.progress.actual).toBeCloseTo(total(from, TODAY, google), 6);
  });

  it('gives an uncertain series an interval that holds what its pattern says', async () => {
    const metaGoal = named('Meta');
    const actual = total(from, addDays(TODAY, -1), meta);
    const expected = actual + total(TODAY, to, (d) => google(d) / 2);
    expect(metaGoal.forecast.actual).toBeCloseTo(actual, 6);
    expect(metaGoal.forecast.lower).toBeLessThan(expected);
    expect(metaGoal.forecast.upper).toBeGreaterThan(expected);
    expect(Math.abs(metaGoal.forecast.value - expected) / expected).toBeLessThan(0.03);
    expect(metaGoal.forecast.upper - metaGoal.forecast.lower).toBeGreaterThan(1);
  });

  it('forecasts a goal yet to start over its own days only', async () => {
    const next = named('Next week');
    expect(next.progress.status).toBe('not_started');
    expect(next.forecast.actual).toBe(0);
    expect(next.forecast.value).toBeCloseTo(680, 3); // a full week of the pattern
  });

  it('has no forecast, and says why, for a ratio and a period that has ended', async () => {
    expect(named('CPA')).toMatchObject({ forecast: null, notes: [expect.stringMatching(/^cpa does not add up over days/)] });
    expect(named('Ended')).toMatchObject({ forecast: null, notes: [`the period ended on ${addDays(TODAY, -20)}: its value is final`] });
    expect(named('Ended').progress.status).toMatch(/^(achieved|missed)$/);
  });
});
