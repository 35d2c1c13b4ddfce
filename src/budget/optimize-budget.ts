// The budget optimiser: given each channel's response curve, its current
// spend and its bounds, the split of a period's budget with the largest
// expected outcome — or, under a ROAS or CPA target, the largest spend that
// still meets the target — with the expected outcome at the current and the
// recommended split, each channel's marginal return, the constraints that
// bind, and the reasons in plain words.
import { ValidationError } from '../core/errors.js';
import { MAX_ADSTOCK_DECAY } from './adstock.js';
import type { BudgetRecommendation, BudgetRequest, ChannelRecommendation, OutcomeEstimate } from './budget-plan.js';
import { NEGLIGIBLE_MOVE } from './budget-plan.js';
import { channelSentences, outcomeSentence, targetSentence, whyKept } from './budget-reasons.js';
import type { BindingConstraint, BudgetChannel, ChannelBounds } from './channel-bounds.js';
import { amount, channelBounds } from './channel-bounds.js';
import { allocateEqualMarginal } from './equal-marginal.js';
import { normalInterval, periodMarginal, periodOutcome, periodOutcomeSd } from './response-curve.js';

const TARGET_GRID = 16;
const TARGET_BISECTION = 50;

/**
 * Recommends the split of a period's budget across channels.
 *
 * @example
 * optimizeBudget({
 *   periodDays: 30, totalBudget: 30000, objective: 'revenue',
 *   channels: [
 *     { key: 'search', currentSpend: 15000, curve: searchFit.curve },
 *     { key: 'social', currentSpend: 15000, curve: socialFit.curve, max: 12000 },
 *   ],
 * })
 * // → { recommendedTotal: 30000, channels: [{ key: 'search', recommendedSpend: 18000, … }, { key: 'social', recommendedSpend: 12000, binding: 'max', … }], reasons: ['Spends the whole budget …', …] }
 */
