// The calendar of an anomaly request: which whole days, weeks or months of
// from…to are judged, the training history before them, and the rows of the
// metric query over both split into that history and the points (buckets still
// running, in the future or cut by `to` left out with a note).
import { QueryError, ValidationError } from '../core/errors.js';
import { addDays } from '../core/time.js';
import type { SeriesGrain } from '../forecast/series-dates.js';
import { bucketCount, bucketEnd, bucketStart } from '../metrics/time-buckets.js';
import type { ResultRow } from '../metrics/types.js';
import type { SeriesValue } from './history-values.js';

/** Periods one request reads at most, history and points together. */
export const MAX_ANOMALY_PERIODS = 10_000;
const FIRST_DAY = '0001-01-01';

/** Where the history starts and the judged points start. */
export interface AnomalyWindow {
  /** First day of the training history (a bucket start). */
  trainingFrom: string;
  /** First day of the first bucket judged: the first one starting on or after `from`. */
  first: string;
  notes: string[];
}

/**
 * The window of a request: the first whole bucket of from…to and the
 * `trainingPeriods` buckets before it. Throws QueryError (field from) when
 * from…to holds no whole bucket or too many periods, ValidationError (field
 * training_periods) when the history would start before year 1.
 *
 * @example anomalyWindow('2026-10-01', '2026-11-15', 'week', 104)
 * // → { trainingFrom: '2024-10-07', first: '2026-10-05', notes: ['the week of 2026-09-28 starts before from: it is part of the history, not judged'] }
 */
export function anomalyWindow(from: string, to: string, grain: SeriesGrain, trainingPeriods: number): AnomalyWindow {
  const start = bucketStart(from, grain);
  const first = start === from ? from : addDays(bucketEnd(start, grain), 1);
  const notes = start === from ? [] : [`the ${grain} of ${start} starts before from: it is part of the history, not judged`];
  if (bucketEnd(first, grain) > to) throw new QueryError(`${from}…${to} holds no whole ${grain} to judge: widen the range or use a shorter grain`, { field: 'from' });
  const trainingFrom = periodsBefore(first, grain, trainingPeriods);
  if (!(trainingFrom >= FIRST_DAY)) {
    throw new ValidationError(`${trainingPeriods} ${grain}s of history before ${first} would start before ${FIRST_DAY}: ask for fewer training_periods or start later`, [
      { field: 'training_periods', message: `reaches before ${FIRST_DAY}` },
    ]);
  }
  const periods = bucketCount(trainingFrom, to, grain);
  if (periods > MAX_ANOMALY_PERIODS) {
    throw new QueryError(`${from}…${to} with ${trainingPeriods} ${grain}s of history holds ${periods} ${grain}s: at most ${MAX_ANOMALY_PERIODS}; shorten the range or use a longer grain`, { field: 'from' });
  }
  return { trainingFrom, first, notes };
}

/**
 * The rows of the metric query over trainingFrom…to (by grain, oldest first)
 * split at `first`: the history before it, and the points from it up to the
 * first bucket that is partial (still running, or cut by `to`) or starts after
 * today, which is left out with whatever follows it, and a note. A value that
 * is not a number (a ratio with nothing to divide by) is null.
 *
 * @example
 * splitRows(rows, 'cost', 'day', '2026-11-02', '2026-11-20')
 * // → { history: [{ date: '2026-09-07', value: 812.5 }, …], points: [{ date: '2026-11-02', value: 640 }, …], notes: ['2026-11-20 is left out: the day is still running (today is 2026-11-20)'] }
 */
export function splitRows(rows: readonly ResultRow[], metric: string, grain: SeriesGrain, first: string, today: string): { history: SeriesValue[]; points: SeriesValue[]; notes: string[] } {
  const series = rows.map((row) => ({ date: String(row.date), value: typeof row[metric] === 'number' ? (row[metric] as number) : null, partial: row.partial === true }));
  const history = series.filter((p) => p.date < first).map(({ date, value }) => ({ date, value }));
  const points: SeriesValue[] = [];
  const notes: string[] = [];
  for (const point of series.filter((p) => p.date >= first)) {
    if (point.partial || point.date > today) {
      notes.push(leftOutNote(point.date, grain, today, series[series.length - 1].date));
      break;
    }
    points.push({ date: point.date, value: point.value });
  }
  if (points.length === 0) throw new QueryError(`no whole ${grain} from ${first} on has ended yet (today is ${today}): nothing to judge`, { field: 'from' });
  return { history, points, notes };
}

function leftOutNote(date: string, grain: SeriesGrain, today: string, last: string): string {
  const why = date > today ? `the ${grain} is still to come (today is ${today})` : date <= today && today <= bucketEnd(date, grain) ? `the ${grain} is still running (today is ${today})` : `the range covers only part of the ${grain}`;
  return `${date}${last > date ? ` … ${last}` : ''} ${last > date ? 'are' : 'is'} left out: ${why}`;
}

/** The start of the bucket `count` buckets before `start` (a bucket start itself). */
function periodsBefore(start: string, grain: SeriesGrain, count: number): string {
  if (grain === 'day') return addDays(start, -count);
  if (grain === 'week') return addDays(start, -7 * count);
  const months = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1 - count;
  if (months < 12) return '0000-01-01';
  const year = Math.floor(months / 12);
  return `${String(year).padStart(4, '0')}-${String(months - year * 12 + 1).padStart(2, '0')}-01`;
}
