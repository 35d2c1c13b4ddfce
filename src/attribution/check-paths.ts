// The checks every data-driven model runs on its input paths before fitting:
// counts and revenue must be usable numbers, so a bad path file or warehouse
// row is the caller's 400, not a NaN in the credits.
import { ValidationError } from '../core/errors.js';
import type { AggregatedPath } from './paths.js';

const MAX_LISTED = 20;

/**
 * Throws one ValidationError listing every path whose conversions, nulls or
 * revenue are negative or not finite, whose revenue has no conversion to
 * belong to, or whose touch keys are empty.
 *
 * @example checkPaths([{ touches: ['Email'], conversions: 1, revenue: 20, nulls: 3 }]) // passes
 */
export function checkPaths(paths: readonly AggregatedPath[]): void {
  const problems: string[] = [];
  paths.forEach((path, index) => {
    for (const field of ['conversions', 'nulls', 'revenue'] as const) {
      const value = path[field];
      if (!Number.isFinite(value) || value < 0) problems.push(`path ${index}: ${field} must be a finite number ≥ 0, got ${value}`);
    }
    if (path.revenue > 0 && path.conversions === 0) problems.push(`path ${index}: revenue ${path.revenue} without a conversion`);
    if (path.touches.some((touch) => typeof touch !== 'string' || touch === '')) problems.push(`path ${index}: a touch key is empty`);
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_LISTED);
    throw new ValidationError(`${problems.length} invalid attribution path(s): ${shown.join('; ')}${problems.length > MAX_LISTED ? '; …' : ''}`, { problems: shown });
  }
}
