// Which catalog metric reads each measure a KPI's formula is written in: the
// metric that is exactly that measure (cost for cost, conversions for
// conversions), so a KPI's measures can be read through the metrics layer
// like any other metric. Growth metrics wrap a measure but answer its change,
// so they never stand for it. Pure.
import type { CatalogMetric } from '../metrics/catalog.js';

export type MeasureSources =
  | { readonly kind: 'found'; /** measure id → the catalog metric id that reads it */ readonly metrics: ReadonlyMap<string, string> }
  | { readonly kind: 'missing'; readonly measures: readonly string[] };

/**
 * @example measureMetrics(['cost', 'conversions'], CATALOG_BY_ID) // → { kind: 'found', metrics: Map { cost → cost, conversions → conversions } }
 */
export function measureMetrics(measures: readonly string[], catalog: ReadonlyMap<string, CatalogMetric>): MeasureSources {
  const found = new Map<string, string>();
  const missing: string[] = [];
  for (const measure of measures) {
    const own = catalog.get(measure);
    const reads = (m: CatalogMetric | undefined) => m !== undefined && !m.growthOf && m.node.kind === 'metric' && m.node.id === measure;
    const metric = reads(own) ? own : [...catalog.values()].find(reads);
    if (metric) found.set(measure, metric.id);
    else missing.push(measure);
  }
  return missing.length > 0 ? { kind: 'missing', measures: missing } : { kind: 'found', metrics: found };
}
