// The pure step from a checked query to neutral SQL: one aggregate SELECT per
// fact the metrics read, grouped by time bucket and dimensions with the
// totals over the whole period in the same statement, and for running
// balances (active customers, MRR) one for the balance before the period.
import { and, bin, col, isIn, isNull, or, type Expr, type Select } from '../sql/ast.js';
import type { CatalogMetric } from './catalog.js';
import { FACTS, MEASURE_FACT, type Fact, type FactId, type SqlMeasure } from './facts.js';
import { addDays } from '../core/time.js';
import { rangeInstants } from './time-buckets.js';
import type { Grain } from '../core/time.js';
import type { Dimension, Filter } from './types.js';
import { rollupFor } from './rollups.js';

/** Label for NULL dimension values in results and filters. */
export const NONE = '(none)';
export const BUCKET = 'date';
/** The column naming the customer in FactQueries.customerRows. */
export const CUSTOMER = 'customer';

export interface FactQueries {
  fact: FactId;
  flowMeasures: string[];
  balanceMeasures: string[];
  /** Measures valued per customer in TypeScript (facts.ts CustomerValueMeasure). */
  customerValueMeasures: string[];
  /**
   * Grouped by bucket (when a grain is asked) and dimensions, with the totals
   * row in the same statement; when the query has neither, the totals alone.
   * Absent when every measure asked of the fact is valued per customer.
   */
  select?: Select;
  /** The customers of each bucket and dimension combination (column CUSTOMER), for customerValueMeasures. */
  customerRows?: Select;
  /** Sum of balance deltas before the period, by dimensions and in total. */
  openingRows?: Select;
  openingTotals?: Select;
}

export interface PlanInput {
  metrics: readonly CatalogMetric[];
  dimensions: readonly Dimension[];
  grain: Grain | null;
  filters: readonly Filter[];
  from: string;
  to: string;
  timeZone: string;
}

export function planQuery(input: PlanInput): FactQueries[] {
  const byFact = new Map<Fact, Set<string>>();
  for (const metric of input.metrics) {
    for (const measure of metric.measures) {
      const fact = rollupFor(measure, input) ?? FACTS[MEASURE_FACT.get(measure)!];
      if (!byFact.has(fact)) byFact.set(fact, new Set());
      byFact.get(fact)!.add(measure);
    }
  }
  return [...byFact].map(([fact, measureSet]) => planFact(fact, [...measureSet], input));
}

function planFact(fact: Fact, requested: string[], input: PlanInput): FactQueries {
  const customerValueMeasures = requested.filter((m) => fact.measures[m].customerValue);
  const sqlMeasures = sqlMeasuresOf(fact, requested);
  const measures = Object.keys(sqlMeasures);
  const flowMeasures = measures.filter((m) => !sqlMeasures[m].balance);
  const balanceMeasures = measures.filter((m) => sqlMeasures[m].balance);
  const dimensionColumns = input.dimensions.map((d) => ({ alias: d, expr: col(dimensionColumn(fact, d)) }));
  const measureColumns = measures.map((m) => ({ alias: m, expr: sqlMeasures[m].expr }));
  const filters = input.filters.map((f) => filterExpr(col(dimensionColumn(fact, f.dimension)), f));
  const inRange = [...timeRange(fact, input), ...filters];
  const bucket = input.grain ? [{ alias: BUCKET, expr: bucketExpr(fact, input.grain, input.timeZone) }] : [];
  const grouped = [...bucket, ...dimensionColumns];

  // A rollup's measures are its fact's: results are assembled by that fact.
  const queries: FactQueries = { fact: (fact.rollupOf ?? fact.id) as FactId, flowMeasures, balanceMeasures, customerValueMeasures };
  if (measures.length > 0) {
    queries.select = {
      from: { name: fact.relation },
      columns: [...grouped, ...measureColumns],
      where: inRange,
      groupBy: grouped.map((c) => c.alias),
      withTotals: grouped.length > 0,
    };
  }
  if (customerValueMeasures.length > 0) {
    if (!fact.customerColumn) throw new Error(`fact ${fact.id} names no customer for ${customerValueMeasures.join(', ')}`);
    const listed = [...grouped, { alias: CUSTOMER, expr: col(fact.customerColumn) }];
    queries.customerRows = { from: { name: fact.relation }, columns: listed, where: inRange, groupBy: listed.map((c) => c.alias) };
  }
  if (balanceMeasures.length > 0) {
    const before = [beforeStart(fact, input), ...filters];
    const balanceColumns = balanceMeasures.map((m) => ({ alias: m, expr: sqlMeasures[m].expr }));
    queries.openingTotals = { from: { name: fact.relation }, columns: balanceColumns, where: before, groupBy: [] };
    if (dimensionColumns.length > 0) {
      queries.openingRows = {
        from: { name: fact.relation },
        columns: [...dimensionColumns, ...balanceColumns],
        where: before,
        groupBy: dimensionColumns.map((c) => c.alias),
      };
    }
  }
  return queries;
}

