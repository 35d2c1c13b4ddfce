// Renders the neutral SQL tree as ClickHouse SQL that runs on 18.16 and on
// current servers. 18.16 has no query parameters, so every value is inlined
// as a literal (clickhouse-literals.ts) and Statement.params stays empty.
// What 18.16 requires, and how the renderer meets it:
// - an alias hides the column of the same name everywhere in the statement
//   (`sum(clicks) AS clicks` reads the alias in WHERE), so the relation's
//   columns are renamed `__<name>` in a projection under the outer SELECT;
// - sum/max of a Nullable value over no rows are NULL but sumIf/maxIf over
//   no matching rows are 0, and coalesce cannot mix Decimal with 0; so sums
//   and min/max skip NULLs with isNotNull and read values through
//   assumeNotNull: a sum over no rows is 0 (as DuckDB's coalesce(sum, 0)),
//   a min/max over no values is NULL (guarded by a count);
// - uniqExact of a Nullable value over no rows is NULL, so it is made 0;
// - if() has no supertype for UInt64 and Int64, so counts are Int64 (as
//   DuckDB's BIGINT) and CASE over counts and their differences type-checks;
// - if() with a NULL condition is NULL, so CASE is multiIf (NULL → ELSE);
// - formatDateTime formats in the server zone unless given one, so the zone
//   is passed explicitly;
// - no GROUPING SETS: the totals come from GROUP BY … WITH TOTALS, apart
//   from the rows (see clickhouse-totals.ts for how they become one result);
//   grouped keys are Nullable there so the totals row carries NULL keys.
// `x IN (…)` is 0 and `x NOT IN (…)` is 1 for a NULL x (SQL: NULL); the
// planner pairs every NOT IN with an explicit NULL test, so filters agree.
import type { Grain } from '../../core/time.js';
import { FIRST_DATE, LAST_DATE, literal, quoteIdent, quoteString } from './clickhouse-literals.js';
import type { Expr, Scalar, Select } from '../ast.js';
import type { Dialect, RelationSql, Statement } from '../dialect.js';

/** Name of a relation column inside a statement (see the header). */
export const inputName = (column: string): string => `__${column}`;

/** Bucket start of a DateTime (or Date) at each grain but hour; all give a Date, written YYYY-MM-DD. */
const START_OF: Record<Exclude<Grain, 'hour'>, string> = {
  day: 'toDate',
  week: 'toMonday',
  month: 'toStartOfMonth',
  quarter: 'toStartOfQuarter',
  year: 'toStartOfYear',
};

/** Labels as DuckDB writes them: YYYY-MM-DD, or YYYY-MM-DDTHH:00 for hours. */
function bucketLabel(grain: Grain, dateTime: string, zone: string): string {
  if (grain === 'hour') return `formatDateTime(${dateTime}, '%Y-%m-%dT%H:00', ${quoteString(zone)})`;
  return `toString(${START_OF[grain]}(${dateTime}))`;
}

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME_TEXT = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

/**
 * A Date literal. A day 18.16 cannot parse would silently become another one,
 * so a malformed one throws; a day outside the Date type's range is clamped to
 * it: no stored Date lies beyond, so a comparison with the bound selects the
 * same rows (a query window before 1970 is empty, not an error).
 */
export function dateLiteral(value: string): string {
  if (!DATE_TEXT.test(value) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new Error(`not a date YYYY-MM-DD: ${value}`);
  }
  const day = value < FIRST_DATE ? FIRST_DATE : value > LAST_DATE ? LAST_DATE : value;
  return `toDate(${quoteString(day)})`;
}

/** Milliseconds of a wall-clock time read as UTC: how wall-clock columns are stored. */
export function wallClockMillis(value: string): number {
  const match = LOCAL_TIME_TEXT.exec(value);
  const ms = match ? Date.parse(`${match[1]}T${match[2]}Z`) : NaN;
  if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== `${match[1]}T${match[2]}`) {
    throw new Error(`not a wall-clock time YYYY-MM-DD HH:MM:SS: ${value}`);
  }
  return ms;
}

function millisLiteral(ms: number): string {
  if (!Number.isSafeInteger(ms)) throw new Error(`not a timestamp in milliseconds: ${String(ms)}`);
  return String(ms);
}

class ClickHouseRenderer {
  /** Relation columns the statement reads, in order of first use. */
  readonly inputs = new Set<string>();

