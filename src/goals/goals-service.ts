// Goals of a workspace: stored as workspace objects, read back with their
// actual values (a metric query over the goal's period and scope), pacing, the
// forecast of their period-end value and the benchmark bands of the same metric.
import { NotFoundError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { utcDate } from '../core/time.js';
import type { SeriesPoint } from '../forecast/forecast-input.js';
import { benchmarkReport, listBenchmarks, type BenchmarkReport } from '../metrics/benchmarks-service.js';
import type { CatalogMetric } from '../metrics/catalog.js';
import { metricCatalog, requireMetric } from '../metrics/metrics-service.js';
import { freshView, queryMetrics, type QueryServices } from '../metrics/query-service.js';
import type { MetadataStore, QueryRunner, Workspace } from '../warehouse/warehouse.js';
import { forecastGoal, goalHistoryWindow, whyNotSummed, type GoalForecast, type GoalForecastResult } from './goal-forecast.js';
import { goalProgress, parseGoalInput, type GoalInput, type GoalProgress } from './goals.js';

export type Goal = GoalInput & { id: string; direction: 'up' | 'down' };

export interface GoalReport extends Goal {
  progress: GoalProgress;
  benchmarks: BenchmarkReport[];
  /** The projected value at the end of the period; null once it has ended, or when it cannot be forecast (a note says why). */
  forecast: GoalForecast | null;
  notes: string[];
}

export async function createGoal(store: MetadataStore, workspace: string, body: unknown): Promise<Goal> {
  const input = parseGoalInput(body);
  const metric = requireMetric(await metricCatalog(store, workspace), input.metric);
  const direction = input.direction ?? (metric.direction === 'down' ? 'down' : 'up');
  const goal: Goal = { ...input, direction, id: newId('goal') };
  await store.putObject(workspace, 'goal', goal.id, goal);
  return goal;
}

export async function deleteGoal(store: MetadataStore, workspace: string, id: string): Promise<void> {
  if (!(await store.deleteObject(workspace, 'goal', id))) throw new NotFoundError(`unknown goal "${id}"`);
}

/** Every goal with its actual value to date, pacing, status and forecast (the derived view is brought up to date first). */
export async function goalReports(services: QueryServices, workspace: Workspace, today = utcDate(Date.now())): Promise<GoalReport[]> {
  const { warehouse } = services;
  await freshView(services, workspace.name);
  const goals = (await warehouse.listObjects(workspace.name, 'goal')).map((o) => o.body as Goal);
  const metrics = await metricCatalog(warehouse, workspace.name);
  const bands = await listBenchmarks(warehouse, workspace.name);
  const reports: GoalReport[] = [];
  for (const goal of goals) {
    const metric = metrics.get(goal.metric);
    let actual: number | null = null;
    if (metric && goal.from <= today) {
      const to = goal.to < today ? goal.to : today;
      const result = await queryMetrics(warehouse, workspace, { metrics: [goal.metric], from: goal.from, to, filters: goal.filters ?? [] }, metrics);
      actual = result.totals[goal.metric] ?? null;
    }
    const progress = goalProgress({ ...goal, kind: metric?.cumulative ? 'cumulative' : 'level' }, actual, today);
    const direction = metric?.direction ?? 'neutral';
    const { forecast, note } = await goalForecast(warehouse, workspace, goal, metric, metrics, today);
    reports.push({
      ...goal,
      progress,
      benchmarks: bands.filter((b) => b.metric === goal.metric).map((b) => benchmarkReport(b, actual, direction)),
      forecast,
      notes: note === undefined ? [] : [note],
    });
  }
  return reports;
}

/** The goal's forecast from the metric's daily values over its history window, or why there is none. */
async function goalForecast(
  warehouse: QueryRunner & MetadataStore,
  workspace: Workspace,
  goal: Goal,
  metric: CatalogMetric | undefined,
  metrics: ReadonlyMap<string, CatalogMetric>,
  today: string,
): Promise<GoalForecastResult> {
  const window = goalHistoryWindow(goal, today);
  if (window === null) return forecastGoal(goal, [], today); // the period has ended: forecastGoal says so
  if (!metric) return { forecast: null, note: `${goal.metric} is no longer a metric of this workspace` };
  const why = whyNotSummed(metric);
  if (why) return { forecast: null, note: why };
  const result = await queryMetrics(warehouse, workspace, { metrics: [goal.metric], grain: 'day', ...window, filters: goal.filters ?? [] }, metrics);
  const series: SeriesPoint[] = [];
  for (const row of result.rows) {
    const value = row[goal.metric];
    if (typeof value !== 'number') return { forecast: null, note: `${goal.metric} has no value on ${String(row.date)}: the daily series cannot be forecast` };
    series.push({ date: String(row.date), value });
  }
  return forecastGoal(goal, series, today);
}
