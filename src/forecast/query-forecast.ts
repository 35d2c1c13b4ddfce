// POST /v1/query with `forecast`: the query answered as it always is, and each
// metric's series of complete buckets continued by exponential smoothing
// (forecastMetricRows, as POST /v1/forecast does for one metric). A metric
// whose series cannot be forecast (a bucket without a value, too short a
// history) is left out of `forecast` with a note; the rows and totals stand.
import { QueryError, ValidationError } from '../core/errors.js';
import { localDate } from '../core/time.js';
import { answerQuery, type QueryServices } from '../metrics/query-service.js';
import type { QueryResult, ResultRow } from '../metrics/types.js';
import type { Workspace } from '../warehouse/warehouse.js';
import type { ForecastPoint } from './forecast.js';
import { forecastMetricRows } from './metric-series.js';
import { splitForecastQuery, type ForecastQueryRequest } from './query-forecast-input.js';
import type { ModelName, SmoothingParams } from './smoothing.js';

/** One metric's forecast in a query's answer. */
export interface QueryMetricForecast {
  model: ModelName;
  params: SmoothingParams;
  /** The season length the models were offered, in buckets (1: none). */
  season: number;
  /** Coverage of the prediction intervals. */
  level: number;
  /** One per bucket after the last complete one. */
  points: ForecastPoint[];
}

/** A query's answer, with the forecast of each metric that could be forecast when the query asked for one. */
export interface ForecastQueryResult extends QueryResult {
  forecast?: Record<string, QueryMetricForecast>;
}

/**
 * Answers a POST /v1/query body, with its forecast when it asks for one.
 *
 * @example
 * await answerForecastQuery(services, workspace, { metrics: ['cost', 'cpa'], grain: 'day', from: '2026-08-23', to: '2026-11-20', forecast: { horizon: 14 } })
 * // → { columns, rows, totals, forecast: { cost: { model: 'additive', params, season: 7, level: 0.95, points: [14 days] } },
 * //     notes: ['2026-11-20 is left out of the fit: …', 'cpa is not forecast: cpa has no value for the day of 2026-09-06 …'] }
 */
export async function answerForecastQuery(services: QueryServices, workspace: Workspace, body: Record<string, unknown>, now = Date.now()): Promise<ForecastQueryResult> {
  const { query, forecast } = splitForecastQuery(body);
  const result = await answerQuery(services, workspace, query);
  if (!forecast) return result;
  return forecastResult(result, forecast, { from: String(query.from), to: String(query.to), today: localDate(now, workspace.settings.timezone) });
}

/**
 * The result with `forecast` for each of its metrics, from its rows (in date
 * order, whatever order they were asked in), and notes on the buckets left out
 * and the metrics that could not be forecast.
 */
export function forecastResult(result: QueryResult, options: NonNullable<ForecastQueryRequest['forecast']>, range: { from: string; to: string; today: string }): ForecastQueryResult {
  const rows: ResultRow[] = [...result.rows].sort((a, b) => String(a.date).localeCompare(String(b.date)));
  const forecasts: Record<string, QueryMetricForecast> = {};
  const notes = new Set<string>();
  for (const column of result.columns.filter((c) => c.kind === 'metric')) {
    try {
      const { forecast, notes: left } = forecastMetricRows(rows, {
        ...range,
        metric: column.name,
        grain: options.grain,
        horizon: { periods: options.horizon },
        model: options.model,
        damped: options.damped,
        level: options.level,
      });
      forecasts[column.name] = { model: forecast.model, params: forecast.params, season: forecast.season, level: forecast.level, points: forecast.points };
      for (const note of left) notes.add(note);
    } catch (err) {
      // What the data cannot support is said beside the answer; anything else is not the data's doing.
      if (!(err instanceof QueryError || err instanceof ValidationError)) throw err;
      notes.add(`${column.name} is not forecast: ${err.message}`);
    }
  }
  const allNotes = [...(result.notes ?? []), ...notes];
  return { ...result, forecast: forecasts, ...(allNotes.length > 0 ? { notes: allNotes } : {}) };
}
