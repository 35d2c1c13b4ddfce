// The exponential smoothing methods in component form (Hyndman & Athanasopoulos,
// "Forecasting: Principles and Practice", 2nd ed. §7.1–7.3): simple,
// Holt's linear trend (optionally damped) and Holt-Winters with additive or
// multiplicative seasonality. One recursion serves fitting, forecasting and simulation.

/** How the level moves between periods: not at all, by a fixed slope, or by a slope that fades (phi). */
export type TrendKind = 'none' | 'additive' | 'damped';
/** How the seasonal pattern combines with the level. */
export type SeasonKind = 'none' | 'additive' | 'multiplicative';

/** One member of the family: its trend, its seasonality and the season length (1 when there is none). */
export interface SmoothingModel {
  trend: TrendKind;
  season: SeasonKind;
  period: number;
}

/** The names the methods are reported under. */
export type ModelName = 'simple' | 'holt' | 'holt-damped' | 'additive' | 'additive-damped' | 'multiplicative' | 'multiplicative-damped';

/**
 * Smoothing parameters in FPP's component form: `beta` smooths the slope
 * against the change in level (FPP's β*, R HoltWinters' beta), `gamma` the
 * seasonal index against y − ℓₜ₋₁ − φbₜ₋₁ (FPP's γ). null when the model has
 * no such component (phi is null when the trend is not damped).
 */
export interface SmoothingParams {
  alpha: number;
  beta: number | null;
  gamma: number | null;
  phi: number | null;
}

/**
 * The states after an observation: level ℓ, slope b (0 without trend) and
 * the last `period` seasonal indices in a ring; `season[next]` is the index
 * sₜ₊₁₋ₘ the next observation uses. Additive indices sum to 0, multiplicative
 * ones average 1 (at the start).
 */
export interface SmoothingState {
  level: number;
  slope: number;
  season: number[];
  next: number;
}

/** What running the recursions over a series gives. */
export interface SmoothedSeries {
  /** One-step forecasts ŷₜ|ₜ₋₁, one per observation. */
  fitted: number[];
  /** Σ (yₜ − ŷₜ|ₜ₋₁)². */
  sse: number;
  /** The states after the last observation. */
  final: SmoothingState;
}

/**
 * The model's name as reported.
 *
 * @example modelName({ trend: 'damped', season: 'multiplicative', period: 12 }) // → 'multiplicative-damped'
 */
export function modelName(model: SmoothingModel): ModelName {
  const damped = model.trend === 'damped' ? '-damped' : '';
  if (model.season !== 'none') return `${model.season}${damped}` as ModelName;
  return model.trend === 'none' ? 'simple' : (`holt${damped}` as ModelName);
}

/** A copy of a state that can be advanced without touching the original. */
export function copyState(state: SmoothingState): SmoothingState {
  return { level: state.level, slope: state.slope, season: [...state.season], next: state.next };
}

/**
 * The forecast of the next observation from the current states, ŷₜ₊₁|ₜ
 * (the first of pointForecasts, without building a list).
 *
 * @example oneStepForecast(holt, params, { level: 10, slope: 2, season: [0], next: 0 }) // → 12
 */
export function oneStepForecast(model: SmoothingModel, params: SmoothingParams, state: SmoothingState): number {
  const base = state.level + (model.trend === 'none' ? 0 : (model.trend === 'damped' ? (params.phi as number) : 1) * state.slope);
  if (model.season === 'none') return base;
  const s = state.season[state.next];
  return model.season === 'additive' ? base + s : base * s;
}

