import { describe, expect, it } from 'vitest';
import {
  chartRows,
  choiceParams,
  forecastBody,
  forecastSpan,
  formatParameter,
  historyQuery,
  horizonLabel,
  metricProblem,
  parseForecastChoices,
  periodLabel,
  seasonFigure,
  weekday,
} from './forecast-queries';

const noFilters = { channel: [], platform: [], campaign: [] };
const month = { from: '2026-03-01', to: '2026-03-30' };
const year = { from: '2025-04-01', to: '2026-03-30' };
const parse = (search: string, range = month) => parseForecastChoices(new URLSearchParams(search), range);

describe('the choices in the address', () => {
  it('default to cost per day for a month (per week for a year), 14 days ahead (8 weeks), the best fit and a 95% interval', () => {
    expect(parse('')).toEqual({ choices: { metric: 'cost', grain: 'day', horizonDays: 14, model: 'auto', damped: null, level: 95 }, problems: [] });
    expect(parse('', year).choices).toMatchObject({ grain: 'week', horizonDays: 56 });
  });

  it('round-trip', () => {
    const choices = { metric: 'revenue', grain: 'week', horizonDays: 28, model: 'additive', damped: true, level: 80 } as const;
    const params = new URLSearchParams(Object.entries(choiceParams(choices)).filter((e): e is [string, string] => e[1] !== null));
    expect(params.toString()).toBe('metric=revenue&grain=week&horizon=28&forecast_model=additive&damped=yes&level=80');
    expect(parse(params.toString())).toEqual({ choices, problems: [] });
  });

  it('leave the fixed defaults out, and drop damping with the simple model', () => {
    expect(choiceParams({ model: 'auto', level: 95, damped: null })).toEqual({ forecast_model: null, level: null, damped: null });
    expect(choiceParams({ model: 'simple' })).toEqual({ forecast_model: 'simple', damped: null });
    expect(parse('forecast_model=simple&damped=yes').choices.damped).toBeNull();
  });

  it('name a bad value and fall back', () => {
    const { choices, problems } = parse('grain=hour&horizon=0&forecast_model=arima&damped=maybe&level=100');
    expect(choices).toEqual({ metric: 'cost', grain: 'day', horizonDays: 14, model: 'auto', damped: null, level: 95 });
    expect(problems).toEqual([
      'Unknown grain "hour" (one of day, week, month); showing day.',
      'Unknown forecast model "arima" (one of auto, simple, holt, additive, multiplicative); showing auto.',
      'The horizon must be a whole number of days from 1 to 1000 (the address says "0"); forecasting 14 days.',
      'Unknown trend damping "maybe" (yes or no); trying both.',
      'The interval must be a % between 0 and 100 (the address says "100"); showing 95%.',
    ]);
    expect(parse('horizon=2.5').problems).toHaveLength(1);
  });

  it('an unknown metric is named once the catalog is known', () => {
    expect(metricProblem('bogus', new Set(['cost']))).toBe('There is no metric "bogus" in the catalog; forecasting cost.');
    expect(metricProblem('cost', new Set(['cost']))).toBeNull();
  });
});

describe('the questions to the API', () => {
  it('asks for the metric form of POST /v1/forecast with only the choices that differ from the API defaults', () => {
    const { choices } = parse('metric=ctr&horizon=30');
    expect(forecastBody(choices, month, noFilters)).toEqual({ metric: 'ctr', from: '2026-03-01', to: '2026-03-30', grain: 'day', horizon_days: 30 });
    const filtered = { ...noFilters, channel: ['Paid Search', 'Email'] };
    const named = parse('grain=week&forecast_model=holt&damped=no&level=80').choices;
    expect(forecastBody(named, year, filtered)).toEqual({
      metric: 'cost',
      from: '2025-04-01',
      to: '2026-03-30',
      grain: 'week',
      horizon_days: 56,
      filters: [{ dimension: 'channel', op: 'in', values: ['Paid Search', 'Email'] }],
      model: 'holt',
      damped: false,
      level: 0.8,
    });
  });

  it('asks /v1/query for the same totals as observed', () => {
    const { choices } = parse('metric=revenue&grain=week');
    expect(historyQuery(choices, month, { ...noFilters, campaign: ['c1'] })).toEqual({
      metrics: ['revenue'],
      grain: 'week',
      from: '2026-03-01',
      to: '2026-03-30',
      filters: [{ dimension: 'campaign', op: 'in', values: ['c1'] }],
    });
  });
});

