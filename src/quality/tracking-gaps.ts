// Days whose tracked events fell sharply against their own weekday: the
// expected count of a day is the median of the same weekday in the four
// weeks before it, so a quiet Sunday is judged against Sundays. A day is
// judged only with at least three of those weeks tracked. Pure.

export interface DailyCount {
  /** Local day, YYYY-MM-DD. */
  readonly day: string;
  readonly events: number;
}

export interface TrackingGap {
  readonly day: string;
  readonly events: number;
  readonly expected: number;
  /** How far below the expected count, in percent (100: nothing tracked). */
  readonly dropPercent: number;
}

/** A day at least this far below its weekday's median is a gap. */
export const GAP_DROP_PERCENT = 50;
const WEEKS_BEFORE = 4;
const MIN_WEEKS = 3;
const DAY_MS = 86_400_000;

/**
 * The gaps among the days from the first tracked day to `lastDay`
 * (inclusive; pass yesterday, since today is still being tracked). A day
 * missing from `counts` tracked nothing.
 *
 * @example
 * // Four Mondays of 1,000 events, then a Monday of 300:
 * trackingGaps(counts, '2026-11-30') // → [{ day: '2026-11-30', events: 300, expected: 1000, dropPercent: 70 }]
 */
export function trackingGaps(counts: readonly DailyCount[], lastDay: string): TrackingGap[] {
  const byDay = new Map(counts.map((c) => [c.day, c.events]));
  const tracked = counts.filter((c) => c.events > 0).map((c) => c.day).sort();
  if (tracked.length === 0) return [];
  const first = Date.parse(tracked[0]);
  const gaps: TrackingGap[] = [];
  for (let at = first; at <= Date.parse(lastDay); at += DAY_MS) {
    const history: number[] = [];
    for (let week = 1; week <= WEEKS_BEFORE; week++) {
      const before = at - week * 7 * DAY_MS;
      if (before >= first) history.push(byDay.get(isoDay(before)) ?? 0);
    }
    if (history.length < MIN_WEEKS) continue;
    const expected = median(history);
    const day = isoDay(at);
    const events = byDay.get(day) ?? 0;
    if (expected <= 0) continue;
    const dropPercent = ((expected - events) / expected) * 100;
    if (dropPercent >= GAP_DROP_PERCENT) gaps.push({ day, events, expected, dropPercent: Math.round(dropPercent * 10) / 10 });
  }
  return gaps;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
