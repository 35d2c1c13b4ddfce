// The forecast view's choices (kept in the address), its two questions — the
// forecast of a metric's totals (POST /v1/forecast) and the same totals as
// observed (/v1/query) — and what the page derives from the answers: the model
// and its season in words, the rows the chart draws. Pure.
import type { ForecastReport, MetricForecastBody, QueryBody, QueryResult } from '../../api/client';
import { addDays, defaultGrain, type DateRange } from '../../frame/date-range';
import { GRAINS, queryFilters, type ChartGrain, type FilterDimension } from '../../frame/url-state';

export const MODEL_CHOICES = ['auto', 'simple', 'holt', 'additive', 'multiplicative'] as const;
export type ModelChoice = (typeof MODEL_CHOICES)[number];
export type FittedModel = ForecastReport['model'];

/** The view's address parameters; `metric` and `grain` are the overview chart's too, so a metric travels between them. */
export const PARAMS = { metric: 'metric', grain: 'grain', horizon: 'horizon', model: 'forecast_model', damped: 'damped', level: 'level' } as const;

export const DEFAULT_METRIC = 'cost';
/** Coverage of the prediction interval, in %. */
export const DEFAULT_LEVEL = 95;
export const LEVEL_CHOICES: readonly number[] = [80, 90, 95, 99];
/** The API forecasts at most this many periods; days are capped the same. */
export const MAX_HORIZON_DAYS = 1000;
export const HORIZON_CHOICES: readonly number[] = [7, 14, 28, 30, 56, 90, 180, 365];
/** A horizon that reads well at each grain: two weeks of days, eight weeks, six months. */
export const DEFAULT_HORIZON: Readonly<Record<ChartGrain, number>> = { day: 14, week: 56, month: 180 };

export interface ForecastChoices {
  metric: string;
  grain: ChartGrain;
  /** Days to forecast after the last complete day, week or month. */
  horizonDays: number;
  model: ModelChoice;
  /** Damp the trend (true), never (false), or let the model choice decide (null). */
  damped: boolean | null;
  /** Coverage of the prediction interval, in % (0–100, exclusive). */
  level: number;
}

export const MODEL_CHOICE_LABELS: Record<ModelChoice, string> = {
  auto: 'Best fit (lowest AICc)',
  simple: 'Simple (level only)',
  holt: 'Holt (trend)',
  additive: 'Holt-Winters additive',
  multiplicative: 'Holt-Winters multiplicative',
};

const MODEL_NAMES: Record<FittedModel, string> = {
  simple: 'Simple exponential smoothing',
  holt: 'Holt’s linear trend',
  'holt-damped': 'Holt, damped trend',
  additive: 'Holt-Winters additive',
  'additive-damped': 'Holt-Winters additive, damped trend',
  multiplicative: 'Holt-Winters multiplicative',
  'multiplicative-damped': 'Holt-Winters multiplicative, damped trend',
};

/** A fitted model in words: "Holt-Winters additive, damped trend". */
export function modelName(model: FittedModel): string {
  return MODEL_NAMES[model];
}

/**
 * The choices of an address over a range; a bad value is named in `problems`
 * and its default used. Whether the metric is in the catalog is checked
 * separately (metricProblem), once the catalog is known.
 */
