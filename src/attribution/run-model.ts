// One model over aggregated paths: the credit per key, and what the
// data-driven models can show of their workings (removal effects and the
// transition matrix of Markov, the raw values of Shapley). Pure.
import type { AttributionModel } from '../model/attribution.js';
import type { AttributionParams } from './attribution-input.js';
import { creditHeuristic, HEURISTIC_MODELS, type HeuristicModel } from './heuristic-models.js';
import { attributeMarkov } from './markov.js';
import type { AggregatedPath, Credits } from './paths.js';
import { attributeShapley } from './shapley.js';

/** The keys the rules need: the one last_non_direct passes over, and the one conversions without a touch go to. */
export interface KeyRules {
  directKey: string;
  noTouchKey: string;
}

export interface ModelDetails {
  /** Markov: the order used (chosen, with `order: auto`), each key's removal effect, and the chain's transitions. */
  order?: number;
  order_scores?: { order: number; log_likelihood: number }[];
  conversion_probability?: number;
  removal_effects?: Record<string, number>;
  transitions?: { from: string; to: string; probability: number }[];
  transition_count?: number;
  /** Shapley: exact or sampled, the values before they are scaled to the conversions, and their standard errors when sampled. */
  method?: 'exact' | 'sampling';
  shapley_values?: Record<string, number>;
  standard_errors?: Record<string, number>;
}

export interface ModelRun {
  credits: Credits;
  details?: ModelDetails;
}

const isHeuristic = (model: AttributionModel): model is HeuristicModel => (HEURISTIC_MODELS as readonly string[]).includes(model);

/**
 * Credits the paths under a model.
 *
 * @example runModel('linear', [{ touches: ['Email', 'Paid Search'], conversions: 2, revenue: 100, nulls: 0 }], params, { directKey: 'Direct', noTouchKey: 'Direct' })
 * // → credits Email 1 conversion / 50, Paid Search 1 / 50
 */
export function runModel(model: AttributionModel, paths: readonly AggregatedPath[], params: AttributionParams, keys: KeyRules, withDetails = true): ModelRun {
  if (isHeuristic(model)) {
    return { credits: creditHeuristic(model, paths, { ...keys, halfLifeDays: params.half_life_days, positionWeights: params.position_weights }) };
  }
  if (model === 'markov') {
    const result = attributeMarkov(paths, { order: params.order, noTouchKey: keys.noTouchKey, seed: params.seed });
    if (!withDetails) return { credits: result.credits };
    return {
      credits: result.credits,
      details: {
        order: result.order,
        ...(result.orderSelection ? { order_scores: result.orderSelection.scores.map((s) => ({ order: s.order, log_likelihood: s.logLikelihood })) } : {}),
        conversion_probability: result.removalEffects.conversionProbability,
        removal_effects: Object.fromEntries(result.removalEffects.conversion),
        transitions: result.transitions,
        transition_count: result.transitionCount,
      },
    };
  }
  const result = attributeShapley(paths, { noTouchKey: keys.noTouchKey, sampling: params.sampling, seed: params.seed });
  if (!withDetails) return { credits: result.credits };
  return {
    credits: result.credits,
    details: {
      method: result.method,
      shapley_values: Object.fromEntries(result.values),
      ...(result.standardErrors ? { standard_errors: Object.fromEntries(result.standardErrors) } : {}),
    },
  };
}
