// The relations (src/warehouse/relations) as ClickHouse builds them: values
// inlined as literals (18.16 has no query parameters), each source table read
// at the latest version of each key of one workspace. Instants are Int64
// epoch milliseconds, wall-clock times (local_ts) Int64 milliseconds of the
// wall clock read as UTC, money Decimal.
import type { Select } from '../../sql/ast.js';
import { renderClickHouseSelect } from '../../sql/clickhouse/clickhouse-dialect.js';
import { clickhouseHooks } from '../../sql/clickhouse/clickhouse-hooks.js';
import { literal } from '../../sql/clickhouse/clickhouse-literals.js';
import type { Statement } from '../../sql/dialect.js';
import type { RelationContext, RelationName } from '../../sql/relations.js';
import type { RelationBuild } from '../relations/relation-build.js';
import { relationSql } from '../relations/relations.js';
import { currentRows } from './clickhouse-source-reads.js';

/** How ClickHouse builds a shared relation for `workspace`. */
export function clickhouseBuild(workspace: string): RelationBuild {
  return { h: clickhouseHooks, value: literal, ws: literal(workspace), source: (name) => currentRows(name, workspace) };
}

/** A select over one of the relations, as ClickHouse SQL (values inlined as literals). */
export function renderClickHouseQuery(select: Select, ctx: RelationContext): Statement {
  return renderClickHouseSelect(select, () => relationSql(select.from.name as RelationName, clickhouseBuild(ctx.workspace), ctx));
}
