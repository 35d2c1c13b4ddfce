// beacon anomalies' text: the metric and the count, the method and why, its
// parameters in words, the history, one row per point with anomalies marked,
// and the notes; the options turned into the HTTP body.
import { describe, expect, it } from 'vitest';
import type { AnomalyReport } from '../anomalies/anomaly-service.js';
import { anomaliesBody } from './commands/anomalies-command.js';
import { formatAnomalies } from './format-anomalies.js';

const point = (date: string, value: number, expected: number, anomaly = false) => ({
  date,
  value,
  expected,
  lower: expected - 25.8,
  upper: expected + 25.8,
  anomaly,
  severity: anomaly ? ('high' as const) : null,
  score: Math.abs(value - expected) / 10,
  direction: value >= expected ? ('above' as const) : ('below' as const),
});

const COST: AnomalyReport = {
  metric: { id: 'cost', label: 'Cost', unit: 'money', filters: [{ dimension: 'channel', op: 'in', values: ['Paid Search'] }] },
  grain: 'day',
  from: '2026-11-02',
  to: '2026-11-03',
  sensitivity: 0.99,
  method: 'holt_winters',
  reason: '56 days of history: enough for Holt-Winters with a season of 7 (it needs 19)',
  params: { season: 7, threshold: 2.5758, sigma: 10, trend: 'damped', smoothing: { alpha: 0.21234, beta: 0.01, gamma: 0.1, phi: 0.9 }, aicc: 400.5, median: null, mad: null, sigma_basis: 'fit' },
  training: { from: '2026-09-07', to: '2026-11-01', periods: 56 },
  points: [point('2026-11-02', 1210, 1200), point('2026-11-03', 1500, 1190, true)],
  anomalies: 1,
  notes: ['no ad data after 2026-11-02 for tiktok_ads'],
};

describe('formatAnomalies', () => {
  it('prints the metric and count, the method, its parameters, the history, the points and the notes', () => {
    expect(formatAnomalies(COST, 'EUR').split('\n')).toEqual([
      'Cost (cost) per day, 2026-11-02 … 2026-11-03 · channel in Paid Search: 1 anomaly in 2 days',
      'method holt_winters — 56 days of history: enough for Holt-Winters with a season of 7 (it needs 19)',
      'season 7 · trend damped · alpha 0.2123 · beta 0.01 · gamma 0.1 · phi 0.9 · σ EUR 10.00 · outside the 99% interval (± 2.58 σ)',
      'learned from 56 days 2026-09-07 … 2026-11-01',
      '',
      'date        value         expected      lower         upper         score  anomaly',
      '2026-11-02  EUR 1,210.00  EUR 1,200.00  EUR 1,174.20  EUR 1,225.80  1.00',
      '2026-11-03  EUR 1,500.00  EUR 1,190.00  EUR 1,164.20  EUR 1,215.80  31.00  high above',
      'note: no ad data after 2026-11-02 for tiktok_ads',
    ]);
  });

  it('names the median and MAD for the MAD methods', () => {
    const mad: AnomalyReport = {
      ...COST,
      metric: { id: 'sessions', label: 'Sessions', unit: 'count', filters: [] },
      method: 'seasonal_mad',
      reason: '14 days of history: too few for Holt-Winters',
      params: { season: 7, threshold: 1.96, sigma: 1.4826, trend: null, smoothing: null, aicc: null, median: 3, mad: 1, sigma_basis: 'mad' },
      sensitivity: 0.95,
      anomalies: 0,
      points: [point('2026-11-02', 12, 10)],
      notes: [],
    };
    const lines = formatAnomalies(mad, 'USD').split('\n');
    expect(lines[0]).toBe('Sessions (sessions) per day, 2026-11-02 … 2026-11-03: 0 anomalies in 1 day');
    expect(lines[2]).toBe('median of the seasonal differences (lag 7) 3 · MAD 1 · σ 1.5 · outside the 95% interval (± 1.96 σ)');
  });
});

describe('anomaliesBody', () => {
  it('turns the options into the POST /v1/anomalies body, numbers as numbers', () => {
    expect(anomaliesBody({ metric: 'cost', from: '2026-10-19', to: '2026-11-15', filter: ['channel=Paid Search'], grain: 'week', sensitivity: '0.95', trainingPeriods: '30' })).toEqual({
      metric: 'cost',
      filters: [{ dimension: 'channel', op: 'in', values: ['Paid Search'] }],
      grain: 'week',
      from: '2026-10-19',
      to: '2026-11-15',
      sensitivity: 0.95,
      training_periods: 30,
    });
    expect(anomaliesBody({ metric: 'cost', from: '2026-10-19', to: '2026-11-15' })).toEqual({ metric: 'cost', from: '2026-10-19', to: '2026-11-15' });
  });

  it('names what is missing or not a number', () => {
    expect(() => anomaliesBody({ metric: 'cost' })).toThrow('missing --from, --to: give --metric M --from D --to D');
    expect(() => anomaliesBody({ metric: 'cost', from: '2026-10-19', to: '2026-11-15', sensitivity: 'high' })).toThrow('--sensitivity must be a number, got "high"');
  });
});
