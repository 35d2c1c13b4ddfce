// SQL pieces shared by the statements that build the ClickHouse derived view:
// which people a refresh recomputes, rows packed into tuples (18.16 tuples
// have no element names), wall-clock time in a zone, JSON properties, and
// money converted at the fx rate of its day (or the latest earlier one).
import type { TableSpec } from '../tables.js';
import { numberLiteral, quoteIdent, quoteString } from '../../sql/clickhouse/clickhouse-literals.js';
import { currentRows } from './clickhouse-source-reads.js';

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

/**
 * A higher-order function call whose lambda reads outer values. 18.16 drops a
 * subquery column that the enclosing query uses only inside a lambda (then
 * "Unknown identifier"), so each outer value enters as one more array
 * argument, replicate(value, array), instead of being captured.
 *
 * @example lambdaCall('arrayFilter', 'touches', 't', { p: 'prev_ts' }, 't.1 > p')
 *   === 'arrayFilter((t, p) -> t.1 > p, touches, replicate(prev_ts, touches))'
 */
export function lambdaCall(fn: string, array: string, element: string, outer: Record<string, string>, body: string): string {
  const names = Object.keys(outer);
  const args = names.map((name) => `replicate(${outer[name]}, ${array})`);
  return `${fn}((${[element, ...names].join(', ')}) -> ${body}, ${[array, ...args].join(', ')})`;
}

/**
 * Per currency, its rates newest first as (day number, rate) tuples, keyed
 * `k_currency` and valued `fx`; a subquery to join on the currency.
 */
export function fxByCurrency(workspace: string): string {
  return `SELECT currency AS k_currency, arrayReverseSort(groupArray(tuple(toInt64(\`date\`), rate))) AS fx
    FROM ${currentRows('fx_rates', workspace)} GROUP BY currency`;
}

/** Rounds a Decimal to 6 places, half away from zero (as DuckDB's casts do). */
function roundMoney(value: string): string {
  return `CAST(${value} + if(${value} < 0, -1, 1) * toDecimal128('0.0000005', 7) AS Nullable(Decimal(18, 6)))`;
}

/**
 * Money in the workspace currency `cur` (quoted): the amount itself, or the
 * amount × the rate of the latest day ≤ `day` from `fx` (see fxByCurrency),
 * in exact Decimal arithmetic (18.16 refuses Decimal × Float64, so the rate
 * becomes a Decimal first); NULL when no rate is known.
 */
export function convertedMoney(amount: string, currency: string, fx: string, day: string, cur: string): string {
  const index = lambdaCall('arrayFirstIndex', fx, 'r', { rate_day: day }, 'tupleElement(r, 1) <= rate_day');
  const rate = `CAST(tupleElement(arrayElement(${fx}, ${index}), 2) AS Decimal(38, 12))`;
  const product = `(CAST(${amount} AS Nullable(Decimal(38, 6))) * ${rate})`;
  return `multiIf(isNull(${amount}), CAST(NULL AS Nullable(Decimal(18, 6))),
    ifNull(${currency}, ${cur}) = ${cur}, CAST(${amount} AS Nullable(Decimal(18, 6))),
    ${index} = 0, CAST(NULL AS Nullable(Decimal(18, 6))), ${roundMoney(product)})`;
}

/** A quoted IN list of strings. */
export function stringList(values: readonly string[]): string {
  return values.map(quoteString).join(', ');
}

/** INSERT INTO `table` with every one of its columns taken from its expression in `values`, followed by `rest` (FROM …). */
export function insertSelect(table: TableSpec, values: Readonly<Record<string, string>>, rest: string): string {
  const columns = table.columns.map((c) => c.name);
  return `INSERT INTO ${quoteIdent(table.name)} (${columns.map(quoteIdent).join(', ')})
     SELECT ${columns.map((c) => values[c]).join(', ')} ${rest}`;
}
