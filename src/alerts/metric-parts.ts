// How a metric splits over segments: a sum or count adds up (each segment's
// change is its part), a ratio of two catalog metrics (CPA = cost /
// conversions, CTR = clicks / impressions × 100) is split into mix and rate
// effects from its numerator and denominator, and anything else (distinct
// counts, formulas of several terms) is not split. Pure.
import type { FormulaNode } from '../metrics/formula.js';

/** What a metric needs of the catalog: its formula over measures and whether it adds up. */
export interface SplittableMetric {
  readonly id: string;
  readonly node: FormulaNode;
  readonly cumulative: boolean;
}

export type MetricSplit =
  | { readonly kind: 'additive' }
  | { readonly kind: 'ratio'; readonly numerator: string; readonly denominator: string; readonly scale: number }
  | { readonly kind: 'none'; readonly why: string };

/**
 * @example metricSplit(CATALOG_BY_ID.get('cpa')!, CATALOG_BY_ID) // → { kind: 'ratio', numerator: 'cost', denominator: 'conversions', scale: 1 }
 * @example metricSplit(CATALOG_BY_ID.get('cost')!, CATALOG_BY_ID) // → { kind: 'additive' }
 */
export function metricSplit(metric: SplittableMetric, catalog: ReadonlyMap<string, SplittableMetric>): MetricSplit {
  if (metric.cumulative) return { kind: 'additive' };
  const ratio = ratioOf(metric.node);
  if (ratio) {
    const numerator = metricOfMeasure(ratio.numerator, catalog);
    const denominator = metricOfMeasure(ratio.denominator, catalog);
    if (numerator && denominator) return { kind: 'ratio', numerator, denominator, scale: ratio.scale };
  }
  return { kind: 'none', why: `${metric.id} is neither a sum nor a ratio of two catalog metrics: its change is not split by segment` };
}

/** `a / b` or `a / b * k` over single measures. */
function ratioOf(node: FormulaNode): { numerator: string; denominator: string; scale: number } | null {
  let scale = 1;
  let division = node;
  if (node.kind === 'binary' && node.op === '*' && node.right.kind === 'number') {
    scale = node.right.value;
    division = node.left;
  }
  if (division.kind !== 'binary' || division.op !== '/' || division.left.kind !== 'metric' || division.right.kind !== 'metric') return null;
  return { numerator: division.left.id, denominator: division.right.id, scale };
}

/** The additive catalog metric that is exactly this measure (cost for the measure cost). */
function metricOfMeasure(measure: string, catalog: ReadonlyMap<string, SplittableMetric>): string | null {
  for (const metric of catalog.values()) {
    if (metric.cumulative && metric.node.kind === 'metric' && metric.node.id === measure) return metric.id;
  }
  return null;
}
