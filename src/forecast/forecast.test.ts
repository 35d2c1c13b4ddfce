import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QueryError, ValidationError } from '../core/errors.js';
import type { Forecast } from './forecast.js';
import { forecastSeries, forecastSeriesTotal } from './forecast.js';
import type { SeriesPoint } from './forecast-input.js';
import { MODEL_CHOICES } from './forecast-input.js';
import { initialStates } from './initial-states.js';
import { pointForecasts, smoothSeries } from './smoothing.js';

const AIR: SeriesPoint[] = readFileSync(new URL('../../../shared/datasets/AirPassengers.csv', import.meta.url), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const [date, value] = line.split(',');
    return { date: date.replace(/"/g, ''), value: Number(value) };
  });
const AIR_VALUES = AIR.map((p) => p.value);

/**
 * R's HoltWinters() (stats package) written out from its documented
 * algorithm: start values from decompose() of the first two seasons (level
 * and slope: the regression line of the trend component, s: the seasonal
 * figure), filtering from the 13th observation, seasonal update against the
 * new level (γ* form), SSE over the filtered observations.
 */
function holtWintersR(y: number[], m: number, alpha: number, beta: number, gamma: number) {
  const first = y.slice(0, 2 * m);
  const trend: Array<[number, number]> = [];
  for (let t = m / 2; t < first.length - m / 2; t++) {
    let sum = 0.5 * (first[t - m / 2] + first[t + m / 2]);
    for (let k = -m / 2 + 1; k < m / 2; k++) sum += first[t + k];
    trend.push([t, sum / m]);
  }
  const ratios: number[][] = Array.from({ length: m }, () => []);
  for (const [t, tr] of trend) ratios[t % m].push(first[t] / tr);
  const raw = ratios.map((r) => r.reduce((a, b) => a + b, 0) / r.length);
  const figure = raw.map((v) => v / (raw.reduce((a, b) => a + b, 0) / m));
  const n = trend.length;
  const meanX = (n + 1) / 2;
  const meanY = trend.reduce((s, [, v]) => s + v, 0) / n;
  const b0 = trend.reduce((s, [, v], i) => s + (i + 1 - meanX) * (v - meanY), 0) / trend.reduce((s, _, i) => s + (i + 1 - meanX) ** 2, 0);
  let level = meanY - b0 * meanX;
  let slope = b0;
  const season = [...figure];
  let sse = 0;
  for (let t = m; t < y.length; t++) {
    const s = season[t - m];
    sse += (y[t] - (level + slope) * s) ** 2;
    const next = (alpha * y[t]) / s + (1 - alpha) * (level + slope);
    slope = beta * (next - level) + (1 - beta) * slope;
    level = next;
    season[t] = (gamma * y[t]) / level + (1 - gamma) * s;
  }
  const last = season.slice(-m);
  return { a: level, b: slope, s: last, sse, forecast: last.map((s, h) => (level + (h + 1) * slope) * s) };
}

// The printed result of HoltWinters(AirPassengers, seasonal = "multiplicative") in R.
const R_PARAMS = { alpha: 0.2755925, beta: 0.03269295, gamma: 0.8707292 };
const R_COEFFICIENTS = { a: 469.3232206, b: 3.0215391, s: [0.9464611, 0.8829239, 0.9717369, 1.0304825, 1.0476884, 1.1805272, 1.3590778, 1.3331706, 1.1083381, 0.9868813, 0.8361333, 0.9209877] };
const R_SSE = 16570.78;

/** Every number of a forecast, to check none is NaN or infinite. */
function numbersOf(f: Forecast): number[] {
  const { alpha, beta, gamma, phi } = f.params;
  return [f.sse, f.aicc, alpha, ...[beta, gamma, phi].filter((v): v is number => v !== null), ...f.fitted.map((p) => p.value), ...f.points.flatMap((p) => [p.value, p.lower, p.upper])];
}

describe('forecastSeries on AirPassengers against R’s HoltWinters', () => {
  const reference = holtWintersR(AIR_VALUES, 12, R_PARAMS.alpha, R_PARAMS.beta, R_PARAMS.gamma);

  it('the written-out HoltWinters reproduces R’s printed coefficients and SSE at R’s parameters', () => {
    expect(reference.a).toBeCloseTo(R_COEFFICIENTS.a, 5);
    expect(reference.b).toBeCloseTo(R_COEFFICIENTS.b, 6);
    reference.s.forEach((s, i) => expect(s).toBeCloseTo(R_COEFFICIENTS.s[i], 6));
    expect(reference.sse).toBeCloseTo(R_SSE, 1);
  });

  it('with the same parameters (γ = γ*(1 − α), FPP §7.3) forecasts the next 12 months within 2 % of R', () => {
    const model = { trend: 'additive', season: 'multiplicative', period: 12 } as const;
    const params = { alpha: R_PARAMS.alpha, beta: R_PARAMS.beta, gamma: R_PARAMS.gamma * (1 - R_PARAMS.alpha), phi: null };
    const run = smoothSeries(model, params, initialStates(AIR_VALUES, model), AIR_VALUES);
    pointForecasts(model, params, run.final, 12).forEach((v, h) => expect(Math.abs(v / reference.forecast[h] - 1)).toBeLessThan(0.02));
  });

  it('with its own fitted parameters forecasts the next 12 months within 2 % of R, on the continued dates', () => {
    const forecast = forecastSeries({ series: AIR, horizon: 12, model: 'multiplicative' });
    expect(forecast.model).toBe('multiplicative');
    expect(forecast.points.map((p) => p.date)).toEqual(Array.from({ length: 12 }, (_, i) => `1961-${String(i + 1).padStart(2, '0')}-01`));
    forecast.points.forEach((p, h) => expect(Math.abs(p.value / reference.forecast[h] - 1)).toBeLessThan(0.02));
  });

  it('picks multiplicative seasonality under auto, and beats additive on SSE and AICc', () => {
    const auto = forecastSeries({ series: AIR, horizon: 12 });
    const additive = forecastSeries({ series: AIR, horizon: 12, model: 'additive' });
    expect(auto.model).toBe('multiplicative');
    expect(auto.sse).toBeLessThan(additive.sse);
    expect(auto.aicc).toBeLessThan(additive.aicc);
  });

  it('gives intervals around the points that widen with the horizon and with the level', () => {
    const at95 = forecastSeries({ series: AIR, horizon: 24, model: 'multiplicative' });
    const at80 = forecastSeries({ series: AIR, horizon: 24, model: 'multiplicative', level: 0.8 });
    at95.points.forEach((p, h) => {
      expect(p.lower).toBeLessThan(p.value);
      expect(p.upper).toBeGreaterThan(p.value);
      expect(p.upper - p.lower).toBeGreaterThan(at80.points[h].upper - at80.points[h].lower);
    });
    // Same month a year apart: the second year's interval is wider.
    for (let h = 0; h < 12; h++) expect(at95.points[h + 12].upper - at95.points[h + 12].lower).toBeGreaterThan(at95.points[h].upper - at95.points[h].lower);
    expect(forecastSeries({ series: AIR, horizon: 24, model: 'multiplicative' })).toEqual(at95);
  });

  it('reports the fitted one-step values on the input dates', () => {
    const forecast = forecastSeries({ series: AIR, horizon: 1, model: 'additive' });
    expect(forecast.fitted.map((p) => p.date)).toEqual(AIR.map((p) => p.date));
    expect(forecast.fitted.reduce((s, p, t) => s + (AIR[t].value - p.value) ** 2, 0)).toBeCloseTo(forecast.sse, 6);
  });
});

describe('forecastSeries on other calendars', () => {
  it('continues a daily series with a weekly season by days', () => {
    const series = Array.from({ length: 28 }, (_, i) => ({ date: `2026-02-${String(i + 1).padStart(2, '0')}`, value: 100 + (i % 7 === 5 ? -40 : 0) + i }));
    const forecast = forecastSeries({ series, horizon: 3 });
    expect(forecast.points.map((p) => p.date)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(forecast.params.gamma).not.toBeNull();
  });

  it('continues a weekly series by weeks (too short for a 52-week season, so without one)', () => {
    const series = Array.from({ length: 20 }, (_, i) => ({ date: new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString().slice(0, 10), value: 50 + 2 * i }));
    const forecast = forecastSeries({ series, horizon: 2 });
    expect(forecast.points.map((p) => p.date)).toEqual(['2025-05-26', '2025-06-02']);
    expect(forecast.params.gamma).toBeNull();
  });
});

describe('forecastSeries refuses, naming the field', () => {
  const expectRefusal = (run: () => unknown, kind: typeof ValidationError | typeof QueryError, field: string) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(kind);
      expect((error as ValidationError).details).toMatchObject({ field });
      return;
    }
    throw new Error('expected a refusal');
  };

  it('a seasonal model on less than two seasons, multiplicative seasonality on values ≤ 0', () => {
    expectRefusal(() => forecastSeries({ series: AIR.slice(0, 23), horizon: 3, model: 'multiplicative' }), QueryError, 'series');
    const withZero = AIR.map((p, i) => (i === 5 ? { ...p, value: 0 } : p));
    expectRefusal(() => forecastSeries({ series: withZero, horizon: 3, model: 'multiplicative' }), QueryError, 'series');
    expect(forecastSeries({ series: withZero, horizon: 3 }).model).not.toMatch(/multiplicative/);
  });

  it('a multiplicative model whose simulated futures stop being finite (values spanning 300 orders of magnitude)', () => {
    const values = [5e-324, 1, 4.3e-156, 1e-300, 1, 1, 1, 1e-300, 1e-300, 1, 5e-324];
    const series = values.map((value, i) => ({ date: `2024-01-${String(i + 1).padStart(2, '0')}`, value }));
    expectRefusal(() => forecastSeries({ series, horizon: 2, model: 'multiplicative', season: 4 }), QueryError, 'model');
  });

  it('a horizon ≤ 0, a value that is not finite, dates out of order or repeated', () => {
    expectRefusal(() => forecastSeries({ series: AIR, horizon: 0 }), ValidationError, 'horizon');
    expectRefusal(() => forecastSeries({ series: AIR.map((p, i) => (i === 9 ? { ...p, value: Number.NaN } : p)), horizon: 3 }), ValidationError, 'series');
    expectRefusal(() => forecastSeries({ series: [...AIR].reverse(), horizon: 3 }), ValidationError, 'series');
    expectRefusal(() => forecastSeries({ series: [AIR[0], ...AIR], horizon: 3 }), ValidationError, 'series');
  });
});

