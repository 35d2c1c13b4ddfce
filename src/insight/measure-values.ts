// The measures of a metric in one period (or one segment of it), as given to
// the insight functions: aggregates by measure id, where null or a missing
// measure (no rows) counts as 0, and the metric's value evaluated from them. Pure.
import { evaluateFormula, type FormulaNode } from '../metrics/formula.js';

/** Aggregated measures by id (cost, conversions, …); null or missing counts as 0. */
export type MeasureValues = Readonly<Record<string, number | null | undefined>>;

/**
 * A formula over measures evaluated on one period's values; null where a
 * denominator is 0.
 *
 * @example valueOf(parseFormula('cost / conversions'), { cost: 100, conversions: 4 }) // → 25
 * @example valueOf(parseFormula('cost / conversions'), { cost: 100, conversions: null }) // → null
 */
export function valueOf(node: FormulaNode, values: MeasureValues): number | null {
  return evaluateFormula(node, (id) => values[id] ?? 0);
}

/**
 * True when every measure the formula reads is given (a null counts as given: it is 0).
 *
 * @example hasMeasures(['cost', 'clicks'], { cost: 5, clicks: null }) // → true
 */
export function hasMeasures(measures: readonly string[], values: MeasureValues): boolean {
  return measures.every((id) => values[id] !== undefined);
}
