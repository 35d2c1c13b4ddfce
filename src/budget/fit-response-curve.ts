// Fitting a channel's response curve from its daily history: for each
// family (Hill, exponential) and each adstock decay θ on a grid, the
// least-squares curve; the family is chosen by its error on the last
// `holdoutDays` days when fitted without them, then refitted on every day.
// The result says how well it fits, what spend it has seen, and whether that
// spend varied enough to trust the curve away from it.
import { ValidationError } from '../core/errors.js';
import { correctedAic } from '../forecast/information-criteria.js';
import { checkDecay, geometricAdstock, MAX_ADSTOCK_DECAY } from './adstock.js';
import { meanAbsolutePercentageError, rootMeanSquaredError, rSquared } from './fit-quality.js';
import { fitSaturation } from './fit-saturation.js';
import type { ResponseCurve } from './response-curve.js';
import type { Saturation, SaturationFamily } from './saturation.js';
import { saturate } from './saturation.js';
import { invertMatrix } from './small-matrix.js';
import type { SpendVariation } from './spend-variation.js';
import { describeSpend } from './spend-variation.js';

/** One channel's daily history: spend and the outcome attributed to it, day by day. */
export interface ChannelHistory {
  spend: readonly number[];
  /** Attributed revenue or conversions per day. */
  outcome: readonly number[];
}

/** Options of fitResponseCurve; every field has a default. */
export interface FitResponseOptions {
  /** Days at the end held out to measure the out-of-sample error and choose the family (default 28; 0 chooses by AICc instead). */
  holdoutDays?: number;
  /** A known adstock decay; by default θ is searched on a grid over [0, 0.9]. */
  theta?: number;
  /** Fit only this family instead of choosing. */
  family?: SaturationFamily;
}

/** How one family did. */
export interface FamilyCandidate {
  family: SaturationFamily;
  /** θ of the fit on every day. */
  theta: number;
  /** On every day. */
  sse: number;
  aicc: number;
  /** RMSE on the holdout of the fit without it; null without a holdout. */
  holdoutRmse: number | null;
}

/** The fitted curve and what to make of it. */
export interface ResponseCurveFit {
  curve: ResponseCurve;
  /** In sample, on every day. */
  rSquared: number;
  rmse: number;
  /** √(SSE / (n − k)) of the daily residuals. */
  residualSd: number;
  /** Out-of-sample error of the chosen family fitted without the last `days` days; null when there was no usable holdout. */
  holdout: { days: number; rmse: number; mape: number | null } | null;
  /** How the family was chosen. */
  selectedBy: 'holdout' | 'aicc' | 'given' | 'degenerate';
  candidates: FamilyCandidate[];
  spend: SpendVariation;
  /** Everything a reader should know before trusting the curve, in plain words. */
  warnings: string[];
}

export const DEFAULT_HOLDOUT_DAYS = 28;
/** Days a fit needs at the least; a holdout is used only if this many days remain before it. */
export const MIN_FIT_DAYS = 30;
/** Holdout errors within this fraction of each other count as a tie, broken by AICc. */
export const HOLDOUT_TIE = 0.01;

const THETA_GRID = Array.from({ length: Math.round(MAX_ADSTOCK_DECAY / 0.05) + 1 }, (_, i) => Math.round(i * 5) / 100);
const THETA_REFINE = [-0.04, -0.03, -0.02, -0.01, 0.01, 0.02, 0.03, 0.04];
const FAMILIES: readonly SaturationFamily[] = ['hill', 'exponential'];

/**
 * Fits a response curve to a channel's daily spend and outcome (same length,
 * finite, non-negative).
 *
 * @example
 * // A year of spend whose revenue follows Hill(β 3000, α 1.8, γ 500) at θ 0.4, with 5 % noise:
 * const fit = fitResponseCurve({ spend: dailySpend, outcome: dailyRevenue });
 * fit.curve.saturation // → { family: 'hill', beta ≈ 3000, alpha ≈ 1.8, gamma ≈ 500 }; fit.curve.theta // → ≈ 0.4
 * fit.rSquared // → ≈ 0.92; fit.holdout // → { days: 28, rmse, mape ≈ 0.05 }; fit.curve.identifiable // → true
 */
