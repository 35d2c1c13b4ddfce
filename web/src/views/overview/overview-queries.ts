// The overview's questions to /v1/query and /v1/anomalies, built from the view state. Pure.
import type { AnomalyBody, QueryBody } from '../../api/client';
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

/** The trend chart's anomalies: the same metric, filters, grain and range, judged against the history before it. */
export function anomalyQuery(state: ViewState, metric: string, grain: ChartGrain): AnomalyBody {
  return { metric, grain, from: state.range.from, to: state.range.to, filters: queryFilters(state.filters) };
}
