// What a relation written once (this folder) is built with: the engine's SQL
// hooks, its way of writing a value, and where it reads a workspace's rows.
import type { SourceName } from '../../model/sources.js';
import type { Scalar } from '../../sql/ast.js';
import type { SqlHooks } from '../../sql/sql-hooks.js';

export interface RelationBuild {
  h: SqlHooks;
  /** A value in the statement: a parameter on DuckDB, a literal on ClickHouse. */
  value(v: Scalar): string;
  /** The workspace, as a value. */
  ws: string;
  /** The current rows of one of the workspace's source tables, as a parenthesised subquery. */
  source(name: SourceName): string;
}
