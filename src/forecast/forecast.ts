// Forecasting a metric's series by exponential smoothing (FPP's simple, Holt and
// Holt-Winters methods): check the request, fit the named model or pick one by
// AICc, and project it with prediction intervals on the series' own calendar.
import type { Interval } from './analytic-intervals.js';
import { analyticIntervals } from './analytic-intervals.js';
import type { CheckedForecastInput, ForecastInput, SeriesPoint } from './forecast-input.js';
import { checkForecastInput } from './forecast-input.js';
import { selectModel } from './select-model.js';
import { continueDates, monthAnchor } from './series-dates.js';
import type { SmoothingFit } from './fit-smoothing.js';
import type { ModelName, SmoothingParams } from './smoothing.js';
import { pointForecasts } from './smoothing.js';
import { simulatedIntervals } from './simulated-intervals.js';
import { totalOfForecasts, type ForecastTotal } from './forecast-total.js';

/** One forecast period: the point forecast and its prediction interval. */
export interface ForecastPoint {
  date: string;
  value: number;
  lower: number;
  upper: number;
}

/** A fitted model and its forecast. */
export interface Forecast {
  model: ModelName;
  /** Component-form parameters; null where the model has no such component. */
  params: SmoothingParams;
  /** Sum of squared one-step errors over the whole series. */
  sse: number;
  aicc: number;
  /** The one-step forecast of every observation, ŷₜ|ₜ₋₁, on its date. */
  fitted: SeriesPoint[];
  points: ForecastPoint[];
}

/**
 * Fits and forecasts a series. Intervals are analytic (FPP Table 8.8)
 * except under multiplicative seasonality, where they are simulated (seeded). Throws
 * ValidationError or QueryError naming the field at fault (see
 * checkForecastInput and unsuitability).
 *
 * @example
 * forecastSeries({ series: airPassengers, horizon: 12, model: 'multiplicative' })
 * // → { model: 'multiplicative', params: { alpha: 0.29, beta: 0.04, gamma: 0.61, phi: null },
 * //     sse, aicc, fitted, points: [{ date: '1961-01-01', value: 446.9, lower, upper }, …] }
 */
export function forecastSeries(input: ForecastInput): Forecast {
  return project(input).forecast;
}

/** A forecast and the total of a run of its points. */
export interface ForecastWithTotal extends Forecast {
  total: ForecastTotal;
}

/**
 * forecastSeries, and the total of its points from horizon `first` on
 * (1-based; 1: every point) with that total's own prediction interval at the
 * same level (see totalOfForecasts: exact where the model allows, else
 * simulated with the input's seed and paths).
 *
 * @example
 * forecastSeriesTotal({ series: dailyCost, horizon: 10, season: 7 }, 4)
 * // → { model, params, points: [10 days], total: { value: Σ of points 4…10, lower, upper, interval: 'analytic' }, … }
 */
export function forecastSeriesTotal(input: ForecastInput, first = 1): ForecastWithTotal {
  const { checked, fit, forecast } = project(input);
  if (!(Number.isInteger(first) && first >= 1 && first <= checked.horizon)) throw new Error(`a total starts within the horizon 1…${checked.horizon}, got ${first}`);
  const points = forecast.points.map((p) => p.value);
  const total = totalOfForecasts(fit, points, first, { level: checked.level, paths: checked.paths, seed: checked.seed });
  if (![total.value, total.lower, total.upper].every(Number.isFinite)) throw new Error(`the ${forecast.model} forecast's total is not a finite number`);
  return { ...forecast, total };
}

function project(input: ForecastInput): { checked: CheckedForecastInput; fit: SmoothingFit; forecast: Forecast } {
  const checked = checkForecastInput(input);
  const fit = selectModel(checked.values, checked.model, checked.damped, checked.period);
  const values = pointForecasts(fit.model, fit.params, fit.final, checked.horizon);
  const intervals = forecastIntervals(fit, values, checked);
  const dates = continueDates(checked.dates[checked.dates.length - 1], checked.grain, checked.horizon, monthAnchor(checked.dates));
  const forecast: Forecast = {
    model: fit.name,
    params: fit.params,
    sse: fit.sse,
    aicc: fit.aicc,
    fitted: fit.fitted.map((value, t) => ({ date: checked.dates[t], value })),
    points: values.map((value, h) => ({ date: dates[h], value, lower: intervals[h].lower, upper: intervals[h].upper })),
  };
  checkFinite(forecast);
  return { checked, fit, forecast };
}

function forecastIntervals(fit: SmoothingFit, points: number[], checked: CheckedForecastInput): Interval[] {
  if (fit.model.season !== 'multiplicative') return analyticIntervals(fit.model, fit.params, fit.sigma2, points, checked.level);
  return simulatedIntervals(fit.model, fit.params, fit.final, fit.sigma2, checked.horizon, { level: checked.level, paths: checked.paths, seed: checked.seed });
}

/** A number that is not finite in a forecast is a bug: fail loudly rather than send it. */
function checkFinite(forecast: Forecast): void {
  const numbers = [forecast.sse, forecast.aicc, forecast.params.alpha, forecast.params.beta ?? 0, forecast.params.gamma ?? 0, forecast.params.phi ?? 0];
  for (const f of forecast.fitted) numbers.push(f.value);
  for (const p of forecast.points) numbers.push(p.value, p.lower, p.upper);
  if (!numbers.every(Number.isFinite)) throw new Error(`the ${forecast.model} forecast holds a number that is not finite`);
}
