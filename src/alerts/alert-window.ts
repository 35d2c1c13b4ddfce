// Which dates a rule's evaluation reads: the latest bucket of its grain that
// holds `now` (today for day, this week so far for week, this month so far
// for month, the current hour for hour) and the period of the same length
// just before it, which a change condition and the segment breakdown compare
// against. Pure: the instant and the time zone are arguments.
import { localDate } from '../core/time.js';
import { bucketStart, comparisonWindow, hourLabel } from '../metrics/time-buckets.js';
import type { AlertGrain } from './alert-rule-input.js';

const HOUR_MS = 3_600_000;

export interface AlertWindow {
  /** The dates (workspace time zone, inclusive) the current bucket covers so far. */
  readonly from: string;
  readonly to: string;
  /** The period just before, as long as from…to. */
  readonly previousFrom: string;
  readonly previousTo: string;
  /** Hour grain: the labels (YYYY-MM-DDTHH:00) of the current and the previous hour; the dates then span both. */
  readonly hour?: { readonly current: string; readonly previous: string };
}

/**
 * @example alertWindow('week', Date.parse('2026-11-19T10:00:00Z'), 'UTC')
 * // → { from: '2026-11-16', to: '2026-11-19', previousFrom: '2026-11-12', previousTo: '2026-11-15' }
 * @example alertWindow('hour', Date.parse('2026-11-19T00:30:00Z'), 'UTC')
 * // → { from: '2026-11-18', to: '2026-11-19', …, hour: { current: '2026-11-19T00:00', previous: '2026-11-18T23:00' } }
 */
export function alertWindow(grain: AlertGrain, now: number, timeZone: string): AlertWindow {
  const today = localDate(now, timeZone);
  if (grain === 'hour') {
    const yesterday = localDate(now - 24 * HOUR_MS, timeZone);
    return { from: yesterday, to: today, previousFrom: yesterday, previousTo: today, hour: { current: hourLabel(now, timeZone), previous: hourLabel(now - HOUR_MS, timeZone) } };
  }
  const from = bucketStart(today, grain);
  const previous = comparisonWindow(from, today, 'previous_period');
  return { from, to: today, previousFrom: previous.from, previousTo: previous.to };
}
