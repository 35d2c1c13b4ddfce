// Anomaly detection on a metric's series: each point judged against what the
// history before it leads one to expect. Holt-Winters when the history holds
// two full seasons and enough values to estimate σ; the median and MAD of the
// seasonal differences when it holds a season and a week of differences; the
// median and MAD of the values below that, or when over a fifth of the history
// has no value; too little data is a 422.
import { QueryError } from '../core/errors.js';
import { SEASON_OF_GRAIN, type SeriesGrain } from '../forecast/series-dates.js';
import type { SmoothingParams, TrendKind } from '../forecast/smoothing.js';
import { prepareHistory, type PreparedHistory, type SeriesValue } from './history-values.js';
import { detectByMad, detectBySeasonalMad, MIN_MAD_VALUES, MIN_SEASONAL_DIFFERENCES, type MadDetection } from './mad-detectors.js';
import { DEFAULT_SENSITIVITY, thresholdOf, type AnomalyPoint } from './point-score.js';
import { fitDetector, minimumSmoothingHistory, rollForward } from './smoothing-detector.js';

export const ANOMALY_METHODS = ['holt_winters', 'seasonal_mad', 'mad'] as const;
export type AnomalyMethod = (typeof ANOMALY_METHODS)[number];

/** Above this share of history periods without a value, nothing is filled in: the plain MAD of the values there are judges. */
export const MAX_EMPTY_SHARE = 0.2;

/** A series to judge: the history before the first point, and the points. */
export interface DetectionInput {
  /** Consecutive periods before the first point, oldest first. */
  history: readonly SeriesValue[];
  /** The periods to judge, oldest first, right after the history. */
  points: readonly SeriesValue[];
  grain: SeriesGrain;
  /** Season length in periods; default from the grain (7 days, 52 weeks, 12 months). */
  season?: number;
  /** Coverage of the prediction interval a point must fall outside of (default 0.99). */
  sensitivity?: number;
}

/** What the detector that ran estimated. */
export interface DetectorParams {
  /** Season length in periods (1 for the plain MAD method). */
  season: number;
  /** z: a point is an anomaly when |value − expected| > z·σ. */
  threshold: number;
  /** The scale of the errors: the one-step σ of the fit, or 1.4826 × MAD (see sigma_basis). */
  sigma: number;
  /** holt_winters: the fit's trend (seasonality is additive) and smoothing parameters; null for the MAD methods. */
  trend: TrendKind | null;
  smoothing: SmoothingParams | null;
  aicc: number | null;
  /** The MAD methods: the median of the seasonal differences or of the values, and their MAD (unscaled); null for holt_winters. */
  median: number | null;
  mad: number | null;
  /** How σ was reached: the fit, the MAD, the mean absolute deviation (the MAD was 0), or the floor (the history does not vary). */
  sigma_basis: 'fit' | 'mad' | 'mean_deviation' | 'floor';
}

/** The history the detector learned from. */
export interface TrainingSpan {
  from: string;
  to: string;
  periods: number;
}

export interface Detection {
  method: AnomalyMethod;
  /** Why this method ran. */
  reason: string;
  params: DetectorParams;
  training: TrainingSpan;
  points: AnomalyPoint[];
  /** How many points are anomalies. */
  anomalies: number;
  notes: string[];
}

type Judged = Pick<Detection, 'method' | 'reason' | 'params' | 'points'> & { notes: string[] };

/**
 * Judges every point with a value (see the file's opening lines for the
 * method). Throws QueryError (field from) when fewer than 7 history values
 * are left.
 *
 * @example
 * detectAnomalies({ history: eightWeeks, points: fourWeeks, grain: 'day' })
 * // → { method: 'holt_winters', params: { season: 7, threshold: 2.5758, sigma, trend: 'none', … }, points: [28 judged], anomalies: 2, … }
 */
export function detectAnomalies(input: DetectionInput): Detection {
  const season = input.season ?? SEASON_OF_GRAIN[input.grain];
  const threshold = thresholdOf(input.sensitivity ?? DEFAULT_SENSITIVITY);
  const prepared = prepareHistory(input.history);
  const sparse = prepared.empty.length > MAX_EMPTY_SHARE * prepared.dates.length;
  const usable = sparse ? prepared.observed.length : prepared.values.length;
  const span = (count: number) => `${count} ${input.grain}${count === 1 ? '' : 's'}`;
  if (usable < MIN_MAD_VALUES) {
    const had = usable === 0 ? 'no value other than 0' : sparse ? `values in only ${span(usable)}` : span(usable);
    throw new QueryError(
      `${had} in the history before from: the detector needs at least ${MIN_MAD_VALUES} ${input.grain}s (${minimumSmoothingHistory(season)} for Holt-Winters); move from later or load earlier data`,
      { field: 'from' },
    );
  }
  const judged = sparse ? judgeSparse(prepared, input, threshold, span) : judgeFilled(prepared, input, season, threshold, span);
  const notes = [...prepared.notes, ...judged.notes];
  if (judged.params.sigma_basis === 'floor') notes.push('the history does not vary (its spread is 0): any departure from the expected value is an anomaly');
  const { method, reason, params, points } = judged;
  const n = prepared.dates.length;
  return { method, reason, params, training: { from: prepared.dates[0], to: prepared.dates[n - 1], periods: n }, points, anomalies: points.filter((p) => p.anomaly).length, notes };
}