export function parseForecastChoices(params: URLSearchParams, range: DateRange): { choices: ForecastChoices; problems: string[] } {
  const problems: string[] = [];
  const metric = params.get(PARAMS.metric)?.trim() || DEFAULT_METRIC;
  const fallbackGrain = defaultGrain(range);
  const grain = oneOf(GRAINS, params.get(PARAMS.grain), 'grain', fallbackGrain, problems);
  const model = oneOf(MODEL_CHOICES, params.get(PARAMS.model), 'forecast model', 'auto', problems);

  let horizonDays = DEFAULT_HORIZON[grain];
  const horizonText = params.get(PARAMS.horizon);
  if (horizonText) {
    const days = Number(horizonText);
    if (Number.isInteger(days) && days >= 1 && days <= MAX_HORIZON_DAYS) horizonDays = days;
    else problems.push(`The horizon must be a whole number of days from 1 to ${MAX_HORIZON_DAYS} (the address says "${horizonText}"); forecasting ${horizonDays} days.`);
  }

  let damped: boolean | null = null;
  const dampedText = params.get(PARAMS.damped);
  if (dampedText === 'yes' || dampedText === 'no') damped = dampedText === 'yes';
  else if (dampedText) problems.push(`Unknown trend damping "${dampedText}" (yes or no); ${model === 'auto' ? 'trying both' : 'not damping the trend'}.`);
  if (model === 'simple') damped = null;

  let level = DEFAULT_LEVEL;
  const levelText = params.get(PARAMS.level);
  if (levelText) {
    const percent = Number(levelText);
    if (Number.isFinite(percent) && percent > 0 && percent < 100) level = percent;
    else problems.push(`The interval must be a % between 0 and 100 (the address says "${levelText}"); showing ${DEFAULT_LEVEL}%.`);
  }
  return { choices: { metric, grain, horizonDays, model, damped, level }, problems };
}

function oneOf<T extends string>(values: readonly T[], text: string | null, name: string, fallback: T, problems: string[]): T {
  if (text === null || text === '') return fallback;
  if ((values as readonly string[]).includes(text)) return text as T;
  problems.push(`Unknown ${name} "${text}" (one of ${values.join(', ')}); showing ${fallback}.`);
  return fallback;
}

/** The address parameters of the choices changed: defaults that do not depend on the range (auto, 95 %, no damping set) are left out. */
export function choiceParams(change: Partial<ForecastChoices>): Record<string, string | null> {
  const params: Record<string, string | null> = {};
  if (change.metric !== undefined) params[PARAMS.metric] = change.metric;
  if (change.grain !== undefined) params[PARAMS.grain] = change.grain;
  if (change.horizonDays !== undefined) params[PARAMS.horizon] = String(change.horizonDays);
  if (change.model !== undefined) params[PARAMS.model] = change.model === 'auto' ? null : change.model;
  if (change.damped !== undefined) params[PARAMS.damped] = change.damped === null ? null : change.damped ? 'yes' : 'no';
  // The simple model has no trend to damp.
  if (change.model === 'simple') params[PARAMS.damped] = null;
  if (change.level !== undefined) params[PARAMS.level] = change.level === DEFAULT_LEVEL ? null : String(change.level);
  return params;
}

/** Why the metric of the address cannot be shown, when the catalog lacks it; null when it has it. */
export function metricProblem(metric: string, catalog: ReadonlySet<string>): string | null {
  return catalog.has(metric) ? null : `There is no metric "${metric}" in the catalog; forecasting ${DEFAULT_METRIC}.`;
}

/** The body of POST /v1/forecast for the choices over the toolbar's range and filters. */
export function forecastBody(choices: ForecastChoices, range: DateRange, filters: Record<FilterDimension, string[]>): MetricForecastBody {
  const chosen = queryFilters(filters);
  return {
    metric: choices.metric,
    from: range.from,
    to: range.to,
    grain: choices.grain,
    horizon_days: choices.horizonDays,
    ...(chosen.length > 0 ? { filters: chosen } : {}),
    ...(choices.model === 'auto' ? {} : { model: choices.model }),
    ...(choices.damped === null || choices.model === 'simple' ? {} : { damped: choices.damped }),
    ...(choices.level === DEFAULT_LEVEL ? {} : { level: choices.level / 100 }),
  };
}

/** The same totals as observed, per bucket of the grain: the history the chart draws. */
export function historyQuery(choices: ForecastChoices, range: DateRange, filters: Record<FilterDimension, string[]>): QueryBody {
  return { metrics: [choices.metric], grain: choices.grain, from: range.from, to: range.to, filters: queryFilters(filters) };
}

