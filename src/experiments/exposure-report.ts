// A/B readouts from the workspace's experiment_exposure events: each metric's
// per-variant sums aggregated in the warehouse (QueryRunner.experimentSums),
// turned into a stats body (exposure-stats.ts) and analysed as statistics
// sent by a client are; several metrics read together share one
// Benjamini–Hochberg correction.
import { NotFoundError, QueryError } from '../core/errors.js';
import { addDays, localDate } from '../core/time.js';
import { zoneMidnight } from '../core/zone-midnight.js';
import { baseVocabulary } from '../funnels/funnel-steps.js';
import { throwIfAny } from '../metrics/body-checks.js';
import { freshView, type QueryServices } from '../metrics/query-service.js';
import type { Workspace } from '../warehouse/warehouse.js';
import { analyzeExperiment, type ExperimentReadout } from './analyze-experiment.js';
import { checkExperimentBody, parseExperimentStats } from './experiment-input.js';
import { experimentMetric, type ExperimentMetric } from './experiment-metrics.js';
import type { ExposureRequest } from './exposure-request.js';
import { exposureStats } from './exposure-stats.js';
import { adjustBenjaminiHochberg } from './multiple-testing.js';

/** Where a readout from the warehouse came from. */
export interface ExposureSource {
  experiment: string;
  metric: string;
  /** What one person's value is, and its unit (rate: 1 or 0, read as a share of people). */
  per_person: string;
  unit: 'rate' | 'count' | 'money';
  /** The local dates of the test window (from: the first exposure when not given; to: today when not given). */
  from: string;
  to: string;
  time_zone: string;
  /** People counted in a variant, and people left out for seeing more than one. */
  exposed: number;
  excluded_multiple_variants: number;
  first_exposure: string;
  last_exposure: string;
  /** CUPED's covariate window before each first exposure; null when not applied. */
  cuped_days: number | null;
}

export interface MetricReport extends ExperimentReadout {
  /** The experiment and metric a warehouse readout read; null for statistics sent as they are. */
  source: ExposureSource | null;
  notes: string[];
}

export interface ExperimentReport extends MetricReport {
  /** The other metrics read together with the first (`metrics`), each a readout; p_value_adjusted then corrects across all of them. */
  secondary: MetricReport[];
}

/**
 * The readout of a checked exposure request: the first metric at the top
 * level, the others in `secondary`.
 *
 * @example
 * await exposureReport(services, workspace, parseExposureRequest({ experiment: 'checkout_button', metric: 'visitor_cvr' }), Date.now())
 * // → { kind: 'rate', control: 'control', variants: […], source: { experiment: 'checkout_button', exposed: 5786, … }, notes: […], secondary: [] }
 */
export async function exposureReport(services: QueryServices, workspace: Workspace, request: ExposureRequest, now: number): Promise<ExperimentReport> {
  const freshness = await freshView(services, workspace.name);
  const metrics: ExperimentMetric[] = [];
  for (const id of request.metrics) metrics.push(await metricOf(services, workspace, id));
  const reports: MetricReport[] = [];
  for (const metric of metrics) reports.push(await metricReport(services, workspace, request, metric, now));
  if (reports.length > 1) adjustAcrossMetrics(reports);
  const [primary, ...secondary] = reports;
  const notes = [...primary.notes];
  if (!freshness.complete) notes.push(`the derived view is still taking in data sent since ${freshness.pending_since}; this answer may not include it yet`);
  return { ...primary, notes, secondary };
}

