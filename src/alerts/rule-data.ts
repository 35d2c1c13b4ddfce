// What a rule's condition is judged on, read through the same services the
// API answers with: the metric in the current bucket (and the period before
// for a change), the anomaly detector's verdict on the latest whole bucket, a
// goal's progress, a funnel's conversion, and with a breakdown each segment's
// part in the change.
import { QueryError } from '../core/errors.js';
import { addDays, localDate } from '../core/time.js';
import { anomalyReport } from '../anomalies/anomaly-service.js';
import { funnelReport } from '../funnels/funnel-service.js';
import { goalReports } from '../goals/goals-service.js';
import { qualityReport } from '../quality/quality-service.js';
import type { CatalogMetric } from '../metrics/catalog.js';
import { metricCatalog } from '../metrics/metrics-service.js';
import { answerQuery, type QueryServices } from '../metrics/query-service.js';
import { bucketStart } from '../metrics/time-buckets.js';
import type { ResultRow } from '../metrics/types.js';
import type { Workspace } from '../warehouse/warehouse.js';
import type { FiringQuery, FiringSegment } from './alert-firing.js';
import type { StoredAlertRule } from './alert-store.js';
import { alertWindow, type AlertWindow } from './alert-window.js';
import type { ConditionData } from './evaluate-condition.js';
import { metricSplit } from './metric-parts.js';
import { additiveContributions, firingSegments, ratioContributions } from './segment-contributions.js';

export interface RuleData {
  readonly data: ConditionData;
  /** How the value is named in sentences (the metric's label, the goal's name, "funnel conversion"). */
  readonly label: string;
  /** The metric a firing names. */
  readonly metric: string;
  readonly query: FiringQuery;
  readonly segments: readonly FiringSegment[];
  readonly notes: readonly string[];
}

type Dates = { from: string; to: string };

/** Reads what the rule's condition needs at `now`. */
export async function readRuleData(services: QueryServices, workspace: Workspace, rule: StoredAlertRule, now: number): Promise<RuleData> {
  const window = alertWindow(rule.grain, now, workspace.settings.timezone);
  const condition = rule.condition;
  if (condition.kind === 'goal_pace') return goalData(services, workspace, condition.goal_id, now);
  if (condition.kind === 'data_quality') {
    const report = await qualityReport(services, workspace, now);
    const severe = report.findings.filter((f) => f.severity === 'error' || (condition.severity === 'warning' && f.severity === 'warning'));
    const query = { metrics: [], from: report.today, to: report.today };
    return { data: { findings: severe.map((f) => f.title) }, label: 'data quality', metric: 'data_quality', query, segments: [], notes: report.notes };
  }
  if (condition.kind === 'funnel') {
    const report = await funnelReport(services, workspace, { steps: [...condition.steps], window_days: condition.window_days, from: window.from, to: window.to }, now);
    const query = { metrics: [], from: window.from, to: window.to };
    return { data: { funnelRate: report.overall_conversion }, label: 'funnel conversion', metric: 'funnel_conversion', query, segments: [], notes: report.notes };
  }
  const catalog = await metricCatalog(services.warehouse, workspace.name);
  const metric = catalog.get(rule.metric ?? '');
  if (!metric) return { data: { current: null, previous: null, anomaly: null }, label: rule.metric ?? '', metric: rule.metric ?? '', query: { metrics: [], from: window.from, to: window.to }, segments: [], notes: [`${rule.metric} is no longer a metric of this workspace`] };
  if (condition.kind === 'anomaly') return anomalyData(services, workspace, rule, metric, window, now);
  const query: FiringQuery = { metrics: [metric.id], from: window.from, to: window.to, grain: rule.grain, filters: rule.filters, ...(rule.by ? { dimensions: [rule.by] } : {}) };
  const current = await bucketTotal(services, workspace, rule, metric.id, window, 'current');
  const needsPrevious = condition.kind === 'change' || rule.by !== null;
  const previous = needsPrevious ? await bucketTotal(services, workspace, rule, metric.id, window, 'previous') : undefined;
  const { segments, notes } = rule.by ? await segmentParts(services, workspace, rule, metric, catalog, window) : { segments: [], notes: [] };
  return { data: { current, ...(previous === undefined ? {} : { previous }) }, label: metric.label, metric: metric.id, query, segments, notes };
}

