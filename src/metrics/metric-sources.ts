// Which loaded sources a metric is built from, through the facts its measures
// read: what a metric's freshness depends on, and which ingestions can change
// its value. Pure.
import type { SourceName } from '../model/sources.js';
import type { CatalogMetric } from './catalog.js';
import type { FactId } from './facts.js';

/** The loaded source each fact is built from. */
export const FACT_SOURCES: Readonly<Record<FactId, SourceName>> = {
  ad: 'ad_performance',
  events: 'events',
  sessions: 'events',
  scroll: 'events',
  conversions: 'events',
  lifecycle: 'lifecycle',
  stage_progress: 'lifecycle',
  customers: 'lifecycle',
  customer_status: 'lifecycle',
  orders: 'orders',
  costs: 'costs',
  surveys: 'surveys',
};

/**
 * The sources of a metric, each once, in the order of its facts.
 *
 * @example metricSources(CATALOG_BY_ID.get('cac')!) // → ['ad_performance', 'costs', 'lifecycle']
 */
export function metricSources(metric: Pick<CatalogMetric, 'facts'>): SourceName[] {
  return [...new Set(metric.facts.map((fact) => FACT_SOURCES[fact]))];
}
