// A funnel's counts as the report reads them: per step its people, the
// conversion from the step before and from the first (percent, null where
// there is no one to divide by), the median time the step took, and the
// overall conversion; the notes a reader needs to trust them.
import { localDate } from '../core/time.js';
import type { FunnelBreakdown, FunnelCounts, FunnelOrder } from '../warehouse/warehouse.js';
import type { FunnelRequest } from './funnel-input.js';
import type { FunnelStep } from './funnel-steps.js';

export interface FunnelStepReport {
  /** 1-based position. */
  step: number;
  name: string;
  kind: FunnelStep['kind'];
  /** People who reached the step. */
  count: number;
  /** count / the step before's × 100; null for the first step and where the step before has no one. */
  conversion_from_previous: number | null;
  /** count / the first step's × 100; null where the first step has no one. */
  conversion_from_first: number | null;
  /** Median seconds from the step before to this one among those who reached it; null for the first step and where no one did. */
  median_seconds_from_previous: number | null;
}

/** One group's funnel: everyone, or the people of one breakdown value. */
export interface FunnelGroupReport {
  /** People who entered (ordered and strict: the first step's count). */
  entered: number;
  steps: FunnelStepReport[];
  /** The last step's count / entered × 100; null when no one entered. */
  overall_conversion: number | null;
}

export interface FunnelReport extends FunnelGroupReport {
  /** Per value of the entering event's channel or campaign, most entered first; null without a breakdown. */
  breakdown: { by: FunnelBreakdown; rows: (FunnelGroupReport & { key: string })[] } | null;
  /** What was asked, defaults included. */
  params: {
    steps: string[];
    order: FunnelOrder;
    window_days: number;
    from: string;
    to: string;
    time_zone: string;
    by: FunnelBreakdown | null;
    bot_filtering: boolean;
  };
  notes: string[];
}

const percent = (part: number, whole: number): number | null => (whole > 0 ? (part / whole) * 100 : null);

/**
 * One group's counts as a report.
 *
 * @example groupReport(steps, { key: null, entered: 8, reached: [8, 2], medianMs: [null, 90_000] })
 * // { entered: 8, overall_conversion: 25, steps: [{ step: 1, …, count: 8 }, { step: 2, …, count: 2, conversion_from_previous: 25, median_seconds_from_previous: 90 }] }
 */
export function groupReport(steps: readonly FunnelStep[], counts: FunnelCounts): FunnelGroupReport {
  const first = counts.reached[0] ?? 0;
  return {
    entered: counts.entered,
    steps: steps.map((s, i) => {
      const count = counts.reached[i] ?? 0;
      const median = i === 0 ? null : (counts.medianMs[i] ?? null);
      return {
        step: i + 1,
        name: s.name,
        kind: s.kind,
        count,
        conversion_from_previous: i === 0 ? null : percent(count, counts.reached[i - 1] ?? 0),
        conversion_from_first: percent(count, first),
        median_seconds_from_previous: median === null || !Number.isFinite(median) ? null : median / 1000,
      };
    }),
    overall_conversion: percent(counts.reached[steps.length - 1] ?? 0, counts.entered),
  };
}

/** What a reader should know beside the numbers. */
export interface NoteInputs {
  request: FunnelRequest;
  timeZone: string;
  everyone: FunnelCounts;
  /** Now, epoch ms. */
  now: number;
  /** Notes made earlier (ambiguous step names, a view still taking in data). */
  more: string[];
}

/** Notes: no one entered (and why that may be), windows that have not ended yet, and the notes handed in. */
export function funnelNotes({ request, timeZone, everyone, now, more }: NoteInputs): string[] {
  const notes = [...more];
  const period = `${request.from} … ${request.to} (${timeZone})`;
  if (everyone.entered === 0) {
    const entering = request.order === 'any' ? 'an event of any of its steps' : `its first step (${request.steps[0].name})`;
    notes.push(`no one entered the funnel: no one had ${entering} in ${period}`);
  }
  // The first local day some of whose entrants have not had their whole window by now.
  const open = localDate(now - request.windowMs, timeZone);
  if (open <= request.to && everyone.entered > 0) {
    const since = open < request.from ? request.from : open;
    notes.push(`people who entered on or after ${since} have had less than the ${request.windowDays}-day window so far: their later steps may still come`);
  }
  return notes;
}
