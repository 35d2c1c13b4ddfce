// Answers a checked metric query from a warehouse: plans it, renders each
// statement in the engine's dialect, runs them, assembles rows and totals,
// and adds the comparison window, growth metrics and campaign names.
import { localDate } from '../core/time.js';
import { col, TOTALS_FLAG } from '../sql/ast.js';
import type { Select } from '../sql/ast.js';
import type { RelationContext } from '../sql/relations.js';
import type { QueryRunner, Workspace } from '../warehouse/warehouse.js';
import { assemble, percentChange, type Assembled, type FactResults } from './assemble.js';
import { sumCustomerValues, type CustomerValuer, type CustomerValues } from './customer-values.js';
import type { CatalogMetric } from './catalog.js';
import { BUCKET, planQuery } from './planner.js';
import { markPartialBuckets, roundMoneyIn } from './result-notes.js';
import { bucketLabels, comparisonWindow } from './time-buckets.js';
import type { MetricQuery, MetricValue, QueryResult, ResultColumn, ResultRow } from './types.js';

export interface QueryScope {
  warehouse: QueryRunner;
  workspace: Workspace;
  /** The catalog plus the workspace's own metrics. */
  metrics: ReadonlyMap<string, CatalogMetric>;
  /** Today in the workspace's zone (the bucket still running is partial); by default from the clock. */
  today?: string;
  /** Values per customer for measures valued per customer (predicted CLV); without it those measures are empty and a note says so. */
  customerValues?: CustomerValuer;
}

/** Days after a lead or MQL within which reaching the next stage counts (KPIS.md). */
const STAGE_WINDOW_DAYS = 90;

interface Window {
  from: string;
  to: string;
}

export async function runMetricQuery(scope: QueryScope, query: MetricQuery): Promise<QueryResult> {
  const metrics = query.metrics.map((id) => scope.metrics.get(id)!);
  const runner = new WindowRunner(scope, query, metrics);
  const current = await runner.final(query);
  const result: QueryResult = {
    columns: columnsOf(query, metrics),
    rows: current.rows,
    totals: current.totals,
  };
  if (query.compare) {
    const window = comparisonWindow(query.from, query.to, query.compare);
    const previous = await runner.final(window, current.combos);
    result.comparison = {
      ...window,
      rows: previous.rows,
      totals: previous.totals,
      change: {
        rows: current.rows.map((row, i) => ({ ...keysOf(row, query), ...changes(metrics, row, previous.rows[i]) })),
        totals: changes(metrics, current.totals, previous.totals),
      },
    };
  }
  if (query.dimensions.includes('campaign')) await addCampaignNames(scope, runner.context, result);
  orderAndLimit(query, result);
  result.rows = markPartialBuckets(result.rows, query.grain, query.from, query.to, scope.today ?? localDate(Date.now(), scope.workspace.settings.timezone));
  const notes = [...metrics.flatMap((m) => (m.note ? [m.note] : [])), ...runner.notes];
  if (notes.length > 0) result.notes = notes;
  return roundMoneyIn(result, metrics, scope.workspace.settings.currency);
}

/** The bucket and dimension values of a row: what its counterparts are keyed by. */
function keysOf(row: ResultRow, query: MetricQuery): ResultRow {
  const keys: ResultRow = {};
  if (query.grain) keys[BUCKET] = row[BUCKET];
  for (const d of query.dimensions) keys[d] = row[d];
  return keys;
}

class WindowRunner {
  readonly context: RelationContext;
  /** Said beside the answer by the steps that ran (e.g. why customer values are missing). */
  readonly notes: string[] = [];
  private readonly raw = new Map<string, Promise<Assembled>>();
  private customerValues?: Promise<CustomerValues>;

  constructor(
    private readonly scope: QueryScope,
    private readonly query: MetricQuery,
    private readonly metrics: CatalogMetric[],
  ) {
    const { settings } = scope.workspace;
    this.context = {
      workspace: scope.workspace.name,
      currency: settings.currency,
      timeZone: settings.timezone,
      grossMargin: settings.gross_margin,
      botFiltering: settings.bot_filtering,
      attribution: query.attribution,
      storedLookbackDays: settings.lookback_days,
      stageWindowDays: STAGE_WINDOW_DAYS,
      acquisitionTouch: settings.acquisition_touch,
    };
  }

  /** Metric values of a window, with growth metrics turned into % change against the window before it. */
  async final(window: Window, combos?: string[][]): Promise<Assembled> {
    const assembled = await this.assembled(window, combos);
    const growth = this.metrics.filter((m) => m.growthOf);
    if (growth.length === 0) return assembled;
    const before = await this.assembled(comparisonWindow(window.from, window.to, 'previous_period'), assembled.combos);
    const rows = assembled.rows.map((row, i) => {
      const out = { ...row };
      for (const m of growth) out[m.id] = percentChange(row[m.id] as MetricValue, (before.rows[i]?.[m.id] ?? null) as MetricValue);
      return out;
    });
    const totals = { ...assembled.totals };
    for (const m of growth) totals[m.id] = percentChange(assembled.totals[m.id], before.totals[m.id]);
    return { rows, totals, combos: assembled.combos };
  }