/** One metric's readout from the exposures. */
async function metricReport(services: QueryServices, workspace: Workspace, request: ExposureRequest, metric: ExperimentMetric, now: number): Promise<MetricReport> {
  const { settings } = workspace;
  const zone = settings.timezone;
  const sums = await services.warehouse.experimentSums(workspace.name, {
    experiment: request.experiment,
    outcome: metric.outcome,
    binary: metric.binary,
    start: request.from === null ? null : zoneMidnight(request.from, zone),
    end: request.to === null ? now : zoneMidnight(addDays(request.to, 1), zone),
    preMs: request.cupedDays * 86_400_000,
    botFiltering: settings.bot_filtering,
  });
  if (sums.variants.length === 0) throw await noExposures(services, workspace, request);
  const stats = exposureStats(sums, metric, request);
  const readout = analyzeExperiment(parseExperimentStats(checkExperimentBody(stats.body)));
  const exposed = sums.variants.reduce((t, v) => t + v.people, 0);
  const notes = [...stats.notes];
  if (sums.multipleVariants > 0) {
    const share = (100 * sums.multipleVariants) / (exposed + sums.multipleVariants);
    notes.push(`${sums.multipleVariants} ${sums.multipleVariants === 1 ? 'person' : 'people'} (${share.toFixed(1)} %) saw more than one variant and ${sums.multipleVariants === 1 ? 'is' : 'are'} left out`);
  }
  return {
    ...readout,
    source: {
      experiment: request.experiment,
      metric: metric.id,
      per_person: metric.perPerson,
      unit: metric.unit,
      from: request.from ?? localDate(sums.firstExposure!, zone),
      to: request.to ?? localDate(now, zone),
      time_zone: zone,
      exposed,
      excluded_multiple_variants: sums.multipleVariants,
      first_exposure: new Date(sums.firstExposure!).toISOString(),
      last_exposure: new Date(sums.lastExposure!).toISOString(),
      cuped_days: stats.cuped ? request.cupedDays : null,
    },
    notes,
  };
}

/** Benjamini–Hochberg over every treatment of every metric read together, in place of each readout's own. */
function adjustAcrossMetrics(reports: MetricReport[]): void {
  const treatments = reports.flatMap((r) => r.variants.filter((v) => !v.is_control));
  const adjusted = adjustBenjaminiHochberg(treatments.map((v) => v.p_value));
  treatments.forEach((v, i) => (v.p_value_adjusted = adjusted[i]));
  const tests = adjusted.filter((p) => p !== null).length;
  for (const r of reports) r.notes.push(`p_value_adjusted corrects across the ${tests} comparisons of the ${reports.length} metrics read together (Benjamini–Hochberg)`);
}

/** The metric a person's outcome is read as; a 400 naming `metric` otherwise. */
async function metricOf(services: QueryServices, workspace: Workspace, id: string): Promise<ExperimentMetric> {
  const types = baseVocabulary(workspace.settings.conversion_types).eventTypes;
  let metric = experimentMetric(id, types);
  // Only a name outside the catalog, DATA.md's types and the conversion types needs the types the workspace's events hold.
  if ('field' in metric) metric = experimentMetric(id, baseVocabulary(workspace.settings.conversion_types, await services.warehouse.eventTypes(workspace.name)).eventTypes);
  if ('field' in metric) throwIfAny('experiment request', [metric]);
  return metric as ExperimentMetric;
}

/** Why nothing was read: no exposure names the experiment (404), or none falls in the window (422). */
async function noExposures(services: QueryServices, workspace: Workspace, request: ExposureRequest): Promise<Error> {
  const known = await services.warehouse.experiments(workspace.name, { botFiltering: workspace.settings.bot_filtering });
  const name = JSON.stringify(request.experiment);
  if (known.some((e) => e.experiment === request.experiment)) {
    return new QueryError(`experiment ${name} has no exposures between ${request.from ?? 'its start'} and ${request.to ?? 'now'}`, { field: 'experiment' });
  }
  const seen = known.slice(0, 10).map((e) => e.experiment);
  const hint = seen.length === 0 ? 'no experiment_exposure events with properties.experiment and properties.variant are loaded' : `the experiments seen are ${seen.join(', ')}`;
  return new NotFoundError(`no experiment_exposure event names experiment ${name}; ${hint}`);
}

