// The stats body of POST /v1/experiments/analyze (and of `beacon experiment
// --stats FILE`): per variant its units and conversions (a rate) or its sum and
// sum of squares (a mean), optionally a pre-period covariate for CUPED; which
// variant is the control, the planned split, alpha, the beta prior of a rate
// and sequential testing. Checked into ExperimentStats, or one 400 naming
// every bad field (`variants[1].conversions`).
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValidationError } from '../core/errors.js';
import { checkBody, throwIfAny, type Problem } from '../metrics/body-checks.js';

export const MAX_VARIANTS = 20;
export const DEFAULT_ALPHA = 0.05;
/** Beta(1, 1): every conversion rate equally likely before the data. */
export const DEFAULT_PRIOR: BetaPrior = { alpha: 1, beta: 1 };
/** The sample size (both arms) at which the confidence sequence is tightest, as GrowthBook's default. */
export const DEFAULT_SEQUENTIAL_TUNING = 5000;
/** A sum of squares may fall below sum²/n by this much of their size (plus the smallest normal double) and still count as rounding. */
const ROUNDING = 1e-9;
const FLOOR = 2.3e-308;
/** Sums beyond these would overflow a double once squared or multiplied: the metric needs scaling. */
const MAX_SUM = 1e150;
const MAX_SUM_SQUARES = 1e300;

const count = (description: string) => Type.Number({ description });

const VariantSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    n: count('units (users, sessions) exposed to the variant'),
    conversions: Type.Optional(count('rate: units that converted')),
    sum: Type.Optional(Type.Number({ description: 'mean: the sum of the metric over the units' })),
    sum_squares: Type.Optional(Type.Number({ description: 'mean: the sum of the squared values' })),
    covariate_sum: Type.Optional(Type.Number({ description: 'CUPED: the sum of the pre-period covariate over the units' })),
    covariate_sum_squares: Type.Optional(Type.Number({ description: 'CUPED: the sum of the squared covariate' })),
    cross_sum: Type.Optional(Type.Number({ description: 'CUPED: the sum of metric × covariate' })),
  },
  { additionalProperties: false },
);

export const ExperimentStatsSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('rate'), Type.Literal('mean')], { description: 'rate: conversions out of n; mean: a metric averaged over n units' }),
    variants: Type.Array(VariantSchema, { minItems: 2, maxItems: MAX_VARIANTS, description: 'the control (first, unless `control` names another) and the treatments' }),
    control: Type.Optional(Type.String({ minLength: 1, description: 'the name of the control variant (default: the first)' })),
    planned_split: Type.Optional(Type.Array(Type.Number(), { description: 'planned share of traffic per variant, in variant order, summing to 1 (default: equal)' })),
    alpha: Type.Optional(Type.Number({ description: 'significance level, above 0 and at most 0.5 (default 0.05)' })),
    prior: Type.Optional(
      Type.Object(
        { alpha: Type.Number(), beta: Type.Number() },
        { additionalProperties: false, description: 'rate: the Beta(alpha, beta) prior of every conversion rate (default Beta(1, 1))' },
      ),
    ),
    sequential: Type.Optional(Type.Boolean({ description: 'always-valid confidence intervals and p-values, safe to look at while the experiment runs' })),
    sequential_tuning: Type.Optional(Type.Number({ description: 'sequential: the total sample size at which the intervals are tightest (default 5000)' })),
  },
  { additionalProperties: false },
);

export type ExperimentStatsInput = Static<typeof ExperimentStatsSchema>;

export interface BetaPrior {
  alpha: number;
  beta: number;
}

export interface RateVariant {
  name: string;
  n: number;
  conversions: number;
}

/** A pre-period covariate's sufficient statistics over a variant's units. */
export interface CovariateSums {
  sum: number;
  sumSquares: number;
  /** Σ metric × covariate. */
  crossSum: number;
}