export function fitResponseCurve(history: ChannelHistory, options: FitResponseOptions = {}): ResponseCurveFit {
  checkHistory(history);
  if (options.theta !== undefined) checkDecay(options.theta);
  const holdoutDays = options.holdoutDays ?? DEFAULT_HOLDOUT_DAYS;
  if (!(Number.isInteger(holdoutDays) && holdoutDays >= 0)) throw new ValidationError(`holdoutDays must be a whole number ≥ 0, got ${holdoutDays}`, { field: 'holdoutDays' });
  const { spend, outcome } = history;
  const variation = describeSpend(spend);
  const warnings = [...variation.warnings];
  const n = spend.length;

  if (variation.range.max === 0 || Math.max(...outcome) === 0 || n < 3) {
    return degenerateFit(history, variation, options.theta ?? 0, warnings);
  }

  const families = options.family ? [options.family] : FAMILIES;
  const training = n - holdoutDays;
  // The fit without the holdout needs spend and outcome of its own.
  const trainable = training >= MIN_FIT_DAYS && Math.max(...spend.slice(0, training)) > 0 && Math.max(...outcome.slice(0, training)) > 0;
  const useHoldout = holdoutDays > 0 && trainable;
  if (holdoutDays > 0 && !useHoldout) {
    const why = training >= MIN_FIT_DAYS ? `the ${training} days before the last ${holdoutDays} have no spend or no outcome` : `${n} days leave fewer than ${MIN_FIT_DAYS} before the last ${holdoutDays}`;
    warnings.push(`no holdout: ${why}, so ${options.family ? '' : 'the family was chosen by AICc and '}the out-of-sample error is unknown`);
  }
  const candidates = families.map((family) => {
    const full = bestOverTheta(family, spend, outcome, n, options.theta);
    const k = parameterCount(family, options.theta);
    const scale = outcome.reduce((s, y) => s + y, 0) / n;
    let holdoutRmse: number | null = null;
    let holdoutMape: number | null = null;
    if (useHoldout) {
      const held = bestOverTheta(family, spend, outcome, training, options.theta);
      const adstock = geometricAdstock(spend, held.theta).slice(training);
      const predicted = adstock.map((a) => saturate(held.saturation, a));
      const actual = outcome.slice(training);
      holdoutRmse = rootMeanSquaredError(actual, predicted);
      holdoutMape = meanAbsolutePercentageError(actual, predicted);
    }
    return { full, candidate: { family, theta: full.theta, sse: full.sse, aicc: correctedAic(full.sse, n, k, scale), holdoutRmse }, holdoutMape };
  });

  const chosen = candidates.reduce((best, c) => (better(c.candidate, best.candidate, useHoldout) ? c : best));
  const { full } = chosen;
  const k = parameterCount(full.saturation.family, options.theta);
  const adstock = geometricAdstock(spend, full.theta);
  const fitted = adstock.map((a) => saturate(full.saturation, a));
  const residualSd = Math.sqrt(full.sse / Math.max(n - k, 1));
  const inverse = invertMatrix(full.normalMatrix);
  const covariance = inverse && inverse.every((row) => row.every(Number.isFinite)) ? inverse.map((row) => row.map((v) => v * residualSd * residualSd)) : null;
  if (!covariance) warnings.push('the curve’s parameters are not separately determined by the data, so no interval can be given for its predictions');
  if (full.gammaAtUpperBound) {
    warnings.push('the data show no saturation: outcome grew about in proportion to spend over the whole range seen, so the curve says little about where returns start to diminish');
  }
  return {
    curve: { saturation: full.saturation, theta: full.theta, identifiable: variation.identifiable, observedSpend: variation.range, covariance },
    rSquared: rSquared(outcome, fitted),
    rmse: rootMeanSquaredError(outcome, fitted),
    residualSd,
    holdout: useHoldout ? { days: holdoutDays, rmse: chosen.candidate.holdoutRmse as number, mape: chosen.holdoutMape } : null,
    selectedBy: options.family ? 'given' : useHoldout ? 'holdout' : 'aicc',
    candidates: candidates.map((c) => c.candidate),
    spend: variation,
    warnings,
  };
}

interface ThetaFit {
  saturation: Saturation;
  theta: number;
  sse: number;
  normalMatrix: number[][];
  gammaAtUpperBound: boolean;
}

