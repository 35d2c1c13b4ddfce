// Which loaded sources can change what a rule judges: its metric's sources,
// a goal's metric's for goal pacing, events for a funnel. A real-time rule is
// evaluated after an ingestion into one of them, and only then.
import type { CatalogMetric } from '../metrics/catalog.js';
import { metricSources } from '../metrics/metric-sources.js';
import { SOURCE_NAMES, type SourceName } from '../model/sources.js';
import type { AlertRule } from './alert-rule-input.js';

export interface RuleLookups {
  readonly metrics: ReadonlyMap<string, Pick<CatalogMetric, 'facts'>>;
  /** The metric of each goal of the workspace, by goal id. */
  readonly goalMetrics: ReadonlyMap<string, string>;
}

/**
 * The sources whose ingestions can change the rule's verdict; empty when its
 * metric or goal is gone (nothing it reads can change then).
 *
 * @example ruleSources({ metric: 'cpa', condition: { kind: 'threshold', … } }, lookups) // → ['ad_performance', 'events']
 * @example ruleSources({ metric: null, condition: { kind: 'funnel', … } }, lookups) // → ['events']
 */
export function ruleSources(rule: Pick<AlertRule, 'metric' | 'condition'>, lookups: RuleLookups): SourceName[] {
  const { condition } = rule;
  if (condition.kind === 'funnel') return ['events'];
  // The audit reads every source: any ingestion can make or clear a finding.
  if (condition.kind === 'data_quality') return [...SOURCE_NAMES];
  const metricId = condition.kind === 'goal_pace' ? lookups.goalMetrics.get(condition.goal_id) : rule.metric;
  const metric = metricId === undefined || metricId === null ? undefined : lookups.metrics.get(metricId);
  return metric ? metricSources(metric) : [];
}
