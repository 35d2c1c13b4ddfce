// The shape of a KPI formula, read off its tree: the additive terms it sums,
// the multiplicative factors (with exponents) of a product or quotient, and
// whether it is a sum of measures or a ratio of two sums of measures — the
// two shapes whose change splits across segments. Pure.
import { formatFormula, type FormulaNode } from '../metrics/formula.js';

/** A term of a sum: the subtree and the sign it is added with. */
export interface SignedTerm {
  readonly node: FormulaNode;
  readonly sign: 1 | -1;
}

/** A factor of a product: the subtree, its printed form (its identity) and its power. */
export interface Factor {
  readonly node: FormulaNode;
  readonly key: string;
  readonly exponent: number;
}

/** constant × Π factorᵉˣᵖᵒⁿᵉⁿᵗ, factors of equal form merged and cancelled. */
export interface ProductForm {
  readonly constant: number;
  readonly factors: readonly Factor[];
}

/** scale × numerator / denominator, both sums (or differences) of measures. */
export interface RatioShape {
  readonly numerator: FormulaNode;
  readonly denominator: FormulaNode;
  readonly scale: number;
}

/**
 * The terms a formula adds up, with their signs (numbers included).
 *
 * @example
 * additiveTerms(parseFormula('a - (b + c)')).map((t) => [formatFormula(t.node), t.sign]) // → [['a', 1], ['b', -1], ['c', -1]]
 */
export function additiveTerms(node: FormulaNode, sign: 1 | -1 = 1): SignedTerm[] {
  if (node.kind === 'negate') return additiveTerms(node.operand, flip(sign));
  if (node.kind === 'binary' && (node.op === '+' || node.op === '-')) {
    return [...additiveTerms(node.left, sign), ...additiveTerms(node.right, node.op === '-' ? flip(sign) : sign)];
  }
  return [{ node, sign }];
}

/**
 * A formula as constant × a product of powers of its non-constant parts; a
 * sum is one part. A part that appears above and below the line cancels.
 *
 * @example
 * productForm(parseFormula('(a / n) / (b / 12 / n)')) // → { constant: 12, factors: [a¹, b⁻¹] }
 */
export function productForm(node: FormulaNode): ProductForm {
  const factors = new Map<string, Factor>();
  let constant = 1;
  const walk = (n: FormulaNode, exponent: number): void => {
    if (n.kind === 'number') constant *= n.value ** exponent;
    else if (n.kind === 'negate') {
      constant = -constant;
      walk(n.operand, exponent);
    } else if (n.kind === 'binary' && (n.op === '*' || n.op === '/')) {
      walk(n.left, exponent);
      walk(n.right, n.op === '/' ? -exponent : exponent);
    } else {
      const key = formatFormula(n);
      const known = factors.get(key);
      factors.set(key, { node: n, key, exponent: (known?.exponent ?? 0) + exponent });
    }
  };
  walk(node, 1);
  return { constant, factors: [...factors.values()].filter((f) => f.exponent !== 0) };
}

/**
 * True for a sum or difference of measures, each optionally times a number
 * (cost, engagements = a + b + c): its value over segments is the sum of theirs.
 *
 * @example
 * isSumOfMeasures(parseFormula('ad_likes + ad_shares')) // → true
 */
export function isSumOfMeasures(node: FormulaNode): boolean {
  return additiveTerms(node).every(({ node: term }) => {
    const form = productForm(term);
    return form.factors.length === 1 && form.factors[0].exponent === 1 && form.factors[0].node.kind === 'metric' && Number.isFinite(form.constant);
  });
}

/**
 * The formula as scale × N / D with N and D sums of measures, or null.
 *
 * @example
 * ratioShape(parseFormula('clicks / impressions * 100')) // → { numerator: clicks, denominator: impressions, scale: 100 }
 * ratioShape(parseFormula('(revenue - cost) / cost * 100')) // → { numerator: revenue - cost, denominator: cost, scale: 100 }
 */
export function ratioShape(node: FormulaNode): RatioShape | null {
  const form = productForm(node);
  if (!Number.isFinite(form.constant) || form.constant === 0) return null;
  const above = form.factors.filter((f) => f.exponent === 1);
  const below = form.factors.filter((f) => f.exponent === -1);
  if (above.length !== 1 || below.length !== 1 || form.factors.length !== 2) return null;
  if (!isSumOfMeasures(above[0].node) || !isSumOfMeasures(below[0].node)) return null;
  return { numerator: above[0].node, denominator: below[0].node, scale: form.constant };
}

const flip = (sign: 1 | -1): 1 | -1 => (sign === 1 ? -1 : 1);
