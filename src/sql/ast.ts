// A small, dialect-neutral SQL syntax tree: what the metrics planner builds
// and each engine's dialect renders. Values are always literals rendered as
// parameters or safely escaped by the dialect, never spliced text.
import type { Grain } from '../core/time.js';

export type Scalar = string | number | boolean | null;

export type Expr =
  | { kind: 'column'; name: string }
  | { kind: 'value'; value: Scalar }
  | { kind: 'timestamp'; ms: number }
  | { kind: 'date'; value: string }
  /** A wall-clock time (YYYY-MM-DD HH:MM:SS) compared with wall-clock columns. */
  | { kind: 'local_time'; value: string }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'not'; operand: Expr }
  | { kind: 'is_null'; operand: Expr; negated: boolean }
  | { kind: 'in'; operand: Expr; values: Scalar[]; negated: boolean }
  | { kind: 'contains'; operand: Expr; needle: string }
  | { kind: 'coalesce'; args: Expr[] }
  | { kind: 'case'; when: Expr; then: Expr; otherwise: Expr }
  /** A timestamp column's bucket in a time zone, as the label of the bucket's start (see bucketLabel). */
  | { kind: 'time_bucket'; grain: Grain; operand: Expr; timeZone: string }
  /**
   * A date or wall-clock column's bucket, as the label of the bucket's start;
   * `of` says which the column holds (engines may store the two differently).
   */
  | { kind: 'local_bucket'; grain: Grain; operand: Expr; of: 'date' | 'wall_clock' }
  | { kind: 'aggregate'; fn: AggregateFn; args: Expr[]; filter?: Expr };

export type BinaryOp = '+' | '-' | '*' | '/' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

/**
 * count: rows (args empty) or non-null values; count_distinct: distinct
 * values of one argument (several arguments count distinct tuples).
 */
export type AggregateFn = 'sum' | 'count' | 'count_distinct' | 'min' | 'max';

export interface SelectColumn {
  expr: Expr;
  alias: string;
}

/** A relation the engine provides by name (a table or a parameterised subquery, see Dialect.relation). */
export interface RelationRef {
  name: string;
}

export interface Select {
  columns: SelectColumn[];
  from: RelationRef;
  /** Conditions ANDed together. */
  where: Expr[];
  /** Aliases of the columns the result is grouped by. */
  groupBy: string[];
  /**
   * Also aggregate over all rows: the result then carries one more row, the
   * totals, marked by a true `__totals` column (false on the grouped rows).
   */
  withTotals?: boolean;
}

/** Name of the column that marks the totals row of a Select with withTotals. */
export const TOTALS_FLAG = '__totals';

// Builders, to keep planner code readable.
export const col = (name: string): Expr => ({ kind: 'column', name });
export const val = (value: Scalar): Expr => ({ kind: 'value', value });
export const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right });
export const eq = (left: Expr, right: Expr): Expr => bin('=', left, right);
export const and = (...parts: Expr[]): Expr => parts.reduce((a, b) => bin('and', a, b));
export const or = (...parts: Expr[]): Expr => parts.reduce((a, b) => bin('or', a, b));
export const not = (operand: Expr): Expr => ({ kind: 'not', operand });
export const isIn = (operand: Expr, values: Scalar[], negated = false): Expr => ({ kind: 'in', operand, values, negated });
export const isNull = (operand: Expr, negated = false): Expr => ({ kind: 'is_null', operand, negated });
export const coalesce = (...args: Expr[]): Expr => ({ kind: 'coalesce', args });
export const caseWhen = (when: Expr, then: Expr, otherwise: Expr): Expr => ({ kind: 'case', when, then, otherwise });

export const sum = (arg: Expr, filter?: Expr): Expr => ({ kind: 'aggregate', fn: 'sum', args: [arg], filter });
export const countRows = (filter?: Expr): Expr => ({ kind: 'aggregate', fn: 'count', args: [], filter });
export const countDistinct = (args: Expr[], filter?: Expr): Expr => ({ kind: 'aggregate', fn: 'count_distinct', args, filter });
export const max = (arg: Expr, filter?: Expr): Expr => ({ kind: 'aggregate', fn: 'max', args: [arg], filter });
