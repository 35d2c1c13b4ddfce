// The calendar of a forecast series: which grain its dates step by (days,
// weeks or months), whether they step by it without gaps, and the dates that
// continue it past the last observation.
import { ValidationError } from '../core/errors.js';
import { addDays, daysInMonth } from '../core/time.js';

/** The grains a series can step by. */
export const SERIES_GRAINS = ['day', 'week', 'month'] as const;
export type SeriesGrain = (typeof SERIES_GRAINS)[number];

/** The season length each grain implies: a week of days, a year of weeks or of months. */
export const SEASON_OF_GRAIN: Readonly<Record<SeriesGrain, number>> = { day: 7, week: 52, month: 12 };

/**
 * The grain that steps from `dates[0]` to `dates[1]`: 1 day, 7 days, or the
 * same day of the next month (or month end to month end). Throws
 * ValidationError (field series) for any other step.
 *
 * @example inferGrain(['1949-01-01', '1949-02-01']) // → 'month'
 */
export function inferGrain(dates: readonly string[]): SeriesGrain {
  const days = dayNumber(dates[1]) - dayNumber(dates[0]);
  if (days === 1) return 'day';
  if (days === 7) return 'week';
  if (monthDate(monthNumber(dates[0]) + 1, monthAnchor(dates.slice(0, 2))) === dates[1]) return 'month';
  throw new ValidationError(`series dates must step by a day, a week or a month: ${dates[1]} follows ${dates[0]}`, { field: 'series', index: 1 });
}

/**
 * Throws ValidationError (field series) unless each date is one `grain`
 * after the one before it (a month series keeps its day of the month, or
 * stays on month ends).
 *
 * @example checkSteps(['2026-01-31', '2026-02-28', '2026-03-31'], 'month') // passes: month ends
 */
export function checkSteps(dates: readonly string[], grain: SeriesGrain): void {
  const expected = continueDates(dates[0], grain, dates.length - 1, monthAnchor(dates));
  for (let i = 1; i < dates.length; i++) {
    if (dates[i] !== expected[i - 1]) {
      throw new ValidationError(`series dates must be consecutive ${grain}s without gaps: ${dates[i]} follows ${dates[i - 1]}, expected ${expected[i - 1]} (fill missing periods, e.g. with 0)`, {
        field: 'series',
        index: i,
      });
    }
  }
}

/**
 * The `count` dates after `last`, one grain apart. For months, `anchor` is
 * the day of the month to keep (clamped to short months) or 'end'.
 *
 * @example continueDates('1960-12-01', 'month', 2, 1) // → ['1961-01-01', '1961-02-01']
 * @example continueDates('2026-01-31', 'month', 2, 'end') // → ['2026-02-28', '2026-03-31']
 */
export function continueDates(last: string, grain: SeriesGrain, count: number, anchor: number | 'end' = Number(last.slice(8, 10))): string[] {
  const dates: string[] = [];
  const month = monthNumber(last);
  for (let i = 1; i <= count; i++) {
    if (grain === 'day') dates.push(addDays(last, i));
    else if (grain === 'week') dates.push(addDays(last, 7 * i));
    else dates.push(monthDate(month + i, anchor));
  }
  return dates;
}

/** 'end' when every date is the last day of its month (and some month is not February), else the first date's day. */
export function monthAnchor(dates: readonly string[]): number | 'end' {
  const isEnd = (d: string) => Number(d.slice(8, 10)) === daysInMonth(Number(d.slice(0, 4)), Number(d.slice(5, 7)));
  const allEnds = dates.every(isEnd) && dates.some((d) => Number(d.slice(8, 10)) > 28);
  return allEnds ? 'end' : Number(dates[0].slice(8, 10));
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

/** Months since January of year 0. */
function monthNumber(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** The date of month number `n` on day `anchor` (clamped to the month) or on its last day. */
function monthDate(n: number, anchor: number | 'end'): string {
  const year = Math.floor(n / 12);
  const month = n - year * 12 + 1;
  const last = daysInMonth(year, month);
  const day = anchor === 'end' ? last : Math.min(anchor, last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
