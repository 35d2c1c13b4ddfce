// Which segments (campaigns, channels, ad groups…) do significantly worse
// than the workspace on a ratio KPI, and how much money that costs. Each
// segment's KPI is shrunk toward the pooled value by an empirical-Bayes model
// fitted across the segments — beta–binomial for rates of successes out of
// trials (CTR, CVR), gamma–Poisson for a cost per count (CPA, CPC, CPM),
// normal–normal for other ratios (ROAS) — so a segment with little data
// cannot top the list on noise. A segment is flagged by its posterior
// probability of being worse than the workspace; the flagged set is the
// largest whose expected share of false flags (the mean of 1 − P) stays
// within a bound (Bayesian FDR; Newton et al. 2004). Flagged segments are
// ranked by the money at stake. Pure.
import type { FormulaNode } from '../metrics/formula.js';
import type { Direction, Unit } from '../metrics/types.js';
import { shrinkBetaBinomial } from './beta-binomial-shrinkage.js';
import { additiveTerms, ratioShape } from './formula-shape.js';
import { shrinkGammaPoisson, type CountSide } from './gamma-poisson-shrinkage.js';
import { shrinkNormal } from './normal-shrinkage.js';
import type { PriorSummary, ShrinkageResult, ShrinkageTarget } from './shrinkage.js';
import { excessCost } from './spend-at-stake.js';

export interface UnderperformanceMetric {
  readonly id: string;
  readonly label: string;
  readonly unit: Unit;
  readonly direction: Direction;
  /** The KPI's formula: scale × numerator / denominator. */
  readonly node: FormulaNode;
}

/** One segment's sums over the period. */
export interface SegmentSums {
  readonly key: string;
  /** The KPI's numerator and denominator sums (clicks and impressions for CTR, cost and conversions for CPA). */
  readonly numerator: number;
  readonly denominator: number;
  /** The segment's media spend. */
  readonly spend: number;
  /** The count of events behind a ratio that is no rate of counts (conversions for ROAS); the normal model needs it. */
  readonly events?: number;
}

export type ShrinkageModel =
  | { readonly kind: 'beta-binomial' }
  | { readonly kind: 'gamma-poisson'; readonly count: CountSide }
  | { readonly kind: 'normal'; readonly valueCv: number };

export interface UnderperformanceOptions {
  /** Default: chosen from the metric (defaultShrinkageModel). */
  readonly model?: ShrinkageModel;
  /** The workspace's sums, when the segments do not add up to it; default: the segments' totals. */
  readonly workspace?: { readonly numerator: number; readonly denominator: number };
  /** The expected share of false flags allowed among the flagged (default 0.05). */
  readonly maxFalseDiscoveryRate?: number;
}

export interface SegmentAssessment {
  readonly key: string;
  readonly numerator: number;
  readonly denominator: number;
  /** The KPI as observed; null where the denominator is 0. */
  readonly value: number | null;
  /** The KPI shrunk toward the pooled value by its evidence. */
  readonly shrunk: number;
  /** P(its true KPI is worse than the workspace's). */
  readonly probabilityWorse: number;
  readonly spend: number;
  /** Spend beyond what its results cost at the workspace value (cost − conversions × workspace CPA); negative when it does better. */
  readonly excessCost: number;
  /** The same at its shrunk value: what is at stake, as far as its data shows. */
  readonly expectedExcessCost: number;
}

export interface UnderperformanceReport {
  readonly metric: string;
  readonly label: string;
  readonly model: ShrinkageModel | null;
  /** The workspace's KPI the segments are judged against. */
  readonly workspace: number | null;
  readonly prior: PriorSummary | null;
  /** The significantly worse segments, most money at stake first. */
  readonly segments: readonly SegmentAssessment[];
  /** Every segment, most probably worse first. */
  readonly assessed: readonly SegmentAssessment[];
  /** The expected share of false flags among `segments`; null when none is flagged. */
  readonly expectedFalseDiscoveryRate: number | null;
  readonly notes: readonly string[];
}

/**
 * The model that fits a KPI's kind of ratio: beta–binomial for a percentage
 * whose numerator only adds counts (successes out of the denominator's
 * trials), gamma–Poisson for a cost per count (count below the line), else
 * normal–normal on the ratio (its segments then need an event count).
 *
 * @example defaultShrinkageModel(CATALOG_BY_ID.get('ctr')!) // → { kind: 'beta-binomial' }
 * @example defaultShrinkageModel(CATALOG_BY_ID.get('cpa')!) // → { kind: 'gamma-poisson', count: 'denominator' }
 * @example defaultShrinkageModel(CATALOG_BY_ID.get('roas')!) // → { kind: 'normal', valueCv: 1 }
 */
export function defaultShrinkageModel(metric: Pick<UnderperformanceMetric, 'unit' | 'direction' | 'node'>): ShrinkageModel {
  const shape = ratioShape(metric.node);
  if (metric.unit === 'percent' && shape && shape.scale > 0 && additiveTerms(shape.numerator).every((t) => t.sign === 1)) return { kind: 'beta-binomial' };
  if (metric.unit === 'money' && metric.direction === 'down') return { kind: 'gamma-poisson', count: 'denominator' };
  return { kind: 'normal', valueCv: 1 };
}