async function goalData(services: QueryServices, workspace: Workspace, goalId: string, now: number): Promise<RuleData> {
  const today = localDate(now, workspace.settings.timezone);
  const goal = (await goalReports(services, workspace, today)).find((g) => g.id === goalId);
  if (!goal) return { data: { goal: null }, label: `goal ${goalId}`, metric: '', query: { metrics: [], from: today, to: today }, segments: [], notes: [`the goal "${goalId}" no longer exists`] };
  const to = goal.to < today ? goal.to : today;
  const query = { metrics: [goal.metric], from: goal.from, to: to < goal.from ? goal.from : to, filters: goal.filters ?? [] };
  return { data: { goal: goal.progress }, label: goal.name ?? goal.metric, metric: goal.metric, query, segments: [], notes: goal.notes };
}

/** The detector's verdict on the latest whole bucket (the running one is not judged: its value is still growing). */
async function anomalyData(services: QueryServices, workspace: Workspace, rule: StoredAlertRule, metric: CatalogMetric, window: AlertWindow, now: number): Promise<RuleData> {
  const grain = rule.grain === 'hour' ? 'day' : rule.grain;
  const to = addDays(window.from, -1);
  const from = bucketStart(to, grain);
  const query: FiringQuery = { metrics: [metric.id], from, to, grain, filters: rule.filters };
  const sensitivity = rule.condition.kind === 'anomaly' ? rule.condition.sensitivity : undefined;
  try {
    const report = await anomalyReport(services, workspace, { metric: metric.id, filters: [...rule.filters], grain, from, to, sensitivity }, now);
    const point = report.points.find((p) => p.date === from) ?? null;
    return { data: { anomaly: point }, label: metric.label, metric: metric.id, query, segments: [], notes: report.notes };
  } catch (error) {
    // Too little history to judge: no verdict rather than a failed evaluation.
    if (error instanceof QueryError) return { data: { anomaly: null }, label: metric.label, metric: metric.id, query, segments: [], notes: [error.message] };
    throw error;
  }
}

/** The metric over the whole current (or previous) bucket; the hour's own row at hour grain. */
async function bucketTotal(services: QueryServices, workspace: Workspace, rule: StoredAlertRule, metric: string, window: AlertWindow, which: 'current' | 'previous'): Promise<number | null> {
  const dates = which === 'current' ? { from: window.from, to: window.to } : { from: window.previousFrom, to: window.previousTo };
  if (window.hour) {
    const result = await answerQuery(services, workspace, { metrics: [metric], grain: 'hour', ...dates, filters: rule.filters });
    const label = which === 'current' ? window.hour.current : window.hour.previous;
    return numberOf(result.rows.find((r) => r.date === label)?.[metric]);
  }
  const result = await answerQuery(services, workspace, { metrics: [metric], ...dates, filters: rule.filters });
  return numberOf(result.totals[metric]);
}

/** Each segment's part in the change from the previous period to the current bucket. */
async function segmentParts(
  services: QueryServices,
  workspace: Workspace,
  rule: StoredAlertRule,
  metric: CatalogMetric,
  catalog: ReadonlyMap<string, CatalogMetric>,
  window: AlertWindow,
): Promise<{ segments: FiringSegment[]; notes: string[] }> {
  const by = rule.by!;
  const split = metricSplit(metric, catalog);
  if (split.kind === 'none') return { segments: [], notes: [split.why] };
  const metrics = split.kind === 'additive' ? [metric.id] : [split.numerator, split.denominator];
  const read = async (dates: Dates, hour: string | undefined) => {
    const result = await answerQuery(services, workspace, { metrics, dimensions: [by], ...(hour ? { grain: 'hour' } : {}), ...dates, filters: rule.filters });
    const rows = hour ? result.rows.filter((r) => r.date === hour) : result.rows;
    return new Map(rows.map((r) => [String(r[by] ?? '(none)'), r]));
  };
  const current = await read({ from: window.from, to: window.to }, window.hour?.current);
  const previous = await read({ from: window.previousFrom, to: window.previousTo }, window.hour?.previous);
  const keys = [...new Set([...current.keys(), ...previous.keys()])];
  const value = (rows: Map<string, ResultRow>, key: string, id: string) => numberOf(rows.get(key)?.[id]);
  const report =
    split.kind === 'additive'
      ? additiveContributions(keys.map((key) => ({ key, current: value(current, key, metric.id), previous: value(previous, key, metric.id) })))
      : ratioContributions(
          keys.map((key) => ({
            key,
            current: { numerator: value(current, key, split.numerator), denominator: value(current, key, split.denominator) },
            previous: { numerator: value(previous, key, split.numerator), denominator: value(previous, key, split.denominator) },
          })),
          split.scale,
        );
  return { segments: firingSegments(by, report), notes: report.note ? [report.note] : [] };
}

function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
