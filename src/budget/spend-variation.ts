// Whether a channel's history can pin down its response curve: enough days,
// and daily spend that moved enough (by its coefficient of variation and by
// the number of distinct levels it took). A curve fitted from spend that
// barely moved describes only the neighbourhood of that spend.
import { median } from './fit-quality.js';

/** The daily spend the history covered. */
export interface SpendRange {
  min: number;
  max: number;
  median: number;
}

/** How much the daily spend varied, and what that allows. */
export interface SpendVariation {
  range: SpendRange;
  days: number;
  /** Standard deviation over mean of daily spend (0 when the mean is 0). */
  coefficientOfVariation: number;
  /** Spend levels at least IDENTIFIABILITY.levelResolution × the largest spend apart. */
  distinctLevels: number;
  identifiable: boolean;
  /** Why the curve is not identifiable, in plain words (empty when it is). */
  warnings: string[];
}

/** The thresholds: below any of them a curve is not identifiable. */
export const IDENTIFIABILITY = { minDays: 30, minCoefficientOfVariation: 0.1, minDistinctLevels: 5, levelResolution: 0.01 } as const;

/**
 * Summarises daily spend (non-negative, checked by the caller) and judges whether a curve can be identified from it.
 *
 * @example
 * describeSpend([100, 100, 100]).identifiable // → false (3 days, no variation)
 */
export function describeSpend(spend: readonly number[]): SpendVariation {
  const days = spend.length;
  const range = days === 0 ? { min: 0, max: 0, median: 0 } : { min: Math.min(...spend), max: Math.max(...spend), median: median(spend) };
  const mean = days === 0 ? 0 : spend.reduce((a, b) => a + b, 0) / days;
  const variance = days === 0 ? 0 : spend.reduce((s, x) => s + (x - mean) ** 2, 0) / days;
  const coefficientOfVariation = mean > 0 ? Math.sqrt(variance) / mean : 0;
  const distinctLevels = countLevels(spend, IDENTIFIABILITY.levelResolution * range.max);
  const warnings: string[] = [];
  const { minDays, minCoefficientOfVariation, minDistinctLevels } = IDENTIFIABILITY;
  if (range.max === 0) {
    warnings.push('the channel had no spend in the history, so nothing is known about how it responds to spend');
  } else {
    if (days < minDays) warnings.push(`only ${days} days of history (at least ${minDays} are needed to trace a response curve)`);
    if (coefficientOfVariation < minCoefficientOfVariation) {
      warnings.push(`daily spend barely varied (coefficient of variation ${coefficientOfVariation.toFixed(3)}, below ${minCoefficientOfVariation}), so the curve is known only near ${round(range.median)} a day`);
    }
    if (distinctLevels < minDistinctLevels) warnings.push(`daily spend took only ${distinctLevels} distinct level(s) (at least ${minDistinctLevels} are needed)`);
  }
  return { range, days, coefficientOfVariation, distinctLevels, identifiable: warnings.length === 0, warnings };
}

/** Sorted values grouped into runs whose neighbours lie within `resolution`; the number of runs. */
function countLevels(values: readonly number[], resolution: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  let levels = 1;
  let start = sorted[0];
  for (const v of sorted) {
    if (v - start > resolution) {
      levels++;
      start = v;
    }
  }
  return levels;
}

function round(x: number): string {
  return x >= 100 ? x.toFixed(0) : x.toPrecision(3);
}
