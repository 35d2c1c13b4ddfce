// Sample ratio mismatch: whether units reached the variants in the planned
// proportions. Pearson's chi-square goodness-of-fit test of the observed
// counts against the planned split, k − 1 degrees of freedom; flagged below
// p = 0.001 (GrowthBook's threshold), since a real mismatch (a redirect that
// loses users, a bot filter on one arm) invalidates every other number.
import { chiSquareSurvival } from './incomplete-gamma.js';

/** p-values below this flag a mismatch. */
export const SRM_THRESHOLD = 0.001;

export interface SampleRatioCheck {
  chiSquare: number;
  df: number;
  pValue: number;
  flagged: boolean;
  /** The counts the planned split expects, in variant order. */
  expected: number[];
}

/**
 * χ² = Σ (observed − expected)² / expected with expected = total × share.
 *
 * @example
 * checkSampleRatio([50_000, 51_000], [0.5, 0.5])
 * // → { chiSquare: 9.901, df: 1, pValue: 0.00165, flagged: false, expected: [50500, 50500] } (rounded)
 */
export function checkSampleRatio(counts: readonly number[], plannedSplit: readonly number[], threshold = SRM_THRESHOLD): SampleRatioCheck {
  if (counts.length !== plannedSplit.length || counts.length < 2) throw new RangeError(`a sample ratio check needs one share per variant and 2 or more variants, got ${counts.length} counts and ${plannedSplit.length} shares`);
  const total = counts.reduce((a, b) => a + b, 0);
  const shares = plannedSplit.reduce((a, b) => a + b, 0);
  const expected = plannedSplit.map((share) => (total * share) / shares);
  const chiSquare = total === 0 ? 0 : counts.reduce((sum, observed, i) => sum + (observed - expected[i]) ** 2 / expected[i], 0);
  const df = counts.length - 1;
  const pValue = chiSquareSurvival(chiSquare, df);
  return { chiSquare, df, pValue, flagged: pValue < threshold, expected };
}
