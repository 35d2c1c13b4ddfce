// The shifted-beta-geometric model (clv/sbg.ts, Fader & Hardie 2007) fitted
// on every cohort of a matrix at once: each cohort's survivors (subscribers
// at acquisition who have not churned by the start of each period) add their
// own sBG log-likelihood, so cohorts observed for different lengths inform
// the same churn distribution. It assumes contractual churn: a customer
// leaves once, for good; it is fitted for subscription activity only.
import type { FitReport } from '../clv/bg-nbd.js';
import { minimizeNelderMead } from '../clv/nelder-mead.js';
import { expectedLifetime, logLikelihoodSbg, retentionRate, survivalCurve, type SbgParams } from '../clv/sbg.js';
import type { CohortRow } from './cohort-matrix.js';

/** Below these, a fit is given with a warning that it rests on little. */
const FEW_COHORTS = 3;
const FEW_SUBSCRIBERS = 30;
/** Periods searched for the median lifetime. */
const MEDIAN_HORIZON = 10_000;

/** The fitted sBG model of a matrix's cohorts. */
export interface RetentionModel {
  model: 'sbg';
  /** Churn probability θ ~ Beta(alpha, beta) per period. */
  alpha: number;
  beta: number;
  log_likelihood: number;
  /** Mean lifetime in periods, (α+β−1)/(α−1); null when α ≤ 1 (infinite: some customers almost never churn). */
  expected_lifetime: number | null;
  /** Periods until fewer than half of a cohort's subscribers are expected to remain; null past 10,000. */
  median_lifetime: number | null;
  /** Cohorts with subscribers the fit read, their subscribers at acquisition, and the periods of churn observed in all. */
  cohorts: number;
  subscribers: number;
  observed_periods: number;
  /** % of a cohort's subscribers at acquisition expected to remain, for the periods after the longest one observed. */
  projection: { period: number; retention: number }[];
  fit: FitReport;
}

/**
 * Fits sBG on the survivors of the rows' cells (cohorts without subscribers
 * left out), or explains in a warning why it cannot: too few periods, nobody
 * churned, everybody churned at once.
 *
 * @example fitRetentionModel(rows, 6) // { model: { model: 'sbg', alpha: 0.7, beta: 1.2, …, projection: [{ period: 8, retention: 23.9 }, …] }, warnings: [] }
 */
export function fitRetentionModel(rows: readonly CohortRow[], projectionPeriods: number): { model: RetentionModel | null; warnings: string[] } {
  const series = survivorSeries(rows);
  const refusal = whyNotFit(series);
  if (refusal) return { model: null, warnings: [refusal] };
  const toParams = (v: number[]): SbgParams => ({ alpha: Math.exp(v[0]), beta: Math.exp(v[1]) });
  const minimum = minimizeNelderMead((v) => -series.reduce((sum, s) => sum + logLikelihoodSbg(toParams(v), s), 0), [0, 0]);
  const params = toParams(minimum.point);
  const observed = Math.max(...series.map((s) => s.length - 1));
  const curve = survivalCurve(params, observed + projectionPeriods);
  const subscribers = series.reduce((sum, s) => sum + s[0], 0);
  const { iterations, evaluations, restarts, converged } = minimum;
  const model: RetentionModel = {
    model: 'sbg',
    ...params,
    log_likelihood: -minimum.value,
    expected_lifetime: expectedLifetime(params),
    median_lifetime: medianLifetime(params),
    cohorts: series.length,
    subscribers,
    observed_periods: series.reduce((sum, s) => sum + s.length - 1, 0),
    projection: curve.slice(observed + 1).map((s, i) => ({ period: observed + 1 + i, retention: s * 100 })),
    fit: { iterations, evaluations, restarts, converged },
  };
  const warnings: string[] = [];
  if (series.length < FEW_COHORTS || subscribers < FEW_SUBSCRIBERS) {
    warnings.push(`the retention model rests on ${series.length} cohort${series.length === 1 ? '' : 's'} and ${subscribers} subscriber${subscribers === 1 ? '' : 's'}: treat its projection with care`);
  }
  if (!converged) warnings.push('the retention model fit did not converge; treat its projection with care');
  return { model, warnings };
}

/** Each cohort's survivor counts over its observed periods, for cohorts with subscribers observed past their first period. */
function survivorSeries(rows: readonly CohortRow[]): number[][] {
  return rows
    .map((row) => row.cells.flatMap((cell) => (cell === null ? [] : [cell.survivors ?? 0])))
    .filter((s) => s.length >= 2 && s[0] > 0);
}

function whyNotFit(series: readonly number[][]): string | null {
  const longest = Math.max(0, ...series.map((s) => s.length - 1));
  if (longest < 2) {
    return `too few periods to fit the retention model: ${series.length === 0 ? 'no cohort with subscribers has a period after its first' : `the longest cohort has ${longest} period of churn observed`}, at least 2 are needed`;
  }
  if (series.every((s) => s[s.length - 1] === s[0])) return 'nobody churned, so the retention model cannot estimate a churn rate';
  if (series.every((s) => s[1] === 0)) return 'every subscriber churned in the first period, so the retention model cannot project retention';
  return null;
}

/** Periods until S(t) < ½; null past MEDIAN_HORIZON. */
function medianLifetime(params: SbgParams): number | null {
  let survival = 1;
  for (let t = 1; t <= MEDIAN_HORIZON; t++) {
    survival *= retentionRate(params, t);
    if (survival < 0.5) return t;
  }
  return null;
}