/** A horizon in days as the picker lists it: "14 days", "28 days (4 weeks)", "365 days (a year)". */
export function horizonLabel(days: number): string {
  const plain = days === 1 ? '1 day' : `${days} days`;
  if (days === 365) return `${plain} (a year)`;
  if (days >= 28 && days % 7 === 0) return `${plain} (${days / 7} weeks)`;
  return plain;
}

const SEASON_NAMES: Readonly<Record<ChartGrain, Record<number, string>>> = { day: { 7: 'weekly' }, week: { 52: 'yearly' }, month: { 12: 'yearly' } };

/** The season the fitted model used, as a figure: its length and kind, or why there is none. */
export function seasonFigure(report: Pick<ForecastReport, 'model' | 'season' | 'grain' | 'fitted'>): { value: string; detail: string } {
  const periods = `${report.season} ${report.grain}${report.season === 1 ? '' : 's'}`;
  if (report.model.startsWith('additive') || report.model.startsWith('multiplicative')) {
    const kind = SEASON_NAMES[report.grain][report.season];
    const how = report.model.startsWith('additive') ? 'added to' : 'multiplying';
    return { value: periods, detail: `${kind ? `a ${kind} pattern` : 'a repeating pattern'} ${how} the level` };
  }
  if (report.season <= 1) return { value: 'None', detail: 'no season was offered' };
  const observed = report.fitted.length;
  if (observed < 2 * report.season) return { value: 'None', detail: `a season of ${periods} needs ${2 * report.season} ${report.grain}s of history, the fit has ${observed}` };
  return { value: 'None', detail: `a season of ${periods} was offered, not used` };
}

/** A smoothing parameter as the page writes it: three decimals ("<0.001" for less), a dash where the model has none. */
export function formatParameter(value: number | null): string {
  if (value === null) return '—';
  if (value > 0 && value < 0.0005) return '<0.001';
  return value.toFixed(3);
}

/** A bucket as the table names it: the day, the week (by its Monday) or the month. */
export function periodLabel(date: string, grain: ChartGrain): string {
  if (grain === 'week') return `Week of ${date}`;
  if (grain === 'month') return new Date(`${date}T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return date;
}

/** The weekday of a date ("Mon"), beside a day's forecast. */
export function weekday(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleString('en-US', { weekday: 'short', timeZone: 'UTC' });
}

/** One date of the chart: what was observed and fitted there, or what is forecast. */
export interface ChartRow {
  date: string;
  actual: number | null;
  fitted: number | null;
  forecast: number | null;
  lower: number | null;
  upper: number | null;
}

/**
 * The chart's dates and values: every date fitted with its observed and
 * fitted values, then every forecast date with its point and interval. The
 * last observed date starts the forecast line and its band (at the observed
 * value, no width), so the forecast continues from what happened.
 */
export function chartRows(report: Pick<ForecastReport, 'fitted' | 'points'>, history: QueryResult | undefined, metric: string): ChartRow[] {
  const observed = new Map<string, number>();
  for (const row of history?.rows ?? []) {
    const value = row[metric];
    if (typeof value === 'number') observed.set(String(row.date), value);
  }
  const rows: ChartRow[] = report.fitted.map((f) => ({ date: f.date, actual: observed.get(f.date) ?? null, fitted: f.value, forecast: null, lower: null, upper: null }));
  const last = rows[rows.length - 1];
  if (last && last.actual !== null && report.points.length > 0) Object.assign(last, { forecast: last.actual, lower: last.actual, upper: last.actual });
  for (const p of report.points) rows.push({ date: p.date, actual: null, fitted: null, forecast: p.value, lower: p.lower, upper: p.upper });
  return rows;
}

/** The days the forecast covers, first to last (a week or month forecast ends on the last day of its last period). */
export function forecastSpan(report: Pick<ForecastReport, 'points' | 'grain'>): DateRange | null {
  const first = report.points[0]?.date;
  const last = report.points[report.points.length - 1]?.date;
  if (!first || !last) return null;
  if (report.grain === 'day') return { from: first, to: last };
  if (report.grain === 'week') return { from: first, to: addDays(last, 6) };
  const [y, m] = last.split('-').map(Number);
  return { from: first, to: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
}
