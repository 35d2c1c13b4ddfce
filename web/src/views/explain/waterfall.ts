// The bars of a waterfall from the previous value of a KPI to its current
// one: the previous value, one step per driver (its contribution, chained on
// where the step before ended), then the current value. Each bar spans
// [low, high]; for a stacked bar chart it is cut at zero into a part above
// and a part below, each a transparent base plus a visible height, so a KPI
// that crosses zero (ROI) still draws right. Pure.
import type { Direction } from '../../api/client';
import type { Tone } from '../../frame/format';

export interface WaterfallDriver {
  id: string;
  label: string;
  contribution: number;
}

export interface WaterfallBar {
  id: string;
  label: string;
  kind: 'previous' | 'driver' | 'current';
  /** The bar's own value: the KPI at an end, the contribution of a step. */
  value: number;
  /** Where the bar starts and ends on the KPI's axis. */
  from: number;
  to: number;
  low: number;
  high: number;
  /** Stacked parts: transparent bases and visible heights, above zero (≥ 0) and below (≤ 0). */
  baseAbove: number;
  heightAbove: number;
  baseBelow: number;
  heightBelow: number;
  tone: Tone;
}

/** Good when the step moved the KPI its better way, bad otherwise; ends and neutral KPIs are neutral. */
export function stepTone(contribution: number, direction: Direction): Tone {
  if (contribution === 0 || direction === 'neutral') return 'neutral';
  return (contribution > 0) === (direction === 'up') ? 'good' : 'bad';
}

function bar(id: string, label: string, kind: WaterfallBar['kind'], value: number, from: number, to: number, tone: Tone): WaterfallBar {
  const low = Math.min(from, to);
  const high = Math.max(from, to);
  const aboveLow = Math.max(low, 0);
  const belowHigh = Math.min(high, 0);
  return {
    id,
    label,
    kind,
    value,
    from,
    to,
    low,
    high,
    baseAbove: aboveLow,
    heightAbove: Math.max(high, 0) - aboveLow,
    baseBelow: belowHigh,
    heightBelow: Math.min(low, 0) - belowHigh,
    tone,
  };
}

/**
 * The bars: previous (from 0), each driver from where the last one ended,
 * current (from 0). The drivers add up to current − previous, so the last
 * step ends where the current bar ends (up to floating-point rounding).
 */
export function waterfallBars(previous: number, current: number, drivers: readonly WaterfallDriver[], direction: Direction, labels = { previous: 'Before', current: 'Now' }): WaterfallBar[] {
  const bars: WaterfallBar[] = [bar('previous', labels.previous, 'previous', previous, 0, previous, 'neutral')];
  let level = previous;
  for (const d of drivers) {
    bars.push(bar(d.id, d.label, 'driver', d.contribution, level, level + d.contribution, stepTone(d.contribution, direction)));
    level += d.contribution;
  }
  bars.push(bar('current', labels.current, 'current', current, 0, current, 'neutral'));
  return bars;
}

/**
 * Where the value axis starts so the steps can be seen: the ends of a KPI
 * that moved 1 % would otherwise dwarf its parts. Below the lowest level the
 * steps reach by one and a half times their span, never below zero; zero when
 * a level is at or under zero or nothing moved. Rounded down to two
 * significant digits of the span, so the axis starts on a readable number.
 */
export function axisFloor(bars: readonly WaterfallBar[]): number {
  const steps = bars.filter((b) => b.kind === 'driver');
  const levels = bars.flatMap((b) => (b.kind === 'driver' ? [b.low, b.high] : [b.value]));
  if (steps.length === 0 || levels.length === 0) return 0;
  const lowest = Math.min(...levels);
  const span = Math.max(...levels) - lowest;
  if (lowest <= 0 || span <= 0) return 0;
  const floor = lowest - 1.5 * span;
  if (floor <= 0) return 0;
  const step = 10 ** (Math.floor(Math.log10(span)) - 1);
  // A hair over the division keeps 10.36 / 0.01 from flooring to 1035.
  return Math.floor(floor / step + 1e-9) * step;
}
