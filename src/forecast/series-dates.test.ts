import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { checkSteps, continueDates, inferGrain, monthAnchor } from './series-dates.js';

function fieldOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).details;
  }
  throw new Error('expected a ValidationError');
}

describe('inferGrain', () => {
  it('reads the step between the first two dates', () => {
    expect(inferGrain(['2026-03-01', '2026-03-02'])).toBe('day');
    expect(inferGrain(['2026-03-02', '2026-03-09'])).toBe('week');
    expect(inferGrain(['1949-01-01', '1949-02-01'])).toBe('month');
    expect(inferGrain(['2026-01-31', '2026-02-28'])).toBe('month');
    expect(inferGrain(['2025-12-15', '2026-01-15'])).toBe('month');
  });

  it('refuses any other step, naming the series', () => {
    expect(fieldOf(() => inferGrain(['2026-03-01', '2026-03-04']))).toEqual({ field: 'series', index: 1 });
    expect(fieldOf(() => inferGrain(['2026-01-15', '2026-02-16']))).toEqual({ field: 'series', index: 1 });
  });
});

describe('checkSteps', () => {
  it('accepts consecutive periods, month ends included', () => {
    checkSteps(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'], 'month');
    checkSteps(['2024-01-30', '2024-02-29', '2024-03-30'], 'month');
    checkSteps(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01'], 'day');
    checkSteps(['2025-12-22', '2025-12-29', '2026-01-05'], 'week');
  });

  it('names the first date after a gap', () => {
    expect(fieldOf(() => checkSteps(['1950-01-01', '1950-02-01', '1950-04-01'], 'month'))).toEqual({ field: 'series', index: 2 });
    expect(fieldOf(() => checkSteps(['2026-03-01', '2026-03-02', '2026-03-04'], 'day'))).toEqual({ field: 'series', index: 2 });
  });
});

describe('continueDates', () => {
  it('continues days, weeks and months across the year', () => {
    expect(continueDates('2027-12-31', 'day', 2)).toEqual(['2028-01-01', '2028-01-02']);
    expect(continueDates('2028-02-28', 'day', 2)).toEqual(['2028-02-29', '2028-03-01']);
    expect(continueDates('2025-12-29', 'week', 2)).toEqual(['2026-01-05', '2026-01-12']);
    expect(continueDates('1960-12-01', 'month', 3)).toEqual(['1961-01-01', '1961-02-01', '1961-03-01']);
  });

  it('keeps the day of the month (clamped to short months) or the month end', () => {
    expect(continueDates('2026-12-31', 'month', 3, 31)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31']);
    expect(continueDates('2027-01-30', 'month', 2, 30)).toEqual(['2027-02-28', '2027-03-30']);
    expect(continueDates('2027-02-28', 'month', 2, 'end')).toEqual(['2027-03-31', '2027-04-30']);
    expect(monthAnchor(['2027-01-31', '2027-02-28'])).toBe('end');
    expect(monthAnchor(['2027-02-28', '2027-03-28'])).toBe(28);
  });
});
