// The calendar of an anomaly request: the first whole bucket judged and the
// training history before it, by day, week and month; the query's rows split
// into history and points, with running, future and cut buckets left out.
import { describe, expect, it } from 'vitest';
import type { ResultRow } from '../metrics/types.js';
import { anomalyWindow, splitRows } from './anomaly-series.js';

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    return err as { status: number; message: string; details: unknown };
  }
  throw new Error('no error');
};

describe('anomalyWindow', () => {
  it('by day: from itself, and the training days before it', () => {
    // 56 days before 2026-10-19: 19 + 31 (Sep) = 50 days back is 2026-08-30, 6 more is 2026-08-24.
    expect(anomalyWindow('2026-10-19', '2026-11-15', 'day', 56)).toEqual({ trainingFrom: '2026-08-24', first: '2026-10-19', notes: [] });
  });

  it('by week: the first Monday on or after from (2026-10-01 is a Thursday), and 104 weeks before it', () => {
    expect(anomalyWindow('2026-10-01', '2026-11-15', 'week', 104)).toEqual({
      trainingFrom: '2024-10-07', // 728 days before 2026-10-05
      first: '2026-10-05',
      notes: ['the week of 2026-09-28 starts before from: it is part of the history, not judged'],
    });
  });

  it('by month: the first 1st on or after from, and 24 months before it', () => {
    expect(anomalyWindow('2026-03-15', '2026-12-31', 'month', 24)).toMatchObject({ trainingFrom: '2024-04-01', first: '2026-04-01' });
    expect(anomalyWindow('2026-01-01', '2026-12-31', 'month', 13).trainingFrom).toBe('2024-12-01');
  });

  it('refuses a range without a whole bucket, a history before year 1 and more than 10,000 periods', () => {
    expect(failure(() => anomalyWindow('2026-10-01', '2026-10-10', 'week', 104))).toMatchObject({ status: 422, details: { field: 'from' } });
    expect(failure(() => anomalyWindow('0001-03-01', '0001-04-01', 'day', 100))).toMatchObject({ status: 400, details: [{ field: 'training_periods' }] });
    expect(failure(() => anomalyWindow('0003-03-01', '0003-04-01', 'month', 30))).toMatchObject({ status: 400, details: [{ field: 'training_periods' }] });
    expect(failure(() => anomalyWindow('2000-01-01', '2030-01-01', 'day', 56))).toMatchObject({ status: 422, details: { field: 'from' } });
  });
});

describe('splitRows', () => {
  const rows: ResultRow[] = [
    { date: '2026-11-01', cost: 5 },
    { date: '2026-11-02', cost: null },
    { date: '2026-11-03', cost: 7 },
    { date: '2026-11-04', cost: 8 },
    { date: '2026-11-05', cost: 9, partial: true },
    { date: '2026-11-06', cost: 0 },
  ];

  it('splits at the first judged day and stops at the running one', () => {
    expect(splitRows(rows, 'cost', 'day', '2026-11-03', '2026-11-05')).toEqual({
      history: [
        { date: '2026-11-01', value: 5 },
        { date: '2026-11-02', value: null },
      ],
      points: [
        { date: '2026-11-03', value: 7 },
        { date: '2026-11-04', value: 8 },
      ],
      notes: ['2026-11-05 … 2026-11-06 are left out: the day is still running (today is 2026-11-05)'],
    });
  });

  it('stops at a day after today, and at a week the range cuts', () => {
    const past = rows.map(({ date, cost }) => ({ date, cost }));
    expect(splitRows(past, 'cost', 'day', '2026-11-03', '2026-11-03').notes).toEqual(['2026-11-04 … 2026-11-06 are left out: the day is still to come (today is 2026-11-03)']);
    const weeks: ResultRow[] = [
      { date: '2026-11-02', cost: 1 },
      { date: '2026-11-09', cost: 2, partial: true },
    ];
    expect(splitRows(weeks, 'cost', 'week', '2026-11-02', '2026-12-01')).toMatchObject({
      points: [{ date: '2026-11-02', value: 1 }],
      notes: ['2026-11-09 is left out: the range covers only part of the week'],
    });
  });

  it('is a 422 naming from when no judged day has ended', () => {
    expect(failure(() => splitRows(rows, 'cost', 'day', '2026-11-05', '2026-11-05'))).toMatchObject({ status: 422, details: { field: 'from' } });
  });
});
