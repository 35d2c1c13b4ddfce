// The segments view's words and table rows: a segment named by its values
// (a campaign by its name, its id beside it), its KPI observed and shrunk, the
// probability it is worse, its spend and the spend at stake; how many were
// judged and flagged, and the share of false flags to expect, in words. Pure.
import type { FlaggedSegment, SegmentsReport, Unit } from '../../api/client';
import { formatValue } from '../../frame/format';

/** A probability as a %, "> 99.9%" once it rounds to certainty. */
export function formatProbability(p: number): string {
  if (p >= 0.9995) return '> 99.9%';
  return `${(p * 100).toFixed(1)}%`;
}

/** A dimension as the page names it: "ad group". */
export function dimensionLabel(dimension: string): string {
  return dimension.replace(/_/g, ' ');
}

/** "campaign", "channel × campaign". */
export function dimensionsWords(dimensions: readonly string[]): string {
  return dimensions.map(dimensionLabel).join(' × ');
}

export interface SegmentRow {
  key: string;
  /** The segment as read: its values, a campaign by its name. */
  name: string;
  /** The campaign id under its name, when it has one. */
  detail: string | null;
  value: string;
  shrunk: string;
  probability: string;
  spend: string;
  atStake: string;
}

export function segmentRows(segments: readonly FlaggedSegment[], kpi: { unit: Unit; currency: string }): SegmentRow[] {
  return segments.map((s) => {
    const campaign = s.values.campaign ?? null;
    const parts = Object.entries(s.values).map(([dimension, value]) => (dimension === 'campaign' && s.campaign_name ? s.campaign_name : (value ?? '(none)')));
    return {
      key: s.key,
      name: parts.join(' · '),
      detail: campaign && s.campaign_name && s.campaign_name !== campaign ? campaign : null,
      value: formatValue(s.value, kpi.unit, kpi.currency),
      shrunk: formatValue(s.shrunk, kpi.unit, kpi.currency),
      probability: formatProbability(s.probability_worse),
      spend: formatValue(s.spend, 'money', kpi.currency),
      atStake: formatValue(s.spend_at_stake, 'money', kpi.currency),
    };
  });
}

type Counts = Pick<SegmentsReport, 'assessed' | 'segments' | 'dimensions' | 'label'>;

/** "3 of 7 campaign segments are clearly worse than the workspace on CTR." */
export function flaggedWords(report: Counts): string {
  const what = `${dimensionsWords(report.dimensions)} segment${report.assessed === 1 ? '' : 's'}`;
  const flagged = report.segments.length;
  if (report.assessed === 0) return `No ${dimensionsWords(report.dimensions)} segment had data to judge.`;
  if (flagged === 0) return `None of the ${report.assessed} ${what} judged is clearly worse than the workspace on ${report.label}.`;
  return `${flagged} of the ${report.assessed} ${what} judged ${flagged === 1 ? 'is' : 'are'} clearly worse than the workspace on ${report.label}.`;
}

/** A share as a %, "under 0.1%" for a tiny one. */
function share(rate: number): string {
  if (rate === 0) return '0%';
  if (rate < 0.001) return 'under 0.1%';
  return `${Number((rate * 100).toFixed(1))}%`;
}

/** The false-discovery rate in words; null when nothing is flagged. */
export function falseDiscoveryWords(report: Pick<SegmentsReport, 'expected_false_discovery_rate' | 'max_false_discovery_rate' | 'segments'>): string {
  const allowed = share(report.max_false_discovery_rate);
  const expected = report.expected_false_discovery_rate;
  if (expected === null || report.segments.length === 0) return `A segment is flagged only while the expected share of false flags stays within ${allowed}.`;
  if (expected === 0) return `Practically none of these flags is expected to be a false alarm (at most ${allowed} is allowed).`;
  const amount = share(expected);
  const count = Number((expected * report.segments.length).toFixed(1));
  const lead = amount.startsWith('under') ? 'Under 0.1%' : `About ${amount}`;
  return `${lead} of these flags${count > 0 ? ` (${count} of ${report.segments.length})` : ''} may be false alarms; at most ${allowed} is allowed.`;
}
