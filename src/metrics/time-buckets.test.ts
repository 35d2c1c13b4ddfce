import { describe, expect, it } from 'vitest';
import { bucketCount, bucketLabels, bucketStart, comparisonWindow, dayCount, hourLabel, rangeInstants, startOfLocalDay } from './time-buckets.js';

describe('time buckets', () => {
  it('finds local midnight across DST changes', () => {
    // New York: EST (UTC−5) on 8 March 2026 at midnight, EDT (UTC−4) from 02:00 that day.
    expect(startOfLocalDay('2026-03-08', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 5));
    expect(startOfLocalDay('2026-03-09', 'America/New_York')).toBe(Date.UTC(2026, 2, 9, 4));
    expect(startOfLocalDay('2026-06-01', 'UTC')).toBe(Date.UTC(2026, 5, 1));
    // Regression: Santiago skips midnight into summer time on 2026-09-06; its day starts at 01:00 (-03), not at 23:00 the day before.
    expect(startOfLocalDay('2026-09-06', 'America/Santiago')).toBe(Date.UTC(2026, 8, 6, 4));
    // Kathmandu is UTC+5:45.
    expect(startOfLocalDay('2026-01-01', 'Asia/Kathmandu')).toBe(Date.UTC(2025, 11, 31, 18, 15));
    // The range covers whole local days: 8 March in New York lasts 23 hours.
    const { start, end } = rangeInstants('2026-03-08', '2026-03-08', 'America/New_York');
    expect((end - start) / 3_600_000).toBe(23);
  });

  it('labels every bucket of a range; weeks start on Monday (ISO)', () => {
    // 2026-03-04 is a Wednesday; its week starts Monday 2 March.
    expect(bucketStart('2026-03-04', 'week')).toBe('2026-03-02');
    expect(bucketStart('2026-03-01', 'week')).toBe('2026-02-23'); // a Sunday belongs to the week before
    expect(bucketLabels('2026-03-04', '2026-03-17', 'week', 'UTC')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(bucketLabels('2026-01-31', '2026-03-01', 'month', 'UTC')).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(bucketLabels('2025-11-15', '2026-04-01', 'quarter', 'UTC')).toEqual(['2025-10-01', '2026-01-01', '2026-04-01']);
    expect(bucketLabels('2025-12-31', '2026-01-01', 'year', 'UTC')).toEqual(['2025-01-01', '2026-01-01']);
    expect(bucketLabels('2026-02-27', '2026-03-02', 'day', 'UTC')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('labels local hours: 23 on the spring-forward day, 24 labels on the fall-back day (the repeated hour is one bucket)', () => {
    const spring = bucketLabels('2026-03-08', '2026-03-08', 'hour', 'America/New_York');
    expect(spring).toHaveLength(23);
    expect(spring).not.toContain('2026-03-08T02:00');
    expect(spring.slice(0, 3)).toEqual(['2026-03-08T00:00', '2026-03-08T01:00', '2026-03-08T03:00']);
    const fall = bucketLabels('2026-11-01', '2026-11-01', 'hour', 'America/New_York');
    expect(fall).toHaveLength(24);
    expect(hourLabel(Date.UTC(2026, 10, 1, 5, 30), 'America/New_York')).toBe('2026-11-01T01:00');
    expect(hourLabel(Date.UTC(2026, 10, 1, 6, 30), 'America/New_York')).toBe('2026-11-01T01:00');
  });

  it('places the comparison windows', () => {
    expect(dayCount('2026-03-01', '2026-03-31')).toBe(31);
    // 31 days just before 1 March: 29 January … 28 February.
    expect(comparisonWindow('2026-03-01', '2026-03-31', 'previous_period')).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    expect(comparisonWindow('2026-03-01', '2026-03-31', 'previous_year')).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(comparisonWindow('2028-02-01', '2028-02-29', 'previous_year')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });
});

describe('bucketCount', () => {
  it('counts as many buckets as bucketLabels lists, by arithmetic', () => {
    const ranges: [string, string][] = [
      ['2026-01-01', '2026-12-31'],
      ['2025-12-29', '2026-01-04'],
      ['2024-02-28', '2024-03-01'],
      ['2023-11-15', '2026-02-02'],
      ['2026-03-04', '2026-03-04'],
    ];
    for (const [from, to] of ranges) {
      for (const grain of ['day', 'week', 'month', 'quarter', 'year'] as const) {
        expect(bucketCount(from, to, grain), `${grain} ${from}…${to}`).toBe(bucketLabels(from, to, grain, 'UTC').length);
      }
    }
  });

  it('bounds the hours from above: 24 a day, where New York on 8 March 2026 has 23', () => {
    expect(bucketCount('2026-03-07', '2026-03-08', 'hour')).toBe(48);
    expect(bucketLabels('2026-03-07', '2026-03-08', 'hour', 'America/New_York')).toHaveLength(47);
  });

  it('counts the whole calendar without listing it: days of 0001…9999, and its years', () => {
    // 9999 years of 365 days plus the leap days: 2499 (every 4th year) − 99 (centuries) + 24 (every 400th).
    expect(bucketCount('0001-01-01', '9999-12-31', 'day')).toBe(9999 * 365 + 2499 - 99 + 24);
    expect(bucketCount('0001-01-01', '9999-12-31', 'year')).toBe(9999);
    expect(bucketCount('0001-01-01', '9999-12-31', 'month')).toBe(9999 * 12);
    expect(bucketCount('2026-01-01', '2026-12-31', 'quarter')).toBe(4);
  });
});

describe('labels of early years', () => {
  it('keeps four digits, so labels sort and compare as dates (year 1 once listed 99,989 buckets)', () => {
    expect(bucketLabels('0001-01-01', '0003-06-30', 'year', 'UTC')).toEqual(['0001-01-01', '0002-01-01', '0003-01-01']);
    expect(bucketLabels('0999-11-15', '1000-01-15', 'month', 'UTC')).toEqual(['0999-11-01', '0999-12-01', '1000-01-01']);
    expect(bucketLabels('0099-12-01', '0100-01-01', 'quarter', 'UTC')).toEqual(['0099-10-01', '0100-01-01']);
  });
});

describe('the last years of the calendar', () => {
  it('stops at 9999: the label after it (10000-01-01) sorts before 9999-12-31 as text', () => {
    expect(bucketLabels('9998-06-01', '9999-12-31', 'year', 'UTC')).toEqual(['9998-01-01', '9999-01-01']);
    expect(bucketLabels('0001-01-01', '9999-12-31', 'year', 'UTC')).toHaveLength(9999);
  });
});
