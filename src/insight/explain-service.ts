// Why a KPI changed (POST /v1/explain, beacon explain): the metric's measures
// read through the metrics layer for the period and the one it is compared
// with (and per segment of one dimension), split by explainChange into the
// parts of its formula and of its segments, each adding up to the change.
// A metric whose measures cannot be read one by one answers its total change
// with a note.
import { QueryError } from '../core/errors.js';
import type { CatalogMetric } from '../metrics/catalog.js';
import { formulaMetricIds, parseFormula } from '../metrics/formula.js';
import { metricCatalog } from '../metrics/metrics-service.js';
import { answerQuery, type QueryServices } from '../metrics/query-service.js';
import { comparisonWindow } from '../metrics/time-buckets.js';
import type { Comparison, Dimension, Direction, Filter, Unit } from '../metrics/types.js';
import type { Workspace } from '../warehouse/warehouse.js';
import { explainChange, type ChangeExplanation } from './explain-change.js';
import { checkExplainBody, type ExplainRequest } from './explain-request.js';
import type { DriverMethod } from './formula-drivers.js';
import { KNOWN_FACTORISATIONS } from './known-factorisations.js';
import { measureMetrics } from './measure-metrics.js';
import { readMeasures, type PeriodMeasures } from './read-measures.js';
import type { SegmentDrivers, SegmentStatus } from './segment-drivers.js';

export interface DatedPeriod {
  from: string;
  to: string;
}

export interface ExplainDriver {
  id: string;
  label: string;
  /** The part's own unit (CPC money, CVR percent); null for a printed part of the formula. */
  unit: Unit | null;
  previous: number | null;
  current: number | null;
  change_percent: number | null;
  /** Its part in the KPI's change, in the KPI's unit; the drivers add up to the change. */
  contribution: number;
  share_percent: number | null;
  summary: string;
}

export interface ExplainSegment {
  key: string;
  status: SegmentStatus;
  previous: number | null;
  current: number | null;
  contribution: number;
  share_percent: number | null;
  /** Ratios: the part from the segment's share of the denominator moving; null for sums. */
  mix: number | null;
  /** Ratios: the part from its own rate moving (mix + rate = contribution); null for sums. */
  rate: number | null;
  summary: string;
}

export interface ExplainBreakdown {
  dimension: Dimension;
  /** additive: each segment's change; ratio: mix and rate; none: not split by segment. */
  kind: SegmentDrivers['kind'];
  /** The KPI over the segments, and its change the segments' contributions add up to. */
  previous: number | null;
  current: number | null;
  change: number | null;
  segments: ExplainSegment[];
}

export interface ExplainReport {
  metric: string;
  label: string;
  unit: Unit;
  direction: Direction;
  /** The workspace currency money values are in. */
  currency: string;
  compare: Comparison;
  filters: Filter[];
  period: DatedPeriod;
  previous_period: DatedPeriod;
  previous: number | null;
  current: number | null;
  change: number | null;
  change_percent: number | null;
  summary: string;
  /** known-factors, formula or whole (the change as one part); null when there is no change to split. */
  method: DriverMethod | null;
  drivers: ExplainDriver[];
  breakdown: ExplainBreakdown | null;
  notes: string[];
}

/**
 * Answers an explain request body for a workspace.
 *
 * @example
 * await explainReport(services, workspace, { metric: 'cpa', from: '2026-11-01', to: '2026-11-14', by: 'channel' })
 * // { metric: 'cpa', previous: 20, current: 25, change: 5, method: 'known-factors', drivers: [{ id: 'cvr', contribution: 2.86, … }, { id: 'cpc', contribution: 2.14, … }], breakdown: { dimension: 'channel', kind: 'ratio', segments: [{ key: 'Paid Search', mix: …, rate: …, … }] }, … }
 */
export async function explainReport(services: QueryServices, workspace: Workspace, body: Record<string, unknown>): Promise<ExplainReport> {
  const catalog = await metricCatalog(services.warehouse, workspace.name);
  const request = checkExplainBody(body, catalog);
  const metric = catalog.get(request.metric)!;
  if (request.by && !metric.dimensions.includes(request.by)) {
    throw new QueryError(`${metric.id} cannot be split by ${request.by}; it supports ${metric.dimensions.join(', ') || 'no dimensions'}`, {
      field: 'by',
      supported: metric.dimensions,
    });
  }
  const previousPeriod = comparisonWindow(request.from, request.to, request.compare);
  const sources = metric.growthOf ? null : measureMetrics(metric.measures, catalog);
  if (!sources || sources.kind === 'missing') {
    const why = sources ? `its measures ${sources.measures.join(', ')} are not metrics of their own` : 'it is a growth rate, not a function of the period’s sums';
    return wholeChange(services, workspace, metric, request, previousPeriod, `${metric.label}'s change is not split into drivers: ${why}`);
  }
  const metrics = new Map([...sources.metrics, ...factorMeasures(metric, request, catalog)]);
  const read = (period: DatedPeriod) => readMeasures(services, workspace, { metrics, ...period, filters: request.filters, dimensions: request.by ? [request.by] : [] });
  const current = await read({ from: request.from, to: request.to });
  const previous = await read(previousPeriod);
  const breakdown = request.by ? { dimension: request.by, segments: segmentValues(previous, current) } : undefined;
  const explanation = explainChange(metric, { previous: previous.totals, current: current.totals }, breakdown);
  return report(metric, request, previousPeriod, workspace.settings.currency, explanation, catalog, [...new Set([...previous.notes, ...current.notes])]);
}

