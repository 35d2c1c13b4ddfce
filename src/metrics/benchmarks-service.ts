// A workspace's benchmark bands: stored as workspace objects, judged against
// the totals of the queries of their metric (and, by goals, against a goal's
// actual value).
import { NotFoundError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { MetadataStore } from '../warehouse/warehouse.js';
import { benchmarkPosition, benchmarkVerdict, parseBenchmarkInput, type BenchmarkInput } from './benchmarks.js';
import type { CatalogMetric } from './catalog.js';
import { metricCatalog, requireMetric } from './metrics-service.js';
import type { QueryResult } from './types.js';

export type Benchmark = BenchmarkInput & { id: string };

export interface BenchmarkReport extends Benchmark {
  value: number | null;
  position: ReturnType<typeof benchmarkPosition>;
  verdict: ReturnType<typeof benchmarkVerdict>;
}

export async function createBenchmark(store: MetadataStore, workspace: string, body: unknown): Promise<Benchmark> {
  const input = parseBenchmarkInput(body);
  requireMetric(await metricCatalog(store, workspace), input.metric);
  const benchmark: Benchmark = { ...input, id: newId('bm') };
  await store.putObject(workspace, 'benchmark', benchmark.id, benchmark);
  return benchmark;
}

export async function listBenchmarks(store: MetadataStore, workspace: string): Promise<Benchmark[]> {
  return (await store.listObjects(workspace, 'benchmark')).map((o) => o.body as Benchmark);
}

export async function deleteBenchmark(store: MetadataStore, workspace: string, id: string): Promise<void> {
  if (!(await store.deleteObject(workspace, 'benchmark', id))) throw new NotFoundError(`unknown benchmark "${id}"`);
}

/** A band judged against a value of its metric. */
export function benchmarkReport(band: Benchmark, value: number | null, direction: CatalogMetric['direction']): BenchmarkReport {
  return { ...band, value, position: benchmarkPosition(value, band), verdict: benchmarkVerdict(value, band, direction) };
}

/** Benchmark bands of the query's metrics, judged against the totals (bands with their own filters are left to goals). */
export async function attachBenchmarks(store: MetadataStore, workspace: string, result: QueryResult): Promise<QueryResult> {
  const metrics = new Map(result.columns.filter((c) => c.kind === 'metric').map((c) => [c.name, c]));
  const bands = (await listBenchmarks(store, workspace)).filter((b) => metrics.has(b.metric) && !(b.filters?.length));
  if (bands.length === 0) return result;
  return {
    ...result,
    benchmarks: bands.map((b) => benchmarkReport(b, result.totals[b.metric] ?? null, metrics.get(b.metric)!.direction ?? 'neutral')),
  };
}