/** The requested measures the engine aggregates, by id. */
function sqlMeasuresOf(fact: Fact, requested: readonly string[]): Record<string, SqlMeasure> {
  const out: Record<string, SqlMeasure> = {};
  for (const id of requested) {
    const measure = fact.measures[id];
    if (!measure.customerValue) out[id] = measure;
  }
  return out;
}

function dimensionColumn(fact: Fact, dimension: Dimension): string {
  const column = fact.dimensions[dimension];
  // The query was checked against the metrics' dimensions before planning.
  if (!column) throw new Error(`fact ${fact.id} has no dimension ${dimension}`);
  return column;
}

function timeRange(fact: Fact, input: PlanInput): Expr[] {
  const time = col(fact.time.column);
  if (fact.time.kind === 'date') {
    return [bin('>=', time, { kind: 'date', value: input.from }), bin('<=', time, { kind: 'date', value: input.to })];
  }
  if (fact.time.kind === 'local') {
    return [
      bin('>=', time, { kind: 'local_time', value: `${input.from} 00:00:00` }),
      bin('<', time, { kind: 'local_time', value: `${addDays(input.to, 1)} 00:00:00` }),
    ];
  }
  const { start, end } = rangeInstants(input.from, input.to, input.timeZone);
  return [bin('>=', time, { kind: 'timestamp', ms: start }), bin('<', time, { kind: 'timestamp', ms: end })];
}

function beforeStart(fact: Fact, input: PlanInput): Expr {
  const time = col(fact.time.column);
  if (fact.time.kind === 'date') return bin('<', time, { kind: 'date', value: input.from });
  if (fact.time.kind === 'local') return bin('<', time, { kind: 'local_time', value: `${input.from} 00:00:00` });
  return bin('<', time, { kind: 'timestamp', ms: rangeInstants(input.from, input.to, input.timeZone).start });
}

function bucketExpr(fact: Fact, grain: Grain, timeZone: string): Expr {
  const operand = col(fact.time.column);
  // Hour grain on daily facts is refused when the query is checked.
  if (fact.time.kind !== 'timestamp') return { kind: 'local_bucket', grain, operand, of: fact.time.kind === 'date' ? 'date' : 'wall_clock' };
  return { kind: 'time_bucket', grain, operand, timeZone };
}

/** A filter as SQL; the value "(none)" stands for rows without a value. */
export function filterExpr(column: Expr, filter: Filter): Expr {
  const values = filter.values.filter((v) => v !== NONE);
  const wantsNone = values.length < filter.values.length;
  switch (filter.op) {
    case 'eq':
    case 'in': {
      const match = isIn(column, values);
      return wantsNone ? or(isNull(column), match) : match;
    }
    case 'neq':
    case 'not_in': {
      const match = isIn(column, values, true);
      return wantsNone ? and(isNull(column, true), match) : or(isNull(column), match);
    }
    case 'contains':
      return or(...filter.values.map((needle) => ({ kind: 'contains', operand: column, needle }) as Expr));
  }
}
