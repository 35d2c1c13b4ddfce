// Goals of a workspace: stored as workspace objects, read back with their
// actual values (a metric query over the goal's period and scope), pacing and
// the benchmark bands of the same metric.
import { NotFoundError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { utcDate } from '../core/time.js';
import { benchmarkReport, listBenchmarks, type BenchmarkReport } from '../metrics/benchmarks-service.js';
import { metricCatalog, requireMetric } from '../metrics/metrics-service.js';
import { freshView, queryMetrics, type QueryServices } from '../metrics/query-service.js';
import type { MetadataStore, Workspace } from '../warehouse/warehouse.js';
import { goalProgress, parseGoalInput, type GoalInput, type GoalProgress } from './goals.js';

export type Goal = GoalInput & { id: string; direction: 'up' | 'down' };

export interface GoalReport extends Goal {
  progress: GoalProgress;
  benchmarks: BenchmarkReport[];
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

/** Every goal with its actual value to date, pacing and status (the derived view is brought up to date first). */
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
    reports.push({
      ...goal,
      progress,
      benchmarks: bands.filter((b) => b.metric === goal.metric).map((b) => benchmarkReport(b, actual, direction)),
    });
  }
  return reports;
}
