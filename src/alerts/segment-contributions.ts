// Which segments (campaigns, channels) moved the metric, and by how much:
// each segment's part in the change of the whole, parts that add up exactly
// to the total change, ranked by size. An additive metric (cost,
// conversions, revenue) changes by the sum of its segments' changes; a ratio
// (CPA = cost / conversions) also moves when the mix of segments shifts, so
// its change is split into a mix and a rate effect per segment. Pure.
import type { FiringSegment } from './alert-firing.js';

/** An additive metric's value in one segment; null (no rows) counts as 0. */
export interface AdditiveSegment {
  readonly key: string;
  readonly current: number | null;
  readonly previous: number | null;
}

/** The parts of a ratio metric in one segment, e.g. cost and conversions for CPA; null counts as 0. */
export interface RatioParts {
  readonly numerator: number | null;
  readonly denominator: number | null;
}

export interface RatioSegment {
  readonly key: string;
  readonly current: RatioParts;
  readonly previous: RatioParts;
}

export interface SegmentContribution {
  readonly key: string;
  /** The metric in the segment now and before; null for a ratio whose denominator is 0 there. */
  readonly current: number | null;
  readonly previous: number | null;
  /** Its part in the total change, in the metric's unit; the parts of all segments add up to the change. */
  readonly contribution: number;
  /** contribution / change × 100; null when the whole did not change. */
  readonly sharePercent: number | null;
  /** Ratios: the part due to the segment's share of the denominator moving (mix) … */
  readonly mix?: number;
  /** … and the part due to its own rate moving; mix + rate = contribution. */
  readonly rate?: number;
}

export interface ContributionReport {
  /** The metric over all segments now and before; null for a ratio whose total denominator is 0. */
  readonly current: number | null;
  readonly previous: number | null;
  readonly change: number | null;
  /** The segments that moved, the largest part (either way) first. */
  readonly segments: readonly SegmentContribution[];
  /** Why there is no breakdown, when there is none. */
  readonly note?: string;
}

/** Parts this small against the largest are rounding, not movement. */
const NEGLIGIBLE = 1e-12;

/**
 * @example
 * additiveContributions([{ key: 'A', current: 150, previous: 100 }, { key: 'B', current: 90, previous: 100 }])
 * // → { current: 240, previous: 200, change: 40, segments: [{ key: 'A', contribution: 50, sharePercent: 125, … }, { key: 'B', contribution: -10, sharePercent: -25, … }] }
 */
export function additiveContributions(segments: readonly AdditiveSegment[]): ContributionReport {
  const rows = segments.map((s) => ({ key: s.key, current: s.current ?? 0, previous: s.previous ?? 0 }));
  const current = sum(rows.map((r) => r.current));
  const previous = sum(rows.map((r) => r.previous));
  const change = current - previous;
  return { current, previous, change, segments: rank(rows.map((r) => ({ ...r, contribution: r.current - r.previous })), change) };
}

/**
 * A ratio R = scale × N / D over segments, where a segment weighs w = d / D
 * and has the rate r = scale × n / d, so that R = Σ w·r. A segment's part
 * in the change is Δ(w·r) = scale × (n₁/D₁ − n₀/D₀), split at the midpoint
 * (no residual term): mix = Δw × (r₀ + r₁)/2 and rate = (w₀ + w₁)/2 × Δr.
 * A segment with no denominator in one period has no rate there: its part
 * is all mix (it came or went).
 *
 * @example
 * // CPA: A spent 100 for 10 conversions, then 150 for 10; B 100 for 5, then 100 for 10.
 * ratioContributions([{ key: 'A', previous: { numerator: 100, denominator: 10 }, current: { numerator: 150, denominator: 10 } },
 *                     { key: 'B', previous: { numerator: 100, denominator: 5 }, current: { numerator: 100, denominator: 10 } }])
 * // → CPA 13.33 → 12.5; B's part −1.67 (200 % of the change), A's +0.83 (−100 %)
 */
export function ratioContributions(segments: readonly RatioSegment[], scale = 1): ContributionReport {
  const parts = segments.map((s) => ({ key: s.key, n0: s.previous.numerator ?? 0, d0: s.previous.denominator ?? 0, n1: s.current.numerator ?? 0, d1: s.current.denominator ?? 0 }));
  const D0 = sum(parts.map((p) => p.d0));
  const D1 = sum(parts.map((p) => p.d1));
  const previous = D0 === 0 ? null : (scale * sum(parts.map((p) => p.n0))) / D0;
  const current = D1 === 0 ? null : (scale * sum(parts.map((p) => p.n1))) / D1;
  if (previous === null || current === null) {
    return { current, previous, change: null, segments: [], note: `the ratio has no value ${previous === null ? 'in the previous period' : 'in the current period'} (its denominator is 0)` };
  }
  const change = current - previous;
  const rows = parts.map((p) => {
    const r0 = p.d0 === 0 ? null : (scale * p.n0) / p.d0;
    const r1 = p.d1 === 0 ? null : (scale * p.n1) / p.d1;
    const w0 = p.d0 / D0;
    const w1 = p.d1 / D1;
    const contribution = (scale * p.n1) / D1 - (scale * p.n0) / D0;
    const rate = r0 === null || r1 === null ? 0 : ((w0 + w1) / 2) * (r1 - r0);
    return { key: p.key, current: r1, previous: r0, contribution, mix: contribution - rate, rate };
  });
  return { current, previous, change, segments: rank(rows, change) };
}

/**
 * The report's segments as a firing lists them, at most `max`: each with its
 * current value and share of the change. Empty when the whole did not change.
 */
export function firingSegments(dimension: string, report: ContributionReport, max = 10): FiringSegment[] {
  return report.segments
    .filter((s) => s.sharePercent !== null)
    .slice(0, max)
    .map((s) => ({ dimension, value: s.key, metric_value: s.current, contribution_percent: Math.round(s.sharePercent! * 10) / 10 }));
}

type Unranked = Omit<SegmentContribution, 'sharePercent'>;

function rank(rows: readonly Unranked[], change: number): SegmentContribution[] {
  const largest = Math.max(0, ...rows.map((r) => Math.abs(r.contribution)));
  return rows
    .filter((r) => Math.abs(r.contribution) > largest * NEGLIGIBLE)
    .map((r) => ({ ...r, sharePercent: change === 0 ? null : (r.contribution / change) * 100 }))
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.key.localeCompare(b.key));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
