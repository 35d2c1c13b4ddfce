// Which segments do significantly worse than the workspace on a ratio KPI
// (POST /v1/segments/underperforming, beacon segments): each segment's
// numerator and denominator sums, its spend (the cost metric) and, for the
// normal model, its conversions, read through the metrics layer over the
// period with the workspace's totals, judged by underperformingSegments, and
// the flagged ones returned ranked by the money at stake.
import { QueryError } from '../core/errors.js';
import type { CatalogMetric } from '../metrics/catalog.js';
import { metricCatalog } from '../metrics/metrics-service.js';
import type { QueryServices } from '../metrics/query-service.js';
import type { Dimension, Direction, Filter, Unit } from '../metrics/types.js';
import type { Workspace } from '../warehouse/warehouse.js';
import { ratioShape } from './formula-shape.js';
import { measureMetrics } from './measure-metrics.js';
import { valueOf } from './measure-values.js';
import { readMeasures } from './read-measures.js';
import { checkSegmentsBody } from './segments-request.js';
import type { CountSide } from './gamma-poisson-shrinkage.js';
import { defaultShrinkageModel, underperformingSegments, type SegmentAssessment, type SegmentSums, type ShrinkageModel } from './underperforming-segments.js';

export interface UnderperformingSegment {
  /** The segment's dimension values joined with " · " ("Paid Search · c1"). */
  key: string;
  values: Record<string, string | null>;
  /** The campaign's name when split by campaign. */
  campaign_name: string | null;
  numerator: number;
  denominator: number;
  /** The KPI as observed; null where its denominator is 0. */
  value: number | null;
  /** The KPI shrunk toward the pooled value by how much data the segment has. */
  shrunk: number;
  /** The workspace's KPI it is judged against. */
  workspace_value: number;
  /** P(the segment's true KPI is worse than the workspace's). */
  probability_worse: number;
  spend: number;
  /** Spend beyond what its results would cost at the workspace value, at its observed KPI. */
  excess_cost: number;
  /** The same at its shrunk KPI: the money at stake as far as its data shows. */
  spend_at_stake: number;
}

export interface SegmentsModel {
  kind: ShrinkageModel['kind'];
  /** gamma-poisson: which side of the ratio is the count; null otherwise. */
  count: CountSide | null;
  /** normal: the coefficient of variation of one event's value; null otherwise. */
  value_cv: number | null;
}

export interface SegmentsReport {
  metric: string;
  label: string;
  unit: Unit;
  direction: Direction;
  currency: string;
  dimensions: Dimension[];
  from: string;
  to: string;
  filters: Filter[];
  min_spend: number;
  model: SegmentsModel | null;
  workspace_value: number | null;
  prior: { mean: number; parameters: Record<string, number>; capped: boolean } | null;
  /** How many segments were judged. */
  assessed: number;
  max_false_discovery_rate: number;
  /** The expected share of false flags among the flagged segments; null when none is flagged. */
  expected_false_discovery_rate: number | null;
  /** The flagged segments' spend at stake, summed. */
  spend_at_stake: number;
  /** The significantly worse segments, most money at stake first. */
  segments: UnderperformingSegment[];
  notes: string[];
}

const SPEND = '#spend';
const EVENTS = '#events';

/**
 * Answers a segments request body for a workspace.
 *
 * @example
 * await underperformingReport(services, workspace, { metric: 'ctr', dimensions: ['campaign'], from: '2026-11-01', to: '2026-11-14' })
 * // { model: { kind: 'beta-binomial', … }, workspace_value: 2, assessed: 3, segments: [{ key: 'big', value: 1, probability_worse: 1, spend_at_stake: 2500, … }], … }
 */
