// A KPI's change split along its formula into parts that add up exactly to
// the change: a known factorisation when the metric has one and its measures
// are given (CPA → CPC and CVR), else the formula itself — a sum splits into
// its terms' changes, a product or ratio into its factors by the symmetric
// (Shapley) split, constants included, so nothing is left over. Pure.
import { formatFormula, formulaMetricIds, parseFormula, type FormulaNode } from '../metrics/formula.js';
import { additiveTerms, productForm } from './formula-shape.js';
import { KNOWN_FACTORISATIONS, type Factorisation } from './known-factorisations.js';
import { hasMeasures, valueOf, type MeasureValues } from './measure-values.js';
import { partLabel } from './part-labels.js';
import { shapleySplit } from './shapley-split.js';

/** What the split needs of a metric: its id (to find a known factorisation) and formula over measures. */
export interface DecomposableMetric {
  readonly id: string;
  readonly label: string;
  readonly node: FormulaNode;
}

export interface FormulaDriver {
  /** A measure id, a factor id of a known factorisation (cpc), or the printed part of the formula. */
  readonly id: string;
  readonly label: string;
  /** The part's own value before and now (CPC 1 → 1.1). */
  readonly previous: number | null;
  readonly current: number | null;
  /** Its own change in percent; null from 0. */
  readonly changePercent: number | null;
  /** Its part in the KPI's change, in the KPI's unit; the parts add up to the change. */
  readonly contribution: number;
  /** contribution / change × 100; null when the KPI did not change. */
  readonly sharePercent: number | null;
}

/** known-factors: a known factorisation; formula: the formula's own terms and factors; whole: one part, the KPI itself. */
export type DriverMethod = 'known-factors' | 'formula' | 'whole';

export interface FormulaDrivers {
  readonly method: DriverMethod;
  /** Largest part (either way) first. */
  readonly parts: readonly FormulaDriver[];
}

interface RawPart {
  readonly id: string;
  readonly label: string;
  readonly previous: number | null;
  readonly current: number | null;
  contribution: number;
}

const PARSED = new Map<string, FormulaNode>();
const parsed = (text: string): FormulaNode => {
  let node = PARSED.get(text);
  if (!node) PARSED.set(text, (node = parseFormula(text)));
  return node;
};

/**
 * The parts of the KPI's change along its formula, or null when the KPI has
 * no value in one of the periods (a denominator of 0).
 *
 * @example
 * // CPA 20 → 25: CPC 1 → 1.1 and CVR 5 % → 4.4 %.
 * formulaDrivers(CATALOG_BY_ID.get('cpa')!, { cost: 100, clicks: 100, conversions: 5 }, { cost: 110, clicks: 100, conversions: 4.4 })
 * // → { method: 'known-factors', parts: [{ id: 'cvr', contribution: 2.8636, … }, { id: 'cpc', contribution: 2.1364, … }] }
 */
export function formulaDrivers(metric: DecomposableMetric, previous: MeasureValues, current: MeasureValues): FormulaDrivers | null {
  const before = valueOf(metric.node, previous);
  const after = valueOf(metric.node, current);
  if (before === null || after === null) return null;
  const change = after - before;
  const known = KNOWN_FACTORISATIONS.get(metric.id);
  const attempts: [DriverMethod, () => RawPart[] | null][] = [
    ['known-factors', () => (known ? knownFactorParts(known, previous, current) : null)],
    ['formula', () => formulaParts(metric.node, 1, previous, current)],
  ];
  for (const [method, attempt] of attempts) {
    const parts = attempt();
    if (parts) return { method, parts: finish(parts, change) };
  }
  return { method: 'whole', parts: finish([{ id: metric.id, label: metric.label, previous: before, current: after, contribution: change }], change) };
}

function knownFactorParts(factorisation: Factorisation, previous: MeasureValues, current: MeasureValues): RawPart[] | null {
  const factors = factorisation.factors.map((f) => ({ ...f, node: parsed(f.compute) }));
  if (!factors.every((f) => hasMeasures(formulaMetricIds(f.node), previous) && hasMeasures(formulaMetricIds(f.node), current))) return null;
  const before = factors.map((f) => valueOf(f.node, previous));
  const after = factors.map((f) => valueOf(f.node, current));
  if (before.some((v) => v === null) || after.some((v) => v === null)) return null;
  const combine = parsed(factorisation.combine);
  const split = shapleySplit(factors.length, (now) => valueOf(combine, Object.fromEntries(factors.map((f, i) => [f.id, now[i] ? after[i] : before[i]]))));
  if (!split) return null;
  return factors.map((f, i) => ({ id: f.id, label: f.label, previous: before[i], current: after[i], contribution: split[i] }));
}

/** scale × node's change, split into parts; null when some mix of the periods has no value. */
function formulaParts(node: FormulaNode, scale: number, previous: MeasureValues, current: MeasureValues): RawPart[] | null {
  const terms = additiveTerms(node).filter((t) => t.node.kind !== 'number');
  if (terms.length > 1) {
    const parts: RawPart[] = [];
    for (const term of terms) {
      const own = formulaParts(term.node, scale * term.sign, previous, current);
      if (!own) return null;
      parts.push(...own);
    }
    return merge(parts);
  }
  if (terms.length === 0) return [];
  const term = terms[0];
  const form = productForm(term.node);
  const constant = scale * term.sign * form.constant;
  if (!Number.isFinite(constant)) return null;
  const { factors } = form;
  if (factors.length === 0) return [];
  if (factors.length === 1 && factors[0].exponent === 1 && factors[0].node.kind !== 'metric') {
    return formulaParts(factors[0].node, constant, previous, current);
  }
  const before = factors.map((f) => valueOf(f.node, previous));
  const after = factors.map((f) => valueOf(f.node, current));
  if (before.some((v) => v === null) || after.some((v) => v === null)) return null;
  const split = shapleySplit(factors.length, (now) =>
    factors.reduce((product, f, i) => product * (now[i] ? after[i]! : before[i]!) ** f.exponent, constant),
  );
  if (!split) return null;
  return factors.map((f, i) => ({
    id: f.node.kind === 'metric' ? f.node.id : formatFormula(f.node),
    label: partLabel(f.node),
    previous: before[i],
    current: after[i],
    contribution: split[i],
  }));
}

/** One part per id: a measure in several terms moves the KPI by the sum of its parts. */
function merge(parts: readonly RawPart[]): RawPart[] {
  const byId = new Map<string, RawPart>();
  for (const part of parts) {
    const known = byId.get(part.id);
    if (known) known.contribution += part.contribution;
    else byId.set(part.id, { ...part });
  }
  return [...byId.values()];
}

function finish(parts: readonly RawPart[], change: number): FormulaDriver[] {
  return parts
    .map((p) => ({
      ...p,
      changePercent: p.previous === null || p.current === null || p.previous === 0 ? null : ((p.current - p.previous) / Math.abs(p.previous)) * 100,
      sharePercent: change === 0 ? null : (p.contribution / change) * 100,
    }))
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.id.localeCompare(b.id));
}