export interface MeanVariant {
  name: string;
  n: number;
  sum: number;
  sumSquares: number;
  /** Present on every variant or on none. */
  covariate: CovariateSums | null;
}

interface StatsCommon {
  /** Index of the control in `variants` (which keep the order they were given in). */
  controlIndex: number;
  /** Planned share per variant, in variant order, summing to 1. */
  plannedSplit: number[];
  alpha: number;
  /** Total sample size at which the confidence sequence is tightest; null for fixed-horizon results. */
  sequentialTuning: number | null;
}

export type ExperimentStats = (StatsCommon & { kind: 'rate'; variants: RateVariant[]; prior: BetaPrior }) | (StatsCommon & { kind: 'mean'; variants: MeanVariant[] });

const check = TypeCompiler.Compile(ExperimentStatsSchema);

/** The body checked against the schema: a 400 naming every field of the wrong type or shape. */
export function checkExperimentBody(body: unknown): ExperimentStatsInput {
  try {
    return checkBody('experiment stats', check, body);
  } catch (err) {
    if (!(err instanceof ValidationError) || !Array.isArray(err.details)) throw err;
    const variants = (body as { variants?: unknown } | null)?.variants;
    throwIfAny(
      'experiment stats',
      (err.details as Problem[]).map((p) =>
        p.field === 'variants' && Array.isArray(variants) ? { ...p, message: `must list 2 to ${MAX_VARIANTS} variants, a control and at least one treatment (got ${variants.length})` } : p,
      ),
    );
    throw err;
  }
}

/**
 * A checked body with every value checked and every default filled in; all
 * problems (n = 0, conversions above n, negative counts, a sum of squares
 * below sum²/n, fields of the other kind, repeated names, an unknown control,
 * a planned split that does not fit) in one 400.
 *
 * @example
 * parseExperimentStats(checkExperimentBody({ kind: 'rate', variants: [{ name: 'A', n: 1000, conversions: 100 }, { name: 'B', n: 1000, conversions: 120 }] }))
 * // → { kind: 'rate', controlIndex: 0, plannedSplit: [0.5, 0.5], alpha: 0.05, prior: { alpha: 1, beta: 1 }, sequentialTuning: null, variants: [...] }
 */
export function parseExperimentStats(input: ExperimentStatsInput): ExperimentStats {
  const problems: Problem[] = [];
  const variants = input.kind === 'rate' ? input.variants.map((v, i) => rateVariant(v, i, problems)) : meanVariants(input.variants, problems);
  problems.push(...nameProblems(input.variants));
  const controlIndex = input.control === undefined ? 0 : input.variants.findIndex((v) => v.name === input.control);
  if (controlIndex < 0) problems.push({ field: 'control', message: `"${input.control}" is not a variant; the variants are ${input.variants.map((v) => v.name).join(', ')}` });
  const plannedSplit = checkSplit(input.planned_split, input.variants.length, problems);
  const alpha = input.alpha ?? DEFAULT_ALPHA;
  if (!(alpha > 0 && alpha <= 0.5)) problems.push({ field: 'alpha', message: `must be above 0 and at most 0.5 (got ${alpha})` });
  const prior = input.prior ?? DEFAULT_PRIOR;
  if (input.prior && input.kind !== 'rate') problems.push({ field: 'prior', message: 'applies to rates only (a mean is compared with a flat prior)' });
  for (const key of ['alpha', 'beta'] as const) {
    if (!(Number.isFinite(prior[key]) && prior[key] > 0)) problems.push({ field: `prior.${key}`, message: `must be a number above 0 (got ${prior[key]})` });
  }
  const tuning = input.sequential_tuning ?? DEFAULT_SEQUENTIAL_TUNING;
  if (!(Number.isFinite(tuning) && tuning >= 1)) problems.push({ field: 'sequential_tuning', message: `must be a sample size of at least 1 (got ${tuning})` });
  throwIfAny('experiment stats', problems);
  const common = { controlIndex, plannedSplit, alpha, sequentialTuning: input.sequential ? tuning : null };
  return input.kind === 'rate' ? { kind: 'rate', ...common, variants: variants as RateVariant[], prior } : { kind: 'mean', ...common, variants: variants as MeanVariant[] };
}

