// The attribution view's questions to POST /v1/attribution, from the view
// state: every model side by side for the chart and the paths, and one model
// with its 90 % intervals for the table. Pure.
import type { AttributionBody } from '../../api/client';
import type { ViewState } from '../../frame/url-state';

export const VIEW_DIMENSIONS = ['channel', 'campaign'] as const;
export type ViewDimension = (typeof VIEW_DIMENSIONS)[number];
export const DEFAULT_TABLE_MODEL = 'markov';

export function dimensionOf(param: string | null): ViewDimension {
  return (VIEW_DIMENSIONS as readonly string[]).includes(param ?? '') ? (param as ViewDimension) : 'channel';
}

export function compareQuery(state: ViewState, dimension: ViewDimension): AttributionBody {
  return { model: 'compare', dimension, from: state.range.from, to: state.range.to };
}

export function tableQuery(state: ViewState, dimension: ViewDimension, model: AttributionBody['model']): AttributionBody {
  return { model, dimension, from: state.range.from, to: state.range.to, intervals: true };
}

/** The keys the chart shows: the most credited under any model, at most `limit`. */
export function chartKeys(models: { rows: { key: string; conversions: number }[] }[], limit = 8): string[] {
  const best = new Map<string, number>();
  for (const m of models) for (const r of m.rows) best.set(r.key, Math.max(best.get(r.key) ?? 0, r.conversions));
  return [...best].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([k]) => k);
}