/** Over a fifth of the history has no value: the plain MAD of the values there are. */
function judgeSparse(prepared: PreparedHistory, input: DetectionInput, threshold: number, span: (n: number) => string): Judged {
  const detected = detectByMad(prepared.observed, input.points, threshold);
  const reason = `${prepared.empty.length} of ${span(prepared.dates.length)} of history have no value (nothing to divide by): too sparse for a seasonal method; every point is expected at the median of the ${prepared.observed.length} values there are`;
  return { method: 'mad', reason, ...madResult(detected, 1, threshold), notes: skippedNotes(detected.skipped) };
}

/** Holt-Winters, else the seasonal MAD, else the plain MAD, by the length of the history (empty periods filled in). */
function judgeFilled(prepared: PreparedHistory, input: DetectionInput, season: number, threshold: number, span: (n: number) => string): Judged {
  const n = prepared.values.length;
  const notes = prepared.empty.length > 0 ? [filledNote(prepared.empty)] : [];
  const needed = minimumSmoothingHistory(season);
  if (season >= 2 && n >= needed) {
    const detector = fitDetector(prepared.dates.map((date, i) => ({ date, value: prepared.values[i] })), season, threshold);
    if (detector) {
      const rolled = rollForward(detector, input.points, threshold);
      if (detector.cleaned.length > 0) notes.push(listNote(detector.cleaned, (list, count) => `the training history holds ${count} outside the first fit's interval (${list}): clipped to it before the final fit`));
      const { params, sigma, aicc } = detector;
      return {
        method: 'holt_winters',
        reason: `${span(n)} of history: enough for Holt-Winters with a season of ${season} (it needs ${needed}); additive seasonality, with the trend (none, linear or damped) of lowest AICc`,
        params: { season, threshold, sigma, trend: detector.model.trend, smoothing: params, aicc, median: null, mad: null, sigma_basis: 'fit' },
        points: rolled.points,
        notes: [...notes, ...skippedNotes(rolled.skipped)],
      };
    }
    notes.push('no Holt-Winters fit of the history gives finite forecasts');
  }
  if (season >= 2 && n >= season + MIN_SEASONAL_DIFFERENCES) {
    const detected = detectBySeasonalMad(prepared.values, input.points, season, threshold);
    const why = n >= needed ? 'Holt-Winters could not be fitted' : `too few for Holt-Winters with a season of ${season} (it needs ${needed})`;
    const reason = `${span(n)} of history: ${why}; each point is expected at its value a season before plus the median seasonal difference`;
    return { method: 'seasonal_mad', reason, ...madResult(detected, season, threshold), notes: [...notes, ...skippedNotes(detected.skipped)] };
  }
  const detected = detectByMad(prepared.values, input.points, threshold);
  const why = season >= 2 ? `too few for seasonal differences at a lag of ${season} (they need ${season + MIN_SEASONAL_DIFFERENCES})` : 'no season';
  return { method: 'mad', reason: `${span(n)} of history: ${why}; every point is expected at the history's median`, ...madResult(detected, 1, threshold), notes: [...notes, ...skippedNotes(detected.skipped)] };
}

function madResult(detected: MadDetection, season: number, threshold: number): Pick<Detection, 'params' | 'points'> {
  const { spread } = detected;
  return {
    params: { season, threshold, sigma: spread.sigma, trend: null, smoothing: null, aicc: null, median: spread.median, mad: spread.mad, sigma_basis: spread.basis },
    points: detected.points,
  };
}

/** A note about some dates: the first five listed, the count of the rest. */
function listNote(dates: readonly string[], say: (list: string, count: string) => string): string {
  const list = dates.length <= 5 ? dates.join(', ') : `${dates.slice(0, 5).join(', ')} and ${dates.length - 5} more`;
  return say(list, `${dates.length} value${dates.length === 1 ? '' : 's'}`);
}

function skippedNotes(skipped: readonly string[]): string[] {
  if (skipped.length === 0) return [];
  return [listNote(skipped, (list) => `${list} ${skipped.length === 1 ? 'has' : 'have'} no value (nothing to divide by): skipped`)];
}

function filledNote(empty: readonly string[]): string {
  return listNote(empty, (list) => `${empty.length} period${empty.length === 1 ? '' : 's'} of the training history without a value (${list}) filled in between ${empty.length === 1 ? 'its' : 'their'} neighbours`);
}
