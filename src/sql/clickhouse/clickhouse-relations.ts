// ClickHouse definitions of the relations the metrics planner reads: none
// yet. Each will be a subquery over the stored tables of one workspace with
// its values inlined through the literal function it is given.
import type { Scalar } from '../ast.js';
import type { RelationContext, RelationName } from '../dialect.js';

export type Literal = (value: Scalar) => string;

export function clickhouseRelation(name: RelationName, _ctx: RelationContext, _literal: Literal): string {
  throw new Error(`the ClickHouse relation ${name} is not defined yet`);
}
