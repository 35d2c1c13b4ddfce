// The frequentist readout of one treatment against the control: the lift
// with its confidence intervals and a two-sided test. Rates: the pooled
// two-proportion z test, Wald intervals from the unpooled standard error.
// Means: Welch's t test with Welch–Satterthwaite degrees of freedom, t
// intervals. The relative lift's interval uses the delta method's standard
// error with the same critical value. Sequential results replace the
// intervals by the confidence sequence and the p-value by its always-valid
// counterpart (confidence-sequence.ts). Where every unit has the same value
// there is nothing to test: the statistic and p-value are null, not NaN.
import type { RateVariant } from './experiment-input.js';
import { alwaysValidPValue, confidenceSequenceHalfwidth, sequentialRho } from './confidence-sequence.js';
import { estimateLift, type Lift } from './lift.js';
import { normalQuantile, twoSidedNormalPValue } from './normal-distribution.js';
import { studentTQuantile, twoSidedStudentTPValue } from './student-t.js';
import { rateMoments, type Moments } from './variant-moments.js';

export type Interval = [number, number];

export interface FrequentistComparison {
  absolute: { estimate: number; ci: Interval };
  /** Null when the control's value is 0. */
  relative: { estimate: number; ci: Interval } | null;
  /** z for rates, t for means; value null where the test's standard error is 0. df: Welch–Satterthwaite (t only). */
  statistic: { name: 'z' | 't'; value: number | null; df: number | null };
  /** Two-sided; always valid when sequential. Null with the statistic. */
  pValue: number | null;
}

export interface FrequentistOptions {
  alpha: number;
  /** The confidence sequence's N*; null for fixed-horizon intervals and p-values. */
  sequentialTuning: number | null;
}

/**
 * Two-proportion z test (pooled) and Wald intervals for a rate.
 *
 * @example
 * compareRatesFrequentist({ name: 'A', n: 1000, conversions: 100 }, { name: 'B', n: 1000, conversions: 120 }, { alpha: 0.05, sequentialTuning: null })
 * // → { absolute: { estimate: 0.02, ci: [−0.00741, 0.04741] }, statistic: { name: 'z', value: 1.4293, df: null }, pValue: 0.1529, … } (rounded)
 */
export function compareRatesFrequentist(control: RateVariant, treatment: RateVariant, options: FrequentistOptions): FrequentistComparison {
  const lift = estimateLift(rateMoments(control), rateMoments(treatment));
  const pooled = (control.conversions + treatment.conversions) / (control.n + treatment.n);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / control.n + 1 / treatment.n));
  const z = pooledSe > 0 ? lift.absolute / pooledSe : null;
  const fixed = { critical: normalQuantile(1 - options.alpha / 2), pValue: z === null ? null : twoSidedNormalPValue(z) };
  return readout(lift, { name: 'z', value: z, df: null }, fixed, control.n + treatment.n, options);
}

/**
 * Welch's t test and t intervals for a mean, from each variant's moments.
 *
 * @example
 * compareMeansFrequentist({ n: 15, mean: 20.82, variance: 7.867429 }, { n: 15, mean: 22.98667, variance: 3.812667 }, { alpha: 0.05, sequentialTuning: null })
 * // → { statistic: { name: 't', value: 2.4554, df: 24.989 }, pValue: 0.0214, … } (rounded)
 */
export function compareMeansFrequentist(control: Moments, treatment: Moments, options: FrequentistOptions): FrequentistComparison {
  const lift = estimateLift(control, treatment);
  const df = welchDegreesOfFreedom(control, treatment);
  const t = lift.absoluteSe > 0 ? lift.absolute / lift.absoluteSe : null;
  const fixed =
    t === null || df === null
      ? { critical: normalQuantile(1 - options.alpha / 2), pValue: null }
      : { critical: studentTQuantile(1 - options.alpha / 2, df), pValue: twoSidedStudentTPValue(t, df) };
  return readout(lift, { name: 't', value: t, df: t === null ? null : df }, fixed, control.n + treatment.n, options);
}

/**
 * ν = (v_C + v_T)² / (v_C²/(n_C − 1) + v_T²/(n_T − 1)) with v = s²/n; null when
 * both variances are 0. Between min(n) − 1 and n_C + n_T − 2.
 *
 * @example
 * welchDegreesOfFreedom({ n: 10, mean: 0, variance: 1 }, { n: 10, mean: 0, variance: 1 }) // → 18
 */
export function welchDegreesOfFreedom(control: Moments, treatment: Moments): number | null {
  const vc = control.variance / control.n;
  const vt = treatment.variance / treatment.n;
  if (!(vc + vt > 0)) return null;
  // In shares of the total, so that tiny variances cannot underflow to 0/0.
  const shareC = vc / (vc + vt);
  const shareT = vt / (vc + vt);
  return 1 / ((shareC * shareC) / (control.n - 1) + (shareT * shareT) / (treatment.n - 1));
}

function readout(lift: Lift, statistic: FrequentistComparison['statistic'], fixed: { critical: number; pValue: number | null }, totalN: number, options: FrequentistOptions): FrequentistComparison {
  const halfwidth = intervalHalfwidth(fixed.critical, totalN, options);
  const pValue = options.sequentialTuning === null || statistic.value === null ? fixed.pValue : alwaysValidPValue(lift.absolute, lift.absoluteSe, totalN, sequentialRho(options.alpha, options.sequentialTuning));
  return {
    absolute: { estimate: lift.absolute, ci: around(lift.absolute, halfwidth(lift.absoluteSe)) },
    relative: lift.relative === null || lift.relativeSe === null ? null : { estimate: lift.relative, ci: around(lift.relative, halfwidth(lift.relativeSe)) },
    statistic,
    pValue,
  };
}

/** Half an interval's width for a standard error: critical × se, or the confidence sequence's. */
function intervalHalfwidth(critical: number, totalN: number, options: FrequentistOptions): (se: number) => number {
  if (options.sequentialTuning === null) return (se) => critical * se;
  const rho = sequentialRho(options.alpha, options.sequentialTuning);
  return (se) => confidenceSequenceHalfwidth(se, totalN, options.alpha, rho);
}

const around = (estimate: number, halfwidth: number): Interval => [estimate - halfwidth, estimate + halfwidth];
