// The explain view's numbers as its tables show them: each driver's own
// values in its own unit and its part of the change in the KPI's unit
// (signed; a percent KPI's parts are percentage points), each segment's part
// with its mix and rate and the width of its bar. Pure.
import type { ExplainDriver, ExplainSegment, Unit } from '../../api/client';
import { formatChange, formatValue, type Tone } from '../../frame/format';
import type { Direction } from '../../api/client';
import { stepTone } from './waterfall';

const MISSING = '—';

/** A part of a change, signed, in the KPI's unit: "+$0.22", "−$0.06", "+0.31 pp", "+0.05×". */
export function formatPart(value: number | null | undefined, unit: Unit, currency: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  const size = Math.abs(value);
  if (unit === 'percent') return `${sign}${size.toFixed(2)} pp`;
  return `${sign}${formatValue(size, unit, currency)}`;
}

/** A share of the change in whole %, signed when it worked against it: "100%", "140%", "−40%". */
export function formatShare(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return MISSING;
  const whole = Math.round(percent);
  return whole < 0 ? `−${Math.abs(whole)}%` : `${whole}%`;
}

export interface DriverRow {
  id: string;
  label: string;
  before: string;
  now: string;
  ownChange: string;
  part: string;
  share: string;
  contribution: number;
  tone: Tone;
}

/** The drivers table: the driver's own values in its own unit (none for a printed part of the formula), its part in the KPI's. */
export function driverRows(drivers: readonly ExplainDriver[], kpi: { unit: Unit; direction: Direction; currency: string }): DriverRow[] {
  return drivers.map((d) => ({
    id: d.id,
    label: d.label,
    before: d.unit ? formatValue(d.previous, d.unit, kpi.currency) : MISSING,
    now: d.unit ? formatValue(d.current, d.unit, kpi.currency) : MISSING,
    ownChange: formatChange(d.change_percent),
    part: formatPart(d.contribution, kpi.unit, kpi.currency),
    share: formatShare(d.share_percent),
    contribution: d.contribution,
    tone: stepTone(d.contribution, kpi.direction),
  }));
}

export interface SegmentRow {
  key: string;
  status: ExplainSegment['status'];
  before: string;
  now: string;
  part: string;
  share: string;
  mix: string;
  rate: string;
  contribution: number;
  /** The bar's length in % of the largest part (either way). */
  barPercent: number;
  tone: Tone;
}

/** The breakdown's table: each segment's values and parts, its bar as long as its part against the largest one. */
export function segmentRows(segments: readonly ExplainSegment[], kpi: { unit: Unit; direction: Direction; currency: string }): SegmentRow[] {
  const largest = Math.max(0, ...segments.map((s) => Math.abs(s.contribution)));
  return segments.map((s) => ({
    key: s.key,
    status: s.status,
    before: formatValue(s.previous, kpi.unit, kpi.currency),
    now: formatValue(s.current, kpi.unit, kpi.currency),
    part: formatPart(s.contribution, kpi.unit, kpi.currency),
    share: formatShare(s.share_percent),
    mix: formatPart(s.mix, kpi.unit, kpi.currency),
    rate: formatPart(s.rate, kpi.unit, kpi.currency),
    contribution: s.contribution,
    barPercent: largest > 0 ? (Math.abs(s.contribution) / largest) * 100 : 0,
    tone: stepTone(s.contribution, kpi.direction),
  }));
}

/** What the method of the split says, under the drivers. */
export function methodWords(method: 'known-factors' | 'formula' | 'whole' | null, label: string): string | null {
  if (method === 'known-factors') return `Split along the factors ${label} is known to be made of; the parts add up to the change.`;
  if (method === 'formula') return `Split along the terms of ${label}’s formula; the parts add up to the change.`;
  if (method === 'whole') return `${label}’s formula cannot be split, so the change is shown as one part.`;
  return null;
}
