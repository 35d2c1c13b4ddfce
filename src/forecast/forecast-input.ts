// The checks a forecast request passes before any fitting: every field the
// caller sends is read once here, and a problem is reported with the field's name.
import { QueryError, ValidationError } from '../core/errors.js';
import { isValidDate } from '../core/time.js';
import type { SeriesGrain } from './series-dates.js';
import { SEASON_OF_GRAIN, SERIES_GRAINS, checkSteps, inferGrain } from './series-dates.js';

/** The model to fit, or 'auto' to pick by AICc among those the series allows. */
export const MODEL_CHOICES = ['auto', 'simple', 'holt', 'additive', 'multiplicative'] as const;
export type ModelChoice = (typeof MODEL_CHOICES)[number];

/** One observation of the series. */
export interface SeriesPoint {
  /** YYYY-MM-DD: the day, or the first day of the week or month, the value belongs to. */
  date: string;
  value: number;
}

/** A forecast request. */
export interface ForecastInput {
  /** Observations, oldest first, one per day, week or month without gaps. */
  series: readonly SeriesPoint[];
  /** Periods to forecast (whole number ≥ 1). */
  horizon: number;
  /** Default 'auto'. */
  model?: ModelChoice;
  /** Damp the trend (holt, additive, multiplicative). With 'auto': restrict the trended candidates to damped (true) or undamped (false) ones; unset tries both. */
  damped?: boolean;
  /** Season length in periods; default from the grain (7 days, 52 weeks, 12 months); 1 means no seasonality. */
  season?: number;
  /** The step between dates; default read from the first two dates. */
  grain?: SeriesGrain;
  /** Coverage of the prediction intervals, in (0, 1). Default 0.95. */
  level?: number;
  /** Seeds the simulated intervals (multiplicative seasonality). Default 1. */
  seed?: number;
  /** Simulated paths for those intervals. Default 5000. */
  paths?: number;
}

/** A request that passed the checks, with its defaults filled in. */
export interface CheckedForecastInput {
  dates: string[];
  values: number[];
  grain: SeriesGrain;
  period: number;
  horizon: number;
  model: ModelChoice;
  damped: boolean | undefined;
  level: number;
  seed: number;
  paths: number;
}

/** Horizons beyond this many periods are refused. */
export const MAX_HORIZON = 1000;
/** Values beyond ±1e15 are refused: their squares would lose all precision in the error sums. */
const MAX_MAGNITUDE = 1e15;

/**
 * Checks a request and fills in its defaults. Throws ValidationError naming
 * the field for a malformed one (non-finite value, bad date, dates out of
 * order, repeated or with gaps, horizon ≤ 0, …) and QueryError for fewer
 * than two observations (whether a model suits the series is for unsuitability).
 *
 * @example checkForecastInput({ series, horizon: 12 }) // → { grain: 'month', period: 12, model: 'auto', level: 0.95, … }
 */
export function checkForecastInput(input: ForecastInput): CheckedForecastInput {
  const { dates, values } = checkSeries(input.series);
  const horizon = input.horizon;
  if (!(Number.isInteger(horizon) && horizon >= 1 && horizon <= MAX_HORIZON)) {
    throw new ValidationError(`horizon must be a whole number of periods from 1 to ${MAX_HORIZON}, got ${horizon}`, { field: 'horizon' });
  }
  const model = input.model ?? 'auto';
  if (!MODEL_CHOICES.includes(model)) throw new ValidationError(`model must be one of ${MODEL_CHOICES.join(', ')}, got "${model}"`, { field: 'model' });
  const damped = input.damped;
  if (damped !== undefined && typeof damped !== 'boolean') throw new ValidationError(`damped must be true or false, got ${String(damped)}`, { field: 'damped' });
  if (damped === true && model === 'simple') throw new ValidationError('damped needs a trend: the simple model has none (use holt, additive or multiplicative)', { field: 'damped' });
  const grain = input.grain ?? inferGrain(dates);
  if (!SERIES_GRAINS.includes(grain)) throw new ValidationError(`grain must be one of ${SERIES_GRAINS.join(', ')}, got "${grain}"`, { field: 'grain' });
  checkSteps(dates, grain);
  const period = input.season ?? SEASON_OF_GRAIN[grain];
  if (!(Number.isInteger(period) && period >= 1)) throw new ValidationError(`season must be a whole number of periods ≥ 1 (1: no seasonality), got ${period}`, { field: 'season' });
  const level = input.level ?? 0.95;
  if (!(typeof level === 'number' && level > 0 && level < 1)) throw new ValidationError(`level must be between 0 and 1 (e.g. 0.95), got ${level}`, { field: 'level' });
  const seed = input.seed ?? 1;
  if (!Number.isInteger(seed)) throw new ValidationError(`seed must be a whole number, got ${seed}`, { field: 'seed' });
  const paths = input.paths ?? 5000;
  if (!(Number.isInteger(paths) && paths >= 100 && paths <= 100_000)) throw new ValidationError(`paths must be a whole number from 100 to 100000, got ${paths}`, { field: 'paths' });
  return { dates, values, grain, period, horizon, model, damped, level, seed, paths };
}

function checkSeries(series: readonly SeriesPoint[]): { dates: string[]; values: number[] } {
  if (!Array.isArray(series)) throw new ValidationError('series must be a list of { date, value }', { field: 'series' });
  const dates: string[] = [];
  const values: number[] = [];
  series.forEach((point, index) => {
    const { date, value } = point ?? {};
    if (typeof date !== 'string' || !isValidDate(date)) throw new ValidationError(`series[${index}].date must be a date YYYY-MM-DD, got ${JSON.stringify(date)}`, { field: 'series', index });
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new ValidationError(`series[${index}].value must be a finite number, got ${String(value)}`, { field: 'series', index });
    if (Math.abs(value) > MAX_MAGNITUDE) throw new ValidationError(`series[${index}].value ${value} is beyond ±1e15`, { field: 'series', index });
    if (index > 0 && date === dates[index - 1]) throw new ValidationError(`series has the date ${date} twice`, { field: 'series', index });
    if (index > 0 && date < dates[index - 1]) throw new ValidationError(`series dates must increase: ${date} comes after ${dates[index - 1]}`, { field: 'series', index });
    dates.push(date);
    values.push(value);
  });
  if (series.length < 2) throw new QueryError(`series has ${series.length} observation(s): a forecast needs at least 5`, { field: 'series' });
  return { dates, values };
}
