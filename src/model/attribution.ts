// Attribution vocabulary (KPIS.md ATTRIBUTION): the models a workspace may
// choose, and the single-touch models metric queries credit conversions with.

export const ATTRIBUTION_MODELS = [
  'first_touch',
  'last_touch',
  'last_non_direct',
  'linear',
  'time_decay',
  'position_based',
  'markov',
  'shapley',
] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

/** Models the metrics layer can credit conversions with (the attribution module adds the rest). */
export const QUERY_ATTRIBUTION_MODELS = ['last_non_direct', 'first_touch', 'last_touch'] as const;
export type QueryAttributionModel = (typeof QUERY_ATTRIBUTION_MODELS)[number];

/** How a query credits conversions: the model and how many days before a conversion a touch may be. */
export interface AttributionChoice {
  model: QueryAttributionModel;
  lookback_days: number;
}