export function optimizeBudget(request: BudgetRequest): BudgetRecommendation {
  checkRequest(request);
  const { channels, periodDays: days, totalBudget: budget, objective } = request;
  const level = request.intervalLevel ?? 0.95;
  const bounds = channels.map((c) => channelBounds(c, days));
  const solverInput = channels.map((c, i) => ({ curve: c.curve, lower: bounds[i].lower, upper: bounds[i].upper }));
  const lowerSum = bounds.reduce((s, b) => s + b.lower, 0);
  const upperSum = bounds.reduce((s, b) => s + b.upper, 0);
  const tolerance = 1e-9 * Math.max(budget, 1);
  const unit = objective === 'conversions' || (typeof objective === 'object' && 'target_cpa' in objective) ? 'conversions' : 'revenue';
  const totalOutcome = (spend: readonly number[]) => spend.reduce((s, x, i) => s + periodOutcome(channels[i].curve, x, days), 0);
  const reasons: string[] = bounds.flatMap((b) => (b.note ? [b.note] : []));

  let spend: number[];
  let lambda: number | null = null;
  let feasible = true;
  if (lowerSum > budget + tolerance) {
    feasible = false;
    spend = bounds.map((b) => b.lower);
    reasons.push(`The minimums, locked spends and observed ranges add up to ${amount(lowerSum)}, more than the budget of ${amount(budget)}: no split fits the budget, so every channel is held at its lower bound (${amount(lowerSum - budget)} over budget).`);
  } else if (typeof objective === 'string') {
    if (upperSum < budget - tolerance) {
      feasible = false;
      spend = bounds.map((b) => b.upper);
      reasons.push(`The maximums, locked spends and observed ranges add up to ${amount(upperSum)}, less than the budget of ${amount(budget)}: every channel is at its upper bound and ${amount(budget - upperSum)} is left unspent.`);
    } else {
      ({ spend, lambda } = allocateEqualMarginal(solverInput, budget, days));
      reasons.push(`Spends the whole budget of ${amount(budget)} over ${days} days.`);
    }
  } else {
    const ratio = 'target_roas' in objective ? objective.target_roas : 1 / objective.target_cpa;
    const found = spendForTarget(solverInput, lowerSum, Math.min(budget, upperSum), ratio, days, totalOutcome);
    ({ spend, lambda } = found.allocation);
    reasons.push(targetSentence(objective, found.met, budget, spend, totalOutcome(spend)));
  }

  // A feasible current split that the search did not beat is kept (it can only happen on S-shaped curves).
  const current = channels.map((c) => c.currentSpend);
  const currentFits = current.every((x, i) => x >= bounds[i].lower - tolerance && x <= bounds[i].upper + tolerance);
  const currentSum = current.reduce((s, x) => s + x, 0);
  const spentSum = spend.reduce((s, x) => s + x, 0);
  let keptByGuard = false;
  if (feasible && currentFits && Math.abs(currentSum - spentSum) <= tolerance * 10 && totalOutcome(current) > totalOutcome(spend) * (1 + 1e-9)) {
    spend = current;
    lambda = null;
    keptByGuard = true;
  }

  const sdOf = (i: number, x: number) => periodOutcomeSd(channels[i].curve, x, days);
  const estimate = (i: number, x: number): OutcomeEstimate => {
    const expected = periodOutcome(channels[i].curve, x, days);
    const sd = sdOf(i, x);
    return { expected, interval: sd === null ? null : normalInterval(expected, sd, level) };
  };
  const totalEstimate = (xs: readonly number[]): OutcomeEstimate => {
    const expected = totalOutcome(xs);
    const sds = xs.map((x, i) => sdOf(i, x));
    if (sds.some((sd) => sd === null)) return { expected, interval: null };
    return { expected, interval: normalInterval(expected, Math.sqrt(sds.reduce((s: number, sd) => s + (sd as number) ** 2, 0)), level) };
  };

  const plans: ChannelRecommendation[] = channels.map((c, i) => ({
    key: c.key,
    currentSpend: c.currentSpend,
    recommendedSpend: spend[i],
    expectedAtCurrent: estimate(i, c.currentSpend),
    expectedAtRecommended: estimate(i, spend[i]),
    marginalAtCurrent: periodMarginal(c.curve, c.currentSpend, days),
    marginalAtRecommended: periodMarginal(c.curve, spend[i], days),
    binding: bindingOf(bounds[i], spend[i], tolerance),
    bounds: { lower: bounds[i].lower, upper: Number.isFinite(bounds[i].upper) ? bounds[i].upper : null },
  }));
  const keepsCurrentSplit = plans.every((p) => Math.abs(p.recommendedSpend - p.currentSpend) <= NEGLIGIBLE_MOVE * Math.max(budget, currentSum, tolerance));
  const expectedAtCurrent = totalEstimate(current);
  const expectedAtRecommended = totalEstimate(spend);

  if (lambda !== null) reasons.push(`At the recommendation every channel not held by a constraint returns ${amount(lambda)} ${unit} per extra unit of spend, so moving money between them would not raise the total.`);
  for (const [i, p] of plans.entries()) reasons.push(...channelSentences(p, channels[i], bounds[i], lambda, budget, days));
  if (keepsCurrentSplit) reasons.push(`The current split is kept: ${whyKept(plans, keptByGuard)}.`);
  reasons.push(outcomeSentence(unit, expectedAtCurrent, expectedAtRecommended, level));

  return {
    objective,
    periodDays: days,
    totalBudget: budget,
    currentTotal: currentSum,
    recommendedTotal: spend.reduce((s, x) => s + x, 0),
    expectedAtCurrent,
    expectedAtRecommended,
    marginalReturn: lambda,
    channels: plans,
    bindingConstraints: plans.flatMap((p) => (p.binding ? [{ key: p.key, constraint: p.binding }] : [])),
    feasible,
    keepsCurrentSplit,
    reasons,
  };
}

/**
 * The largest total in [lowerSum, cap] whose best split returns at least
 * `ratio` per unit of spend on average: the largest point of a grid that
 * does, refined by bisection towards the next grid point (which does not).
 * When none does, the least spend allowed.
 */
