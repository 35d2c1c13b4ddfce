// Forecasts (POST /v1/forecast, beacon forecast): a series sent as it is, or a
// metric's totals per day, week or month read through the metrics layer, fitted
// by exponential smoothing (forecastSeries) and projected with intervals.
import { BeaconError, QueryError, ValidationError } from '../core/errors.js';
import { addDays, localDate } from '../core/time.js';
import { metricCatalog, unknownMetric } from '../metrics/metrics-service.js';
import { answerQuery, type QueryServices } from '../metrics/query-service.js';
import { bucketCount, bucketEnd } from '../metrics/time-buckets.js';
import type { Filter, ResultRow, Unit } from '../metrics/types.js';
import type { Workspace } from '../warehouse/warehouse.js';
import { forecastSeries, type Forecast } from './forecast.js';
import { checkForecastInput, type ForecastInput, type SeriesPoint } from './forecast-input.js';
import { checkForecastBody, MAX_SERIES_POINTS, type MetricForecastBody } from './forecast-request.js';
import { continueDates, type SeriesGrain } from './series-dates.js';

/** The metric query a forecast's series came from. */
export interface ForecastMetric {
  id: string;
  label: string;
  unit: Unit;
  from: string;
  to: string;
  filters: Filter[];
}

/** A forecast as the API answers it: the fit and its points, the calendar it ran on, and where the series came from. */
export interface ForecastReport extends Forecast {
  grain: SeriesGrain;
  /** The season length the models were offered, in periods (1: none). */
  season: number;
  /** Coverage of the prediction intervals. */
  level: number;
  /** The metric whose totals were the series; null for a series sent as it is. */
  metric: ForecastMetric | null;
  notes: string[];
}

/**
 * Answers a forecast request body for a workspace.
 *
 * @example
 * await forecastReport(services, workspace, { metric: 'cost', from: '2026-08-23', to: '2026-11-20', horizon_days: 14 })
 * // { model: 'additive', params: { alpha, beta, gamma, phi: null }, sse, aicc, fitted, points: [14 days], grain: 'day', season: 7, metric: { id: 'cost', … }, notes: [] }
 */
export async function forecastReport(services: QueryServices, workspace: Workspace, body: Record<string, unknown>, now = Date.now()): Promise<ForecastReport> {
  const request = checkForecastBody(body);
  if (request.kind === 'series') {
    const { series, horizon, season, model, damped, level } = request.body;
    return { ...fitted({ series, horizon, season, model, damped, level }), metric: null, notes: [] };
  }
  return metricForecast(services, workspace, request.body, now);
}

function fitted(input: ForecastInput): Omit<ForecastReport, 'metric' | 'notes'> {
  const forecast = forecastSeries(input);
  const { grain, period, level } = checkForecastInput(input);
  return { ...forecast, grain, season: period, level };
}

async function metricForecast(services: QueryServices, workspace: Workspace, body: MetricForecastBody, now: number): Promise<ForecastReport> {
  const catalog = await metricCatalog(services.warehouse, workspace.name);
  const metric = catalog.get(body.metric);
  if (!metric) throw unknownMetric(body.metric, catalog, 'metric');
  const grain = body.grain ?? 'day';
  const filters = body.filters ?? [];
  const result = await answerQuery(services, workspace, { metrics: [metric.id], grain, from: body.from, to: body.to, filters });
  const today = localDate(now, workspace.settings.timezone);
  const { series, notes } = completeSeries(result.rows, metric.id, grain, today);
  if (series.length > MAX_SERIES_POINTS) {
    throw new QueryError(`${body.from}…${body.to} holds ${series.length} ${grain}s: a forecast fits at most ${MAX_SERIES_POINTS}; shorten the range or use a longer grain`, { field: 'from' });
  }
  const last = series[series.length - 1]?.date;
  const horizon = last === undefined ? 1 : periodsCovering(last, grain, body.horizon_days);
  const about = `the ${grain} totals of ${metric.id} ${body.from}…${body.to}`;
  let fit: Omit<ForecastReport, 'metric' | 'notes'>;
  try {
    fit = fitted({ series, horizon, grain, model: body.model, damped: body.damped, level: body.level });
  } catch (err) {
    throw aboutMetric(err, about, series);
  }
  return {
    ...fit,
    metric: { id: metric.id, label: metric.label, unit: metric.unit, from: body.from, to: body.to, filters },
    notes: [...notes, ...(result.notes ?? [])],
  };
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
