// SQL pieces shared by the statements that build the ClickHouse derived view:
// which people a refresh recomputes, and rows packed into tuples (18.16
// tuples have no element names).
import { numberLiteral, quoteString } from '../../sql/clickhouse/clickhouse-literals.js';

/** What one refresh recomputes. */
export interface DeriveScope {
  /** The workspace as a quoted literal. */
  ws: string;
  /** Every person of the workspace (a full rebuild), or the people with events of seq in (from, to]. */
  full: boolean;
  from: number;
  to: number;
}

/** The anonymous_ids with events of seq in (from, to] (of an incremental scope). */
export function affectedAnonymousIds(scope: DeriveScope): string {
  return `SELECT anonymous_id FROM events WHERE workspace_id = ${scope.ws}
    AND seq > ${numberLiteral(scope.from)} AND seq <= ${numberLiteral(scope.to)}`;
}

/** The person_ids the affected anonymous_ids belong to now (read after event facts are rebuilt). */
export function affectedPersonIds(scope: DeriveScope): string {
  return `SELECT person_id FROM event_facts WHERE workspace_id = ${scope.ws} AND ${affectedAnonymous(scope)}`;
}

/** A condition on an anonymous_id column: the people the refresh recomputes. */
export function affectedAnonymous(scope: DeriveScope, column = 'anonymous_id'): string {
  if (scope.full) return '1';
  return `${column} IN (${affectedAnonymousIds(scope)})`;
}

/** A condition on a person_id column: everyone an affected anonymous_id now belongs to (read after event facts are rebuilt). */
export function affectedPeople(scope: DeriveScope, column = 'person_id'): string {
  if (scope.full) return '1';
  return `${column} IN (${affectedPersonIds(scope)})`;
}

/** Named values carried together through groupArray / ARRAY JOIN as one tuple. */
export class Packed<N extends string> {
  constructor(readonly names: readonly N[]) {}

  /** tuple(…) of the columns, each taken from `source(name)` (default: the column of that name). */
  tuple(source: (name: N) => string = (name) => name): string {
    return `tuple(${this.names.map(source).join(', ')})`;
  }

  /** The element `name` of a packed value. */
  get(value: string, name: N): string {
    const index = this.names.indexOf(name);
    if (index < 0) throw new Error(`no packed column ${name}`);
    return `tupleElement(${value}, ${index + 1})`;
  }

  /** `prefix + name` aliases of every element of a packed value. */
  unpack(value: string, prefix: string): string {
    return this.names.map((name) => `${this.get(value, name)} AS ${prefix}${name}`).join(', ');
  }
}


/** A quoted IN list of strings. */
export function stringList(values: readonly string[]): string {
  return values.map(quoteString).join(', ');
}
