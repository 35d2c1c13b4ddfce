// An A/B experiment's readout from its sufficient statistics: per variant its
// value and, for each treatment against the control, the lift with its
// confidence interval, the z (rates) or Welch t (means) test, the p-value and
// its Benjamini–Hochberg adjustment across the treatments, the probability to
// beat the control and the expected losses; CUPED when a covariate is given;
// the sample ratio check; and the warnings. The shape of
// POST /v1/experiments/analyze and `beacon experiment`.
import { compareMeansBayesian, compareRatesBayesian, type BayesianComparison } from './bayesian-comparison.js';
import { sequentialRho } from './confidence-sequence.js';
import { adjustCuped, type CupedResult } from './cuped.js';
import type { ExperimentStats, MeanVariant, RateVariant } from './experiment-input.js';
import { compareMeansFrequentist, compareRatesFrequentist, type FrequentistComparison, type Interval } from './frequentist-comparison.js';
import { adjustBenjaminiHochberg } from './multiple-testing.js';
import { warnReadout, type ReadoutWarning } from './readout-warnings.js';
import { checkSampleRatio, SRM_THRESHOLD } from './sample-ratio.js';
import { meanMoments, rateMoments, type Moments } from './variant-moments.js';

export interface VariantReadout {
  name: string;
  n: number;
  is_control: boolean;
  /** The conversion rate or the mean. */
  value: number;
  /** CUPED: the mean adjusted for the covariate (what the lift compares); null without a covariate. */
  adjusted_value: number | null;
  /** Treatments: the lift over the control; `ci` is the absolute lift's interval. Null for the control. */
  lift: { absolute: number; relative: number | null; ci: Interval; relative_ci: Interval | null } | null;
  /** Rates: the pooled two-proportion z statistic (null for the control or where nothing varies). */
  z?: number | null;
  /** Means: Welch's t and its Welch–Satterthwaite degrees of freedom. */
  t?: number | null;
  df?: number | null;
  /** Two-sided (always valid when sequential). */
  p_value: number | null;
  /** Benjamini–Hochberg across the treatments. */
  p_value_adjusted: number | null;
  probability_to_beat_control: number | null;
  /** In the metric's units: what shipping this variant, or keeping the control, is expected to lose. */
  expected_loss: { choose_variant: number; keep_control: number } | null;
  /** CUPED: this variant's share of variance removed and its metric–covariate correlation. */
  cuped: { variance_reduction: number; correlation: number | null } | null;
}

export interface ExperimentReadout {
  kind: 'rate' | 'mean';
  control: string;
  alpha: number;
  /** Rates: the Beta prior of the posteriors. */
  prior: { alpha: number; beta: number } | null;
  /** Sequential testing: the tuning N* and the mixing parameter ρ; null for fixed-horizon results. */
  sequential: { tuning: number; rho: number } | null;
  /** CUPED: θ over all units; null without a covariate. */
  cuped: { theta: number } | null;
  variants: VariantReadout[];
  srm: { chi_square: number; df: number; p_value: number; flagged: boolean; threshold: number; expected: number[] };
  warnings: ReadoutWarning[];
}

interface Comparison {
  frequentist: FrequentistComparison;
  bayesian: BayesianComparison;
}

/**
 * The readout of checked experiment stats.
 *
 * @example
 * analyzeExperiment(parseExperimentStats(checkExperimentBody({ kind: 'rate', variants: [{ name: 'A', n: 10000, conversions: 1000 }, { name: 'B', n: 10000, conversions: 1100 }] })))
 * // → { control: 'A', variants: [{ name: 'A', value: 0.1, lift: null, … }, { name: 'B', value: 0.11, lift: { absolute: 0.01, relative: 0.1, ci: […] }, z: 2.31, p_value: 0.021, probability_to_beat_control: 0.99, … }], srm: { p_value: 1, flagged: false, … }, warnings: [] }
 */
