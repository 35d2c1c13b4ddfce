// Renders the neutral SQL tree as DuckDB SQL with named parameters.
import type { Grain } from '../../core/time.js';
import { TOTALS_FLAG, type Expr, type Scalar, type Select } from '../ast.js';
import { ParamBag, type Dialect, type RelationSql, type Statement } from '../dialect.js';

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

const LABEL_FORMAT: Record<Grain, string> = {
  hour: '%Y-%m-%dT%H:00',
  day: '%Y-%m-%d',
  week: '%Y-%m-%d',
  month: '%Y-%m-%d',
  quarter: '%Y-%m-%d',
  year: '%Y-%m-%d',
};

class DuckDbRenderer {
  readonly bag = new ParamBag((name) => `$${name}`);

  param = (value: Scalar): string => this.bag.add(value);

  expr(e: Expr): string {
    switch (e.kind) {
      case 'column':
        return quoteIdent(e.name);
      case 'value':
        return this.param(e.value);
      case 'timestamp':
        return `make_timestamp(CAST(${this.param(e.ms)} AS BIGINT) * 1000)`;
      case 'date':
        return `CAST(${this.param(e.value)} AS DATE)`;
      case 'local_time':
        return `CAST(${this.param(e.value)} AS TIMESTAMP)`;
      case 'binary': {
        const op = e.op === 'and' ? 'AND' : e.op === 'or' ? 'OR' : e.op;
        if (e.op === '/') return `(CAST(${this.expr(e.left)} AS DOUBLE) / nullif(CAST(${this.expr(e.right)} AS DOUBLE), 0))`;
        return `(${this.expr(e.left)} ${op} ${this.expr(e.right)})`;
      }
      case 'not':
        return `(NOT ${this.expr(e.operand)})`;
      case 'is_null':
        return `(${this.expr(e.operand)} IS ${e.negated ? 'NOT ' : ''}NULL)`;
      case 'in':
        if (e.values.length === 0) return e.negated ? 'TRUE' : 'FALSE';
        return `(${this.expr(e.operand)} ${e.negated ? 'NOT ' : ''}IN (${e.values.map(this.param).join(', ')}))`;
      case 'contains':
        return `(strpos(lower(${this.expr(e.operand)}), lower(${this.param(e.needle)})) > 0)`;
      case 'coalesce':
        return `coalesce(${e.args.map((a) => this.expr(a)).join(', ')})`;
      case 'case':
        return `(CASE WHEN ${this.expr(e.when)} THEN ${this.expr(e.then)} ELSE ${this.expr(e.otherwise)} END)`;
      case 'time_bucket':
        return `strftime(date_trunc('${e.grain}', timezone(${this.param(e.timeZone)}, CAST(${this.expr(e.operand)} AS TIMESTAMPTZ))), '${LABEL_FORMAT[e.grain]}')`;
      case 'local_bucket':
        // Dates come back as YYYY-MM-DD text; only hours need formatting.
        return e.grain === 'hour'
          ? `strftime(date_trunc('hour', ${this.expr(e.operand)}), '${LABEL_FORMAT.hour}')`
          : `CAST(date_trunc('${e.grain}', ${this.expr(e.operand)}) AS DATE)`;
      case 'aggregate':
        return this.aggregate(e);
    }
  }

  private aggregate(e: Extract<Expr, { kind: 'aggregate' }>): string {
    const filter = e.filter ? ` FILTER (WHERE ${this.expr(e.filter)})` : '';
    const args = e.args.map((a) => this.expr(a));
    switch (e.fn) {
      case 'count':
        return `count(${args[0] ?? '*'})${filter}`;
      case 'count_distinct':
        return `count(DISTINCT ${args.length === 1 ? args[0] : `(${args.join(', ')})`})${filter}`;
      case 'sum':
        return `coalesce(sum(${args[0]})${filter}, 0)`;
      default:
        return `${e.fn}(${args[0]})${filter}`;
    }
  }
}

/** Renders a SELECT over the relation text `from` builds (with the same parameter bag). */
export function renderDuckDbSelect(select: Select, from: RelationSql): Statement {
  const r = new DuckDbRenderer();
  const relation = from(r.param);
  const columns = select.columns.map((c) => `${r.expr(c.expr)} AS ${quoteIdent(c.alias)}`).join(',\n  ');
  const where = select.where.length > 0 ? `\nWHERE ${select.where.map((w) => r.expr(w)).join('\n  AND ')}` : '';
  const keys = select.groupBy.map(quoteIdent).join(', ');
  let groupBy = select.groupBy.length > 0 ? `\nGROUP BY ${keys}` : '';
  let totalsFlag = '';
  if (select.withTotals && select.groupBy.length > 0) {
    groupBy = `\nGROUP BY GROUPING SETS ((${keys}), ())`;
    totalsFlag = `,\n  grouping(${keys}) <> 0 AS ${quoteIdent(TOTALS_FLAG)}`;
  }
  return { sql: `SELECT\n  ${columns}${totalsFlag}\nFROM (${relation}) AS facts${where}${groupBy}`, params: r.bag.params };
}

export const duckdbDialect: Dialect = { name: 'duckdb', render: renderDuckDbSelect };