describe('what the page derives from the answer', () => {
  const report = {
    fitted: [
      { date: '2026-03-01', value: 9 },
      { date: '2026-03-02', value: 11 },
    ],
    points: [
      { date: '2026-03-03', value: 12, lower: 10, upper: 14 },
      { date: '2026-03-04', value: 13, lower: 10, upper: 16 },
    ],
  };

  it('charts the observed and fitted values, then the forecast starting from the last observed value', () => {
    const history = { rows: [{ date: '2026-03-01', cost: 10 }, { date: '2026-03-02', cost: 12 }, { date: '2026-03-03', cost: 1, partial: true }] };
    expect(chartRows(report, history as never, 'cost')).toEqual([
      { date: '2026-03-01', actual: 10, fitted: 9, forecast: null, lower: null, upper: null },
      { date: '2026-03-02', actual: 12, fitted: 11, forecast: 12, lower: 12, upper: 12 },
      { date: '2026-03-03', actual: null, fitted: null, forecast: 12, lower: 10, upper: 14 },
      { date: '2026-03-04', actual: null, fitted: null, forecast: 13, lower: 10, upper: 16 },
    ]);
  });

  it('without the history yet, the forecast starts on its own first date', () => {
    const rows = chartRows(report, undefined, 'cost');
    expect(rows[1]).toEqual({ date: '2026-03-02', actual: null, fitted: 11, forecast: null, lower: null, upper: null });
  });

  it('names the season used, or why there is none', () => {
    const fitted = Array.from({ length: 20 }, (_, i) => ({ date: `d${i}`, value: 1 }));
    expect(seasonFigure({ model: 'additive-damped', season: 7, grain: 'day', fitted })).toEqual({ value: '7 days', detail: 'a weekly pattern added to the level' });
    expect(seasonFigure({ model: 'multiplicative', season: 12, grain: 'month', fitted })).toEqual({ value: '12 months', detail: 'a yearly pattern multiplying the level' });
    expect(seasonFigure({ model: 'holt', season: 52, grain: 'week', fitted })).toEqual({ value: 'None', detail: 'a season of 52 weeks needs 104 weeks of history, the fit has 20' });
    expect(seasonFigure({ model: 'simple', season: 7, grain: 'day', fitted })).toEqual({ value: 'None', detail: 'a season of 7 days was offered, not used' });
  });

  it('writes the parameters, horizons and periods as a marketer reads them', () => {
    expect(formatParameter(0.41249)).toBe('0.412');
    expect(formatParameter(null)).toBe('—');
    expect(formatParameter(0.0001)).toBe('<0.001');
    expect(formatParameter(0)).toBe('0.000');
    expect(horizonLabel(14)).toBe('14 days');
    expect(horizonLabel(56)).toBe('56 days (8 weeks)');
    expect(horizonLabel(365)).toBe('365 days (a year)');
    expect(periodLabel('2026-03-02', 'week')).toBe('Week of 2026-03-02');
    expect(periodLabel('2026-03-01', 'month')).toBe('March 2026');
    expect(weekday('2026-03-02')).toBe('Mon');
  });

  it('spans the days the forecast covers, to the end of its last week or month', () => {
    expect(forecastSpan({ grain: 'day', points: report.points })).toEqual({ from: '2026-03-03', to: '2026-03-04' });
    expect(forecastSpan({ grain: 'week', points: [{ date: '2026-03-02', value: 1, lower: 0, upper: 2 }] })).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(forecastSpan({ grain: 'month', points: [{ date: '2026-01-01', value: 1, lower: 0, upper: 2 }, { date: '2026-02-01', value: 1, lower: 0, upper: 2 }] })).toEqual({ from: '2026-01-01', to: '2026-02-28' });
  });
});