describe('forecastSeries never returns NaN', () => {
  const daily = (values: number[]): SeriesPoint[] => values.map((value, i) => ({ date: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10), value }));

  it('on flat, zero, tiny, huge and sign-changing series', () => {
    const cases = [
      Array<number>(30).fill(5),
      Array<number>(30).fill(0),
      Array.from({ length: 30 }, (_, i) => 1e-12 * (1 + (i % 7))),
      Array.from({ length: 30 }, (_, i) => (i % 5 < 2 ? 0 : 1e-300)), // its SSE underflows to 0
      Array.from({ length: 30 }, (_, i) => 1e15 * (i % 2 === 0 ? 1 : -1)),
      Array.from({ length: 30 }, (_, i) => (i % 3) - 1),
      Array.from({ length: 30 }, (_, i) => (i === 15 ? 1e9 : 1)),
    ];
    for (const values of cases) {
      for (const model of MODEL_CHOICES) {
        let forecast: Forecast;
        try {
          forecast = forecastSeries({ series: daily(values), horizon: 30, model, paths: 200 });
        } catch (error) {
          expect(error).toBeInstanceOf(QueryError); // e.g. multiplicative on values ≤ 0
          continue;
        }
        expect(numbersOf(forecast).every(Number.isFinite)).toBe(true);
      }
    }
  });

  it('on random series, models and horizons', () => {
    const request = fc.record({
      values: fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 3 }), fc.double({ min: 1, max: 1000, noNaN: true })), { minLength: 5, maxLength: 60 }),
      model: fc.constantFrom(...MODEL_CHOICES),
      damped: fc.constantFrom(undefined, true, false),
      season: fc.constantFrom(undefined, 1, 2, 3, 4, 12),
      horizon: fc.integer({ min: 1, max: 40 }),
    });
    fc.assert(
      fc.property(request, ({ values, model, damped, season, horizon }) => {
        let forecast: Forecast;
        try {
          forecast = forecastSeries({ series: daily(values), horizon, model, damped: model === 'simple' ? undefined : damped, season, paths: 200 });
        } catch (error) {
          if (error instanceof QueryError) return;
          throw error;
        }
        expect(numbersOf(forecast).every(Number.isFinite)).toBe(true);
        expect(forecast.points).toHaveLength(horizon);
        expect(forecast.fitted).toHaveLength(values.length);
      }),
      { numRuns: 150, seed: 20260 },
    );
  });
});

