// Which segments of one dimension (channels, campaigns…) moved the KPI: a sum
// of measures changes by the sum of its segments' changes; a ratio of sums
// (CPA = cost / conversions) moves with each segment's rate and its share of
// the denominator, split into rate and mix effects. Either way the parts add
// up exactly to the change of the segments' total. Built on the alerts'
// segment contributions. Pure.
import { formulaMetricIds, type FormulaNode } from '../metrics/formula.js';
import { additiveContributions, ratioContributions, type ContributionReport } from '../alerts/segment-contributions.js';
import { segmentSentence } from './change-wording.js';
import { isSumOfMeasures, ratioShape } from './formula-shape.js';
import { valueOf, type MeasureValues } from './measure-values.js';

/** One segment's measures in each period; a missing period means the segment had no rows then. */
export interface SegmentValues {
  readonly key: string;
  readonly previous?: MeasureValues;
  readonly current?: MeasureValues;
}

export interface SegmentBreakdown {
  /** The dimension the segments split (channel, campaign…). */
  readonly dimension: string;
  readonly segments: readonly SegmentValues[];
}

export type SegmentStatus = 'new' | 'gone' | 'both';

export interface SegmentDriver {
  readonly key: string;
  /** new: no data before; gone: no data now; both: data in both periods. */
  readonly status: SegmentStatus;
  /** The KPI in the segment before and now; null where it has no value (denominator 0). */
  readonly previous: number | null;
  readonly current: number | null;
  /** Its part in the change; the parts of all segments add up to it. */
  readonly contribution: number;
  readonly sharePercent: number | null;
  /** Ratios: the part from its share of the denominator moving … */
  readonly mix?: number;
  /** … and from its own rate moving (mix + rate = contribution). */
  readonly rate?: number;
  readonly summary: string;
}

export interface SegmentDrivers {
  readonly dimension: string;
  /** additive: sum of segment changes; ratio: mix and rate; none: the formula does not split by segment. */
  readonly kind: 'additive' | 'ratio' | 'none';
  /** The KPI over the segments before and now, and its change that the parts add up to. */
  readonly previous: number | null;
  readonly current: number | null;
  readonly change: number | null;
  /** The segments that moved, largest part (either way) first. */
  readonly segments: readonly SegmentDriver[];
  readonly notes: readonly string[];
}

const EMPTY: MeasureValues = {};

/**
 * @example
 * // CPA by channel: A 100/10 → 150/10, B 100/5 → 100/10.
 * segmentDrivers({ label: 'CPA', node: parseFormula('cost / conversions') }, { dimension: 'channel', segments: [
 *   { key: 'A', previous: { cost: 100, conversions: 10 }, current: { cost: 150, conversions: 10 } },
 *   { key: 'B', previous: { cost: 100, conversions: 5 }, current: { cost: 100, conversions: 10 } }] })
 * // → { kind: 'ratio', change: -0.833, segments: [{ key: 'B', contribution: -1.667, mix: 2.5, rate: -4.167, … }, { key: 'A', contribution: 0.833, … }] }
 */
export function segmentDrivers(metric: { readonly label: string; readonly node: FormulaNode }, breakdown: SegmentBreakdown): SegmentDrivers {
  const { dimension, segments } = breakdown;
  const before = (s: SegmentValues) => s.previous ?? EMPTY;
  const after = (s: SegmentValues) => s.current ?? EMPTY;
  let report: ContributionReport;
  let kind: SegmentDrivers['kind'];
  let hasData: (values: MeasureValues) => boolean;
  const shape = ratioShape(metric.node);
  if (isSumOfMeasures(metric.node)) {
    kind = 'additive';
    report = additiveContributions(segments.map((s) => ({ key: s.key, previous: valueOf(metric.node, before(s)), current: valueOf(metric.node, after(s)) })));
    const measures = formulaMetricIds(metric.node);
    hasData = (values) => measures.some((id) => (values[id] ?? 0) !== 0);
  } else if (shape) {
    kind = 'ratio';
    const parts = (values: MeasureValues) => ({ numerator: valueOf(shape.numerator, values), denominator: valueOf(shape.denominator, values) });
    report = ratioContributions(segments.map((s) => ({ key: s.key, previous: parts(before(s)), current: parts(after(s)) })), shape.scale);
    hasData = (values) => (valueOf(shape.denominator, values) ?? 0) !== 0 || (valueOf(shape.numerator, values) ?? 0) !== 0;
  } else {
    const why = `${metric.label} is neither a sum of measures nor a ratio of two sums: its change is not split by ${dimension}`;
    return { dimension, kind: 'none', previous: null, current: null, change: null, segments: [], notes: [why] };
  }
  const byKey = new Map(segments.map((s) => [s.key, s]));
  const statusOf = (key: string): SegmentStatus => {
    const s = byKey.get(key)!;
    const then = s.previous !== undefined && hasData(s.previous);
    const now = s.current !== undefined && hasData(s.current);
    return then && !now ? 'gone' : now && !then ? 'new' : 'both';
  };
  const change = report.change;
  return {
    dimension,
    kind,
    previous: report.previous,
    current: report.current,
    change,
    segments: change === null ? [] : report.segments.map((s) => {
      const status = statusOf(s.key);
      return { ...s, status, summary: segmentSentence(s.key, status, s.contribution, change, metric.label, s.rate, s.mix) };
    }),
    notes: report.note ? [report.note] : [],
  };
}
