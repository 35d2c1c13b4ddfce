// beacon query --forecast: the forecast tables under the query's table, and
// the forecast buckets as extra CSV rows.
import { describe, expect, it } from 'vitest';
import type { ForecastQueryResult } from '../forecast/query-forecast.js';
import { formatQueryCsvWithForecast, formatQueryForecast } from './format-query-forecast.js';

const RESULT: ForecastQueryResult = {
  columns: [
    { name: 'date', kind: 'time', label: 'day' },
    { name: 'cost', kind: 'metric', label: 'Cost', unit: 'money' },
    { name: 'cpa', kind: 'metric', label: 'CPA', unit: 'money' },
  ],
  rows: [
    { date: '2026-06-01', cost: 25, cpa: 5 },
    { date: '2026-06-02', cost: 15, cpa: null },
  ],
  totals: { cost: 40, cpa: 8 },
  forecast: {
    cost: {
      model: 'additive',
      params: { alpha: 0.2, beta: 0.01, gamma: 0.1, phi: null },
      season: 7,
      level: 0.9,
      points: [
        { date: '2026-06-03', value: 20, lower: 12.5, upper: 27.5 },
        { date: '2026-06-04', value: 1234.5, lower: 1000, upper: 1469 },
      ],
    },
  },
};

describe('formatQueryForecast', () => {
  it('prints a table per metric forecast, in its unit, under a line naming the model', () => {
    expect(formatQueryForecast(RESULT, 'EUR').split('\n')).toEqual([
      'forecast of cost: additive, season of 7',
      'date        forecast      lower 90%     upper 90%',
      '2026-06-03  EUR 20.00     EUR 12.50     EUR 27.50',
      '2026-06-04  EUR 1,234.50  EUR 1,000.00  EUR 1,469.00',
    ]);
  });

  it('is empty without a forecast', () => {
    expect(formatQueryForecast({ ...RESULT, forecast: undefined }, 'EUR')).toBe('');
  });
});

describe('formatQueryCsvWithForecast', () => {
  it("adds the forecast buckets as rows, each metric's interval as columns, and a forecast flag", () => {
    expect(formatQueryCsvWithForecast(RESULT)).toBe(
      [
        'date,cost,cpa,cost_lower,cost_upper,forecast',
        '2026-06-01,25,5,,,false',
        '2026-06-02,15,,,,false',
        '2026-06-03,20,,12.5,27.5,true',
        '2026-06-04,1234.5,,1000,1469,true',
        '',
      ].join('\n'),
    );
  });

  it('is the query’s CSV without a forecast', () => {
    expect(formatQueryCsvWithForecast({ ...RESULT, forecast: undefined })).toBe('date,cost,cpa\n2026-06-01,25,5\n2026-06-02,15,\n');
  });
});
