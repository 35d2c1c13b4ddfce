// The money a segment loses by performing below the workspace: its spend less
// what the same result would have cost at the workspace's rate. For a cost
// per result (CPA, lower is better) that is cost − conversions × workspace
// CPA; for a return or a rate (ROAS, CTR, higher is better) spend × (1 −
// value / workspace), the share of spend the shortfall wastes. Negative when
// the segment does better. Pure.

/**
 * The excess cost of a segment with KPI `value` against the workspace's.
 * A segment with no value (no denominator) is judged only where that means
 * no result at all for a cost per result: its whole spend is at stake.
 *
 * @example excessCost(500, 25, 20, 'down') // → 100 (500 − 20 conversions × 20)
 * @example excessCost(1000, 2, 4, 'up') // → 500 (ROAS 2 where the workspace makes 4)
 * @example excessCost(500, null, 20, 'down', 0) // → 500 (spent 500, converted nothing)
 */
export function excessCost(spend: number, value: number | null, workspace: number, direction: 'up' | 'down', denominator?: number): number {
  if (!(spend > 0) || !(workspace > 0)) return 0;
  if (value === null) return direction === 'down' && denominator === 0 ? spend : 0;
  if (direction === 'up') return spend * (1 - value / workspace);
  // Lower is better: the spend the segment's results would cost at the workspace value.
  return value > 0 ? spend * (1 - workspace / value) : 0;
}
