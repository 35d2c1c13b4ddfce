import { describe, expect, it } from 'vitest';
import { bucketStart } from '../metrics/time-buckets.js';
import { periodEnd, periodIndex, periodStart } from './period-index.js';
import { addDays } from './time.js';

describe('periodIndex', () => {
  it('numbers weeks from the Monday before 1970-01-01 (a Thursday), Monday to Sunday', () => {
    expect(periodIndex('1970-01-01', 'week')).toBe(0);
    expect(periodIndex('1970-01-04', 'week')).toBe(0); // Sunday
    expect(periodIndex('1970-01-05', 'week')).toBe(1); // Monday
    // 2026-03-01 is a Sunday, 2026-03-02 a Monday: 20,514 days after 1970-01-01, (20,514 + 3) / 7 = 2,931.
    expect(periodIndex('2026-03-02', 'week')).toBe(2931);
    expect(periodIndex('2026-03-01', 'week')).toBe(2930);
  });

  it('numbers months from January 1970', () => {
    expect(periodIndex('1970-01-31', 'month')).toBe(0);
    expect(periodIndex('1970-02-01', 'month')).toBe(1);
    expect(periodIndex('2026-03-01', 'month')).toBe(56 * 12 + 2);
    expect(periodIndex('2026-12-31', 'month') + 1).toBe(periodIndex('2027-01-01', 'month'));
  });
});

describe('periodStart and periodEnd', () => {
  it('are the Monday and Sunday of a week, the first and last day of a month (February of a leap year too)', () => {
    expect(periodStart(periodIndex('2026-03-04', 'week'), 'week')).toBe('2026-03-02');
    expect(periodEnd(periodIndex('2026-03-04', 'week'), 'week')).toBe('2026-03-08');
    expect(periodStart(674, 'month')).toBe('2026-03-01');
    expect(periodEnd(periodIndex('2024-02-10', 'month'), 'month')).toBe('2024-02-29');
    expect(periodEnd(periodIndex('2026-12-05', 'month'), 'month')).toBe('2026-12-31');
  });

  it('agree with the query buckets of time-buckets.ts for every day of 2024 to 2027', () => {
    for (let day = '2024-01-01'; day <= '2027-12-31'; day = addDays(day, 1)) {
      for (const grain of ['week', 'month'] as const) {
        const index = periodIndex(day, grain);
        expect(periodStart(index, grain)).toBe(bucketStart(day, grain));
        expect(periodEnd(index, grain) >= day && periodEnd(index, grain) < periodStart(index + 1, grain)).toBe(true);
      }
    }
  });
});
