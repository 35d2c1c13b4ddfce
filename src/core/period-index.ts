// Calendar weeks (Monday to Sunday, as Beacon's week grain) and months
// numbered from 1970, so that "periods since acquisition" is a subtraction.
// The SQL hook periodIndex (sql/sql-hooks.ts) numbers a day the same way.
import { addDays } from './time.js';

/** The calendar periods acquisition cohorts are cut in. */
export type PeriodGrain = 'week' | 'month';

const DAY_MS = 86_400_000;
/** 1970-01-01 was a Thursday: its week began three days earlier, on Monday 1969-12-29. */
const EPOCH_WEEKDAY = 3;

/**
 * The index of the period holding a date (YYYY-MM-DD): weeks since the week
 * of 1970-01-01, months since January 1970.
 *
 * @example periodIndex('2026-03-02', 'week') - periodIndex('2026-03-01', 'week') // 1: Sunday, then Monday
 * @example periodIndex('2026-03-01', 'month') // 674: (2026 − 1970) × 12 + 2
 */
export function periodIndex(date: string, grain: PeriodGrain): number {
  if (grain === 'month') return (Number(date.slice(0, 4)) - 1970) * 12 + Number(date.slice(5, 7)) - 1;
  const day = Date.parse(`${date}T00:00:00Z`) / DAY_MS;
  return Math.floor((day + EPOCH_WEEKDAY) / 7);
}

/**
 * The first date of the period with an index (its Monday, or the 1st).
 *
 * @example periodStart(periodIndex('2026-03-04', 'week'), 'week') // '2026-03-02'
 */
export function periodStart(index: number, grain: PeriodGrain): string {
  if (grain === 'week') return addDays('1970-01-01', index * 7 - EPOCH_WEEKDAY);
  const year = 1970 + Math.floor(index / 12);
  const month = index - (year - 1970) * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

/**
 * The last date of the period with an index (its Sunday, or the month's last day).
 *
 * @example periodEnd(periodIndex('2026-02-10', 'month'), 'month') // '2026-02-28'
 */
export function periodEnd(index: number, grain: PeriodGrain): string {
  return addDays(periodStart(index + 1, grain), -1);
}