/**
 * Advances `state` (in place) past the observation y and returns the
 * one-step forecast that was made for it. With φ = 1 when undamped, b = 0
 * without trend and s = 0 (additive) or 1 (multiplicative) without season:
 *   ŷ = ℓ + φb + s  or  (ℓ + φb)·s,   s = sₜ₋ₘ
 *   ℓ′ = α(y − s) + (1 − α)(ℓ + φb)  or  α·y/s + (1 − α)(ℓ + φb)
 *   b′ = β(ℓ′ − ℓ) + (1 − β)φb
 *   s′ = γ(y − ℓ − φb) + (1 − γ)s  or  γ·y/(ℓ + φb) + (1 − γ)s
 *
 * @example
 * const state = { level: 10, slope: 0, season: [0], next: 0 };
 * stepSmoothing({ trend: 'none', season: 'none', period: 1 }, { alpha: 0.5, beta: null, gamma: null, phi: null }, state, 12);
 * // → 10; state.level is now 11
 */
export function stepSmoothing(model: SmoothingModel, params: SmoothingParams, state: SmoothingState, y: number): number {
  const { alpha } = params;
  const phi = model.trend === 'damped' ? (params.phi as number) : 1;
  const drift = model.trend === 'none' ? 0 : phi * state.slope;
  const base = state.level + drift;
  let forecast = base;
  let level: number;
  if (model.season === 'none') {
    level = alpha * y + (1 - alpha) * base;
  } else {
    const s = state.season[state.next];
    const gamma = params.gamma as number;
    if (model.season === 'additive') {
      forecast = base + s;
      level = alpha * (y - s) + (1 - alpha) * base;
      state.season[state.next] = gamma * (y - base) + (1 - gamma) * s;
    } else {
      forecast = base * s;
      level = (alpha * y) / s + (1 - alpha) * base;
      state.season[state.next] = (gamma * y) / base + (1 - gamma) * s;
    }
    state.next = (state.next + 1) % model.period;
  }
  if (model.trend !== 'none') {
    const beta = params.beta as number;
    state.slope = beta * (level - state.level) + (1 - beta) * drift;
  }
  state.level = level;
  return forecast;
}

/**
 * Runs the recursions over `values` from the initial states: the one-step
 * forecasts, their sum of squared errors and the final states. The initial
 * states are not changed.
 *
 * @example
 * smoothSeries(simple, { alpha: 0.5, beta: null, gamma: null, phi: null }, { level: 1, slope: 0, season: [0], next: 0 }, [3, 1]).fitted
 * // → [1, 2]
 */
export function smoothSeries(model: SmoothingModel, params: SmoothingParams, initial: SmoothingState, values: readonly number[]): SmoothedSeries {
  const state = copyState(initial);
  const fitted = new Array<number>(values.length);
  let sse = 0;
  for (let t = 0; t < values.length; t++) {
    const forecast = stepSmoothing(model, params, state, values[t]);
    fitted[t] = forecast;
    sse += (values[t] - forecast) ** 2;
  }
  return { fitted, sse, final: state };
}

/**
 * Point forecasts h = 1…horizon from the states after the last observation:
 * ŷₜ₊ₕ = ℓ + φₕb + s (or (ℓ + φₕb)·s) with φₕ = φ + φ² + … + φʰ (h when
 * undamped) and s the index of the same season in the last full season.
 *
 * @example pointForecasts(holt, { alpha: 0.5, beta: 0.5, gamma: null, phi: null }, { level: 10, slope: 2, season: [0], next: 0 }, 2)
 * // → [12, 14]
 */
export function pointForecasts(model: SmoothingModel, params: SmoothingParams, state: SmoothingState, horizon: number): number[] {
  const phi = model.trend === 'damped' ? (params.phi as number) : 1;
  const points: number[] = [];
  let phiSum = 0;
  let phiPower = 1;
  for (let h = 1; h <= horizon; h++) {
    phiPower *= phi;
    phiSum += phiPower;
    const base = state.level + (model.trend === 'none' ? 0 : phiSum * state.slope);
    if (model.season === 'none') {
      points.push(base);
      continue;
    }
    const s = state.season[(state.next + h - 1) % model.period];
    points.push(model.season === 'additive' ? base + s : base * s);
  }
  return points;
}
