// Anomalies on a metric's series (POST /v1/anomalies, beacon anomalies): the
// metric's totals per day, week or month read through the metrics layer, over
// from…to and the training history before it, judged by detectAnomalies.
import { localDate } from '../core/time.js';
import { metricCatalog, unknownMetric } from '../metrics/metrics-service.js';
import { answerQuery, type QueryServices } from '../metrics/query-service.js';
import type { Filter, Unit } from '../metrics/types.js';
import type { SeriesGrain } from '../forecast/series-dates.js';
import type { Workspace } from '../warehouse/warehouse.js';
import { checkAnomalyBody } from './anomaly-request.js';
import { anomalyWindow, splitRows } from './anomaly-series.js';
import { detectAnomalies, type Detection } from './detect-anomalies.js';

/** The metric query the series came from. */
export interface AnomalyMetric {
  id: string;
  label: string;
  unit: Unit;
  filters: Filter[];
}

/** An anomaly report as the API answers it: the request with its defaults, and the detection. */
export interface AnomalyReport extends Detection {
  metric: AnomalyMetric;
  grain: SeriesGrain;
  from: string;
  to: string;
  sensitivity: number;
}

/**
 * Answers an anomaly request body for a workspace.
 *
 * @example
 * await anomalyReport(services, workspace, { metric: 'cost', from: '2026-10-19', to: '2026-11-15' })
 * // { method: 'holt_winters', points: [{ date: '2026-10-19', value, expected, lower, upper, anomaly: false, … }, …], anomalies: 1, training: { from: '2026-08-24', to: '2026-10-18', periods: 56 }, … }
 */
export async function anomalyReport(services: QueryServices, workspace: Workspace, body: Record<string, unknown>, now = Date.now()): Promise<AnomalyReport> {
  const request = checkAnomalyBody(body);
  const catalog = await metricCatalog(services.warehouse, workspace.name);
  const metric = catalog.get(request.metric);
  if (!metric) throw unknownMetric(request.metric, catalog, 'metric');
  const { grain, filters, from, to, sensitivity } = request;
  const window = anomalyWindow(from, to, grain, request.trainingPeriods);
  const result = await answerQuery(services, workspace, { metrics: [metric.id], grain, from: window.trainingFrom, to, filters });
  const today = localDate(now, workspace.settings.timezone);
  const { history, points, notes } = splitRows(result.rows, metric.id, grain, window.first, today);
  const detection = detectAnomalies({ history, points, grain, sensitivity });
  return {
    metric: { id: metric.id, label: metric.label, unit: metric.unit, filters },
    grain,
    from,
    to,
    sensitivity,
    ...detection,
    notes: [...window.notes, ...notes, ...detection.notes, ...(result.notes ?? [])],
  };
}
