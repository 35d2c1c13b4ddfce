// A metric's series as the rows of a metric query give it, and its forecast:
// the complete buckets only (partial ones are left out with a note), fitted by
// forecastSeries, and errors told about the query the series came from. Shared
// by POST /v1/forecast (a metric) and POST /v1/query (with forecast).
import { BeaconError, QueryError, ValidationError } from '../core/errors.js';
import { addDays } from '../core/time.js';
import { bucketCount, bucketEnd } from '../metrics/time-buckets.js';
import type { ResultRow } from '../metrics/types.js';
import { forecastSeries, type Forecast } from './forecast.js';
import { checkForecastInput, type ForecastInput, type ModelChoice, type SeriesPoint } from './forecast-input.js';
import { MAX_SERIES_POINTS } from './forecast-request.js';
import { continueDates, type SeriesGrain } from './series-dates.js';

/** A forecast with the calendar it ran on. */
export interface CalendarForecast extends Forecast {
  grain: SeriesGrain;
  /** The season length the models were offered, in periods (1: none). */
  season: number;
  /** Coverage of the prediction intervals. */
  level: number;
}

/** How to forecast one metric column of a query's rows. */
export interface MetricRowsForecast {
  /** The metric id: the column of the rows that holds its values. */
  metric: string;
  grain: SeriesGrain;
  /** The range the query covered (for messages). */
  from: string;
  to: string;
  /** Today in the workspace's zone: a bucket holding it is still running. */
  today: string;
  /** Periods of the grain after the last complete bucket, or the days those periods must cover. */
  horizon: { periods: number } | { days: number };
  model?: ModelChoice;
  damped?: boolean;
  level?: number;
}

/**
 * Fits a series and forecasts it (forecastSeries), with the calendar it ran on.
 *
 * @example fitSeries({ series, horizon: 12 }) // → { model, params, points, grain: 'month', season: 12, level: 0.95, … }
 */
export function fitSeries(input: ForecastInput): CalendarForecast {
  const forecast = forecastSeries(input);
  const { grain, period, level } = checkForecastInput(input);
  return { ...forecast, grain, season: period, level };
}

/**
 * The forecast of one metric from the rows of its query by `grain` (oldest
 * first): the series of its complete buckets (completeSeries), fitted and
 * projected. Its notes say which buckets were left out. Throws the
 * QueryError or ValidationError of the fit, told about the query (field
 * from for too short a history, metric for a value).
 *
 * @example
 * forecastMetricRows(result.rows, { metric: 'cost', grain: 'day', from: '2026-08-23', to: '2026-11-20', today: '2026-11-20', horizon: { days: 14 } })
 * // → { forecast: { model: 'additive', points: [14 days from 2026-11-20], grain: 'day', season: 7, … }, notes: ['2026-11-20 is left out of the fit: …'] }
 */
export function forecastMetricRows(rows: readonly ResultRow[], request: MetricRowsForecast): { forecast: CalendarForecast; notes: string[] } {
  const { metric, grain, from, to } = request;
  const { series, notes } = completeSeries(rows, metric, grain, request.today);
  if (series.length > MAX_SERIES_POINTS) {
    throw new QueryError(`${from}…${to} holds ${series.length} ${grain}s: a forecast fits at most ${MAX_SERIES_POINTS}; shorten the range or use a longer grain`, { field: 'from' });
  }
  const last = series[series.length - 1]?.date;
  const horizon = 'periods' in request.horizon ? request.horizon.periods : last === undefined ? 1 : periodsCovering(last, grain, request.horizon.days);
  try {
    return { forecast: fitSeries({ series, horizon, grain, model: request.model, damped: request.damped, level: request.level }), notes };
  } catch (err) {
    throw aboutMetric(err, `the ${grain} totals of ${metric} ${from}…${to}`, series);
  }
}

/**
 * The series a metric query's rows make: each bucket's total, oldest first,
 * without the partial buckets at the start (a week or month the range covers
 * only in part) and from the first partial one after them on (the running day,
 * week or month, and whatever follows it), each left out with a note. A bucket
 * without a value (a ratio with nothing to divide by) is a 422.
 *
 * @example
 * completeSeries([{ date: '2026-11-18', cost: 10 }, { date: '2026-11-19', cost: 12, partial: true }], 'cost', 'day', '2026-11-19')
 * // → { series: [{ date: '2026-11-18', value: 10 }], notes: ['2026-11-19 is left out of the fit: the day is still running (today is 2026-11-19)'] }
 */
export function completeSeries(rows: readonly ResultRow[], metric: string, grain: SeriesGrain, today: string): { series: SeriesPoint[]; notes: string[] } {
  let start = 0;
  while (start < rows.length && rows[start].partial === true) start++;
  let end = start;
  while (end < rows.length && rows[end].partial !== true) end++;
  const notes: string[] = [];
  const dateOf = (row: ResultRow) => String(row.date);
  if (start > 0) notes.push(`${rows.slice(0, start).map(dateOf).join(', ')} ${start === 1 ? 'is' : 'are'} left out of the fit: the range covers only part of the ${grain}`);
  if (end < rows.length) {
    const first = dateOf(rows[end]);
    const running = first <= today && today <= bucketEnd(first, grain);
    const why = running ? `the ${grain} is still running (today is ${today})` : `the range covers only part of the ${grain}`;
    const after = rows.length - end - 1;
    notes.push(`${first} is left out of the fit: ${why}${after > 0 ? `; so ${after === 1 ? 'is the' : `are the ${after}`} ${grain}${after === 1 ? '' : 's'} after it` : ''}`);
  }
  const series = rows.slice(start, end).map((row) => {
    const value = row[metric];
    if (typeof value !== 'number') {
      throw new QueryError(`${metric} has no value for the ${grain} of ${dateOf(row)} (nothing to divide by): a forecast needs a value in every ${grain}; use a longer grain or a metric that adds up, e.g. cost`, {
        field: 'metric',
        date: dateOf(row),
      });
    }
    return { date: dateOf(row), value };
  });
  return { series, notes };
}

/**
 * How many buckets of the grain after `last` it takes to cover `days` days.
 *
 * @example periodsCovering('2026-11-16', 'week', 10) // → 2 (the weeks of 11-23 and 11-30)
 */
export function periodsCovering(last: string, grain: SeriesGrain, days: number): number {
  const [next] = continueDates(last, grain, 1);
  return bucketCount(next, addDays(next, days - 1), grain);
}

/** An error of the series fit, told about the metric query it came from (field from for too short a history, metric for its values). */
function aboutMetric(err: unknown, about: string, series: readonly SeriesPoint[]): unknown {
  if (!(err instanceof BeaconError) || (err.details as { field?: string } | undefined)?.field !== 'series') return err;
  const { index } = err.details as { index?: number };
  const details = index === undefined ? { field: 'from' } : { field: 'metric', date: series[index]?.date };
  const message = `${about}: ${err.message.replace(/series\[(\d+)\]\.value/g, (_, i: string) => `the value of ${series[Number(i)]?.date}`)}`;
  return err instanceof QueryError ? new QueryError(message, details) : new ValidationError(message, details);
}
