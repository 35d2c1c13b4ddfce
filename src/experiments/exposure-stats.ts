// The stats body of a readout from the warehouse: the sums per variant that
// the engine aggregated from experiment_exposure events (QueryRunner.
// experimentSums), ordered control first, as a rate or a mean, with the CUPED
// covariate where the people had any activity before exposure. Pure.
import { QueryError } from '../core/errors.js';
import { throwIfAny } from '../metrics/body-checks.js';
import type { ExperimentSums, ExperimentVariantSums } from '../warehouse/warehouse.js';
import type { ExperimentMetric } from './experiment-metrics.js';
import type { ExperimentStatsInput } from './experiment-input.js';
import type { ExposureRequest } from './exposure-request.js';

export interface ExposureStats {
  body: ExperimentStatsInput;
  /** Whether the covariate went in (CUPED asked for, and someone had activity before exposure). */
  cuped: boolean;
  notes: string[];
}

/**
 * The stats body for analyzeExperiment; a 422 when the data cannot be read
 * out (one variant, a mean with a variant of one person), a 400 for a control
 * or planned split that does not fit the variants.
 *
 * @example
 * exposureStats({ variants: [{ variant: 'B', people: 3, sum: 2, … }, { variant: 'control', people: 3, sum: 1, … }], … }, visitorCvr, request)
 * // { body: { kind: 'rate', variants: [{ name: 'control', n: 3, conversions: 1 }, { name: 'B', n: 3, conversions: 2 }], control: 'control' }, cuped: false, notes: […] }
 */
export function exposureStats(sums: ExperimentSums, metric: ExperimentMetric, request: ExposureRequest): ExposureStats {
  const ordered = controlFirst(sums.variants, request);
  const notes: string[] = [];
  const explained = request.cupedDays > 0 ? pooledExplained(ordered) : 0;
  const cuped = explained >= MIN_CUPED_GAIN;
  if (request.cupedDays > 0 && !cuped) {
    const why = ordered.every((v) => v.preSum === 0 && v.preSumSquares === 0)
      ? `no exposed person had ${metric.id} in the ${request.cupedDays} days before their first exposure`
      : `${metric.id} in the ${request.cupedDays} days before exposure explains ${(explained * 100).toFixed(1)} % of its variance after, under the ${MIN_CUPED_GAIN * 100} % worth adjusting for`;
    notes.push(`CUPED was not applied: ${why}`);
  }
  const kind = metric.binary && !cuped ? 'rate' : 'mean';
  if (metric.binary && cuped) {
    notes.push(`${metric.id} is compared as the mean of a 1-or-0 outcome so that CUPED can adjust it: Welch's t and a normal posterior stand in for the z-test and the beta-binomial`);
  }
  if (kind === 'mean') {
    const small = ordered.find((v) => v.people < 2);
    if (small) throw new QueryError(`variant ${JSON.stringify(small.variant)} has ${small.people} exposed person; a mean needs at least 2 people per variant`, { field: 'experiment', variant: small.variant });
  }
  const variants = ordered.map((v) =>
    kind === 'rate'
      ? { name: v.variant, n: v.people, conversions: v.sum }
      : { name: v.variant, n: v.people, sum: v.sum, sum_squares: v.sumSquares, ...(cuped ? { covariate_sum: v.preSum, covariate_sum_squares: v.preSumSquares, cross_sum: v.crossSum } : {}) },
  );
  const { alpha, prior, sequential, sequential_tuning } = request.analysis;
  const body: ExperimentStatsInput = {
    kind,
    variants,
    control: ordered[0].variant,
    ...(request.plannedSplit ? { planned_split: splitOf(request.plannedSplit, ordered) } : {}),
    ...(alpha === undefined ? {} : { alpha }),
    ...(prior === undefined || kind === 'mean' ? {} : { prior }),
    ...(sequential === undefined ? {} : { sequential }),
    ...(sequential_tuning === undefined ? {} : { sequential_tuning }),
  };
  if (prior !== undefined && kind === 'mean') notes.push('the prior applies to rates only; this mean was compared with a flat prior');
  return { body, cuped, notes };
}

/** The variants with the control first (the one asked for, else one named control, else the first by name), the rest by name. */
function controlFirst(variants: readonly ExperimentVariantSums[], request: ExposureRequest): ExperimentVariantSums[] {
  if (variants.length < 2) {
    const only = variants[0];
    throw new QueryError(`experiment ${JSON.stringify(request.experiment)} has exposures of one variant only (${JSON.stringify(only?.variant)}, ${only?.people} people); a readout compares at least two`, {
      field: 'experiment',
    });
  }
  const names = variants.map((v) => v.variant);
  const wanted = request.control;
  if (wanted !== null && !names.includes(wanted)) {
    throwIfAny('experiment request', [{ field: 'control', message: `"${wanted}" is not a variant of ${request.experiment}; its variants are ${names.join(', ')}` }]);
  }
  const control = wanted ?? names.find((n) => n.toLowerCase() === 'control') ?? [...names].sort()[0];
  const byName = [...variants].sort((a, b) => (a.variant < b.variant ? -1 : a.variant > b.variant ? 1 : 0));
  return [byName.find((v) => v.variant === control)!, ...byName.filter((v) => v.variant !== control)];
}

/** CUPED is applied when the days before exposure explain at least this share of the metric's variance (pooled ρ²). */
export const MIN_CUPED_GAIN = 0.01;

/**
 * The share of the metric's variance the covariate explains over all people
 * pooled (ρ², the variance CUPED would remove); 0 when either does not vary.
 * Pooled over the variants, it does not depend on which one did better.
 */
export function pooledExplained(variants: readonly ExperimentVariantSums[]): number {
  const t = variants.reduce(
    (a, v) => ({ n: a.n + v.people, y: a.y + v.sum, yy: a.yy + v.sumSquares, x: a.x + v.preSum, xx: a.xx + v.preSumSquares, xy: a.xy + v.crossSum }),
    { n: 0, y: 0, yy: 0, x: 0, xx: 0, xy: 0 },
  );
  const sxx = t.xx - (t.x * t.x) / t.n;
  const syy = t.yy - (t.y * t.y) / t.n;
  const sxy = t.xy - (t.x * t.y) / t.n;
  if (!(sxx > 1e-12 * Math.max(1, t.xx)) || !(syy > 1e-12 * Math.max(1, t.yy))) return 0;
  return Math.min(1, (sxy * sxy) / (sxx * syy));
}

/** The planned split by name, in the variants' order; a 400 for names that are not variants or variants left out. */
function splitOf(split: Record<string, number>, variants: readonly ExperimentVariantSums[]): number[] {
  const names = variants.map((v) => v.variant);
  const problems = [
    ...Object.keys(split).filter((name) => !names.includes(name)).map((name) => ({ field: `planned_split.${name}`, message: `is not a variant; the variants are ${names.join(', ')}` })),
    ...names.filter((name) => split[name] === undefined).map((name) => ({ field: `planned_split.${name}`, message: 'is missing: give a share for every variant' })),
  ];
  throwIfAny('experiment request', problems);
  return names.map((name) => split[name]);
}
