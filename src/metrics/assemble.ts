// Joins the per-fact aggregates of a query on their bucket and dimensions,
// fills every bucket for every dimension combination seen (zero counts, null
// ratios), runs balances forward, and evaluates each metric's formula on the
// aggregates — per row and over the whole period for the totals.
import type { CatalogMetric } from './catalog.js';
import { FACTS, type Fact } from './facts.js';
import { evaluateFormula } from './formula.js';
import { BUCKET, NONE, type FactQueries } from './planner.js';
import type { Dimension, MetricValue, ResultRow } from './types.js';

type DbRow = Record<string, unknown>;

export interface FactResults {
  plan: FactQueries;
  rows: DbRow[];
  totals: DbRow;
  openingRows: DbRow[];
  openingTotals: DbRow;
}

export interface AssembleInput {
  metrics: readonly CatalogMetric[];
  dimensions: readonly Dimension[];
  /** Bucket labels in order, or null when the query has no grain. */
  buckets: readonly string[] | null;
  results: readonly FactResults[];
  /** Dimension combinations to report, in order; by default those seen in the results. */
  combos?: readonly string[][];
}

export interface Assembled {
  rows: ResultRow[];
  totals: Record<string, MetricValue>;
  combos: string[][];
}

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const label = (value: unknown): string => (value === null || value === undefined ? NONE : String(value));
const keyOf = (parts: readonly (string | null)[]) => JSON.stringify(parts);

export function assemble(input: AssembleInput): Assembled {
  const { dimensions, metrics } = input;
  const cells = new Map<string, Record<string, number>>();
  const seen = new Map<string, string[]>();
  const opening = new Map<string, Record<string, number>>();

  for (const result of input.results) {
    const totalsOnly = (FACTS[result.plan.fact] as Fact).totalsOnlyWhenUnassigned === true;
    for (const row of result.rows) {
      const combo = dimensions.map((d) => label(row[d]));
      if (totalsOnly && combo.includes(NONE)) continue;
      seen.set(keyOf(combo), combo);
      const key = keyOf([input.buckets ? String(row[BUCKET]) : null, ...combo]);
      const cell = cells.get(key) ?? {};
      for (const m of [...result.plan.flowMeasures, ...result.plan.balanceMeasures]) cell[m] = num(row[m]);
      cells.set(key, cell);
    }
    for (const row of result.openingRows) {
      const combo = dimensions.map((d) => label(row[d]));
      const entry = opening.get(keyOf(combo)) ?? {};
      for (const m of result.plan.balanceMeasures) entry[m] = num(row[m]);
      opening.set(keyOf(combo), entry);
    }
  }

  const combos =
    input.combos?.map((c) => [...c]) ??
    (dimensions.length === 0 ? [[]] : [...seen.values()].sort((a, b) => compareCombos(a, b)));
  const balances = input.results.flatMap((r) => r.plan.balanceMeasures.map((m) => ({ m, at: balanceKind(r.plan.fact, m) })));
  const buckets = input.buckets ?? [null];

  const totalValues: Record<string, number> = {};
  for (const result of input.results) {
    for (const m of result.plan.flowMeasures) totalValues[m] = num(result.totals[m]);
    for (const m of result.plan.balanceMeasures) {
      const before = num(result.openingTotals[m]);
      totalValues[m] = balanceKind(result.plan.fact, m) === 'start' ? before : before + num(result.totals[m]);
    }
  }
  const totals = Object.fromEntries(metrics.map((metric) => [metric.id, evaluate(metric, totalValues)]));

  // Without a grain or dimensions the only row is the whole period.
  if (input.buckets === null && dimensions.length === 0) return { rows: [{ ...totals }], totals, combos: [[]] };

  const rows: ResultRow[] = [];
  for (const combo of combos) {
    const comboKey = keyOf(combo);
    const running = Object.fromEntries(
      balances.map(({ m }) => [m, dimensions.length === 0 ? totalOpening(input.results, m) : (opening.get(comboKey)?.[m] ?? 0)]),
    );
    for (const bucket of buckets) {
      const cell = cells.get(keyOf([bucket, ...combo])) ?? {};
      const values: Record<string, number> = { ...cell };
      for (const { m, at } of balances) {
        const delta = cell[m] ?? 0;
        values[m] = at === 'start' ? running[m] : running[m] + delta;
        running[m] += delta;
      }
      const row: ResultRow = {};
      if (bucket !== null) row[BUCKET] = bucket;
      dimensions.forEach((d, i) => (row[d] = combo[i]));
      for (const metric of metrics) row[metric.id] = evaluate(metric, values);
      rows.push(row);
    }
  }

  return { rows, totals, combos };
}

function evaluate(metric: CatalogMetric, values: Record<string, number>): MetricValue {
  return evaluateFormula(metric.node, (measure) => values[measure] ?? 0);
}

function totalOpening(results: readonly FactResults[], measure: string): number {
  const result = results.find((r) => r.plan.balanceMeasures.includes(measure));
  return num(result?.openingTotals[measure]);
}

function balanceKind(fact: FactQueries['fact'], measure: string): 'start' | 'end' {
  return (FACTS[fact].measures as Record<string, { balance?: 'start' | 'end' }>)[measure].balance ?? 'end';
}

function compareCombos(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = a[i].localeCompare(b[i]);
    if (c !== 0) return c;
  }
  return 0;
}

/** % change from the comparison value to the current one; null when there is nothing to compare with. */
export function percentChange(current: MetricValue, previous: MetricValue): MetricValue {
  if (current === null || previous === null || previous === 0) return null;
  return ((current - previous) / Math.abs(previous)) * 100;
}
