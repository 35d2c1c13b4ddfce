// Why a KPI changed between two periods: its change split along its formula
// (CPA rose because CPC rose and CVR fell, each part in CPA's unit and adding
// up to the change) and, given one dimension's segments, split across them
// (which channels or campaigns moved it, by mix and rate for ratios). Pure.
import { driverSentence, percent, plain } from './change-wording.js';
import { formulaDrivers, type DecomposableMetric, type DriverMethod, type FormulaDriver } from './formula-drivers.js';
import { valueOf, type MeasureValues } from './measure-values.js';
import { segmentDrivers, type SegmentBreakdown, type SegmentDrivers } from './segment-drivers.js';

export interface PeriodValues {
  /** The whole workspace's measures in each period (null or missing counts as 0). */
  readonly previous: MeasureValues;
  readonly current: MeasureValues;
}

export interface ExplainedDriver extends FormulaDriver {
  /** e.g. "CPC rose 10 %: +2.14 of the +5.00 CPA change". */
  readonly summary: string;
}

export interface ChangeExplanation {
  readonly metric: string;
  readonly label: string;
  /** The KPI before and now; null where its denominator is 0. */
  readonly previous: number | null;
  readonly current: number | null;
  /** current − previous; null when either has no value. */
  readonly change: number | null;
  /** The change in percent of the previous value; null from 0 or null. */
  readonly changePercent: number | null;
  readonly summary: string;
  /** How the formula was split; null when there is no change to split. */
  readonly method: DriverMethod | null;
  /** The parts of the change along the formula, largest first; they add up to `change`. */
  readonly drivers: readonly ExplainedDriver[];
  /** The parts of the change across the segments, when segments were given. */
  readonly segments?: SegmentDrivers;
  readonly notes: readonly string[];
}

/** Segment totals this close (relatively) to the workspace's are the same number. */
const SAME = 1e-9;

/**
 * @example
 * // CPA 20 → 25: cost 100 → 110 over 100 clicks each time, conversions 5 → 4.4.
 * explainChange(CATALOG_BY_ID.get('cpa')!, { previous: { cost: 100, clicks: 100, conversions: 5 }, current: { cost: 110, clicks: 100, conversions: 4.4 } })
 * // → { previous: 20, current: 25, change: 5, summary: 'CPA rose 25 %, from 20.00 to 25.00', method: 'known-factors',
 * //     drivers: [{ id: 'cvr', summary: 'CVR fell 12 %: +2.86 of the +5.00 CPA change', … }, { id: 'cpc', summary: 'CPC rose 10 %: +2.14 of the +5.00 CPA change', … }], notes: [] }
 */
export function explainChange(metric: DecomposableMetric, periods: PeriodValues, breakdown?: SegmentBreakdown): ChangeExplanation {
  const previous = valueOf(metric.node, periods.previous);
  const current = valueOf(metric.node, periods.current);
  const notes: string[] = [];
  const segments = breakdown ? segmentDrivers(metric, breakdown) : undefined;
  if (segments) notes.push(...segments.notes, ...segmentTotalNotes(segments, previous, current));
  if (previous === null || current === null) {
    const when = previous === null && current === null ? 'in either period' : previous === null ? 'in the previous period' : 'in the current period';
    notes.unshift(`${metric.label} has no value ${when} (its denominator is 0): the change is not split`);
    return { metric: metric.id, label: metric.label, previous, current, change: null, changePercent: null, summary: notes[0], method: null, drivers: [], segments, notes };
  }
  const change = current - previous;
  const changePercent = previous === 0 ? null : (change / Math.abs(previous)) * 100;
  const split = formulaDrivers(metric, periods.previous, periods.current)!;
  const drivers = split.parts.map((p) => ({ ...p, summary: driverSentence(p.label, p.previous, p.current, p.contribution, change, metric.label) }));
  return { metric: metric.id, label: metric.label, previous, current, change, changePercent, summary: headline(metric.label, previous, current, changePercent), method: split.method, drivers, segments, notes };
}

function headline(label: string, previous: number, current: number, changePercent: number | null): string {
  if (previous === current) return `${label} was unchanged at ${previous.toFixed(2)}`;
  const verb = current > previous ? 'rose' : 'fell';
  const by = changePercent === null ? `by ${plain(Math.abs(current - previous))}` : percent(changePercent);
  return `${label} ${verb} ${by}, from ${previous.toFixed(2)} to ${current.toFixed(2)}`;
}

/** Segments that do not add up to the workspace (distinct counts, rows without the dimension) explain their own total. */
function segmentTotalNotes(segments: SegmentDrivers, previous: number | null, current: number | null): string[] {
  if (segments.change === null) return [];
  const differs = (a: number | null, b: number | null) => a === null || b === null || Math.abs(a - b) > SAME * Math.max(1, Math.abs(a), Math.abs(b));
  if (!differs(segments.previous, previous) && !differs(segments.current, current)) return [];
  const shown = (value: number | null) => (value === null ? 'no value' : plain(value));
  return [
    `the ${segments.dimension} segments add up to ${shown(segments.previous)} → ${shown(segments.current)}, not the workspace's ${shown(previous)} → ${shown(current)} ` +
      '(distinct counts, or rows without a value for the dimension): their parts add up to their own change',
  ];
}
