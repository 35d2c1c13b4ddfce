// The robust detectors for histories too short for Holt-Winters. With at
// least a season and a week's worth of differences: the median and MAD of the
// seasonal differences yₜ − yₜ₋ₘ, each point expected at the value a season
// before it plus their median. With less: the median and MAD of the values
// themselves. σ = 1.4826 × MAD either way (see robustSpread).
import { cleanedValue, scorePoint, type AnomalyPoint } from './point-score.js';
import type { SeriesValue } from './history-values.js';
import { robustSpread, type RobustSpread } from './robust-scale.js';

/** Seasonal differences the seasonal detector needs at least. */
export const MIN_SEASONAL_DIFFERENCES = 7;
/** History values the plain MAD detector needs at least. */
export const MIN_MAD_VALUES = 7;

/** What a MAD detector judged the points with. */
export interface MadDetection {
  spread: RobustSpread;
  points: AnomalyPoint[];
  /** Dates of the points without a value, not judged. */
  skipped: string[];
}

/**
 * Seasonal MAD: with dₜ = yₜ − yₜ₋ₘ over the history, a point at t is
 * expected at yₜ₋ₘ + median(d), ± z·1.4826·MAD(d). yₜ₋ₘ is a history value
 * or an earlier point's cleaned value (cleanedValue: an anomaly clipped to its
 * interval; a point without a value stands at its expected value).
 *
 * @example detectBySeasonalMad([10, 20, 11, 21, 12, 22, 13, 23], [{ date, value: 40 }], 2, 2.5758) // d = 1 every time: σ falls back to the floor, 40 is an anomaly
 */
export function detectBySeasonalMad(history: readonly number[], points: readonly SeriesValue[], period: number, z: number): MadDetection {
  if (history.length < period + 1) throw new Error(`seasonal differences need more than one season of history, got ${history.length} values for a season of ${period}`);
  const differences = history.slice(period).map((y, i) => y - history[i]);
  const spread = robustSpread(differences);
  const carried = [...history];
  const judged: AnomalyPoint[] = [];
  const skipped: string[] = [];
  for (const { date, value } of points) {
    const expected = carried[carried.length - period] + spread.median;
    if (value === null) {
      skipped.push(date);
      carried.push(expected);
      continue;
    }
    const point = scorePoint(date, value, expected, spread.sigma, z);
    judged.push(point);
    carried.push(cleanedValue(point));
  }
  return { spread, points: judged, skipped };
}

/**
 * Plain MAD: every point expected at the history's median, ± z·1.4826·MAD.
 *
 * @example detectByMad([10, 12, 11, 13, 12, 11, 10], [{ date, value: 20 }], 2.5758) // median 11, MAD 1, σ 1.4826: 20 is an anomaly (score 6.07)
 */
export function detectByMad(history: readonly number[], points: readonly SeriesValue[], z: number): MadDetection {
  const spread = robustSpread(history);
  const judged: AnomalyPoint[] = [];
  const skipped: string[] = [];
  for (const { date, value } of points) {
    if (value === null) skipped.push(date);
    else judged.push(scorePoint(date, value, spread.median, spread.sigma, z));
  }
  return { spread, points: judged, skipped };
}
