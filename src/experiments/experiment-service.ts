// A/B experiment readouts (POST /v1/experiments/analyze, beacon experiment):
// from each variant's sufficient statistics as sent — units and conversions
// for a rate, units, sum and sum of squares for a mean — or, for a body naming
// `experiment`, from the workspace's experiment_exposure events, aggregated in
// the warehouse (QueryRunner.experimentSums) into the same statistics. Both
// are checked, then analysed alike. GET /v1/experiments lists the experiments
// the exposures name.
import { NotFoundError, QueryError } from '../core/errors.js';
import { addDays, localDate } from '../core/time.js';
import { zoneMidnight } from '../core/zone-midnight.js';
import { baseVocabulary } from '../funnels/funnel-steps.js';
import { throwIfAny } from '../metrics/body-checks.js';
import { freshView, type QueryServices } from '../metrics/query-service.js';
import type { ExperimentSummary, Workspace } from '../warehouse/warehouse.js';
import { analyzeExperiment, type ExperimentReadout } from './analyze-experiment.js';
import { adjustBenjaminiHochberg } from './multiple-testing.js';
import { checkExperimentBody, parseExperimentStats } from './experiment-input.js';
import { experimentMetric, type ExperimentMetric } from './experiment-metrics.js';
import { parseExposureRequest, type ExposureRequest } from './exposure-request.js';
import { exposureStats } from './exposure-stats.js';

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

export interface ExperimentList {
  experiments: { experiment: string; variants: { variant: string; people: number }[]; people: number; first_exposure: string; last_exposure: string }[];
}

/**
 * The readout of an experiment body: sufficient statistics, or `{ experiment,
 * metric, … }` read from the workspace's exposures; a 400 naming every bad
 * field, a 404 for an experiment no exposure names, a 422 when the data
 * cannot be read out.
 *
 * @example
 * await experimentReport(services, workspace, { kind: 'rate', variants: [{ name: 'A', n: 10000, conversions: 1000 }, { name: 'B', n: 10000, conversions: 1100 }] })
 * // → { kind: 'rate', control: 'A', variants: [{ name: 'A', … }, { name: 'B', value: 0.11, lift: { absolute: 0.01, relative: 0.1, … }, z: 2.31, p_value: 0.021, … }], srm: { … }, warnings: [], source: null, notes: [] }
 * await experimentReport(services, workspace, { experiment: 'checkout_button', metric: 'visitor_cvr' })
 * // → { kind: 'mean', control: 'control', variants: […], source: { experiment: 'checkout_button', exposed: 1830, … }, notes: […] }
 */
export async function experimentReport(services: QueryServices, workspace: Workspace, body: unknown, now = Date.now()): Promise<ExperimentReport> {
  if (readsExposures(body)) return exposureReport(services, workspace, parseExposureRequest(body), now);
  return statsReport(body);
}

/** Whether a body asks for a readout from the workspace's exposures (it names `experiment`) rather than sending statistics. */
export function readsExposures(body: unknown): boolean {
  return body !== null && typeof body === 'object' && !Array.isArray(body) && 'experiment' in body;
}

/** The readout of a stats body: nothing of the workspace is read. */
export function statsReport(body: unknown): ExperimentReport {
  return { ...analyzeExperiment(parseExperimentStats(checkExperimentBody(body))), source: null, notes: [], secondary: [] };
}

async function exposureReport(services: QueryServices, workspace: Workspace, request: ExposureRequest, now: number): Promise<ExperimentReport> {
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

/**
 * The experiments the workspace's exposures name, most recently exposed first.
 *
 * @example await experimentList(services, workspace) // { experiments: [{ experiment: 'checkout_button', variants: [{ variant: 'control', people: 912 }, { variant: 'green', people: 918 }], people: 1830, first_exposure: '…', last_exposure: '…' }] }
 */
export async function experimentList(services: QueryServices, workspace: Workspace): Promise<ExperimentList> {
  await freshView(services, workspace.name);
  const list = await services.warehouse.experiments(workspace.name, { botFiltering: workspace.settings.bot_filtering });
  return { experiments: list.map(summaryOut) };
}

const summaryOut = (s: ExperimentSummary): ExperimentList['experiments'][number] => ({
  experiment: s.experiment,
  variants: s.variants,
  people: s.people,
  first_exposure: new Date(s.firstExposure).toISOString(),
  last_exposure: new Date(s.lastExposure).toISOString(),
});
