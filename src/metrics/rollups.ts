// Rollups: smaller relations kept by the derived view that answer some
// measures of a fact exactly. The planner reads a measure from a rollup when
// the query needs nothing the rollup lacks: every dimension it is split or
// filtered by, and buckets of a day or longer.
import { col, countDistinct } from '../sql/ast.js';
import type { Grain } from '../core/time.js';
import { TRAFFIC_DIMS, type Fact } from './facts.js';
import type { Dimension, Filter } from './types.js';

/**
 * Visitors from the visitor days (one row per anonymous_id, local day and
 * traffic attributes) instead of every on-site event: the same exact count,
 * over a few rows per visitor and day.
 */
const VISITOR_DAYS: Fact = {
  id: 'visitor_days',
  rollupOf: 'events',
  relation: 'visitor_day_facts',
  time: { column: 'day', kind: 'date' },
  dimensions: TRAFFIC_DIMS,
  measures: { visitors: { expr: countDistinct([col('anonymous_id')]) } },
};

export const ROLLUPS: readonly Fact[] = [VISITOR_DAYS];

export interface RollupQuery {
  grain: Grain | null;
  dimensions: readonly Dimension[];
  filters: readonly Filter[];
}

/** The rollup to read `measure` from for `query`, or undefined when only its own fact can answer. */
export function rollupFor(measure: string, query: RollupQuery): Fact | undefined {
  if (query.grain === 'hour') return undefined;
  const needed = [...query.dimensions, ...query.filters.map((f) => f.dimension)];
  return ROLLUPS.find((rollup) => rollup.measures[measure] !== undefined && needed.every((d) => rollup.dimensions[d] !== undefined));
}
