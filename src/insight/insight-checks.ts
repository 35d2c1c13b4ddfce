// Checks the insight requests share, each returning the problem it finds
// (field and message) so a request can name every bad field in one 400: a
// metric of the workspace's catalog, a dimension of the query dimensions, and
// a date range of the calendar. Pure.
import { didYouMean } from '../core/closest.js';
import { isValidDate } from '../core/time.js';
import type { Problem } from '../metrics/body-checks.js';
import { DIMENSIONS, type Dimension } from '../metrics/types.js';

/**
 * @example metricProblem('cpq', new Set(['cpa', 'cpc'])) // → { field: 'metric', message: 'is not a metric: "cpq"; did you mean cpa or cpc? (beacon metrics, or GET /v1/catalog, lists every metric)' }
 */
export function metricProblem(id: string, catalog: { has(id: string): boolean; keys(): Iterable<string> }, field = 'metric'): Problem | null {
  if (catalog.has(id)) return null;
  return { field, message: `is not a metric: "${id}"${didYouMean(id, catalog.keys())} (beacon metrics, or GET /v1/catalog, lists every metric)` };
}

/** True for one of the query dimensions. */
export const isDimension = (value: string): value is Dimension => (DIMENSIONS as readonly string[]).includes(value);

/**
 * @example dimensionProblem('chanel', 'by') // → { field: 'by', message: 'is not a dimension: "chanel"; did you mean channel? (one of channel, platform, …)' }
 */
export function dimensionProblem(value: string, field: string): Problem | null {
  if (isDimension(value)) return null;
  return { field, message: `is not a dimension: "${value}"${didYouMean(value, DIMENSIONS)} (one of ${DIMENSIONS.join(', ')})` };
}

/** Each date that is no day of the calendar, and a range that ends before it starts. */
export function dateRangeProblems(from: string, to: string): Problem[] {
  const problems: Problem[] = [];
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    if (!isValidDate(value)) problems.push({ field, message: `"${value}" is not a date of the calendar` });
  }
  if (problems.length === 0 && from > to) problems.push({ field: 'from', message: `(${from}) is after to (${to})` });
  return problems;
}
