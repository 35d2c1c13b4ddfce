// The relations (src/warehouse/relations) as DuckDB builds them: values as
// parameters, each source table read at the rows of one workspace.
import type { Scalar, Select } from '../../sql/ast.js';
import type { Statement } from '../../sql/dialect.js';
import { duckdbDialect } from '../../sql/duckdb/duckdb-dialect.js';
import { duckdbHooks } from '../../sql/duckdb/duckdb-hooks.js';
import type { RelationContext, RelationName } from '../../sql/relations.js';
import type { RelationBuild } from '../relations/relation-build.js';
import { relationSql } from '../relations/relations.js';

/** How DuckDB builds a shared relation for `workspace`, with `param` adding each value as a parameter. */
export function duckdbBuild(workspace: string, param: (value: Scalar) => string): RelationBuild {
  const ws = param(workspace);
  return { h: duckdbHooks, value: param, ws, source: (name) => `(SELECT * FROM ${name} WHERE workspace_id = ${ws})` };
}

/** A select over one of the relations, as DuckDB SQL with its parameters. */
export function renderDuckDbQuery(select: Select, ctx: RelationContext): Statement {
  return duckdbDialect.render(select, (param) => relationSql(select.from.name as RelationName, duckdbBuild(ctx.workspace, param), ctx));
}
