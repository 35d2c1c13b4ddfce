// Forecasts (POST /v1/forecast, beacon forecast): a series sent as it is, or a
// metric's totals per day, week or month read through the metrics layer, fitted
// by exponential smoothing (forecastSeries) and projected with intervals.
import { localDate } from '../core/time.js';
import { metricCatalog, unknownMetric } from '../metrics/metrics-service.js';
import { answerQuery, type QueryServices } from '../metrics/query-service.js';
import type { Filter, Unit } from '../metrics/types.js';
import type { Workspace } from '../warehouse/warehouse.js';
import { checkForecastBody, type MetricForecastBody } from './forecast-request.js';
import { fitSeries, forecastMetricRows, type CalendarForecast } from './metric-series.js';

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
export interface ForecastReport extends CalendarForecast {
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
    return { ...fitSeries({ series, horizon, season, model, damped, level }), metric: null, notes: [] };
  }
  return metricForecast(services, workspace, request.body, now);
}

async function metricForecast(services: QueryServices, workspace: Workspace, body: MetricForecastBody, now: number): Promise<ForecastReport> {
  const catalog = await metricCatalog(services.warehouse, workspace.name);
  const metric = catalog.get(body.metric);
  if (!metric) throw unknownMetric(body.metric, catalog, 'metric');
  const grain = body.grain ?? 'day';
  const filters = body.filters ?? [];
  const result = await answerQuery(services, workspace, { metrics: [metric.id], grain, from: body.from, to: body.to, filters });
  const { forecast, notes } = forecastMetricRows(result.rows, {
    metric: metric.id,
    grain,
    from: body.from,
    to: body.to,
    today: localDate(now, workspace.settings.timezone),
    horizon: { days: body.horizon_days },
    model: body.model,
    damped: body.damped,
    level: body.level,
  });
  return {
    ...forecast,
    metric: { id: metric.id, label: metric.label, unit: metric.unit, from: body.from, to: body.to, filters },
    notes: [...notes, ...(result.notes ?? [])],
  };
}
