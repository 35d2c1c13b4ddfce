// What a reader must know before trusting a readout, with GrowthBook's
// default thresholds: too little data (fewer than 150 conversions, or 150
// units for a mean, in a variant), a lift too large to be believed without a
// second look (|relative lift| above 50 %), a sample ratio mismatch, and
// results that could not be computed as usual.
import type { SampleRatioCheck } from './sample-ratio.js';

/** A variant with fewer conversions (rates) or units (means) than this is too small to read. */
export const MIN_SAMPLE = 150;
/** A relative lift beyond ±50 % is more often a bug in tracking than a real effect. */
export const SUSPICIOUS_LIFT = 0.5;

export type WarningCode = 'too_little_data' | 'suspicious_lift' | 'sample_ratio_mismatch' | 'no_variance' | 'zero_control' | 'approximate_probability';

export interface ReadoutWarning {
  code: WarningCode;
  /** The variant it concerns; null for the experiment as a whole. */
  variant: string | null;
  message: string;
}

/** What warnReadout looks at, per variant in order. */
export interface WarningFacts {
  kind: 'rate' | 'mean';
  control: string;
  variants: {
    name: string;
    n: number;
    /** Rates only. */
    conversions: number | null;
    /** Treatments only: the relative lift (null where the control's value is 0). */
    relativeLift: number | null;
    /** Treatments only: the test's statistic could not be computed (no unit differs). */
    noVariance: boolean;
    /** Treatments only: the Bayesian probability came from a normal approximation of the beta posteriors. */
    approximate: boolean;
    isControl: boolean;
  }[];
  srm: SampleRatioCheck;
}

/**
 * The warnings of a readout, the experiment-wide ones first.
 *
 * @example
 * warnReadout({ kind: 'rate', control: 'A', srm, variants: [{ name: 'A', n: 900, conversions: 90, isControl: true, … }, { name: 'B', n: 1100, conversions: 180, relativeLift: 0.64, … }] })
 * // → [{ code: 'sample_ratio_mismatch', … }, { code: 'too_little_data', variant: 'A', … }, { code: 'suspicious_lift', variant: 'B', … }]
 */
export function warnReadout(facts: WarningFacts): ReadoutWarning[] {
  const warnings: ReadoutWarning[] = [];
  const { srm } = facts;
  if (srm.flagged) {
    warnings.push({
      code: 'sample_ratio_mismatch',
      variant: null,
      message: `units reached the variants out of the planned proportions (χ² = ${srm.chiSquare.toFixed(2)}, p = ${srm.pValue.toExponential(2)} < 0.001): look for lost or filtered units before reading any result`,
    });
  }
  for (const v of facts.variants) {
    const sample = facts.kind === 'rate' ? (v.conversions ?? 0) : v.n;
    if (sample < MIN_SAMPLE) {
      const what = facts.kind === 'rate' ? 'conversions' : 'units';
      warnings.push({ code: 'too_little_data', variant: v.name, message: `${v.name} has ${sample} ${what}, fewer than ${MIN_SAMPLE}: its result can still swing widely` });
    }
    if (v.isControl) continue;
    if (v.relativeLift === null) warnings.push({ code: 'zero_control', variant: v.name, message: `the control ${facts.control} has a value of 0, so ${v.name} has no relative lift` });
    else if (Math.abs(v.relativeLift) > SUSPICIOUS_LIFT) {
      warnings.push({ code: 'suspicious_lift', variant: v.name, message: `${v.name} moves the metric by ${(v.relativeLift * 100).toFixed(1)} % against ${facts.control}, more than ${SUSPICIOUS_LIFT * 100} %: check the tracking before trusting it` });
    }
    if (v.noVariance) warnings.push({ code: 'no_variance', variant: v.name, message: `every unit of ${v.name} and ${facts.control} has the same value, so there is nothing to test` });
    if (v.approximate) {
      warnings.push({ code: 'approximate_probability', variant: v.name, message: `${v.name}'s probability to beat ${facts.control} comes from a normal approximation of the beta posteriors (too many units for the exact sum)` });
    }
  }
  return warnings;
}
