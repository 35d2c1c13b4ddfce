// A query's forecast without a database: the body split from its forecast
// options (and the 400s naming the field), and the forecast of each metric
// from a result's rows, worked out from a weekly pattern that repeats exactly.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { addDays } from '../core/time.js';
import type { QueryResult, ResultRow } from '../metrics/types.js';
import { forecastResult } from './query-forecast.js';
import { splitForecastQuery } from './query-forecast-input.js';

const WEEKDAY = [120, 100, 100, 110, 150, 60, 40]; // Monday first
const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
const pattern = (date: string) => WEEKDAY[weekday(date)];

/** The field a ValidationError names. */
function fieldOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    const details = (err as ValidationError).details as { field: string } | { field: string }[];
    return Array.isArray(details) ? details[0].field : details.field;
  }
  throw new Error('no error');
}

describe('splitForecastQuery', () => {
  const query = { metrics: ['cost'], grain: 'day', from: '2026-01-01', to: '2026-02-28' };

  it('passes a query without forecast (or with forecast: null) through untouched', () => {
    expect(splitForecastQuery(query)).toEqual({ query, forecast: null });
    expect(splitForecastQuery({ ...query, forecast: null })).toEqual({ query, forecast: null });
  });

  it('takes the forecast out of the body and adds the grain to it', () => {
    expect(splitForecastQuery({ ...query, forecast: { horizon: 14, level: 0.8, model: 'additive' } })).toEqual({
      query,
      forecast: { horizon: 14, level: 0.8, model: 'additive', grain: 'day' },
    });
  });

  it.each([
    ['a horizon of 0', { ...query, forecast: { horizon: 0 } }, 'forecast.horizon'],
    ['a horizon over 1000', { ...query, forecast: { horizon: 1001 } }, 'forecast.horizon'],
    ['no horizon', { ...query, forecast: {} }, 'forecast.horizon'],
    ['an unknown model', { ...query, forecast: { horizon: 3, model: 'arima' } }, 'forecast.model'],
    ['a level of 1', { ...query, forecast: { horizon: 3, level: 1 } }, 'forecast.level'],
    ['an unknown option', { ...query, forecast: { horizon: 3, season: 7 } }, 'forecast.season'],
    ['a damped simple model', { ...query, forecast: { horizon: 3, model: 'simple', damped: true } }, 'forecast.damped'],
    ['no grain', { ...query, grain: undefined, forecast: { horizon: 3 } }, 'grain'],
    ['an hour grain', { ...query, grain: 'hour', forecast: { horizon: 3 } }, 'grain'],
    ['a quarter grain', { ...query, grain: 'quarter', forecast: { horizon: 3 } }, 'grain'],
    ['dimensions as a list', { ...query, dimensions: ['channel'], forecast: { horizon: 3 } }, 'dimensions'],
    ['dimensions as text', { ...query, dimensions: 'channel,device', forecast: { horizon: 3 } }, 'dimensions'],
    ['a limit', { ...query, limit: 10, forecast: { horizon: 3 } }, 'limit'],
  ])('refuses %s with a 400 naming %s', (_what, body, field) => {
    expect(fieldOf(() => splitForecastQuery(body as Record<string, unknown>))).toBe(field);
  });

  it('says how to forecast one dimension value instead', () => {
    expect(() => splitForecastQuery({ ...query, dimensions: ['channel'], forecast: { horizon: 3 } })).toThrow(/filters: \[\{ dimension: "channel", op: "eq"/);
  });
});

describe('forecastResult', () => {
  // Eight weeks of days from Monday 2026-01-05, and today (2026-03-02, a Monday) still running.
  const FIRST = '2026-01-05';
  const TODAY = '2026-03-02';
  const dates = Array.from({ length: 57 }, (_, i) => addDays(FIRST, i));
  const rows: ResultRow[] = dates.map((date) => ({
    date,
    cost: pattern(date),
    // A ratio with nothing to divide by on Sundays.
    cpa: weekday(date) === 6 ? null : pattern(date) / 10,
    ...(date === TODAY ? { partial: true } : {}),
  }));
  const result: QueryResult = {
    columns: [
      { name: 'date', kind: 'time', label: 'day' },
      { name: 'cost', kind: 'metric', label: 'Cost', unit: 'money' },
      { name: 'cpa', kind: 'metric', label: 'CPA', unit: 'money' },
    ],
    rows,
    totals: { cost: 1, cpa: 2 },
    notes: ['a note of the query'],
  };
  const range = { from: FIRST, to: TODAY, today: TODAY };

  it('continues each metric from its last complete day: the pattern, from today on', () => {
    const answer = forecastResult(result, { horizon: 10, grain: 'day' }, range);
    const cost = answer.forecast!.cost;
    expect(cost.points.map((p) => p.date)).toEqual(Array.from({ length: 10 }, (_, i) => addDays(TODAY, i)));
    cost.points.forEach((p) => expect(p.value).toBeCloseTo(pattern(p.date), 6));
    expect(cost.model).toMatch(/^(additive|multiplicative)/);
    expect(cost.season).toBe(7);
    expect(cost.level).toBe(0.95);
  });

  it('keeps rows and totals, and says which metric was not forecast and which bucket was left out', () => {
    const answer = forecastResult(result, { horizon: 3, grain: 'day' }, range);
    expect(answer.rows).toBe(result.rows);
    expect(answer.totals).toEqual({ cost: 1, cpa: 2 });
    expect(Object.keys(answer.forecast!)).toEqual(['cost']);
    expect(answer.notes![0]).toBe('a note of the query');
    expect(answer.notes).toContain(`${TODAY} is left out of the fit: the day is still running (today is ${TODAY})`);
    expect(answer.notes).toContain(
      'cpa is not forecast: cpa has no value for the day of 2026-01-11 (nothing to divide by): a forecast needs a value in every day; use a longer grain or a metric that adds up, e.g. cost',
    );
  });

  it('reads the rows in date order whatever order they came in', () => {
    const reversed = { ...result, rows: [...rows].reverse() };
    const a = forecastResult(reversed, { horizon: 5, grain: 'day' }, range).forecast!.cost;
    const b = forecastResult(result, { horizon: 5, grain: 'day' }, range).forecast!.cost;
    expect(a).toEqual(b);
  });

  it('names the metric whose history is too short for the model asked', () => {
    const short = { ...result, rows: rows.slice(-10) };
    const answer = forecastResult(short, { horizon: 3, grain: 'day', model: 'additive' }, range);
    expect(answer.forecast).toEqual({});
    expect(answer.notes).toContain(`cost is not forecast: the day totals of cost ${FIRST}…${TODAY}: the additive model needs at least two full seasons: 14 values for a season of 7, the series has 9`);
  });
});
