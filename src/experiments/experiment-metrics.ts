// What an experiment's metric is per exposed person, for a readout from the
// warehouse: whether they converted (a rate), how many conversions or how
// much revenue they brought, how many pages they viewed (means), or whether
// they did one event (a rate). Pure: the event types a workspace holds are
// handed in by the caller.
import { didYouMean } from '../core/closest.js';
import type { Problem } from '../metrics/body-checks.js';
import type { ExperimentOutcome } from '../warehouse/warehouse.js';

export interface ExperimentMetric {
  id: string;
  /** What one person's value is, in words, for the answer and its notes. */
  perPerson: string;
  outcome: ExperimentOutcome;
  /** 1 or 0 per person: the readout compares rates. */
  binary: boolean;
  unit: 'rate' | 'count' | 'money';
}

/** The catalog metrics an experiment can be read out on, as a person's outcome after exposure. */
const CATALOG_METRICS: Record<string, Omit<ExperimentMetric, 'id'>> = {
  visitor_cvr: { perPerson: 'converted after exposure (1 or 0)', outcome: { kind: 'conversions' }, binary: true, unit: 'rate' },
  conversions: { perPerson: 'conversions after exposure (one per order)', outcome: { kind: 'conversions' }, binary: false, unit: 'count' },
  revenue: { perPerson: 'revenue of conversions after exposure', outcome: { kind: 'revenue' }, binary: false, unit: 'money' },
  pageviews: { perPerson: 'page views after exposure', outcome: { kind: 'events', type: 'page_view' }, binary: false, unit: 'count' },
};

export const EXPERIMENT_CATALOG_METRICS = Object.keys(CATALOG_METRICS);

/**
 * The metric a readout compares; a problem naming `metric` when it cannot be
 * read per person. An event type (`signup`, `add_to_cart`, a conversion type…)
 * reads as a rate: did the person do it after exposure.
 *
 * @example
 * experimentMetric('visitor_cvr', new Set(['purchase'])) // { id: 'visitor_cvr', outcome: { kind: 'conversions' }, binary: true, unit: 'rate', … }
 * experimentMetric('signup', new Set(['signup']))        // { id: 'signup', outcome: { kind: 'events', type: 'signup' }, binary: true, unit: 'rate', … }
 * experimentMetric('ctr', new Set())                     // { field: 'metric', message: 'ctr cannot be read per exposed person; …' }
 */
export function experimentMetric(id: string, eventTypes: ReadonlySet<string>): ExperimentMetric | Problem {
  const known = CATALOG_METRICS[id];
  if (known) return { id, ...known };
  if (eventTypes.has(id) && id !== 'experiment_exposure') {
    return { id, perPerson: `did ${id} after exposure (1 or 0)`, outcome: { kind: 'events', type: id }, binary: true, unit: 'rate' };
  }
  const hint = didYouMean(id, [...EXPERIMENT_CATALOG_METRICS, ...eventTypes]);
  return {
    field: 'metric',
    message:
      `${JSON.stringify(id)} cannot be read per exposed person${hint}; ` +
      `use ${EXPERIMENT_CATALOG_METRICS.join(', ')} or an event type (did the person do it after exposure), e.g. ${[...eventTypes].slice(0, 4).join(', ')}`,
  };
}
