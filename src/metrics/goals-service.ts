// Goals and benchmark bands of a workspace: stored as workspace objects,
// read back with their actual values (a metric query over the goal's period
// and scope), pacing and the benchmark bands of the same metric.
import { NotFoundError, ValidationError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { utcDate } from '../core/time.js';
import type { Warehouse, Workspace } from '../warehouse/warehouse.js';
import type { CatalogMetric } from './catalog.js';
import {
  benchmarkPosition,
  benchmarkVerdict,
  goalProgress,
  parseBenchmarkInput,
  parseGoalInput,
  type BenchmarkInput,
  type GoalInput,
  type GoalProgress,
} from './goals.js';
import { metricCatalog, queryMetrics } from './metrics-service.js';
import type { QueryResult } from './types.js';

export type Goal = GoalInput & { id: string; direction: 'up' | 'down' };
export type Benchmark = BenchmarkInput & { id: string };

function knownMetric(metrics: ReadonlyMap<string, CatalogMetric>, id: string): CatalogMetric {
  const metric = metrics.get(id);
  if (!metric || metric.reserved) {
    throw new ValidationError(`unknown metric "${id}"; known metrics: ${[...metrics.keys()].join(', ')}`, { field: 'metric' });
  }
  return metric;
}

export async function createGoal(warehouse: Warehouse, workspace: string, body: unknown): Promise<Goal> {
  const input = parseGoalInput(body);
  const metric = knownMetric(await metricCatalog(warehouse, workspace), input.metric);
  const direction = input.direction ?? (metric.direction === 'down' ? 'down' : 'up');
  const goal: Goal = { ...input, direction, id: newId('goal') };
  await warehouse.putObject(workspace, 'goal', goal.id, goal);
  return goal;
}

export async function createBenchmark(warehouse: Warehouse, workspace: string, body: unknown): Promise<Benchmark> {
  const input = parseBenchmarkInput(body);
  knownMetric(await metricCatalog(warehouse, workspace), input.metric);
  const benchmark: Benchmark = { ...input, id: newId('bm') };
  await warehouse.putObject(workspace, 'benchmark', benchmark.id, benchmark);
  return benchmark;
}

export async function deleteWorkspaceObject(warehouse: Warehouse, workspace: string, kind: 'goal' | 'benchmark', id: string): Promise<void> {
  if (!(await warehouse.deleteObject(workspace, kind, id))) throw new NotFoundError(`unknown ${kind} "${id}"`);
}

export async function listBenchmarks(warehouse: Warehouse, workspace: string): Promise<Benchmark[]> {
  return (await warehouse.listObjects(workspace, 'benchmark')).map((o) => o.body as Benchmark);
}

export interface GoalReport extends Goal {
  progress: GoalProgress;
  benchmarks: BenchmarkReport[];
}

export interface BenchmarkReport extends Benchmark {
  value: number | null;
  position: ReturnType<typeof benchmarkPosition>;
  verdict: ReturnType<typeof benchmarkVerdict>;
}

/** Every goal with its actual value to date, pacing and status. */
export async function goalReports(warehouse: Warehouse, workspace: Workspace, today = utcDate(Date.now())): Promise<GoalReport[]> {
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

function benchmarkReport(band: Benchmark, value: number | null, direction: CatalogMetric['direction']): BenchmarkReport {
  return { ...band, value, position: benchmarkPosition(value, band), verdict: benchmarkVerdict(value, band, direction) };
}

/** Benchmark bands of the query's metrics, judged against the totals (bands with their own filters are left to goals). */
export async function attachBenchmarks(warehouse: Warehouse, workspace: string, result: QueryResult): Promise<QueryResult> {
  const metrics = new Map(result.columns.filter((c) => c.kind === 'metric').map((c) => [c.name, c]));
  const bands = (await listBenchmarks(warehouse, workspace)).filter((b) => metrics.has(b.metric) && !(b.filters?.length));
  if (bands.length === 0) return result;
  return {
    ...result,
    benchmarks: bands.map((b) => benchmarkReport(b, result.totals[b.metric] ?? null, metrics.get(b.metric)!.direction ?? 'neutral')),
  };
}