  expr(e: Expr): string {
    switch (e.kind) {
      case 'column':
        this.inputs.add(e.name);
        return quoteIdent(inputName(e.name));
      case 'value':
        return literal(e.value);
      case 'timestamp':
        return millisLiteral(e.ms);
      case 'date':
        return dateLiteral(e.value);
      case 'local_time':
        return millisLiteral(wallClockMillis(e.value));
      case 'binary': {
        const left = this.expr(e.left);
        const right = this.expr(e.right);
        // Float64 division by NULL is NULL, and nothing can throw on zero.
        if (e.op === '/') return `(toFloat64(${left}) / nullIf(toFloat64(${right}), 0))`;
        const op = e.op === 'and' ? 'AND' : e.op === 'or' ? 'OR' : e.op;
        return `(${left} ${op} ${right})`;
      }
      case 'not':
        return `(NOT ${this.expr(e.operand)})`;
      case 'is_null':
        return `${e.negated ? 'isNotNull' : 'isNull'}(${this.expr(e.operand)})`;
      case 'in': {
        const values = e.values.filter((v): v is Exclude<Scalar, null> => v !== null);
        // SQL's x NOT IN (…, NULL) is never true; a NULL in an IN list never matches.
        if (e.negated && values.length < e.values.length) return '0';
        if (values.length === 0) return e.negated ? '1' : '0';
        return `(${this.expr(e.operand)} ${e.negated ? 'NOT ' : ''}IN (${values.map(literal).join(', ')}))`;
      }
      case 'contains':
        return `(positionCaseInsensitiveUTF8(${this.expr(e.operand)}, ${quoteString(e.needle)}) > 0)`;
      case 'coalesce':
        return `coalesce(${e.args.map((a) => this.expr(a)).join(', ')})`;
      case 'case':
        return `multiIf(${this.expr(e.when)}, ${this.expr(e.then)}, ${this.expr(e.otherwise)})`;
      case 'time_bucket':
        return bucketLabel(e.grain, `toDateTime(intDiv(${this.expr(e.operand)}, 1000), ${quoteString(e.timeZone)})`, e.timeZone);
      case 'local_bucket': {
        const operand = this.expr(e.operand);
        if (e.of === 'wall_clock') return bucketLabel(e.grain, `toDateTime(intDiv(${operand}, 1000), 'UTC')`, 'UTC');
        return e.grain === 'hour' ? `concat(toString(${operand}), 'T00:00')` : bucketLabel(e.grain, operand, 'UTC');
      }
      case 'aggregate':
        return this.aggregate(e);
    }
  }

  private aggregate(e: Extract<Expr, { kind: 'aggregate' }>): string {
    const filter = e.filter ? this.expr(e.filter) : undefined;
    const args = e.args.map((a) => this.expr(a));
    const when = (...conditions: (string | undefined)[]) => conditions.filter((c) => c !== undefined).join(' AND ');
    switch (e.fn) {
      case 'count':
        if (args.length === 0) return filter ? `toInt64(countIf(${filter}))` : 'toInt64(count())';
        return filter ? `toInt64(countIf(${when(`isNotNull(${args[0]})`, filter)}))` : `toInt64(count(${args[0]}))`;
      case 'count_distinct': {
        if (args.length > 1) {
          // A tuple counts like DuckDB's row value: one with a NULL member still counts.
          const tuple = `tuple(${args.join(', ')})`;
          return filter ? `toInt64(uniqExactIf(${tuple}, ${filter}))` : `toInt64(uniqExact(${tuple}))`;
        }
        // Of a Nullable value over no rows 18.16 gives NULL, not 0.
        return filter ? `toInt64(ifNull(uniqExactIf(${args[0]}, ${filter}), 0))` : `toInt64(ifNull(uniqExact(${args[0]}), 0))`;
      }
      case 'sum':
        return `sumIf(assumeNotNull(${args[0]}), ${when(`isNotNull(${args[0]})`, filter)})`;
      case 'min':
      case 'max': {
        const present = when(`isNotNull(${args[0]})`, filter);
        return `if(countIf(${present}) = 0, NULL, ${e.fn}If(assumeNotNull(${args[0]}), ${present}))`;
      }
    }
  }
}

/**
 * Renders a SELECT over the relation text `from` builds (values in it go
 * through the literal function it is given, as everywhere in ClickHouse SQL).
 */
export function renderClickHouseSelect(select: Select, from: RelationSql): Statement {
  const r = new ClickHouseRenderer();
  const relation = from(literal);
  const totals = select.withTotals === true && select.groupBy.length > 0;
  const keys = new Set(select.groupBy);
  const columns = select.columns
    .map((c) => {
      const expr = r.expr(c.expr);
      return `${totals && keys.has(c.alias) ? `toNullable(${expr})` : expr} AS ${quoteIdent(c.alias)}`;
    })
    .join(',\n  ');
  const where = select.where.length > 0 ? `\nWHERE ${select.where.map((w) => r.expr(w)).join('\n  AND ')}` : '';
  const groupBy = select.groupBy.length > 0 ? `\nGROUP BY ${select.groupBy.map(quoteIdent).join(', ')}${totals ? ' WITH TOTALS' : ''}` : '';
  const inputs = [...r.inputs];
  const clash = select.columns.find((c) => inputs.some((name) => inputName(name) === c.alias));
  if (clash) throw new Error(`column alias ${clash.alias} is reserved for a relation column`);
  const source =
    inputs.length === 0 ? relation : `SELECT ${inputs.map((name) => `${quoteIdent(name)} AS ${quoteIdent(inputName(name))}`).join(', ')} FROM (${relation})`;
  return { sql: `SELECT\n  ${columns}\nFROM (${source}) AS facts${where}${groupBy}`, params: {} };
}

export const clickhouseDialect: Dialect = { name: 'clickhouse', render: renderClickHouseSelect };