/**
 * @example
 * // CTR by campaign (workspace 2 %): the big campaign at 1 % is flagged; a campaign with one impression is not.
 * underperformingSegments(CATALOG_BY_ID.get('ctr')!, [
 *   { key: 'big', numerator: 1000, denominator: 100000, spend: 5000 },
 *   { key: 'tiny', numerator: 0, denominator: 1, spend: 0.05 },
 *   { key: 'rest', numerator: 3000, denominator: 100000, spend: 5000 }])
 * // → { workspace: ≈ 2, segments: [{ key: 'big', value: 1, shrunk: ≈ 1, probabilityWorse: 1, excessCost: ≈ 2500, … }], … }
 */
export function underperformingSegments(
  metric: UnderperformanceMetric,
  segments: readonly SegmentSums[],
  options: UnderperformanceOptions = {},
): UnderperformanceReport {
  const none = (note: string, extra: Partial<UnderperformanceReport> = {}): UnderperformanceReport => ({
    metric: metric.id, label: metric.label, model: null, workspace: null, prior: null, segments: [], assessed: [], expectedFalseDiscoveryRate: null, notes: [note], ...extra,
  });
  if (metric.direction === 'neutral') return none(`${metric.label} has no better direction: no segment underperforms on it`);
  const shape = ratioShape(metric.node);
  if (!shape) return none(`${metric.label} is not a ratio of two sums: its segments are not compared`);
  const notes: string[] = [];
  const valid = segments.filter((s) => [s.numerator, s.denominator, s.spend].every(Number.isFinite) && s.denominator >= 0);
  if (valid.length < segments.length) notes.push(`${segments.length - valid.length} segment(s) with a missing or negative sum were left out`);
  const totals = options.workspace ?? { numerator: sum(valid.map((s) => s.numerator)), denominator: sum(valid.map((s) => s.denominator)) };
  if (!(totals.denominator > 0)) return none(`${metric.label} has no value for the workspace (its denominator is 0)`);
  const workspace = (shape.scale * totals.numerator) / totals.denominator;
  const target: ShrinkageTarget = { scale: shape.scale, workspace, worseWhen: metric.direction === 'up' ? 'lower' : 'higher' };
  let model = options.model ?? defaultShrinkageModel(metric);
  let fit = fitModel(model, valid, target);
  if ('problem' in fit && model.kind === 'beta-binomial' && !options.model) {
    notes.push(`${fit.problem}; modelled as a Poisson count per unit of the denominator instead`);
    model = { kind: 'gamma-poisson', count: 'numerator' };
    fit = fitModel(model, valid, target);
  }
  if ('problem' in fit) return none(fit.problem, { model, workspace, notes: [...notes, fit.problem] });
  const direction = metric.direction;
  const assessed = valid
    .map((s, i) => {
      const value = s.denominator > 0 ? (shape.scale * s.numerator) / s.denominator : null;
      const { shrunk, probabilityWorse } = fit.estimates[i];
      return {
        key: s.key,
        numerator: s.numerator,
        denominator: s.denominator,
        value,
        shrunk,
        probabilityWorse,
        spend: s.spend,
        excessCost: excessCost(s.spend, value, workspace, direction, s.denominator),
        expectedExcessCost: excessCost(s.spend, shrunk, workspace, direction),
      };
    })
    .sort((a, b) => b.probabilityWorse - a.probabilityWorse || b.expectedExcessCost - a.expectedExcessCost || a.key.localeCompare(b.key));
  const flagged = bayesianFdrSelection(assessed.map((a) => a.probabilityWorse), options.maxFalseDiscoveryRate ?? 0.05);
  const chosen = assessed.slice(0, flagged);
  return {
    metric: metric.id,
    label: metric.label,
    model,
    workspace,
    prior: fit.prior,
    segments: [...chosen].sort((a, b) => b.expectedExcessCost - a.expectedExcessCost || b.probabilityWorse - a.probabilityWorse || a.key.localeCompare(b.key)),
    assessed,
    expectedFalseDiscoveryRate: flagged === 0 ? null : sum(chosen.map((a) => 1 - a.probabilityWorse)) / flagged,
    notes,
  };
}

/**
 * How many of the probabilities (sorted high to low) to flag: the most whose
 * mean of 1 − P, the expected share of false flags, is at most q.
 *
 * @example bayesianFdrSelection([0.999, 0.99, 0.9, 0.5], 0.05) // → 3 (mean of 0.001, 0.01, 0.1 is 0.037)
 */
export function bayesianFdrSelection(sortedProbabilities: readonly number[], q: number): number {
  let chosen = 0;
  let misses = 0;
  sortedProbabilities.forEach((p, i) => {
    misses += 1 - p;
    if (misses / (i + 1) <= q) chosen = i + 1;
  });
  return chosen;
}

function fitModel(model: ShrinkageModel, segments: readonly SegmentSums[], target: ShrinkageTarget): ShrinkageResult {
  switch (model.kind) {
    case 'beta-binomial':
      return shrinkBetaBinomial(segments, target);
    case 'gamma-poisson':
      return shrinkGammaPoisson(segments, target, model.count);
    case 'normal':
      return shrinkNormal(segments, target, model.valueCv);
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((t, v) => t + v, 0);
}