type VariantInput = ExperimentStatsInput['variants'][number];
const MEAN_FIELDS = ['sum', 'sum_squares'] as const;
const COVARIATE_FIELDS = ['covariate_sum', 'covariate_sum_squares', 'cross_sum'] as const;

function rateVariant(v: VariantInput, i: number, problems: Problem[]): RateVariant {
  const at = (key: string) => `variants[${i}].${key}`;
  checkCount(v.n, at('n'), 1, problems);
  for (const key of [...MEAN_FIELDS, ...COVARIATE_FIELDS]) {
    if (v[key] !== undefined) problems.push({ field: at(key), message: 'belongs to a mean; a rate variant has n and conversions' });
  }
  if (v.conversions === undefined) problems.push({ field: at('conversions'), message: 'is required for a rate' });
  else if (checkCount(v.conversions, at('conversions'), 0, problems) && Number.isInteger(v.n) && v.conversions > v.n) {
    problems.push({ field: at('conversions'), message: `(${v.conversions}) is more than n (${v.n})` });
  }
  return { name: v.name, n: v.n, conversions: v.conversions ?? 0 };
}

function meanVariants(variants: VariantInput[], problems: Problem[]): MeanVariant[] {
  const withCovariate = variants.filter((v) => COVARIATE_FIELDS.some((key) => v[key] !== undefined)).length;
  return variants.map((v, i) => {
    const at = (key: string) => `variants[${i}].${key}`;
    if (v.conversions !== undefined) problems.push({ field: at('conversions'), message: 'belongs to a rate; a mean variant has n, sum and sum_squares' });
    const nOk = checkCount(v.n, at('n'), 2, problems, 'a mean needs 2 units for its variance');
    for (const key of MEAN_FIELDS) {
      if (v[key] === undefined) problems.push({ field: at(key), message: 'is required for a mean' });
      else checkMagnitude(v[key], at(key), key === 'sum' ? MAX_SUM : MAX_SUM_SQUARES, problems);
    }
    const negative = v.sum_squares !== undefined && v.sum_squares < 0;
    if (negative) problems.push({ field: at('sum_squares'), message: `cannot be negative (got ${v.sum_squares})` });
    const sumsOk = nOk && !negative && inRange(v.sum, MAX_SUM) && inRange(v.sum_squares, MAX_SUM_SQUARES) && checkSpread(v.n, v.sum!, v.sum_squares!, at('sum_squares'), 'sum', problems);
    let covariate: CovariateSums | null = null;
    if (withCovariate > 0) {
      const missing = COVARIATE_FIELDS.filter((key) => v[key] === undefined || !checkMagnitude(v[key], at(key), key === 'covariate_sum' ? MAX_SUM : MAX_SUM_SQUARES, problems));
      for (const key of missing) if (v[key] === undefined) problems.push({ field: at(key), message: 'is required: the covariate is given on some variants, so every variant needs it' });
      if (missing.length === 0) {
        covariate = { sum: v.covariate_sum!, sumSquares: v.covariate_sum_squares!, crossSum: v.cross_sum! };
        const negativeCovariate = covariate.sumSquares < 0;
        if (negativeCovariate) problems.push({ field: at('covariate_sum_squares'), message: `cannot be negative (got ${covariate.sumSquares})` });
        const spreadOk = nOk && !negativeCovariate && checkSpread(v.n, covariate.sum, covariate.sumSquares, at('covariate_sum_squares'), 'covariate_sum', problems);
        if (sumsOk && spreadOk) checkCorrelation(v.n, v.sum!, v.sum_squares!, covariate, at('cross_sum'), problems);
      }
    }
    return { name: v.name, n: v.n, sum: v.sum ?? 0, sumSquares: v.sum_squares ?? 0, covariate };
  });
}