/** The family's best fit on the first `days` days over θ: a grid of step 0.05, then steps of 0.01 around its best (or the given θ). */
function bestOverTheta(family: SaturationFamily, spend: readonly number[], outcome: readonly number[], days: number, theta: number | undefined): ThetaFit {
  const at = (t: number): ThetaFit => {
    const adstock = geometricAdstock(spend, t).slice(0, days);
    return { theta: t, ...withCurve(family, adstock, outcome.slice(0, days)) };
  };
  if (theta !== undefined) return at(theta);
  let best = THETA_GRID.map(at).reduce((a, b) => (b.sse < a.sse ? b : a));
  const around = THETA_REFINE.map((d) => Math.round((best.theta + d) * 100) / 100).filter((t) => t >= 0 && t <= MAX_ADSTOCK_DECAY);
  for (const t of around) {
    const fit = at(t);
    if (fit.sse < best.sse) best = fit;
  }
  return best;
}

function withCurve(family: SaturationFamily, adstock: readonly number[], outcome: readonly number[]) {
  const fit = fitSaturation(family, adstock, outcome);
  return { saturation: fit.curve, sse: fit.sse, normalMatrix: fit.normalMatrix, gammaAtUpperBound: fit.gammaAtUpperBound };
}

/** Lower holdout RMSE wins unless within HOLDOUT_TIE, when (as without a holdout) the lower AICc wins. */
function better(a: FamilyCandidate, b: FamilyCandidate, useHoldout: boolean): boolean {
  if (useHoldout && a.holdoutRmse !== null && b.holdoutRmse !== null) {
    const scale = Math.max(a.holdoutRmse, b.holdoutRmse);
    if (scale > 0 && Math.abs(a.holdoutRmse - b.holdoutRmse) > HOLDOUT_TIE * scale) return a.holdoutRmse < b.holdoutRmse;
  }
  return a.aicc < b.aicc;
}

/** k for the AICc: the curve's parameters, θ when searched, and the error variance. */
function parameterCount(family: SaturationFamily, theta: number | undefined): number {
  return (family === 'hill' ? 3 : 2) + (theta === undefined ? 1 : 0) + 1;
}

/** No spend, or no outcome, or too few days to fit: a flat curve at zero, flagged. */
function degenerateFit(history: ChannelHistory, variation: SpendVariation, theta: number, warnings: string[]): ResponseCurveFit {
  const { spend, outcome } = history;
  const spent = variation.range.max > 0;
  const earned = outcome.some((y) => y > 0);
  if (spent && !earned) warnings.push('no outcome was attributed to this channel in the history: its curve is flat at zero');
  if (!spent && earned) warnings.push('outcome was attributed to this channel on days without spend: it cannot be explained by spend');
  if (spent && earned) warnings.push(`only ${spend.length} day(s) of history: too few to fit a curve`);
  const saturation: Saturation = { family: 'exponential', beta: 0, gamma: Math.max(variation.range.max, 1) };
  const fitted = outcome.map(() => 0);
  const sse = outcome.reduce((s, y) => s + y * y, 0);
  const identifiable = variation.identifiable && spent && !earned;
  return {
    curve: { saturation, theta, identifiable, observedSpend: variation.range, covariance: null },
    rSquared: rSquared(outcome, fitted),
    rmse: rootMeanSquaredError(outcome, fitted),
    residualSd: Math.sqrt(sse / Math.max(outcome.length, 1)),
    holdout: null,
    selectedBy: 'degenerate',
    candidates: [],
    spend: variation,
    warnings,
  };
}

function checkHistory(history: ChannelHistory): void {
  const { spend, outcome } = history;
  if (spend.length !== outcome.length) throw new ValidationError(`spend and outcome must have one value per day each, got ${spend.length} and ${outcome.length}`, { field: 'outcome' });
  if (spend.length === 0) throw new ValidationError('a response curve needs at least one day of history', { field: 'spend' });
  for (const [field, values] of [
    ['spend', spend],
    ['outcome', outcome],
  ] as const) {
    const bad = values.findIndex((v) => !(Number.isFinite(v) && v >= 0));
    if (bad >= 0) throw new ValidationError(`${field} must be finite and non-negative on every day, got ${values[bad]} on day ${bad}`, { field, day: bad });
  }
}
