// Turns credited paths into the rows marketers read: per key the attributed
// conversions and revenue, the cost, CPA, ROAS and share, and (on request) a
// bootstrap interval with a warning where too few journeys stand behind it.
// Pure: the service feeds it paths and costs.
import type { AttributionModel } from '../model/attribution.js';
import type { AttributionParams } from './attribution-input.js';
import { bootstrapIntervals, countConvertingJourneys, DEFAULT_MIN_JOURNEYS, type KeyInterval } from './bootstrap.js';
import type { AggregatedPath } from './paths.js';
import { runModel, type KeyRules, type ModelDetails } from './run-model.js';

export interface AttributionRow {
  model: AttributionModel;
  key: string;
  /** The campaign's name, where the key is a campaign id and one is known. */
  name?: string | null;
  conversions: number;
  revenue: number;
  cost: number | null;
  cpa: number | null;
  roas: number | null;
  /** Share of all conversions, 0..1. */
  share: number;
  interval?: { conversions: [number, number]; revenue: [number, number] };
  /** Set when fewer converting journeys than the interval needs stand behind the key. */
  warning?: string;
}

export interface ModelAnswer {
  model: AttributionModel;
  rows: AttributionRow[];
  details?: ModelDetails;
}

export interface Costs {
  byKey: ReadonlyMap<string, number>;
  names?: ReadonlyMap<string, string | null>;
}

/**
 * The rows of one model, highest attributed conversions first; keys with cost
 * but no credit are listed too (zero conversions: CPA has no value, ROAS 0).
 */
export function modelAnswer(model: AttributionModel, paths: readonly AggregatedPath[], params: AttributionParams, keys: KeyRules, costs: Costs | null): ModelAnswer {
  const run = runModel(model, paths, params, keys);
  const total = [...run.credits.values()].reduce((sum, c) => sum + c.conversions, 0);
  const intervals = params.intervals ? modelIntervals(model, paths, params, keys, run.details) : null;
  const converting = params.intervals ? countConvertingJourneys(paths, keys.noTouchKey) : null;
  const allKeys = new Set([...run.credits.keys(), ...(costs ? [...costs.byKey].filter(([, cost]) => cost > 0).map(([k]) => k) : [])]);
  const rows = [...allKeys].map((key): AttributionRow => {
    const credit = run.credits.get(key) ?? { conversions: 0, revenue: 0 };
    const cost = costs ? (costs.byKey.get(key) ?? 0) : null;
    const row: AttributionRow = {
      model,
      key,
      ...(costs?.names ? { name: costs.names.get(key) ?? null } : {}),
      conversions: credit.conversions,
      revenue: credit.revenue,
      cost,
      cpa: cost === null || credit.conversions === 0 ? null : cost / credit.conversions,
      roas: cost === null || cost === 0 ? null : credit.revenue / cost,
      share: total === 0 ? 0 : credit.conversions / total,
    };
    const interval = intervals?.get(key);
    if (interval) row.interval = { conversions: [interval.conversions.low, interval.conversions.high], revenue: [interval.revenue.low, interval.revenue.high] };
    const journeys = converting?.get(key) ?? 0;
    if (converting && credit.conversions > 0 && journeys < DEFAULT_MIN_JOURNEYS) {
      row.warning = `only ${journeys} converting journeys touch ${key}: too few to trust this credit`;
    }
    return row;
  });
  rows.sort((a, b) => b.conversions - a.conversions || (b.cost ?? 0) - (a.cost ?? 0) || a.key.localeCompare(b.key));
  return { model, rows, ...(run.details ? { details: run.details } : {}) };
}

/** Bootstrap intervals of a model's credit; Markov keeps the order it used (auto chooses once, on all the data). */
function modelIntervals(model: AttributionModel, paths: readonly AggregatedPath[], params: AttributionParams, keys: KeyRules, details?: ModelDetails): Map<string, KeyInterval> {
  const fixed: AttributionParams = { ...params, order: details?.order ?? params.order };
  return bootstrapIntervals(paths, (sample) => runModel(model, sample, fixed, keys, false).credits, {
    resamples: params.resamples,
    seed: params.seed,
    noTouchKey: keys.noTouchKey,
  });
}

/** The paths that converted most, for the path list: touches, conversions, revenue, journeys that did not convert. */
export function topPaths(paths: readonly AggregatedPath[], limit = 20): { path: string[]; conversions: number; revenue: number; nulls: number }[] {
  const merged = new Map<string, { path: string[]; conversions: number; revenue: number; nulls: number }>();
  for (const p of paths) {
    const id = JSON.stringify(p.touches);
    const found = merged.get(id) ?? { path: p.touches, conversions: 0, revenue: 0, nulls: 0 };
    found.conversions += p.conversions;
    found.revenue += p.revenue;
    found.nulls += p.nulls;
    merged.set(id, found);
  }
  return [...merged.values()]
    .filter((p) => p.conversions > 0)
    .sort((a, b) => b.conversions - a.conversions || b.revenue - a.revenue)
    .slice(0, limit);
}
