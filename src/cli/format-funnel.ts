// How `beacon funnel` prints a report: who entered and how, one row per step
// (people, conversion from the step before and from the first, median time
// from the step before), the overall conversion, the breakdown, then notes.
import type { FunnelGroupReport, FunnelReport, FunnelStepReport } from '../funnels/funnel-report.js';
import { formatTable } from './output.js';

const count = (n: number) => n.toLocaleString('en-US');
const percent = (v: number | null) => (v === null ? '–' : `${v.toFixed(1)}%`);

/** A duration for a reader: seconds, minutes, hours or days. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '–';
  if (seconds < 60) return `${Number(seconds.toFixed(1))} s`;
  if (seconds < 3_600) return `${(seconds / 60).toFixed(1)} min`;
  if (seconds < 86_400) return `${(seconds / 3_600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

const label = (s: FunnelStepReport) => (s.kind === 'stage' && !s.name.startsWith('stage:') ? `${s.name} (stage)` : s.name);

function overall(group: FunnelGroupReport): string {
  const last = group.steps[group.steps.length - 1];
  return `${percent(group.overall_conversion)} (${count(last.count)} of ${count(group.entered)})`;
}

export function formatFunnel(report: FunnelReport): string {
  const p = report.params;
  const how = { ordered: 'each step after the one before', strict: 'each step the very next funnel step', any: 'steps in any order' }[p.order];
  const lines = [
    `${count(report.entered)} entered ${p.from} … ${p.to} (${p.time_zone}) · ${p.order}: ${how} · within ${p.window_days} day${p.window_days === 1 ? '' : 's'} of entering`,
    '',
    formatTable(
      ['step', 'people', 'from previous', 'from first', 'median time from previous'],
      report.steps.map((s) => [`${s.step} ${label(s)}`, count(s.count), percent(s.conversion_from_previous), percent(s.conversion_from_first), formatDuration(s.median_seconds_from_previous)]),
    ),
    '',
    `overall conversion ${overall(report)}`,
  ];
  if (report.breakdown) {
    const header = [report.breakdown.by, 'entered', ...report.steps.slice(1).map((s) => `${s.step} ${s.name}`), 'overall'];
    const rows = report.breakdown.rows.map((row) => [
      row.key,
      count(row.entered),
      ...row.steps.slice(1).map((s) => `${count(s.count)} (${percent(s.conversion_from_previous)})`),
      percent(row.overall_conversion),
    ]);
    lines.push('', `by ${report.breakdown.by} of the entering event (people, and conversion from the step before):`, formatTable(header, rows));
  }
  for (const note of report.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}
