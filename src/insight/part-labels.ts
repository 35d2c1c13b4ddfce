// Words for the parts of a formula: a measure is named as the catalog names
// the metric that is exactly that measure (cost → "Cost"), else from its id
// (non_media_cost → "Non media cost"); a sum of measures by its terms. Pure.
import { CATALOG } from '../metrics/catalog.js';
import { formatFormula, type FormulaNode } from '../metrics/formula.js';
import { additiveTerms } from './formula-shape.js';

const MEASURE_LABELS: ReadonlyMap<string, string> = new Map(
  CATALOG.filter((metric) => metric.node.kind === 'metric').map((metric) => [(metric.node as { id: string }).id, metric.label]),
);

/**
 * @example measureLabel('cost') // → 'Cost'
 * @example measureLabel('non_media_cost') // → 'Non media cost'
 */
export function measureLabel(measure: string): string {
  const known = MEASURE_LABELS.get(measure);
  if (known) return known;
  const words = measure.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A part of a formula in words: a measure by its label, a sum by its terms.
 *
 * @example partLabel(parseFormula('cost + non_media_cost')) // → 'Cost + Non media cost'
 */
export function partLabel(node: FormulaNode): string {
  if (node.kind === 'metric') return measureLabel(node.id);
  const terms = additiveTerms(node);
  if (terms.length > 1 && terms.every((t) => t.node.kind === 'metric')) {
    return terms.map((t, i) => `${i === 0 ? (t.sign < 0 ? '-' : '') : t.sign < 0 ? ' - ' : ' + '}${partLabel(t.node)}`).join('');
  }
  return formatFormula(node);
}
