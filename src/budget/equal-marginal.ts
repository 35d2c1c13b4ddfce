// The allocation of a fixed budget across channels that maximises the total
// expected outcome within each channel's bounds: every channel strictly
// inside its bounds ends with the same marginal return λ. λ is found by
// bisection (on log λ) over each channel's demand at λ — the spend in its
// bounds where outcome − λ·spend is largest, which for a concave curve is its
// inverse marginal curve clamped to the bounds. An S-shaped Hill curve may
// jump from its lower bound to its concave part at one λ; the budget is then
// solved twice, with that channel off and with it on its concave part, and
// the better split kept.
import type { CurveInput } from './response-curve.js';
import { convexUpTo, periodOutcome, spendForMarginal } from './response-curve.js';

/** A channel as the solver sees it: its curve and the bounds of its period spend (upper may be Infinity). */
export interface BoundedCurve {
  curve: CurveInput;
  lower: number;
  upper: number;
}

/** Period spend per channel, in input order, and the common marginal return (null when no channel was free to move). */
export interface EqualMarginalAllocation {
  spend: number[];
  lambda: number | null;
}

const BISECTION_STEPS = 300;
const MAX_JUMP_SPLITS = 6;

/**
 * The best split of `budget` over `days` days, for Σ lower ≤ budget ≤ Σ upper
 * (the caller checks; outside that it returns the nearer bounds).
 *
 * @example
 * const curve = (beta: number, gamma: number) => ({ curve: { saturation: { family: 'exponential', beta, gamma }, theta: 0 }, lower: 0, upper: Infinity });
 * allocateEqualMarginal([curve(100, 10), curve(100, 10)], 60, 1) // → { spend: [30, 30], lambda: 10·e^(−3) ≈ 0.498 }
 */
export function allocateEqualMarginal(channels: readonly BoundedCurve[], budget: number, days: number): EqualMarginalAllocation {
  return solve(channels, budget, days, 0);
}

function solve(channels: readonly BoundedCurve[], budget: number, days: number, depth: number): EqualMarginalAllocation {
  const lowerSum = channels.reduce((s, c) => s + c.lower, 0);
  const upperSum = channels.reduce((s, c) => s + c.upper, 0);
  if (lowerSum >= budget) return { spend: channels.map((c) => c.lower), lambda: null };
  if (upperSum <= budget) return { spend: channels.map((c) => c.upper), lambda: null };
  const total = (lambda: number) => channels.reduce((s, c) => s + demand(c, lambda, days), 0);

  // Bracket: demand falls as λ rises; λ_low gives at least the budget, λ_high at most.
  let low = 1;
  let high = 1;
  while (total(low) < budget && low > 1e-300) low /= 16;
  while (total(high) > budget && high < 1e300) high *= 16;
  for (let i = 0; i < BISECTION_STEPS && high / low - 1 > 1e-15; i++) {
    const mid = Math.sqrt(low * high);
    if (total(mid) >= budget) low = mid;
    else high = mid;
  }
  const above = channels.map((c) => demand(c, low, days));
  const below = channels.map((c) => demand(c, high, days));
  const tolerance = 1e-9 * Math.max(budget, 1);
  const jump = below.findIndex((b, i) => above[i] - b > Math.max(tolerance, 1e-6 * budget));
  if (jump >= 0 && depth < MAX_JUMP_SPLITS) return splitAtJump(channels, budget, days, depth, jump);

  // Continuous demand: share what the lower side leaves by each channel's slack between the two sides.
  const gap = budget - below.reduce((s, x) => s + x, 0);
  const slack = above.map((a, i) => a - below[i]);
  const slackSum = slack.reduce((s, x) => s + x, 0);
  const spend = below.map((b, i) => (slackSum > 0 ? b + (gap * slack[i]) / slackSum : b));
  return { spend, lambda: Math.sqrt(low * high) };
}

/**
 * Solves the budget twice, with channel `index` off (at its lower bound) and
 * on (kept to the concave part of its curve, where its demand is continuous),
 * each moved only as far as the others' bounds need for the budget to be met,
 * and keeps the split with the larger outcome.
 */
function splitAtJump(channels: readonly BoundedCurve[], budget: number, days: number, depth: number, index: number): EqualMarginalAllocation {
  const own = channels[index];
  const othersLower = channels.reduce((s, c, i) => (i === index ? s : s + c.lower), 0);
  const othersUpper = channels.reduce((s, c, i) => (i === index ? s : s + c.upper), 0);
  const off = Math.min(own.upper, Math.max(own.lower, budget - othersUpper));
  const bend = Math.max(own.lower, convexUpTo(own.curve, days));
  const on = budget - othersLower < bend ? { lower: Math.max(own.lower, budget - othersLower), upper: Math.max(own.lower, budget - othersLower) } : { lower: bend, upper: own.upper };
  let best: { allocation: EqualMarginalAllocation; outcome: number } | null = null;
  for (const bounds of [{ lower: off, upper: off }, on]) {
    if (bounds.lower > own.upper) continue;
    const trial = channels.map((c, i) => (i === index ? { ...c, ...bounds } : c));
    const allocation = solve(trial, budget, days, depth + 1);
    const outcome = allocation.spend.reduce((s, x, i) => s + periodOutcome(channels[i].curve, x, days), 0);
    if (!best || outcome > best.outcome) best = { allocation, outcome };
  }
  return best ? best.allocation : { spend: channels.map((c) => c.lower), lambda: null };
}

/**
 * The spend in [lower, upper] where outcome − λ·spend is largest. On the
 * concave part that is the inverse marginal curve, clamped; an S-shaped curve
 * also compares its lower and (finite) upper bound, since below its bend the
 * first units return less than later ones.
 */
function demand(channel: BoundedCurve, lambda: number, days: number): number {
  const { curve, lower, upper } = channel;
  if (upper <= lower) return lower;
  const inner = Math.min(upper, Math.max(lower, spendForMarginal(curve, lambda, days)));
  if (convexUpTo(curve, days) <= lower) return inner;
  const value = (x: number) => periodOutcome(curve, x, days) - lambda * x;
  let best = inner;
  for (const x of Number.isFinite(upper) ? [lower, upper] : [lower]) if (value(x) > value(best)) best = x;
  return best;
}
