// A/B experiment readouts (POST /v1/experiments/analyze, beacon experiment):
// from each variant's sufficient statistics as sent — units and conversions
// for a rate, units, sum and sum of squares for a mean — or, for a body naming
// `experiment`, from the workspace's experiment_exposure events, aggregated in
// the warehouse (QueryRunner.experimentSums) into the same statistics. Both
// are checked, then analysed alike. GET /v1/experiments lists the experiments
// the exposures name.
import { freshView, type QueryServices } from '../metrics/query-service.js';
import type { ExperimentSummary, Workspace } from '../warehouse/warehouse.js';
import { analyzeExperiment } from './analyze-experiment.js';
import { checkExperimentBody, parseExperimentStats } from './experiment-input.js';
import { parseExposureRequest } from './exposure-request.js';
import { exposureReport, type ExperimentReport } from './exposure-report.js';

export type { ExperimentReport, ExposureSource, MetricReport } from './exposure-report.js';

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