export async function underperformingReport(services: QueryServices, workspace: Workspace, body: Record<string, unknown>): Promise<SegmentsReport> {
  const catalog = await metricCatalog(services.warehouse, workspace.name);
  const request = checkSegmentsBody(body, catalog);
  const metric = catalog.get(request.metric)!;
  const shape = judgeable(metric, catalog);
  const splits = (m: CatalogMetric | undefined) => m !== undefined && [...request.dimensions, ...request.filters.map((f) => f.dimension)].every((d) => m.dimensions.includes(d));
  const unsupported = request.dimensions.filter((d) => !metric.dimensions.includes(d));
  if (unsupported.length > 0) {
    throw new QueryError(`${metric.id} cannot be split by ${unsupported.join(', ')}; it supports ${metric.dimensions.join(', ') || 'no dimensions'}`, {
      field: 'dimensions',
      supported: metric.dimensions,
    });
  }
  const sources = measureMetrics(metric.measures, catalog);
  if (sources.kind === 'missing') throw new QueryError(`${metric.label}'s measures ${sources.measures.join(', ')} are not metrics of their own: its segments cannot be read`, { field: 'metric' });
  const notes: string[] = [];
  const reads = new Map(sources.metrics);
  if (splits(catalog.get('cost'))) reads.set(SPEND, 'cost');
  else notes.push(`spend (cost) is not split by ${request.dimensions.join(', ')}: spend and spend at stake are 0`);
  const model = defaultShrinkageModel(metric);
  if (model.kind === 'normal' && splits(catalog.get('conversions'))) reads.set(EVENTS, 'conversions');
  const data = await readMeasures(services, workspace, { metrics: reads, from: request.from, to: request.to, filters: request.filters, dimensions: request.dimensions });
  const sumOf = (values: Parameters<typeof valueOf>[1]) => ({ numerator: valueOf(shape.numerator, values) ?? 0, denominator: valueOf(shape.denominator, values) ?? 0 });
  const all: (SegmentSums & { row: (typeof data.rows)[number] })[] = data.rows.map((row) => ({
    key: row.key,
    ...sumOf(row.measures),
    spend: row.measures[SPEND] ?? 0,
    ...(reads.has(EVENTS) ? { events: row.measures[EVENTS] ?? 0 } : {}),
    row,
  }));
  const kept = all.filter((s) => s.spend >= request.minSpend);
  if (kept.length < all.length) notes.push(`${all.length - kept.length} segment(s) that spent less than ${request.minSpend} were left out`);
  const judged = underperformingSegments(metric, kept, { workspace: sumOf(data.totals), maxFalseDiscoveryRate: request.maxFalseDiscoveryRate });
  const rows = new Map(kept.map((s) => [s.key, s.row]));
  const workspaceValue = judged.workspace;
  const segments = judged.segments.map((s) => segmentOf(s, rows.get(s.key)!, workspaceValue!));
  return {
    metric: metric.id,
    label: metric.label,
    unit: metric.unit,
    direction: metric.direction,
    currency: workspace.settings.currency,
    dimensions: request.dimensions,
    from: request.from,
    to: request.to,
    filters: request.filters,
    min_spend: request.minSpend,
    model: judged.model && modelOf(judged.model),
    workspace_value: workspaceValue,
    prior: judged.prior && { mean: judged.prior.mean, parameters: { ...judged.prior.parameters }, capped: judged.prior.capped },
    assessed: judged.assessed.length,
    max_false_discovery_rate: request.maxFalseDiscoveryRate,
    expected_false_discovery_rate: judged.expectedFalseDiscoveryRate,
    spend_at_stake: segments.reduce((total, s) => total + Math.max(0, s.spend_at_stake), 0),
    segments,
    notes: [...notes, ...judged.notes, ...data.notes],
  };
}

/** The metric's numerator and denominator, or a 422 naming the metrics that can be judged. */
function judgeable(metric: CatalogMetric, catalog: ReadonlyMap<string, CatalogMetric>) {
  const shape = ratioShape(metric.node);
  if (shape && metric.direction !== 'neutral' && !metric.growthOf) return shape;
  const ratios = [...catalog.values()].filter((m) => m.direction !== 'neutral' && !m.growthOf && ratioShape(m.node) && measureMetrics(m.measures, catalog).kind === 'found').map((m) => m.id);
  const why = metric.direction === 'neutral' && shape ? 'has no better direction' : 'is not a ratio of two sums';
  throw new QueryError(`${metric.id} ${why}: segments are judged on ratios with a better direction, such as CTR, CVR, CPA, CPC or ROAS (${ratios.join(', ')})`, {
    field: 'metric',
    choices: ratios,
  });
}

function segmentOf(s: SegmentAssessment, row: { values: Readonly<Record<string, string | null>>; campaignName: string | null }, workspaceValue: number): UnderperformingSegment {
  return {
    key: s.key,
    values: { ...row.values },
    campaign_name: row.campaignName,
    numerator: s.numerator,
    denominator: s.denominator,
    value: s.value,
    shrunk: s.shrunk,
    workspace_value: workspaceValue,
    probability_worse: s.probabilityWorse,
    spend: s.spend,
    excess_cost: s.excessCost,
    spend_at_stake: s.expectedExcessCost,
  };
}

function modelOf(model: ShrinkageModel): SegmentsModel {
  return { kind: model.kind, count: model.kind === 'gamma-poisson' ? model.count : null, value_cv: model.kind === 'normal' ? model.valueCv : null };
}
