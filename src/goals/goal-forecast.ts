// Where a goal's metric will stand at the end of its period: its daily series
// (the period so far and up to eight weeks before it) fitted by exponential
// smoothing, the remaining days forecast and added to the days already
// complete, with the interval of that total, and the target judged against it.
// Pure logic: the caller reads the series and passes today in.
import { QueryError, ValidationError } from '../core/errors.js';
import { addDays } from '../core/time.js';
import { MAX_HORIZON, type SeriesPoint } from '../forecast/forecast-input.js';
import { forecastSeriesTotal } from '../forecast/forecast.js';
import type { ModelName } from '../forecast/smoothing.js';
import type { CatalogMetric } from '../metrics/catalog.js';
import { FACTS, MEASURE_FACT, type Measure } from '../metrics/facts.js';
import { dayCount } from '../metrics/time-buckets.js';
import type { GoalDirection, GoalStatus } from './goals.js';

/** Days of history read before the period (or before today, for a period yet to start): eight weeks, so a weekly pattern shows. */
export const HISTORY_DAYS = 56;
/** Complete days a forecast needs at least: one of each weekday. */
export const MIN_HISTORY_DAYS = 7;
/** Coverage of a goal forecast's interval. */
export const GOAL_FORECAST_LEVEL = 0.95;
/** The weekly season is offered to the models from two full weeks of history on. */
const WEEK = 7;

export type GoalForecastStatus = Extract<GoalStatus, 'on_track' | 'at_risk' | 'off_track'>;

/** The projected value of a goal's metric at the end of its period. */
export interface GoalForecast {
  /** Actual over the complete days of the period so far + the forecast of its remaining days. */
  value: number;
  /** The interval of that value at `level` (the actual part is known; only the forecast part is uncertain). */
  lower: number;
  upper: number;
  level: number;
  /** The smoothing model fitted (model auto: the lowest AICc). */
  model: ModelName;
  /** on_track: the whole interval meets the target; off_track: none of it does; at_risk: the target lies inside it. */
  status: GoalForecastStatus;
  /** How the interval of the remaining days' total was found: the exact variance of the total, or simulated paths (multiplicative seasonality). */
  interval: 'analytic' | 'simulated';
  /** The metric over the complete days of the period so far (today's running day is forecast, not counted). */
  actual: number;
  /** The daily history fitted. */
  fitted: { from: string; to: string; days: number };
}

export interface GoalForecastSpec {
  metric: string;
  target: number;
  direction: GoalDirection;
  from: string;
  to: string;
}

/** A forecast, or why there is none. */
export type GoalForecastResult = { forecast: GoalForecast; note?: undefined } | { forecast: null; note: string };

/**
 * The days whose values a goal's forecast fits: from HISTORY_DAYS before the
 * period (or before today when the period is yet to start) through yesterday,
 * the last complete day. Null once the period has ended.
 *
 * @example goalHistoryWindow({ from: '2026-03-01', to: '2026-03-31' }, '2026-03-10') // → { from: '2026-01-04', to: '2026-03-09' }
 */
export function goalHistoryWindow(goal: { from: string; to: string }, today: string): { from: string; to: string } | null {
  if (today > goal.to) return null;
  const start = goal.from < today ? goal.from : today;
  return { from: addDays(start, -HISTORY_DAYS), to: addDays(today, -1) };
}

/**
 * Why a metric's value over a period is not the sum of its daily values (so
 * a goal on it gets no forecast), or undefined when it is. Ratios and
 * balances do not add up over days; nor do distinct counts, which count a
 * person or customer once over the whole period however many days they appear.
 *
 * @example whyNotSummed(cpa) // → 'cpa does not add up over days (cost / conversions): …'
 */
