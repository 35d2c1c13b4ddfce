// A link that opens a firing's query in the dashboard: its Overview with the
// query's dates, first metric, grain and filters in the address, the form the
// dashboard reads a shared view from. Pure.
import type { FiringQuery } from './alert-firing.js';

/** The filters the dashboard's address can hold: these dimensions, a list of values. */
const LINKABLE_DIMENSIONS = new Set(['channel', 'platform', 'campaign']);
const LINKABLE_GRAINS = new Set(['day', 'week', 'month']);

/**
 * The dashboard URL of the query under `baseUrl` (where Beacon is reached,
 * e.g. `https://beacon.example/`), or null when the dashboard could not show
 * the same thing: a filter on another dimension, another operator than
 * `in`/`eq`, or a value holding a comma (the address separates values by
 * commas).
 *
 * @example
 * dashboardQueryLink('https://beacon.example', { metrics: ['cpa'], from: '2026-11-01', to: '2026-11-30', grain: 'day',
 *   filters: [{ dimension: 'channel', op: 'in', values: ['Paid Search'] }] })
 * // → 'https://beacon.example/?from=2026-11-01&to=2026-11-30&metric=cpa&grain=day&channel=Paid+Search'
 */
export function dashboardQueryLink(baseUrl: string, query: FiringQuery): string | null {
  const url = new URL(baseUrl);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.metrics.length > 0) params.set('metric', query.metrics[0]);
  if (query.grain && LINKABLE_GRAINS.has(query.grain)) params.set('grain', query.grain);
  for (const filter of query.filters ?? []) {
    const linkable = LINKABLE_DIMENSIONS.has(filter.dimension) && (filter.op === 'in' || filter.op === 'eq') && !params.has(filter.dimension);
    if (!linkable || filter.values.some((v) => v.includes(','))) return null;
    params.set(filter.dimension, filter.values.join(','));
  }
  url.search = params.toString();
  return url.toString();
}