function segmentValues(previous: PeriodMeasures, current: PeriodMeasures) {
  const before = new Map(previous.rows.map((r) => [r.key, r.measures]));
  const after = new Map(current.rows.map((r) => [r.key, r.measures]));
  return [...new Set([...after.keys(), ...before.keys()])].map((key) => ({ key, previous: before.get(key), current: after.get(key) }));
}

function report(
  metric: CatalogMetric,
  request: ExplainRequest,
  previousPeriod: DatedPeriod,
  currency: string,
  explanation: ChangeExplanation,
  catalog: ReadonlyMap<string, CatalogMetric>,
  dataNotes: string[],
): ExplainReport {
  const segments = explanation.segments;
  return {
    ...header(metric, request, previousPeriod, currency),
    previous: explanation.previous,
    current: explanation.current,
    change: explanation.change,
    change_percent: explanation.changePercent,
    summary: explanation.summary,
    method: explanation.method,
    drivers: explanation.drivers.map((d) => ({
      id: d.id,
      label: d.label,
      unit: driverUnit(metric.id, d.id, catalog),
      previous: d.previous,
      current: d.current,
      change_percent: d.changePercent,
      contribution: d.contribution,
      share_percent: d.sharePercent,
      summary: d.summary,
    })),
    breakdown: segments
      ? {
          dimension: request.by!,
          kind: segments.kind,
          previous: segments.previous,
          current: segments.current,
          change: segments.change,
          segments: segments.segments.map((s) => ({
            key: s.key,
            status: s.status,
            previous: s.previous,
            current: s.current,
            contribution: s.contribution,
            share_percent: s.sharePercent,
            mix: s.mix ?? null,
            rate: s.rate ?? null,
            summary: s.summary,
          })),
        }
      : null,
    notes: [...explanation.notes, ...dataNotes],
  };
}

function header(metric: CatalogMetric, request: ExplainRequest, previousPeriod: DatedPeriod, currency: string) {
  return {
    metric: metric.id,
    label: metric.label,
    unit: metric.unit,
    direction: metric.direction,
    currency,
    compare: request.compare,
    filters: request.filters,
    period: { from: request.from, to: request.to },
    previous_period: { from: previousPeriod.from, to: previousPeriod.to },
  };
}

/**
 * The measures a known factorisation needs beyond the metric's own (clicks for
 * CPA = CPC ÷ CVR), when each is a metric that splits and filters like the request.
 */
function factorMeasures(metric: CatalogMetric, request: ExplainRequest, catalog: ReadonlyMap<string, CatalogMetric>): Map<string, string> {
  const factors = KNOWN_FACTORISATIONS.get(metric.id)?.factors ?? [];
  const measures = [...new Set(factors.flatMap((f) => formulaMetricIds(parseFormula(f.compute))))].filter((m) => !metric.measures.includes(m));
  const sources = measureMetrics(measures, catalog);
  if (sources.kind === 'missing') return new Map();
  const needed = [...(request.by ? [request.by] : []), ...request.filters.map((f) => f.dimension)];
  const splits = [...sources.metrics.values()].every((id) => needed.every((d) => catalog.get(id)!.dimensions.includes(d)));
  return splits ? new Map(sources.metrics) : new Map();
}

/** A known factor's unit, else the unit of the catalog metric a measure part is. */
function driverUnit(metricId: string, partId: string, catalog: ReadonlyMap<string, CatalogMetric>): Unit | null {
  const factor = KNOWN_FACTORISATIONS.get(metricId)?.factors.find((f) => f.id === partId);
  return factor?.unit ?? catalog.get(partId)?.unit ?? null;
}

/** The metric's own values in both periods and their difference, unsplit. */
async function wholeChange(
  services: QueryServices,
  workspace: Workspace,
  metric: CatalogMetric,
  request: ExplainRequest,
  previousPeriod: DatedPeriod,
  note: string,
): Promise<ExplainReport> {
  const total = async (period: DatedPeriod) => {
    const result = await answerQuery(services, workspace, { metrics: [metric.id], ...period, filters: request.filters });
    const value = result.totals[metric.id];
    return { value: typeof value === 'number' && Number.isFinite(value) ? value : null, notes: result.notes ?? [] };
  };
  const current = await total({ from: request.from, to: request.to });
  const previous = await total(previousPeriod);
  const change = current.value === null || previous.value === null ? null : current.value - previous.value;
  const changePercent = change === null || previous.value === 0 ? null : (change / Math.abs(previous.value!)) * 100;
  const shown = (v: number | null) => (v === null ? 'no value' : v.toFixed(2));
  const summary = change === null ? `${metric.label} went from ${shown(previous.value)} to ${shown(current.value)}` : `${metric.label} ${change > 0 ? 'rose' : change < 0 ? 'fell' : 'was unchanged'}, from ${shown(previous.value)} to ${shown(current.value)}`;
  const notes = [note, ...(request.by ? [`the change is not split by ${request.by} either`] : []), ...new Set([...previous.notes, ...current.notes])];
  return {
    ...header(metric, request, previousPeriod, workspace.settings.currency),
    previous: previous.value,
    current: current.value,
    change,
    change_percent: changePercent,
    summary,
    method: change === null ? null : 'whole',
    drivers:
      change === null
        ? []
        : [{ id: metric.id, label: metric.label, unit: metric.unit, previous: previous.value, current: current.value, change_percent: changePercent, contribution: change, share_percent: change === 0 ? null : 100, summary }],
    breakdown: null,
    notes,
  };
}