export function analyzeExperiment(stats: ExperimentStats): ExperimentReadout {
  const options = { alpha: stats.alpha, sequentialTuning: stats.sequentialTuning };
  const cuped = stats.kind === 'mean' ? cupedOf(stats.variants) : null;
  const moments: Moments[] = stats.kind === 'rate' ? stats.variants.map(rateMoments) : stats.variants.map((v, i) => cuped?.variants[i].adjusted ?? meanMoments(v));
  const c = stats.controlIndex;
  const comparisons: (Comparison | null)[] = stats.variants.map((_, i) => {
    if (i === c) return null;
    if (stats.kind === 'rate') {
      const [control, treatment] = [stats.variants[c], stats.variants[i]];
      return { frequentist: compareRatesFrequentist(control, treatment, options), bayesian: compareRatesBayesian(control, treatment, stats.prior) };
    }
    return { frequentist: compareMeansFrequentist(moments[c], moments[i], options), bayesian: compareMeansBayesian(moments[c], moments[i]) };
  });
  const adjusted = adjustBenjaminiHochberg(comparisons.filter((x) => x !== null).map((x) => x.frequentist.pValue));
  let treatment = 0;
  const variants = stats.variants.map((v, i) => variantReadout(stats.kind, v, i === c, comparisons[i], i === c ? null : adjusted[treatment++], cuped, i));
  const srm = checkSampleRatio(
    stats.variants.map((v) => v.n),
    stats.plannedSplit,
  );
  const control = stats.variants[c].name;
  const warnings = warnReadout({
    kind: stats.kind,
    control,
    srm,
    variants: stats.variants.map((v, i) => ({
      name: v.name,
      n: v.n,
      conversions: stats.kind === 'rate' ? (v as RateVariant).conversions : null,
      isControl: i === c,
      relativeLift: comparisons[i]?.frequentist.relative?.estimate ?? null,
      noVariance: comparisons[i] !== null && comparisons[i].frequentist.statistic.value === null,
      approximate: comparisons[i]?.bayesian.method === 'normal-approximation' && stats.kind === 'rate',
    })),
  });
  return {
    kind: stats.kind,
    control,
    alpha: stats.alpha,
    prior: stats.kind === 'rate' ? { ...stats.prior } : null,
    sequential: stats.sequentialTuning === null ? null : { tuning: stats.sequentialTuning, rho: sequentialRho(stats.alpha, stats.sequentialTuning) },
    cuped: cuped === null ? null : { theta: cuped.theta },
    variants,
    srm: { chi_square: srm.chiSquare, df: srm.df, p_value: srm.pValue, flagged: srm.flagged, threshold: SRM_THRESHOLD, expected: srm.expected },
    warnings,
  };
}

/** CUPED over the variants when they carry a covariate (all or none do). */
function cupedOf(variants: MeanVariant[]): CupedResult | null {
  if (variants.some((v) => v.covariate === null)) return null;
  return adjustCuped(variants.map((v) => ({ n: v.n, sum: v.sum, sumSquares: v.sumSquares, covariate: v.covariate! })));
}

function variantReadout(
  kind: 'rate' | 'mean',
  v: RateVariant | MeanVariant,
  isControl: boolean,
  comparison: Comparison | null,
  pValueAdjusted: number | null,
  cuped: CupedResult | null,
  index: number,
): VariantReadout {
  const value = kind === 'rate' ? (v as RateVariant).conversions / v.n : (v as MeanVariant).sum / v.n;
  const f = comparison?.frequentist ?? null;
  const b = comparison?.bayesian ?? null;
  const statistic = kind === 'rate' ? { z: f?.statistic.value ?? null } : { t: f?.statistic.value ?? null, df: f?.statistic.df ?? null };
  const adjustment = cuped?.variants[index] ?? null;
  return {
    name: v.name,
    n: v.n,
    is_control: isControl,
    value,
    adjusted_value: adjustment?.adjusted.mean ?? null,
    lift: f === null ? null : { absolute: f.absolute.estimate, relative: f.relative?.estimate ?? null, ci: f.absolute.ci, relative_ci: f.relative?.ci ?? null },
    ...statistic,
    p_value: f?.pValue ?? null,
    p_value_adjusted: pValueAdjusted,
    probability_to_beat_control: b?.probabilityToBeatControl ?? null,
    expected_loss: b === null ? null : { choose_variant: b.lossOfTreatment, keep_control: b.lossOfControl },
    cuped: adjustment === null ? null : { variance_reduction: adjustment.varianceReduction, correlation: adjustment.correlation },
  };
}
