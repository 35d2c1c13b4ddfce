// What an engine's SQL dialect provides: rendering of the neutral syntax tree
// over a relation the engine defines (its SQL text, built with the dialect's
// way of writing values).
import type { Scalar, Select } from './ast.js';

export interface Statement {
  sql: string;
  params: Record<string, Scalar>;
}

/**
 * The SQL text of the relation a select reads, built with the dialect's way of
 * writing a value (a parameter placeholder on DuckDB, a literal on ClickHouse).
 */
export type RelationSql = (value: (value: Scalar) => string) => string;

export interface Dialect {
  readonly name: 'duckdb' | 'clickhouse';
  render(select: Select, relation: RelationSql): Statement;
}

/** Collects values as numbered parameters while a statement is rendered. */
export class ParamBag {
  readonly params: Record<string, Scalar> = {};
  private next = 0;

  constructor(private readonly placeholder: (name: string, value: Scalar) => string) {}

  add(value: Scalar): string {
    const name = `p${this.next++}`;
    this.params[name] = value;
    return this.placeholder(name, value);
  }
}
