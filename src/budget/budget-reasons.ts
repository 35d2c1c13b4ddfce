// The reasons a budget recommendation gives, in plain words: what the target
// allowed, why each channel moved or is held, why the current split is kept,
// and what the recommendation is expected to return against the current split.
import type { ChannelRecommendation, OutcomeEstimate } from './budget-plan.js';
import { EQUAL_MARGINAL_TOLERANCE, NEGLIGIBLE_MOVE } from './budget-plan.js';
import type { BudgetChannel, ChannelBounds } from './channel-bounds.js';
import { amount } from './channel-bounds.js';

/**
 * What a ROAS or CPA target allowed: the whole budget, part of it, or only the least spend allowed.
 *
 * @example
 * targetSentence({ target_roas: 3 }, true, 10000, [4000, 2000], 18600)
 * // → 'Spends 6,000 of the 10,000 budget: the most whose best split keeps the average ROAS at or above the target of 3 (it is 3.1 there); more spend would pull it below.'
 */
export function targetSentence(objective: { target_roas: number } | { target_cpa: number }, met: boolean, budget: number, spend: readonly number[], outcome: number): string {
  const total = spend.reduce((s, x) => s + x, 0);
  if ('target_roas' in objective) {
    const target = objective.target_roas;
    const roas = total > 0 ? outcome / total : 0;
    if (!met) return `No split reaches the target ROAS of ${amount(target)}: the recommendation spends the least allowed, ${amount(total)}, where the average ROAS is ${amount(roas)}.`;
    if (total >= budget * (1 - 1e-9)) return `The whole budget of ${amount(budget)} keeps the average ROAS at ${amount(roas)}, at or above the target of ${amount(target)}.`;
    return `Spends ${amount(total)} of the ${amount(budget)} budget: the most whose best split keeps the average ROAS at or above the target of ${amount(target)} (it is ${amount(roas)} there); more spend would pull it below.`;
  }
  const target = objective.target_cpa;
  const cpa = outcome > 0 ? total / outcome : Infinity;
  if (!met) return `No split reaches the target CPA of ${amount(target)}: the recommendation spends the least allowed, ${amount(total)}, where the cost per conversion is ${amount(cpa)}.`;
  if (total >= budget * (1 - 1e-9)) return `The whole budget of ${amount(budget)} keeps the cost per conversion at ${amount(cpa)}, at or below the target of ${amount(target)}.`;
  return `Spends ${amount(total)} of the ${amount(budget)} budget: the most whose best split keeps the cost per conversion at or below the target of ${amount(target)} (it is ${amount(cpa)} there); more spend would push it above.`;
}

/**
 * Why one channel is where it is: held by a constraint (and how its marginal
 * return compares with the common one λ), or moved towards λ; and a warning
 * when its recommended daily spend is beyond what its history saw.
 *
 * @example
 * channelSentences(lockedTv, tvChannel, tvBounds, 1.27, 30000, 30) // → ['tv: locked at 5,000.']
 */
export function channelSentences(p: ChannelRecommendation, channel: BudgetChannel, bounds: ChannelBounds, lambda: number | null, budget: number, days: number): string[] {
  const out: string[] = [];
  const common = lambda === null ? '' : ` the common ${amount(lambda)}`;
  const m = amount(p.marginalAtRecommended);
  if (p.binding === 'locked') out.push(`${p.key}: locked at ${amount(p.currentSpend)}.`);
  else if (p.binding === 'observed_range') {
    const seen = channel.curve.observedSpend;
    const range = seen ? ` (${amount(seen.min)}–${amount(seen.max)} a day)` : '';
    out.push(`${p.key}: kept within the daily spend its history covered${range}, because its curve is not identifiable from that history; at ${amount(p.recommendedSpend)} its marginal return is ${m}.`);
  } else if (p.binding === 'min') {
    const compare = lambda === null ? '' : `, below${common}`;
    out.push(
      channel.min === undefined && bounds.lower === 0
        ? `${p.key}: no spend: its first unit returns ${m}${compare}.`
        : `${p.key}: held at its minimum of ${amount(bounds.lower)}: its marginal return there is ${m}${compare}.`,
    );
  } else if (p.binding === 'max') {
    const compare = lambda === null ? '' : `, still above${common}`;
    out.push(`${p.key}: held at its maximum of ${amount(bounds.upper)}: its marginal return there is ${m}${compare}.`);
  } else if (lambda !== null && Math.abs(p.recommendedSpend - p.currentSpend) > NEGLIGIBLE_MOVE * budget) {
    const up = p.recommendedSpend > p.currentSpend;
    out.push(
      `${p.key}: ${up ? 'up' : 'down'} from ${amount(p.currentSpend)} to ${amount(p.recommendedSpend)}: its marginal return at the current spend (${amount(p.marginalAtCurrent)}) is ${up ? 'above' : 'below'}${common}.`,
    );
  }
  const seen = channel.curve.observedSpend;
  if (seen && p.binding !== 'locked' && seen.max > 0 && p.recommendedSpend > seen.max * days * (1 + 1e-9)) {
    out.push(`${p.key}: ${amount(p.recommendedSpend / days)} a day is above the most its history saw (${amount(seen.max)}), so its expected outcome there is an extrapolation of the curve.`);
  }
  return out;
}

/**
 * Why the recommendation keeps the current split, in the order a reader needs it.
 *
 * @example
 * whyKept(plansWithEveryChannelLocked, false) // → 'every channel is locked or held at its bounds'
 */
export function whyKept(plans: readonly ChannelRecommendation[], keptByGuard: boolean): string {
  const free = plans.filter((p) => p.binding === null);
  if (free.length === 0) return 'every channel is locked or held at its bounds';
  if (keptByGuard) return 'no split found returns more than the current one';
  const marginals = free.map((p) => p.marginalAtCurrent);
  const [low, high] = [Math.min(...marginals), Math.max(...marginals)];
  if (free.length === 1) return `only ${free[0].key} is free to move and the rest are locked or at their bounds`;
  const within = Math.ceil((100 * (high - low)) / high);
  if (high - low <= EQUAL_MARGINAL_TOLERANCE * high) return `the marginal returns at the current spend are already equal within ${Math.max(within, 1)} % across the channels free to move (${amount(low)}–${amount(high)})`;
  return 'the recommended moves are all below 0.5 % of the budget';
}

/**
 * The expected outcome at the recommendation against the current split, with their intervals when known.
 *
 * @example
 * outcomeSentence('revenue', { expected: 1000, interval: null }, { expected: 1100, interval: null }, 0.95)
 * // → 'Expected revenue over the period: 1,100 at the recommendation, against 1,000 at the current split (+10.0 %).'
 */
export function outcomeSentence(unit: string, current: OutcomeEstimate, recommended: OutcomeEstimate, level: number): string {
  const interval = (e: OutcomeEstimate) => (e.interval ? ` (${Math.round(level * 100)} % interval ${amount(e.interval.low)}–${amount(e.interval.high)})` : '');
  const change = current.expected > 0 ? ` (${recommended.expected >= current.expected ? '+' : '−'}${Math.abs((100 * (recommended.expected - current.expected)) / current.expected).toFixed(1)} %)` : '';
  return `Expected ${unit} over the period: ${amount(recommended.expected)}${interval(recommended)} at the recommendation, against ${amount(current.expected)}${interval(current)} at the current split${change}.`;
}
