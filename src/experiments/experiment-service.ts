// A/B experiment readouts (POST /v1/experiments/analyze, beacon experiment):
// from each variant's sufficient statistics — units and conversions for a
// rate, units, sum and sum of squares for a mean — checked, then analysed.
// The readout from a workspace's experiment_exposure events (a body naming
// `experiment`) is not available yet: such a body is a 501 that says what to
// send instead.
import { NotImplementedError } from '../core/errors.js';
import { analyzeExperiment, type ExperimentReadout } from './analyze-experiment.js';
import { checkExperimentBody, parseExperimentStats } from './experiment-input.js';

export const WAREHOUSE_READOUT_UNAVAILABLE =
  'the readout of an experiment from its experiment_exposure events (a body with "experiment") is not available yet; send the sufficient statistics of each variant instead: ' +
  '{ "kind": "rate", "variants": [{ "name", "n", "conversions" }, …] } or { "kind": "mean", "variants": [{ "name", "n", "sum", "sum_squares" }, …] }';

/**
 * The readout of an experiment stats body; a 400 naming every bad field, a
 * 501 for the warehouse form.
 *
 * @example
 * await experimentReport({ kind: 'rate', variants: [{ name: 'A', n: 10000, conversions: 1000 }, { name: 'B', n: 10000, conversions: 1100 }] })
 * // → { kind: 'rate', control: 'A', variants: [{ name: 'A', … }, { name: 'B', value: 0.11, lift: { absolute: 0.01, relative: 0.1, … }, z: 2.31, p_value: 0.021, … }], srm: { … }, warnings: [] }
 */
export async function experimentReport(body: unknown): Promise<ExperimentReadout> {
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && 'experiment' in body) {
    throw new NotImplementedError(WAREHOUSE_READOUT_UNAVAILABLE, { field: 'experiment' });
  }
  return analyzeExperiment(parseExperimentStats(checkExperimentBody(body)));
}