const inRange = (value: number | undefined, limit: number): value is number => value !== undefined && Number.isFinite(value) && Math.abs(value) <= limit;

/** A finite number within ±limit; false (with a problem) otherwise. */
function checkMagnitude(value: number, field: string, limit: number, problems: Problem[]): boolean {
  if (inRange(value, limit)) return true;
  problems.push({ field, message: Number.isFinite(value) ? `(${value}) is beyond ±${limit}: scale the metric down (to thousands, say)` : 'must be a finite number' });
  return false;
}

/** A whole number from minimum to 2⁵³ − 1; false (with a problem) otherwise. */
function checkCount(value: number, field: string, minimum: number, problems: Problem[], why?: string): boolean {
  if (!Number.isInteger(value)) problems.push({ field, message: `must be a whole number (got ${value})` });
  else if (value > Number.MAX_SAFE_INTEGER) problems.push({ field, message: `(${value}) is more than 2⁵³ − 1` });
  else if (value < 0) problems.push({ field, message: `cannot be negative (got ${value})` });
  else if (value < minimum) problems.push({ field, message: `must be at least ${minimum}${why ? `: ${why}` : ''} (got ${value})` });
  else return true;
  return false;
}

/** Σx² ≥ (Σx)²/n, up to rounding: otherwise the values would have a negative variance. */
function checkSpread(n: number, sum: number, sumSquares: number, field: string, sumField: string, problems: Problem[]): boolean {
  const floor = (sum * sum) / n;
  if (sumSquares - floor >= -(ROUNDING * Math.max(sumSquares, floor) + FLOOR)) return true;
  problems.push({ field, message: `(${sumSquares}) is below ${sumField}²/n (${floor}): no values have these sums (their variance would be negative)` });
  return false;
}

/** |Σxy − ΣxΣy/n| ≤ √(spread of x · spread of y), up to rounding (Cauchy–Schwarz): a correlation within [−1, 1]. */
function checkCorrelation(n: number, sum: number, sumSquares: number, covariate: CovariateSums, field: string, problems: Problem[]): void {
  const covariance = covariate.crossSum - (sum * covariate.sum) / n;
  const bound = Math.sqrt(Math.max(0, sumSquares - (sum * sum) / n) * Math.max(0, covariate.sumSquares - (covariate.sum * covariate.sum) / n));
  const scale = Math.max(Math.abs(covariate.crossSum), Math.sqrt(Math.abs(sumSquares * covariate.sumSquares)));
  if (Math.abs(covariance) > bound + ROUNDING * scale + FLOOR) {
    problems.push({ field, message: `(${covariate.crossSum}) is inconsistent with the sums and sums of squares: metric and covariate would correlate beyond ±1` });
  }
}

function nameProblems(variants: VariantInput[]): Problem[] {
  const problems: Problem[] = [];
  variants.forEach((v, i) => {
    const first = variants.findIndex((w) => w.name === v.name);
    if (first < i) problems.push({ field: `variants[${i}].name`, message: `repeats variants[${first}].name ("${v.name}"): every variant needs its own name` });
  });
  return problems;
}

function checkSplit(split: number[] | undefined, variants: number, problems: Problem[]): number[] {
  if (split === undefined) return Array.from({ length: variants }, () => 1 / variants);
  if (split.length !== variants) {
    problems.push({ field: 'planned_split', message: `has ${split.length} shares for ${variants} variants` });
    return split;
  }
  const bad = split.findIndex((share) => !(Number.isFinite(share) && share > 0 && share < 1));
  if (bad >= 0) problems.push({ field: `planned_split[${bad}]`, message: `must be a share above 0 and below 1 (got ${split[bad]})` });
  else {
    const total = split.reduce((a, b) => a + b, 0);
    if (Math.abs(total - 1) > 1e-6) problems.push({ field: 'planned_split', message: `sums to ${total}; the shares must sum to 1` });
  }
  return split;
}
