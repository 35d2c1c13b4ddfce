// Calendar arithmetic of a query: the instants that bound a date range in a
// time zone (DST-aware), the labels of every bucket in the range at a grain,
// and the comparison windows.
import { addDays, daysInMonth } from '../core/time.js';
import { wallClockParts, zoneMidnight } from '../core/zone-midnight.js';
import type { Grain } from '../core/time.js';
import type { Comparison } from './types.js';

/** The instant of local midnight starting a date (YYYY-MM-DD) in a zone (where a zone skips midnight, the moment its clocks jump). */
export const startOfLocalDay = zoneMidnight;

/** The instants [start, end) covering the inclusive local dates from..to. */
export function rangeInstants(from: string, to: string, timeZone: string): { start: number; end: number } {
  return { start: startOfLocalDay(from, timeZone), end: startOfLocalDay(addDays(to, 1), timeZone) };
}

/** Label of the local hour of an instant: YYYY-MM-DDTHH:00 (what the dialects emit for hour buckets). */
export function hourLabel(ms: number, timeZone: string): string {
  const w = wallClockParts(ms, timeZone);
  return `${year(w.y)}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:00`;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Years before 1000 keep four digits, so labels compare as dates. */
const year = (y: number) => String(y).padStart(4, '0');

/** Start date of the bucket that holds a date. */
export function bucketStart(date: string, grain: Exclude<Grain, 'hour'>): string {
  const [y, m] = date.split('-').map(Number);
  switch (grain) {
    case 'day':
      return date;
    case 'week': {
      const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
      return addDays(date, -weekday);
    }
    case 'month':
      return `${year(y)}-${pad(m)}-01`;
    case 'quarter':
      return `${year(y)}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`;
    case 'year':
      return `${year(y)}-01-01`;
  }
}

function nextBucket(start: string, grain: Exclude<Grain, 'hour'>): string {
  const [y, m] = start.split('-').map(Number);
  switch (grain) {
    case 'day':
      return addDays(start, 1);
    case 'week':
      return addDays(start, 7);
    case 'month':
      return m === 12 ? `${year(y + 1)}-01-01` : `${year(y)}-${pad(m + 1)}-01`;
    case 'quarter':
      return m >= 10 ? `${year(y + 1)}-01-01` : `${year(y)}-${pad(m + 3)}-01`;
    case 'year':
      return `${year(y + 1)}-01-01`;
  }
}

/** Last day of the bucket that starts on `start` (the calendar ends on 9999-12-31). */
export function bucketEnd(start: string, grain: Exclude<Grain, 'hour'>): string {
  const next = nextBucket(start, grain);
  return next.length === 10 ? addDays(next, -1) : '9999-12-31';
}

/** Labels of every bucket that overlaps the inclusive range, in order. */
export function bucketLabels(from: string, to: string, grain: Grain, timeZone: string): string[] {
  if (grain === 'hour') {
    const { start, end } = rangeInstants(from, to, timeZone);
    const labels: string[] = [];
    for (let t = start; t < end; t += 3_600_000) {
      const label = hourLabel(t, timeZone);
      if (labels[labels.length - 1] !== label) labels.push(label);
    }
    return labels;
  }
  const labels: string[] = [];
  // A label past year 9999 has five digits and would still sort before `to`.
  for (let b = bucketStart(from, grain); b.length === 10 && b <= to; b = nextBucket(b, grain)) labels.push(b);
  return labels;
}

/**
 * How many buckets of a grain the inclusive range overlaps, by arithmetic
 * (nothing is built, so a range of millennia costs nothing). For hours it is
 * an upper bound: 24 a day, where a day of a DST change has 23 (or a repeated
 * hour that shares its label).
 */
export function bucketCount(from: string, to: string, grain: Grain): number {
  const [y1, m1] = from.split('-').map(Number);
  const [y2, m2] = to.split('-').map(Number);
  switch (grain) {
    case 'hour':
      return dayCount(from, to) * 24;
    case 'day':
      return dayCount(from, to);
    case 'week':
      return (dayCount(bucketStart(from, 'week'), bucketStart(to, 'week')) - 1) / 7 + 1;
    case 'month':
      return (y2 - y1) * 12 + (m2 - m1) + 1;
    case 'quarter':
      return (y2 - y1) * 4 + (Math.floor((m2 - 1) / 3) - Math.floor((m1 - 1) / 3)) + 1;
    case 'year':
      return y2 - y1 + 1;
  }
}

/** Number of days in the inclusive range. */
export function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Same calendar date one year earlier (29 February → 28 February). */
function yearEarlier(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${year(y - 1)}-${pad(m)}-${pad(Math.min(d, daysInMonth(y - 1, m)))}`;
}

/** previous_period: as many days just before `from`; previous_year: the same dates a year earlier. */
export function comparisonWindow(from: string, to: string, compare: Comparison): { from: string; to: string } {
  if (compare === 'previous_year') return { from: yearEarlier(from), to: yearEarlier(to) };
  const days = dayCount(from, to);
  return { from: addDays(from, -days), to: addDays(from, -1) };
}
