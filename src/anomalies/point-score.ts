// Judging one observation against what a detector expected: the interval
// expected ± z·σ, whether the value falls outside it, how far (the score
// |value − expected| / σ and a severity), and the value the detector carries
// forward in its place so that an anomaly does not drag later expectations along.
import { normalQuantile } from '../experiments/normal-distribution.js';

export type Severity = 'low' | 'medium' | 'high';
export type Direction = 'above' | 'below';

/** One observation judged. */
export interface AnomalyPoint {
  /** The day, or the first day of the week or month. */
  date: string;
  value: number;
  /** The one-step forecast (holt_winters) or the robust centre (the MAD methods). */
  expected: number;
  /** expected − z·σ and expected + z·σ. */
  lower: number;
  upper: number;
  /** True when the value lies outside [lower, upper]. */
  anomaly: boolean;
  /** How far outside: low below 1.5 z·σ from expected, medium below 2 z·σ, high beyond; null inside. */
  severity: Severity | null;
  /** |value − expected| / σ. */
  score: number;
  /** The side of expected the value is on (above when equal). */
  direction: Direction;
}

/** The default sensitivity: points a 99 % prediction interval leaves out are anomalies. */
export const DEFAULT_SENSITIVITY = 0.99;

/**
 * z of a two-sided interval of coverage `sensitivity`.
 *
 * @example thresholdOf(0.99) // → 2.5758
 */
export function thresholdOf(sensitivity: number): number {
  return normalQuantile((1 + sensitivity) / 2);
}

/**
 * A value judged against expected ± z·σ (σ > 0).
 *
 * @example scorePoint('2026-11-02', 130, 100, 5, 2) // → { lower: 90, upper: 110, anomaly: true, severity: 'high', score: 6, direction: 'above', … }
 */
export function scorePoint(date: string, value: number, expected: number, sigma: number, z: number): AnomalyPoint {
  const half = z * sigma;
  const lower = expected - half;
  const upper = expected + half;
  const score = Math.abs(value - expected) / sigma;
  const anomaly = value < lower || value > upper;
  return { date, value, expected, lower, upper, anomaly, severity: anomaly ? severityOf(score / z) : null, score, direction: value >= expected ? 'above' : 'below' };
}

/**
 * The severity of an anomaly whose distance from expected is `ratio` times
 * the interval's half-width: low up to 1.5, medium up to 2, high beyond.
 *
 * @example severityOf(1.7) // → 'medium'
 */
export function severityOf(ratio: number): Severity {
  return ratio >= 2 ? 'high' : ratio >= 1.5 ? 'medium' : 'low';
}

/**
 * What a detector's state takes in for a judged point: the value inside the
 * interval, else the interval's nearer end. Clipping at the bound (rather
 * than dropping the point) is the Huber-type cleaning of robust Holt-Winters
 * (Gelper, Fried & Croux 2010): a spike moves the state no more than an
 * ordinary large value would, and a lasting level shift is still followed.
 *
 * @example cleanedValue({ value: 130, lower: 90, upper: 110, … }) // → 110
 */
export function cleanedValue(point: Pick<AnomalyPoint, 'value' | 'lower' | 'upper'>): number {
  return Math.min(Math.max(point.value, point.lower), point.upper);
}
