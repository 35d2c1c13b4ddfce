// Which models a series allows and which of them to keep: a named model must
// suit the series (or the caller hears why not); 'auto' fits every model the
// series allows and keeps the one with the lowest AICc.
import { QueryError } from '../core/errors.js';
import type { ModelChoice } from './forecast-input.js';
import type { SmoothingFit } from './fit-smoothing.js';
import { fitSmoothing } from './fit-smoothing.js';
import { minimumObservations } from './information-criteria.js';
import type { SmoothingModel, TrendKind } from './smoothing.js';
import { modelName } from './smoothing.js';

/**
 * The models a choice stands for, simplest first: a named model with its
 * trend damped or not; 'auto' all seven (or, with `damped` set, the simple
 * model and the trended ones of that kind).
 *
 * @example candidateModels('additive', true, 12) // → [{ trend: 'damped', season: 'additive', period: 12 }]
 */
export function candidateModels(choice: ModelChoice, damped: boolean | undefined, period: number): SmoothingModel[] {
  const trends: TrendKind[] = damped === undefined ? (choice === 'auto' ? ['additive', 'damped'] : ['additive']) : [damped ? 'damped' : 'additive'];
  const simple: SmoothingModel = { trend: 'none', season: 'none', period: 1 };
  const holt = trends.map((trend): SmoothingModel => ({ trend, season: 'none', period: 1 }));
  const seasonal = (season: 'additive' | 'multiplicative') => trends.map((trend): SmoothingModel => ({ trend, season, period }));
  if (choice === 'simple') return [simple];
  if (choice === 'holt') return holt;
  if (choice === 'additive') return seasonal('additive');
  if (choice === 'multiplicative') return seasonal('multiplicative');
  return [simple, ...holt, ...seasonal('additive'), ...seasonal('multiplicative')];
}

/**
 * Why a series does not suit a model, as a QueryError naming the field to
 * change; undefined when it does. Seasonal models need a season of at least 2
 * periods and two full seasons of data, multiplicative seasonality values > 0,
 * and every model k + 2 observations (k as in parameterCount).
 *
 * @example unsuitability({ trend: 'additive', season: 'multiplicative', period: 12 }, [5, 0, 3]) // → QueryError: … needs two full seasons …
 */
export function unsuitability(model: SmoothingModel, values: readonly number[]): QueryError | undefined {
  const name = modelName(model);
  const n = values.length;
  if (model.season !== 'none') {
    if (model.period < 2) return new QueryError(`the ${name} model needs a season of at least 2 periods, got ${model.period}`, { field: 'season' });
    if (n < 2 * model.period) {
      return new QueryError(`the ${name} model needs at least two full seasons: ${2 * model.period} values for a season of ${model.period}, the series has ${n}`, { field: 'series' });
    }
  }
  if (model.season === 'multiplicative') {
    const index = values.findIndex((y) => !(y > 0));
    if (index >= 0) return new QueryError(`the ${name} model needs values > 0: series[${index}].value is ${values[index]} (use the additive model)`, { field: 'series', index });
  }
  const needed = minimumObservations(model);
  if (n < needed) return new QueryError(`the ${name} model needs at least ${needed} values, the series has ${n}`, { field: 'series' });
  return undefined;
}

/**
 * Fits the model a choice names, or with 'auto' every model the series
 * suits, keeping the lowest AICc (ties go to the simpler model). Throws the
 * QueryError of unsuitability when the named model, or no model at all, suits.
 *
 * @example selectModel(airPassengers, 'auto', undefined, 12).name // → 'multiplicative'
 */
export function selectModel(values: readonly number[], choice: ModelChoice, damped: boolean | undefined, period: number): SmoothingFit {
  const candidates = candidateModels(choice, damped, period);
  let best: SmoothingFit | undefined;
  let firstProblem: QueryError | undefined;
  for (const model of candidates) {
    const problem = unsuitability(model, values);
    if (problem) {
      if (choice !== 'auto') throw problem;
      firstProblem ??= problem;
      continue;
    }
    const fit = fitSmoothing(values, model);
    if (!Number.isFinite(fit.sse)) {
      if (choice !== 'auto') throw new QueryError(`the ${fit.name} model breaks down on this series (its one-step forecasts stop being finite): use another model`, { field: 'model' });
      continue;
    }
    if (best === undefined || fit.aicc < best.aicc) best = fit;
  }
  if (best === undefined) throw firstProblem ?? new QueryError('no model could be fitted to this series', { field: 'series' });
  return best;
}
