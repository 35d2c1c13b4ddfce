import { describe, expect, it } from 'vitest';
import { QueryError, ValidationError } from '../core/errors.js';
import type { ForecastInput, SeriesPoint } from './forecast-input.js';
import { checkForecastInput } from './forecast-input.js';

const monthly = (values: number[], start = 2020): SeriesPoint[] =>
  values.map((value, i) => ({ date: `${start + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`, value }));
const SERIES = monthly(Array.from({ length: 30 }, (_, i) => 100 + i));

/** The class and details of the error a request is refused with. */
function refusal(input: Partial<ForecastInput>): { kind: string; details: unknown; message: string } {
  try {
    checkForecastInput({ series: SERIES, horizon: 6, ...input } as ForecastInput);
  } catch (error) {
    if (!(error instanceof ValidationError || error instanceof QueryError)) throw error;
    return { kind: error.constructor.name, details: error.details, message: error.message };
  }
  throw new Error('the request was accepted');
}

describe('checkForecastInput', () => {
  it('fills in the defaults: grain and season from the dates, auto, 95 %', () => {
    const checked = checkForecastInput({ series: SERIES, horizon: 6 });
    expect(checked).toMatchObject({ grain: 'month', period: 12, model: 'auto', damped: undefined, level: 0.95, seed: 1, paths: 5000, horizon: 6 });
    expect(checked.values).toHaveLength(30);
    const weekly = Array.from({ length: 4 }, (_, i) => ({ date: `2026-01-${String(5 + 7 * i).padStart(2, '0')}`, value: i }));
    expect(checkForecastInput({ series: weekly, horizon: 1 }).period).toBe(52);
    expect(checkForecastInput({ series: SERIES, horizon: 1, season: 4 }).period).toBe(4);
  });

  it('refuses values that are not finite numbers, naming the entry', () => {
    for (const value of [Number.NaN, Infinity, -Infinity, '5' as unknown as number, null as unknown as number, 1e16]) {
      const series = SERIES.map((p, i) => (i === 3 ? { ...p, value } : p));
      const r = refusal({ series });
      expect(r.kind).toBe('ValidationError');
      expect(r.details).toEqual({ field: 'series', index: 3 });
      expect(r.message).toMatch(/series\[3\]\.value/);
    }
  });

  it('refuses bad, repeated and unordered dates', () => {
    const swap = [...SERIES];
    [swap[4], swap[5]] = [swap[5], swap[4]];
    expect(refusal({ series: swap })).toMatchObject({ kind: 'ValidationError', details: { field: 'series', index: 5 } });
    expect(refusal({ series: swap }).message).toMatch(/must increase/);
    const repeated = SERIES.map((p, i) => (i === 7 ? { ...p, date: SERIES[6].date } : p));
    expect(refusal({ series: repeated })).toMatchObject({ kind: 'ValidationError', details: { field: 'series', index: 7 } });
    expect(refusal({ series: repeated }).message).toMatch(/twice/);
    const bad = SERIES.map((p, i) => (i === 2 ? { ...p, date: '2020-02-30' } : p));
    expect(refusal({ series: bad })).toMatchObject({ kind: 'ValidationError', details: { field: 'series', index: 2 } });
    const gap = SERIES.filter((_, i) => i !== 10);
    expect(refusal({ series: gap })).toMatchObject({ kind: 'ValidationError', details: { field: 'series', index: 10 } });
    expect(refusal({ series: SERIES, grain: 'week' })).toMatchObject({ kind: 'ValidationError', details: { field: 'series', index: 1 } });
  });

  it('refuses a horizon that is not a whole number ≥ 1', () => {
    for (const horizon of [0, -3, 1.5, Number.NaN, 1001]) {
      expect(refusal({ horizon })).toMatchObject({ kind: 'ValidationError', details: { field: 'horizon' } });
    }
  });

  it('names every other field it refuses', () => {
    expect(refusal({ model: 'arima' as never }).details).toEqual({ field: 'model' });
    expect(refusal({ model: 'simple', damped: true }).details).toEqual({ field: 'damped' });
    expect(refusal({ damped: 'yes' as never }).details).toEqual({ field: 'damped' });
    expect(refusal({ grain: 'hour' as never }).details).toEqual({ field: 'grain' });
    expect(refusal({ season: 0 }).details).toEqual({ field: 'season' });
    expect(refusal({ season: 2.5 }).details).toEqual({ field: 'season' });
    expect(refusal({ level: 1 }).details).toEqual({ field: 'level' });
    expect(refusal({ level: 0 }).details).toEqual({ field: 'level' });
    expect(refusal({ seed: 0.5 }).details).toEqual({ field: 'seed' });
    expect(refusal({ paths: 10 }).details).toEqual({ field: 'paths' });
    expect(refusal({ series: 'x' as never }).details).toEqual({ field: 'series' });
  });

  it('refuses a series of fewer than two observations as too little data', () => {
    expect(refusal({ series: SERIES.slice(0, 1) })).toMatchObject({ kind: 'QueryError', details: { field: 'series' } });
    expect(refusal({ series: [] })).toMatchObject({ kind: 'QueryError', details: { field: 'series' } });
  });
});
