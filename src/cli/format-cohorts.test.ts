import { describe, expect, it } from 'vitest';
import type { CohortMatrix, CohortReport } from '../cohorts/cohort-service.js';
import { cohortsBody } from './commands/cohorts-command.js';
import { formatCohorts } from './format-cohorts.js';

const cell = (period: number, customers: number, active: number, complete = true, survivors?: number) => ({
  period,
  customers,
  active,
  revenue: 0,
  value: (active / customers) * 100,
  complete,
  ...(survivors === undefined ? {} : { survivors }),
});

const MATRIX: CohortMatrix = {
  customers: 30,
  cohorts: [
    { cohort: '2026-03-02', end: '2026-03-08', customers: 20, cells: [cell(0, 20, 20, true, 20), cell(1, 20, 15, false, 15)] },
    { cohort: '2026-03-09', end: '2026-03-15', customers: 10, cells: [cell(0, 10, 10, false, 10), null] },
  ],
  average: [{ period: 0, customers: 20, cohorts: 1, active: 20, revenue: 0, value: 100 }, null],
  model: {
    model: 'sbg',
    alpha: 2,
    beta: 6,
    log_likelihood: -11.2,
    expected_lifetime: 7,
    median_lifetime: 3,
    cohorts: 1,
    subscribers: 20,
    observed_periods: 1,
    projection: [{ period: 2, retention: 61.25 }],
    fit: { iterations: 50, evaluations: 90, restarts: 1, converged: true },
  },
  warnings: ['the retention model rests on 1 cohort and 20 subscribers: treat its projection with care'],
};

const REPORT: CohortReport = {
  by: 'week',
  metric: 'retention',
  activity: 'subscription',
  from: '2026-03-02',
  to: '2026-03-15',
  channel: null,
  dimension: 'channel',
  today: '2026-03-18',
  currency: 'USD',
  periods: [0, 1],
  matrix: MATRIX,
  breakdown: [{ key: 'Email', matrix: { ...MATRIX, model: null, warnings: [] } }],
  notes: ['a note'],
};

describe('formatCohorts', () => {
  it('prints a right-aligned triangle per matrix, a star on running periods, the model, warnings and notes', () => {
    // Columns: 7 wide for period 0 ("100.0% ", a space where a star may stand), 6 for period 1 ("75.0%*"), two spaces apart.
    expect(formatCohorts(REPORT).split('\n')).toEqual([
      'retention (% of the cohort active, activity: subscription) by week of acquisition, customers acquired 2026-03-02 … 2026-03-15, seen on 2026-03-18',
      '',
      'cohort      customers       0       1',
      '2026-03-02         20  100.0%   75.0%*',
      '2026-03-09         10  100.0%*',
      'average            30  100.0%       –',
      'retention model (shifted-beta-geometric, 1 cohort, 20 subscribers): alpha 2.000, beta 6.000',
      'expected lifetime: 7.0 weeks on average, half gone after 3 weeks',
      'projected retention: week 2 61.3%',
      'warning: the retention model rests on 1 cohort and 20 subscribers: treat its projection with care',
      '',
      'channel Email: 30 customers',
      'cohort      customers       0       1',
      '2026-03-02         20  100.0%   75.0%*',
      '2026-03-09         10  100.0%*',
      'average            30  100.0%       –',
      '* period still running',
      'note: a note',
    ]);
  });
});

describe('cohortsBody', () => {
  it('sends the options the command was given, the projection as a number', () => {
    expect(cohortsBody({ by: 'week', metric: 'revenue', from: '2026-01-01', to: '2026-01-31', projection: '4' })).toEqual({
      by: 'week',
      metric: 'revenue',
      from: '2026-01-01',
      to: '2026-01-31',
      projection_periods: 4,
    });
    expect(() => cohortsBody({ by: 'week', metric: 'revenue', from: '2026-01-01', to: '2026-01-31', projection: 'six' })).toThrow('--projection must be a whole number of periods, got "six"');
  });
});