describe('forecastSeriesTotal', () => {
  const Z95 = 1.959963984540054;
  // Thirty days around 100 with a fixed wiggle: no trend, no weekly pattern worth a season.
  const WIGGLE = [3, -2, 5, -4, 1, 0, -3, 2, -1, 4];
  const flat: SeriesPoint[] = Array.from({ length: 30 }, (_, i) => ({ date: `2026-04-${String(i + 1).padStart(2, '0')}`, value: 100 + WIGGLE[i % 10] }));

  it('simple smoothing: the total of days 1…10 is Σ ŷ ± z·σ̂·√Σₖ(1 + α(10 − k))², σ̂² = SSE / (T − 2)', () => {
    const result = forecastSeriesTotal({ series: flat, horizon: 10, model: 'simple' });
    const { alpha } = result.params;
    // Under simple smoothing every point is the last level; each shock k moves the points after it by α.
    const sigma2 = result.sse / (30 - 2);
    let weights = 0;
    for (let k = 1; k <= 10; k++) weights += (1 + alpha * (10 - k)) ** 2;
    const half = Z95 * Math.sqrt(sigma2 * weights);
    const level = result.points[0].value;
    expect(result.total.value).toBeCloseTo(10 * level, 9);
    expect(result.total.lower).toBeCloseTo(10 * level - half, 9);
    expect(result.total.upper).toBeCloseTo(10 * level + half, 9);
    expect(result.total.interval).toBe('analytic');
    // Not the sum of the points' intervals: narrower than that.
    const summed = result.points.reduce((sum, p) => sum + (p.upper - p.value), 0);
    expect(half).toBeLessThan(summed);
  });

  it('totals only the points from horizon `first` on', () => {
    const result = forecastSeriesTotal({ series: flat, horizon: 10, model: 'simple' }, 4);
    const sigma2 = result.sse / (30 - 2);
    let weights = 0;
    // The total of horizons 4…10: shocks 1…3 move all seven points by α; shock k ≥ 4 moves its own point by 1 and the 10 − k after it by α.
    for (let k = 1; k <= 10; k++) weights += (k < 4 ? 7 * result.params.alpha : 1 + result.params.alpha * (10 - k)) ** 2;
    expect(result.total.value).toBeCloseTo(result.points.slice(3).reduce((a, p) => a + p.value, 0), 9);
    expect(result.total.upper - result.total.value).toBeCloseTo(Z95 * Math.sqrt(sigma2 * weights), 9);
  });

  it('simulates the total under multiplicative seasonality, seeded, around the sum of the points', () => {
    const result = forecastSeriesTotal({ series: AIR, horizon: 12, model: 'multiplicative' }, 1);
    expect(result.total.interval).toBe('simulated');
    expect(result.total.value).toBeCloseTo(result.points.reduce((a, p) => a + p.value, 0), 9);
    expect(result.total.lower).toBeLessThan(result.total.value);
    expect(result.total.upper).toBeGreaterThan(result.total.value);
    expect(forecastSeriesTotal({ series: AIR, horizon: 12, model: 'multiplicative' }, 1).total).toEqual(result.total);
  });

  it('keeps the forecast itself as forecastSeries gives it', () => {
    const { total: _total, ...forecast } = forecastSeriesTotal({ series: flat, horizon: 5 });
    expect(forecast).toEqual(forecastSeries({ series: flat, horizon: 5 }));
  });
});
