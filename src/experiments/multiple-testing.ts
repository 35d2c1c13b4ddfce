// Several treatments (or metrics) tested at once find a "winner" by chance
// more often than α. Benjamini & Hochberg (1995), "Controlling the false
// discovery rate", JRSS B 57(1): adjusted p-values p̃₍ᵢ₎ = min over j ≥ i of
// m p₍ⱼ₎ / j (capped at 1); declaring the p̃ < q keeps the expected share of
// false discoveries at most q. Same values as R's p.adjust(p, "BH").

/**
 * Benjamini–Hochberg adjusted p-values, in the order given; nulls (no test
 * possible) are kept and do not count among the m tests.
 *
 * @example
 * adjustBenjaminiHochberg([0.01, 0.04, 0.03, null]) // → [0.03, 0.04, 0.04, null]
 */
export function adjustBenjaminiHochberg(pValues: readonly (number | null)[]): (number | null)[] {
  const tested = pValues.flatMap((p, i) => (p === null ? [] : [{ p, i }])).sort((x, y) => x.p - y.p);
  const m = tested.length;
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, i } = tested[rank - 1];
    running = Math.min(running, (m * p) / rank);
    adjusted[i] = running;
  }
  return adjusted;
}
