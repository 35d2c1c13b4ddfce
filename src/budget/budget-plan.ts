// The shapes of a budget plan: the request the optimiser takes (objective,
// channels, budget, period) and the recommendation it returns, with the
// thresholds that decide when marginals are equal and a move is no move.
import type { BindingConstraint, BudgetChannel } from './channel-bounds.js';
import type { Interval } from './response-curve.js';

/**
 * What to optimise. 'revenue' and 'conversions' maximise the outcome the
 * curves measure and spend the whole budget. { target_roas } and
 * { target_cpa } spend the largest total, up to the budget, whose best split
 * keeps the AVERAGE return over the allocation at the target: total revenue /
 * total spend ≥ target_roas, or total spend / total conversions ≤ target_cpa.
 * Average, not marginal, because that is what a ROAS or CPA target means in
 * the ad platforms' bidding and in the reports it will be checked against;
 * the marginal return at the recommendation is reported beside it, and it is
 * the lower of the two, so the last units bought return less than the target.
 */
export type BudgetObjective = 'revenue' | 'conversions' | { target_roas: number } | { target_cpa: number };

/** The planning problem: period totals over `periodDays` days. */
export interface BudgetRequest {
  channels: readonly BudgetChannel[];
  periodDays: number;
  totalBudget: number;
  objective: BudgetObjective;
  /** Two-sided level of the outcome intervals (default 0.95). */
  intervalLevel?: number;
}

/**
 * An expected period outcome and its interval: expected ± z·sd, sd from the
 * curve's parameter covariance by the delta method (see periodOutcomeSd) —
 * the uncertainty of the curve, not of one period's realised outcome.
 * null when a curve has no covariance.
 */
export interface OutcomeEstimate {
  expected: number;
  interval: Interval | null;
}

/** One channel's recommendation. */
export interface ChannelRecommendation {
  key: string;
  currentSpend: number;
  recommendedSpend: number;
  expectedAtCurrent: OutcomeEstimate;
  expectedAtRecommended: OutcomeEstimate;
  /** d outcome / d spend at the current spend: marginal ROAS for revenue, conversions per unit of spend for conversions. */
  marginalAtCurrent: number;
  /** The same at the recommended spend. */
  marginalAtRecommended: number;
  /** The constraint holding the recommended spend, or null when the channel is free (its marginal is the common one). */
  binding: BindingConstraint | null;
  /** The period-spend bounds it was allowed (upper null when unbounded). */
  bounds: { lower: number; upper: number | null };
}

/** The recommendation and why. */
export interface BudgetRecommendation {
  objective: BudgetObjective;
  periodDays: number;
  totalBudget: number;
  currentTotal: number;
  recommendedTotal: number;
  /** Totals over channels; the interval adds the channels' variances (their curves are fitted separately). */
  expectedAtCurrent: OutcomeEstimate;
  expectedAtRecommended: OutcomeEstimate;
  /** The common marginal return λ of the channels free to move; null when none is. */
  marginalReturn: number | null;
  channels: ChannelRecommendation[];
  bindingConstraints: { key: string; constraint: BindingConstraint }[];
  /** False when the bounds cannot meet the budget (minimums above it, or maximums below it in a revenue or conversions plan). */
  feasible: boolean;
  /** True when every channel's recommended spend is within 0.5 % of the budget of its current spend. */
  keepsCurrentSplit: boolean;
  reasons: string[];
}

/** Marginal returns within this fraction of each other count as equal. */
export const EQUAL_MARGINAL_TOLERANCE = 0.02;
/** A move smaller than this fraction of the budget is no move. */
export const NEGLIGIBLE_MOVE = 0.005;
