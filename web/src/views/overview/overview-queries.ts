// The overview's questions to /v1/query, built from the view state. Pure.
import type { QueryBody } from '../../api/client';
import type { ChartGrain, ViewState } from '../../frame/url-state';
import { queryFilters } from '../../frame/url-state';

/** The tiles' values over the range, with the previous period and % change. */
export function tilesQuery(state: ViewState, metrics: string[]): QueryBody {
  return { metrics, from: state.range.from, to: state.range.to, filters: queryFilters(state.filters), compare: 'previous_period' };
}

/** The tiles' sparklines: the same metrics per bucket of the grain. */
export function sparklinesQuery(state: ViewState, metrics: string[], grain: ChartGrain): QueryBody {
  return { metrics, grain, from: state.range.from, to: state.range.to, filters: queryFilters(state.filters) };
}

/** The trend chart: one metric per bucket, beside its previous period. */
export function trendQuery(state: ViewState, metric: string, grain: ChartGrain): QueryBody {
  return { metrics: [metric], grain, from: state.range.from, to: state.range.to, filters: queryFilters(state.filters), compare: 'previous_period' };
}
