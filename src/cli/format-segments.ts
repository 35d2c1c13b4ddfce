// How `beacon segments` prints the underperforming segments: a sentence with
// how many of the judged segments are significantly worse than the workspace
// and the money at stake, one row per flagged segment (its KPI, shrunk KPI,
// probability of being worse, spend and spend at stake), and the notes.
import type { SegmentsReport } from '../insight/segments-service.js';
import { formatNumberForUnit } from './format-query.js';
import { formatTable } from './output.js';

const MODEL: Record<string, string> = { 'beta-binomial': 'beta-binomial', 'gamma-poisson': 'gamma-Poisson', normal: 'normal' };

/**
 * The probability in percent, one decimal; above 99.9 % as "> 99.9 %".
 *
 * @example probability(0.97654) // → '97.7 %'
 */
export function probability(p: number): string {
  if (p > 0.999) return '> 99.9 %';
  if (p > 0 && p < 0.001) return '< 0.1 %';
  return `${(Math.round(p * 1000) / 10).toFixed(1)} %`;
}

/**
 * The report as text; values in the metric's unit, money in the report's currency.
 *
 * @example formatSegments(report) // 'CTR by campaign, 2026-11-01 … 2026-11-14: 1 of 3 segments significantly worse than the workspace (2.00%)\n…'
 */
export function formatSegments(report: SegmentsReport): string {
  const value = (v: number | null) => formatNumberForUnit(v, report.unit, report.currency);
  const money = (v: number) => formatNumberForUnit(v, 'money', report.currency);
  const flagged = report.segments.length;
  const of = `${report.assessed.toLocaleString('en-US')} segment${report.assessed === 1 ? '' : 's'}`;
  const against = report.workspace_value === null ? 'the workspace' : `the workspace (${value(report.workspace_value)})`;
  const verdict = flagged === 0 ? `none of ${of} is significantly worse than ${against}` : `${flagged} of ${of} significantly worse than ${against}`;
  const lines = [`${report.label} by ${report.dimensions.join(' × ')}, ${report.from} … ${report.to}: ${verdict}`];
  const filters = report.filters.map((f) => `${f.dimension} ${f.op.replace('_', ' ')} ${f.values.join(', ')}`).join('; ');
  if (filters) lines.push(`filters: ${filters}`);
  if (report.model) {
    const fdr = report.expected_false_discovery_rate === null ? '' : `, expected share of false flags ${probability(report.expected_false_discovery_rate)}`;
    lines.push(`${MODEL[report.model.kind]} model${fdr}; spend at stake ${money(report.spend_at_stake)}`);
  }
  if (flagged > 0) {
    lines.push(
      '',
      formatTable(
        ['segment', report.label, 'shrunk', 'P(worse)', 'spend', 'at stake'],
        report.segments.map((s) => [s.campaign_name ? `${s.key} (${s.campaign_name})` : s.key, value(s.value), value(s.shrunk), probability(s.probability_worse), money(s.spend), money(s.spend_at_stake)]),
      ),
    );
  }
  for (const note of report.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}
