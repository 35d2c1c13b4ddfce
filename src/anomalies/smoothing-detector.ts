// The Holt-Winters detector: a seasonal exponential-smoothing model fitted
// once on the history before the first point, then rolled forward one period
// at a time with its parameters fixed. Each point is judged against its
// one-step forecast ± z·σ (σ² the fit's one-step error variance: the exact
// one-step forecast variance of these models); an anomaly enters the state
// clipped to the interval, so it does not drag the expectations after it.
import { fitSmoothing, type SmoothingFit } from '../forecast/fit-smoothing.js';
import { parameterCount } from '../forecast/information-criteria.js';
import type { SmoothingModel, SmoothingParams, SmoothingState, TrendKind } from '../forecast/smoothing.js';
import { copyState, oneStepForecast, stepSmoothing } from '../forecast/smoothing.js';
import { cleanedValue, scorePoint, type AnomalyPoint } from './point-score.js';
import type { SeriesValue } from './history-values.js';
import { MAD_SCALE, median, sigmaFloor } from './robust-scale.js';

/** σ is estimated on at least this many more one-step errors than the model estimates parameters. */
export const MIN_ERROR_DEGREES = 10;

/** A fitted seasonal model ready to judge the points after its history. */
export interface SmoothingDetector {
  model: SmoothingModel;
  params: SmoothingParams;
  /** √σ̂² of the fit (never below sigmaFloor of the history). */
  sigma: number;
  aicc: number;
  /** The states after the (cleaned) history. */
  final: SmoothingState;
  /** History values beyond the first fit's interval, clipped to it before the final fit. */
  cleaned: string[];
}

const TRENDS: readonly TrendKind[] = ['none', 'additive', 'damped'];

/**
 * The models the detector chooses from: additive seasonality with no trend, a
 * trend or a damped trend. Additive seasonality keeps the recursions linear,
 * so a clipped value or a run of zeros cannot make them break down.
 *
 * @example seasonalCandidates(7)[0] // → { trend: 'none', season: 'additive', period: 7 }
 */
export function seasonalCandidates(period: number): SmoothingModel[] {
  return TRENDS.map((trend) => ({ trend, season: 'additive', period }));
}

/**
 * Whether `count` history values support the model: two full seasons, and
 * σ² estimated on MIN_ERROR_DEGREES more errors than the k − 1 parameters
 * and states the fit estimates.
 *
 * @example suits({ trend: 'none', season: 'additive', period: 7 }, 19) // → true (k = 10: 19 − 9 ≥ 10)
 */
export function suits(model: SmoothingModel, count: number): boolean {
  return model.period >= 2 && count >= 2 * model.period && count - (parameterCount(model) - 1) >= MIN_ERROR_DEGREES;
}

/**
 * The fewest history values the simplest candidate needs.
 *
 * @example minimumSmoothingHistory(7) // → 19
 */
export function minimumSmoothingHistory(period: number): number {
  const simplest = seasonalCandidates(period)[0];
  return Math.max(2 * period, parameterCount(simplest) - 1 + MIN_ERROR_DEGREES);
}

/**
 * Fits the candidates the history supports and keeps the lowest AICc; then
 * runs that fit over the history once more with values clipped at ± z·σ
 * around their one-step forecasts, σ here 1.4826 × the median absolute
 * one-step error (which the spikes themselves do not inflate, as they do the
 * fit's σ̂), and refits on the cleaned values when any was clipped, so that
 * spikes in the training data neither widen σ nor bend the parameters. The
 * detector's σ is then the refit's σ̂. undefined when no candidate suits or
 * none gives a finite fit.
 *
 * @example fitDetector(eightWeeksOfDays, 2.5758) // → { model: { trend: 'none', season: 'additive', period: 7 }, params, sigma, cleaned: [], … }
 */
export function fitDetector(history: readonly { date: string; value: number }[], period: number, z: number): SmoothingDetector | undefined {
  const values = history.map((p) => p.value);
  const first = bestFit(values, period);
  if (!first) return undefined;
  const floor = sigmaFloor(values);
  const robustSigma = Math.max(MAD_SCALE * median(values.map((y, t) => Math.abs(y - first.fitted[t]))), floor);
  const state = copyState(first.initial);
  const cleaned: string[] = [];
  const cleanValues = values.map((value, t) => {
    const expected = oneStepForecast(first.model, first.params, state);
    const kept = cleanedValue({ value, lower: expected - z * robustSigma, upper: expected + z * robustSigma });
    if (kept !== value) cleaned.push(history[t].date);
    stepSmoothing(first.model, first.params, state, kept);
    return kept;
  });
  const fit = cleaned.length > 0 ? (bestFit(cleanValues, period) ?? first) : first;
  return { model: fit.model, params: fit.params, sigma: Math.max(Math.sqrt(fit.sigma2), floor), aicc: fit.aicc, final: fit.final, cleaned };
}

/**
 * Judges each point against the one-step forecast from the state before it,
 * then advances the state by the point's cleaned value (cleanedValue), or by
 * the forecast itself for a point without a value (which is skipped).
 *
 * @example rollForward(detector, [{ date: '2026-11-02', value: 900 }], 2.5758) // → { points: [{ expected: 612.4, anomaly: true, … }], skipped: [] }
 */
export function rollForward(detector: SmoothingDetector, points: readonly SeriesValue[], z: number): { points: AnomalyPoint[]; skipped: string[] } {
  const { model, params, sigma } = detector;
  const state = copyState(detector.final);
  const judged: AnomalyPoint[] = [];
  const skipped: string[] = [];
  for (const { date, value } of points) {
    const expected = oneStepForecast(model, params, state);
    if (value === null) {
      skipped.push(date);
      stepSmoothing(model, params, state, expected);
      continue;
    }
    const point = scorePoint(date, value, expected, sigma, z);
    judged.push(point);
    stepSmoothing(model, params, state, cleanedValue(point));
  }
  return { points: judged, skipped };
}

function bestFit(values: readonly number[], period: number): SmoothingFit | undefined {
  let best: SmoothingFit | undefined;
  for (const model of seasonalCandidates(period)) {
    if (!suits(model, values.length)) continue;
    const fit = fitSmoothing(values, model);
    if (!Number.isFinite(fit.sse) || !Number.isFinite(fit.aicc)) continue;
    if (best === undefined || fit.aicc < best.aicc) best = fit;
  }
  return best;
}