  private assembled(window: Window, combos?: string[][]): Promise<Assembled> {
    const key = JSON.stringify([window.from, window.to, combos ?? null]);
    let found = this.raw.get(key);
    if (!found) {
      found = this.compute(window, combos);
      this.raw.set(key, found);
    }
    return found;
  }

  private async compute(window: Window, combos?: string[][]): Promise<Assembled> {
    const { query, scope, context } = this;
    const plans = planQuery({
      metrics: this.metrics,
      dimensions: query.dimensions,
      grain: query.grain,
      filters: query.filters,
      from: window.from,
      to: window.to,
      timeZone: context.timeZone,
    });
    const run = (select: Select) => scope.warehouse.select(select, context);
    const results: FactResults[] = [];
    for (const plan of plans) {
      if (plan.select) {
        const all = await run(plan.select);
        const grouped = plan.select.withTotals;
        results.push({
          plan,
          totals: (grouped ? all.find((r) => r[TOTALS_FLAG] === true) : all[0]) ?? {},
          rows: grouped ? all.filter((r) => r[TOTALS_FLAG] !== true) : [],
          openingRows: plan.openingRows ? await run(plan.openingRows) : [],
          openingTotals: plan.openingTotals ? ((await run(plan.openingTotals))[0] ?? {}) : {},
        });
      }
      if (plan.customerRows) {
        const [customers, { values }] = await Promise.all([run(plan.customerRows), this.valuesOfCustomers()]);
        results.push(sumCustomerValues(plan, query.dimensions, customers, values));
      }
    }
    const buckets = query.grain ? bucketLabels(window.from, window.to, query.grain, context.timeZone) : null;
    return assemble({ metrics: this.metrics, dimensions: query.dimensions, buckets, results, combos });
  }

  /** The customer values, asked for once per query; a note when there are none. */
  private valuesOfCustomers(): Promise<CustomerValues> {
    this.customerValues ??= (this.scope.customerValues?.() ?? Promise.resolve<CustomerValues>({ values: new Map(), note: 'predicted customer values are not available to this caller' })).then(
      (answer) => {
        if (answer.note) this.notes.push(answer.note);
        return answer;
      },
    );
    return this.customerValues;
  }
}

function changes(metrics: CatalogMetric[], current: Record<string, unknown>, previous: Record<string, unknown> | undefined): Record<string, MetricValue> {
  return Object.fromEntries(
    metrics.map((m) => [m.id, percentChange(current[m.id] as MetricValue, (previous?.[m.id] ?? null) as MetricValue)]),
  );
}

function columnsOf(query: MetricQuery, metrics: CatalogMetric[]): ResultColumn[] {
  const columns: ResultColumn[] = [];
  if (query.grain) columns.push({ name: BUCKET, kind: 'time', label: query.grain });
  for (const d of query.dimensions) {
    columns.push({ name: d, kind: 'dimension', label: d });
    if (d === 'campaign') columns.push({ name: 'campaign_name', kind: 'dimension', label: 'campaign name' });
  }
  for (const m of metrics) columns.push({ name: m.id, kind: 'metric', label: m.label, unit: m.unit, direction: m.direction });
  return columns;
}

async function addCampaignNames(scope: QueryScope, context: RelationContext, result: QueryResult): Promise<void> {
  const select: Select = {
    from: { name: 'campaign_names' },
    columns: [
      { alias: 'campaign_id', expr: col('campaign_id') },
      { alias: 'campaign_name', expr: col('campaign_name') },
    ],
    where: [],
    groupBy: [],
  };
  const names = new Map((await scope.warehouse.select(select, context)).map((r) => [String(r.campaign_id), r.campaign_name as string | null]));
  const withName = (row: ResultRow): ResultRow => {
    const out: ResultRow = {};
    for (const [k, v] of Object.entries(row)) {
      out[k] = v;
      if (k === 'campaign') out.campaign_name = names.get(String(v)) ?? null;
    }
    return out;
  };
  result.rows = result.rows.map(withName);
  if (result.comparison) result.comparison.rows = result.comparison.rows.map(withName);
}

function orderAndLimit(query: MetricQuery, result: QueryResult): void {
  if (query.order_by.length === 0 && query.limit === null) return;
  const order = result.rows.map((_, i) => i);
  const compare = (a: unknown, b: unknown): number => {
    if (a === b) return 0;
    if (a === null || a === undefined) return 1;
    if (b === null || b === undefined) return -1;
    return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  };
  order.sort((i, j) => {
    for (const { field, direction } of query.order_by) {
      const a = result.rows[i][field];
      const b = result.rows[j][field];
      const c = compare(a, b);
      // Nulls stay last in either direction.
      if (c !== 0) return a === null || b === null ? c : direction === 'desc' ? -c : c;
    }
    return i - j;
  });
  const kept = query.limit === null ? order : order.slice(0, query.limit);
  if (query.limit !== null) {
    result.totals_scope = 'all_rows';
    result.rows_before_limit = order.length;
  }
  result.rows = kept.map((i) => result.rows[i]);
  if (result.comparison) {
    const { comparison } = result;
    comparison.rows = kept.map((i) => comparison.rows[i]);
    comparison.change.rows = kept.map((i) => comparison.change.rows[i]);
  }
}
