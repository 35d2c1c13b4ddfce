// beacon goals' text: each goal's target and period, where it stands, its
// forecast with the interval and what it says of the target, and its notes.
import { describe, expect, it } from 'vitest';
import type { GoalReport } from '../goals/goals-service.js';
import { formatGoals } from './format-goals.js';

const REVENUE: GoalReport = {
  id: 'goal_1',
  name: 'Revenue, November',
  metric: 'revenue',
  target: 120_000,
  direction: 'up',
  from: '2026-11-01',
  to: '2026-11-30',
  progress: { actual: 80_000, target: 120_000, attained_pct: 66.66666, elapsed_fraction: 0.7, expected_by_today: 84_000, status: 'at_risk' },
  benchmarks: [],
  forecast: {
    value: 118_200.4,
    lower: 110_900,
    upper: 125_400.5,
    level: 0.95,
    model: 'additive',
    status: 'at_risk',
    interval: 'analytic',
    actual: 78_000,
    fitted: { from: '2026-09-06', to: '2026-11-20', days: 76 },
  },
  notes: [],
};

const CPA: GoalReport = {
  id: 'goal_2',
  metric: 'cpa',
  target: 20,
  direction: 'down',
  from: '2026-11-01',
  to: '2026-11-30',
  filters: [{ dimension: 'channel', op: 'eq', values: ['Paid Search'] }],
  progress: { actual: null, target: 20, attained_pct: null, elapsed_fraction: 0.7, expected_by_today: 20, status: 'at_risk' },
  benchmarks: [],
  forecast: null,
  notes: ['cpa does not add up over days (cost / conversions): its value over the period is not the sum of daily values, so the goal has a pace but no forecast'],
};

describe('formatGoals', () => {
  it('prints a block per goal: target, progress, forecast with its interval and status, notes', () => {
    const text = formatGoals([REVENUE, CPA], new Map([['revenue', 'money'], ['cpa', 'money']]), 'USD');
    expect(text.split('\n')).toEqual([
      'Revenue, November — revenue at least USD 120,000.00 from 2026-11-01 to 2026-11-30',
      '  actual USD 80,000.00 · 66.7% attained · expected by today USD 84,000.00 · at risk',
      '  forecast USD 118,200.40 (USD 110,900.00–USD 125,400.50, 95%) · at risk · additive on 76 days',
      '',
      'cpa goal — cpa at most USD 20.00 from 2026-11-01 to 2026-11-30 · channel eq Paid Search',
      '  actual – · – attained · expected by today USD 20.00 · at risk',
      `  note: ${CPA.notes[0]}`,
    ]);
  });

  it('says there are no goals yet and how they are made', () => {
    expect(formatGoals([], new Map(), 'USD')).toBe('no goals yet: an admin creates them with POST /v1/goals (a metric, a target and a period)');
  });
});
