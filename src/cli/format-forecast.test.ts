// beacon forecast's text: the model in words with its parameters and AICc, what
// was fitted, the table of points and the notes; the options turned into the
// HTTP body; the series file read from CSV.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import type { ForecastReport } from '../forecast/forecast-service.js';
import { forecastBody } from './commands/forecast-command.js';
import { formatForecast } from './format-forecast.js';
import { readSeriesCsv } from './series-file.js';

const AIR: ForecastReport = {
  model: 'multiplicative',
  params: { alpha: 0.28821, beta: 0.04158, gamma: 0.60663, phi: null },
  sse: 16793.2345,
  aicc: 1132.8123,
  fitted: [
    { date: '1949-01-01', value: 111.7 },
    { date: '1949-02-01', value: 117.9 },
  ],
  points: [
    { date: '1961-01-01', value: 446.94, lower: 424.71, upper: 469.04 },
    { date: '1961-02-01', value: 419.83, lower: 397.2, upper: 443.01 },
  ],
  grain: 'month',
  season: 12,
  level: 0.95,
  metric: null,
  notes: [],
};

const COST: ForecastReport = {
  model: 'holt-damped',
  params: { alpha: 0.5, beta: 0.1, gamma: null, phi: 0.95 },
  sse: 1234567.891,
  aicc: 987.6,
  fitted: [
    { date: '2026-11-01', value: 2500 },
    { date: '2026-11-02', value: 2600 },
    { date: '2026-11-03', value: 2550 },
  ],
  points: [{ date: '2026-11-04', value: 2612.4, lower: 1890.2, upper: 3334.6 }],
  grain: 'day',
  season: 7,
  level: 0.8,
  metric: { id: 'cost', label: 'Cost', unit: 'money', from: '2026-11-01', to: '2026-11-04', filters: [{ dimension: 'channel', op: 'in', values: ['Paid Search', 'Paid Social'] }] },
  notes: ['2026-11-04 is left out of the fit: the day is still running (today is 2026-11-04)'],
};

describe('formatForecast', () => {
  it('prints the model and its parameters, AICc and SSE, the history, then date, forecast, lower and upper', () => {
    expect(formatForecast(AIR).split('\n')).toEqual([
      'model multiplicative: Holt-Winters, multiplicative seasonality, season of 12 months',
      'alpha 0.2882 · beta 0.0416 · gamma 0.6066',
      'AICc 1,132.81 · SSE 16,793.23',
      'fitted on 2 months 1949-01-01 … 1949-02-01',
      '',
      'date        forecast  lower 95%  upper 95%',
      '1961-01-01  446.9     424.7      469.0',
      '1961-02-01  419.8     397.2      443.0',
    ]);
  });

  it('names the metric and its filters, rounds large figures to units, leaves out the season of a model without one, and ends with the notes', () => {
    expect(formatForecast(COST).split('\n')).toEqual([
      'model holt-damped: Holt’s damped trend',
      'alpha 0.5 · beta 0.1 · phi 0.95',
      'AICc 987.6 · SSE 1,234,567.89',
      'fitted on Cost (cost) per day: 3 days 2026-11-01 … 2026-11-03 · channel in Paid Search, Paid Social',
      '',
      'date        forecast  lower 80%  upper 80%',
      '2026-11-04  2,612     1,890      3,335',
      'note: 2026-11-04 is left out of the fit: the day is still running (today is 2026-11-04)',
    ]);
  });
});

describe('forecastBody', () => {
  const files: Record<string, string> = { 'air.csv': 'date,value\n1949-01-01,112\n1949-02-01,118\n' };
  const read = async (file: string) => files[file];

  it('reads the series file and the numbers of a series forecast, leaving out what was not given', async () => {
    expect(await forecastBody({ series: 'air.csv', horizon: '12', season: '12', model: 'multiplicative' }, read)).toEqual({
      series: [
        { date: '1949-01-01', value: 112 },
        { date: '1949-02-01', value: 118 },
      ],
      horizon: 12,
      season: 12,
      model: 'multiplicative',
    });
  });

  it('turns a metric forecast into its body, filters as beacon query reads them', async () => {
    expect(await forecastBody({ metric: 'cost', from: '2026-08-23', to: '2026-11-20', horizonDays: '14', filter: ['channel=Paid Search'], grain: 'week', damped: true }, read)).toEqual({
      metric: 'cost',
      filters: [{ dimension: 'channel', op: 'in', values: ['Paid Search'] }],
      grain: 'week',
      from: '2026-08-23',
      to: '2026-11-20',
      horizon_days: 14,
      damped: true,
    });
  });

  it.each([
    [{}, 'give --series FILE.csv (a date,value series) or --metric M with --from, --to and --horizon-days'],
    [{ series: 'air.csv', metric: 'cost' }, 'give --series FILE or --metric M, not both'],
    [{ series: 'air.csv' }, '--horizon is needed with --series: the number of periods to forecast'],
    [{ series: 'air.csv', horizon: '3', horizonDays: '7' }, '--horizon-days goes with --metric; with --series give --horizon (and --season)'],
    [{ series: 'air.csv', horizon: 'twelve' }, '--horizon must be a number, got "twelve"'],
    [{ metric: 'cost', from: '2026-08-23' }, '--metric needs --to, --horizon-days'],
    [{ metric: 'cost', from: '2026-08-23', to: '2026-11-20', horizonDays: '7', horizon: '7' }, '--horizon goes with --series; with --metric give --horizon-days (the season follows --grain)'],
  ])('refuses %j', async (options, message) => {
    const err = await forecastBody(options, read).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toBe(message);
  });
});

describe('readSeriesCsv', () => {
  it('reads a quoted header, ; or , delimiters, a BOM and blank lines', () => {
    expect(readSeriesCsv('\uFEFF"date","value"\r\n1949-01-01,112\r\n\r\n1949-02-01,118.5\r\n', 'a.csv')).toEqual([
      { date: '1949-01-01', value: 112 },
      { date: '1949-02-01', value: 118.5 },
    ]);
    expect(readSeriesCsv('Value;Date\n3;2026-01-05\n', 'b.csv')).toEqual([{ date: '2026-01-05', value: 3 }]);
  });

  it('names the file and the line of what it cannot read', () => {
    expect(() => readSeriesCsv('day,amount\n2026-01-01,3\n', 'c.csv')).toThrow('c.csv: the first line must name a date and a value column (date,value), got "day,amount"');
    expect(() => readSeriesCsv('date,value\n2026-01-01,3\n\n2026-01-02,1 234\n', 'd.csv')).toThrow('d.csv line 4: value "1 234" is not a number (write 1234.5, no thousands separators)');
    expect(() => readSeriesCsv('date,value\n2026-01-01,\n', 'e.csv')).toThrow('e.csv line 2: value "" is not a number');
  });
});
