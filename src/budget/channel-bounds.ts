// The period-spend bounds of each channel in a budget plan and where each
// bound comes from: locked at its current spend, the planner's min and max,
// or — for a curve the history could not identify — the range of daily spend
// it was observed at, scaled to the period.
import type { CurveInput } from './response-curve.js';

/** The constraints that can hold a channel's spend. A channel at zero with no min set is held by 'min' (min defaults to 0). */
export type BindingConstraint = 'min' | 'max' | 'locked' | 'observed_range';

/** A channel as the planner gives it (period totals). */
export interface BudgetChannel {
  key: string;
  /** Spend over the period at the current split. */
  currentSpend: number;
  curve: CurveInput;
  min?: number;
  max?: number;
  /** Keep the current spend. */
  locked?: boolean;
}

/** A channel's bounds and their sources, plus a note when the observed range had to give way to the planner's bounds. */
export interface ChannelBounds {
  lower: number;
  upper: number;
  lowerBy: BindingConstraint;
  upperBy: BindingConstraint;
  note: string | null;
}

/**
 * The bounds of one channel over `days` days: locked → its current spend;
 * otherwise [min ?? 0, max ?? ∞], narrowed to the observed daily spend range
 * × days when the curve is not identifiable. If that leaves nothing (the
 * planner's range lies outside the observed one), the planner's bounds stand.
 *
 * @example
 * channelBounds({ key: 'tv', currentSpend: 900, curve, max: 2000 }, 30) // → { lower: 0, upper: 2000, lowerBy: 'min', upperBy: 'max', note: null }
 */
export function channelBounds(channel: BudgetChannel, days: number): ChannelBounds {
  if (channel.locked) return { lower: channel.currentSpend, upper: channel.currentSpend, lowerBy: 'locked', upperBy: 'locked', note: null };
  let lower = channel.min ?? 0;
  let upper = channel.max ?? Infinity;
  let lowerBy: BindingConstraint = 'min';
  let upperBy: BindingConstraint = 'max';
  const observed = channel.curve.observedSpend;
  if (channel.curve.identifiable === false && observed) {
    const from = observed.min * days;
    const to = observed.max * days;
    if (from > upper || to < lower) {
      return { lower, upper, lowerBy, upperBy, note: `${channel.key}: its curve is not identifiable, but your min/max lie outside the spend it was observed at (${amount(from)}–${amount(to)} over the period); your bounds were kept` };
    }
    if (from > lower) [lower, lowerBy] = [from, 'observed_range'];
    if (to < upper) [upper, upperBy] = [to, 'observed_range'];
  }
  return { lower, upper, lowerBy, upperBy, note: null };
}

/**
 * A spend or outcome amount for a sentence: whole units from 100 up, three significant digits below.
 *
 * @example
 * amount(12345.6) // → '12,346'
 */
export function amount(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : String(Number(x.toPrecision(3)));
}
