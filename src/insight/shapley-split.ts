// The exact symmetric (Shapley) split of a change f(x₁) − f(x₀) among the
// inputs of f: each input's part is its marginal effect of switching from its
// previous to its current value, averaged over every order of switching. The
// parts add up to the change exactly, for any f, with no residual term; for
// two inputs it is the midpoint rule ½[(f(x₁,y₀) − f(x₀,y₀)) + (f(x₁,y₁) − f(x₀,y₁))].
// Pure.

/** Beyond this many inputs the 2ⁿ evaluations are not worth it. */
export const MAX_SHAPLEY_INPUTS = 12;

/**
 * The parts of each of `count` inputs in value(all current) − value(all
 * previous), where value(current) is f with input i at its current value when
 * current[i] is true. Null when f has no value at some mix of the two periods
 * or there are too many inputs.
 *
 * @example
 * // f = x / y, x 1 → 1.1, y 0.05 → 0.044: f goes 20 → 25.
 * shapleySplit(2, (c) => (c[0] ? 1.1 : 1) / (c[1] ? 0.044 : 0.05)) // → [2.1364, 2.8636] (sum 5)
 */
export function shapleySplit(count: number, value: (current: readonly boolean[]) => number | null): number[] | null {
  if (count > MAX_SHAPLEY_INPUTS) return null;
  const values: number[] = [];
  for (let mask = 0; mask < 1 << count; mask++) {
    const v = value(Array.from({ length: count }, (_, i) => (mask & (1 << i)) !== 0));
    if (v === null || !Number.isFinite(v)) return null;
    values.push(v);
  }
  const factorial = [1];
  for (let i = 1; i <= count; i++) factorial.push(factorial[i - 1] * i);
  const parts = new Array<number>(count).fill(0);
  for (let mask = 0; mask < 1 << count; mask++) {
    const size = popCount(mask);
    for (let i = 0; i < count; i++) {
      if (mask & (1 << i)) continue;
      // |S|! (n − |S| − 1)! / n!: the share of orders in which i switches right after S.
      const weight = (factorial[size] * factorial[count - size - 1]) / factorial[count];
      parts[i] += weight * (values[mask | (1 << i)] - values[mask]);
    }
  }
  return parts;
}

function popCount(mask: number): number {
  let bits = 0;
  for (let m = mask; m; m &= m - 1) bits++;
  return bits;
}