function spendForTarget(
  channels: readonly { curve: BudgetChannel['curve']; lower: number; upper: number }[],
  lowerSum: number,
  cap: number,
  ratio: number,
  days: number,
  totalOutcome: (spend: readonly number[]) => number,
) {
  const at = (total: number) => allocateEqualMarginal(channels, total, days);
  const meets = (total: number) => total > 0 && totalOutcome(at(total).spend) >= ratio * total * (1 - 1e-12);
  if (!(cap > lowerSum)) return { allocation: at(lowerSum), met: meets(lowerSum) };
  const grid = Array.from({ length: TARGET_GRID + 1 }, (_, k) => lowerSum + ((cap - lowerSum) * k) / TARGET_GRID);
  let last = -1;
  for (let k = 0; k <= TARGET_GRID; k++) if (meets(grid[k])) last = k;
  if (last === TARGET_GRID) return { allocation: at(cap), met: true };
  if (last < 0 && lowerSum > 0) return { allocation: at(lowerSum), met: false };
  let low = last < 0 ? 0 : grid[last];
  let high = grid[last + 1];
  for (let i = 0; i < TARGET_BISECTION; i++) {
    const mid = (low + high) / 2;
    if (meets(mid)) low = mid;
    else high = mid;
  }
  return { allocation: at(low), met: meets(low) };
}

function bindingOf(bounds: ChannelBounds, spend: number, tolerance: number): BindingConstraint | null {
  if (bounds.lowerBy === 'locked') return 'locked';
  if (Math.abs(spend - bounds.lower) <= tolerance) return bounds.lowerBy;
  if (Math.abs(spend - bounds.upper) <= tolerance) return bounds.upperBy;
  return null;
}

function checkRequest(request: BudgetRequest): void {
  const { channels, periodDays, totalBudget, objective } = request;
  if (!(Number.isInteger(periodDays) && periodDays >= 1)) throw new ValidationError(`periodDays must be a whole number ≥ 1, got ${periodDays}`, { field: 'periodDays' });
  if (!(Number.isFinite(totalBudget) && totalBudget >= 0)) throw new ValidationError(`totalBudget must be finite and non-negative, got ${totalBudget}`, { field: 'totalBudget' });
  if (channels.length === 0) throw new ValidationError('a budget plan needs at least one channel', { field: 'channels' });
  const level = request.intervalLevel ?? 0.95;
  if (!(level > 0 && level < 1)) throw new ValidationError(`intervalLevel must lie strictly between 0 and 1, got ${level}`, { field: 'intervalLevel' });
  if (typeof objective === 'object') {
    const value = 'target_roas' in objective ? objective.target_roas : objective.target_cpa;
    if (!(Number.isFinite(value) && value > 0)) throw new ValidationError(`a target must be a positive number, got ${value}`, { field: 'objective' });
  } else if (objective !== 'revenue' && objective !== 'conversions') {
    throw new ValidationError(`objective must be revenue, conversions, { target_roas } or { target_cpa }, got ${String(objective)}`, { field: 'objective' });
  }
  const seen = new Set<string>();
  for (const c of channels) {
    if (seen.has(c.key)) throw new ValidationError(`channel keys must be unique, "${c.key}" appears twice`, { field: 'channels', key: c.key });
    seen.add(c.key);
    for (const [field, value] of [
      ['currentSpend', c.currentSpend],
      ['min', c.min],
      ['max', c.max],
    ] as const) {
      if (value !== undefined && !(Number.isFinite(value) && value >= 0)) throw new ValidationError(`${c.key}: ${field} must be finite and non-negative, got ${value}`, { field, key: c.key });
    }
    if (c.min !== undefined && c.max !== undefined && c.min > c.max) throw new ValidationError(`${c.key}: min ${c.min} is above max ${c.max}`, { field: 'min', key: c.key });
    checkCurve(c);
  }
}

function checkCurve(c: BudgetChannel): void {
  const { saturation, theta } = c.curve;
  const params = saturation.family === 'hill' ? [saturation.beta, saturation.alpha, saturation.gamma] : [saturation.beta, saturation.gamma];
  const ok = params.every(Number.isFinite) && saturation.beta >= 0 && params.slice(1).every((v) => v > 0) && theta >= 0 && theta <= MAX_ADSTOCK_DECAY;
  if (!ok) throw new ValidationError(`${c.key}: the curve needs β ≥ 0, positive α and γ, and 0 ≤ θ ≤ ${MAX_ADSTOCK_DECAY}`, { field: 'curve', key: c.key });
}