export function whyNotSummed(metric: CatalogMetric): string | undefined {
  if (!metric.cumulative) {
    return `${metric.id} does not add up over days (${metric.formula}): its value over the period is not the sum of daily values, so the goal has a pace but no forecast`;
  }
  const distinct = metric.measures.some((id) => {
    const measure = (FACTS[MEASURE_FACT.get(id)!].measures as Record<string, Measure>)[id];
    return measure.customerValue === undefined && measure.expr.kind === 'aggregate' && measure.expr.fn === 'count_distinct';
  });
  if (distinct) {
    return `${metric.id} counts distinct ones over the whole period (${metric.formula}), not the sum of daily counts, so the goal has a pace but no forecast`;
  }
  return undefined;
}

/**
 * The forecast of a goal on a metric that adds up over days, from its daily
 * `series` over goalHistoryWindow (oldest first, through yesterday). Days
 * before the period at the very start of the history that hold 0 are taken as
 * days before any data was loaded and left out. The fit is forecastSeries
 * with model auto, by day, with a season of 7 from two full weeks of history
 * (1 before); the remaining days of the period (today on) are forecast and
 * their total, with its own interval (see forecastSeriesTotal: the points'
 * errors are correlated, so that interval is not the sum of theirs), added to
 * the complete days of the period so far. Too little history, or data no model
 * suits, is no forecast and a note saying why.
 *
 * @example
 * forecastGoal({ metric: 'cost', target: 31_000, direction: 'up', from: '2026-03-01', to: '2026-03-31' }, dailyCost, '2026-03-10')
 * // → { forecast: { value: actual + Σ forecast of 03-10…03-31, lower, upper, level: 0.95, model: 'additive', status, actual: Σ 03-01…03-09, … } }
 */
export function forecastGoal(goal: GoalForecastSpec, series: readonly SeriesPoint[], today: string): GoalForecastResult {
  if (today > goal.to) return { forecast: null, note: `the period ended on ${goal.to}: its value is final` };
  let start = 0;
  while (start < series.length && series[start].date < goal.from && series[start].value === 0) start++;
  const history = series.slice(start);
  if (history.length < MIN_HISTORY_DAYS) {
    return {
      forecast: null,
      note: `a forecast needs at least ${MIN_HISTORY_DAYS} complete days of ${goal.metric}; ${history.length === 0 ? 'there are none yet' : `there ${history.length === 1 ? 'is 1' : `are ${history.length}`} (${history[0].date} on)`}`,
    };
  }
  const horizon = dayCount(today, goal.to);
  if (horizon > MAX_HORIZON) return { forecast: null, note: `the period ends ${horizon} days from today: a forecast reaches ${MAX_HORIZON} days at most` };
  const first = goal.from > today ? dayCount(today, goal.from) : 1;
  let projected;
  try {
    projected = forecastSeriesTotal({ series: history, horizon, grain: 'day', season: history.length >= 2 * WEEK ? WEEK : 1, model: 'auto', level: GOAL_FORECAST_LEVEL }, first);
  } catch (err) {
    if (err instanceof QueryError || err instanceof ValidationError) return { forecast: null, note: `the daily ${goal.metric} cannot be forecast: ${err.message}` };
    throw err;
  }
  const actual = history.reduce((sum, p) => (p.date >= goal.from ? sum + p.value : sum), 0);
  const { total } = projected;
  const value = actual + total.value;
  const lower = actual + total.lower;
  const upper = actual + total.upper;
  return {
    forecast: {
      value,
      lower,
      upper,
      level: GOAL_FORECAST_LEVEL,
      model: projected.model,
      status: forecastStatus(goal, lower, upper),
      interval: total.interval,
      actual,
      fitted: { from: history[0].date, to: history[history.length - 1].date, days: history.length },
    },
  };
}

/** Whether the target lies beyond the interval on the good side (on_track), inside it (at_risk), or beyond it on the bad side (off_track). */
export function forecastStatus(goal: { target: number; direction: GoalDirection }, lower: number, upper: number): GoalForecastStatus {
  const up = goal.direction === 'up';
  if (up ? lower >= goal.target : upper <= goal.target) return 'on_track';
  if (up ? upper < goal.target : lower > goal.target) return 'off_track';
  return 'at_risk';
}
