// How `beacon attribution` prints a report: per model a table of keys with
// attributed conversions, revenue, cost, CPA, ROAS and share (and intervals),
// or for compare one table of conversions per key and model; then the top paths.
import type { AttributionReport } from '../attribution/attribution-service.js';
import { formatNumberForUnit } from './format-query.js';
import { formatTable } from './output.js';

export function formatAttribution(report: AttributionReport, currency: string): string {
  const money = (v: number | null) => formatNumberForUnit(v, 'money', currency);
  const count = (v: number) => formatNumberForUnit(Math.round(v * 10) / 10, 'count', currency);
  const lines: string[] = [];
  const scope = report.dimension ? `by ${report.dimension}, conversions ${report.from} … ${report.to}` : 'over the path file';
  lines.push(`${report.total_conversions} conversions, ${money(report.total_revenue)} revenue ${scope}`);
  if (report.model === 'compare') {
    const keys = [...new Set(report.rows.map((r) => r.key))];
    const header = ['key', ...report.models.map((m) => m.model)];
    const rows = keys.map((key) => [key, ...report.models.map((m) => count(m.rows.find((r) => r.key === key)?.conversions ?? 0))]);
    lines.push('', 'attributed conversions per model', formatTable(header, rows));
  } else {
    const withIntervals = report.rows.some((r) => r.interval);
    // A path file has no costs: no cost, CPA or ROAS columns.
    const withCost = report.total_cost !== null;
    const header = ['key', 'conversions', ...(withIntervals ? ['90 % interval'] : []), 'revenue', ...(withCost ? ['cost', 'cpa', 'roas'] : []), 'share'];
    const rows = report.rows.map((r) => [
      r.name ? `${r.key} (${r.name})` : r.key,
      count(r.conversions),
      ...(withIntervals ? [r.interval ? `${count(r.interval.conversions[0])} – ${count(r.interval.conversions[1])}` : ''] : []),
      money(r.revenue),
      ...(withCost ? [money(r.cost), money(r.cpa), r.roas === null ? '–' : r.roas.toFixed(2)] : []),
      `${(r.share * 100).toFixed(1)}%`,
    ]);
    lines.push('', `${report.model}`, formatTable(header, rows));
    for (const r of report.rows) if (r.warning) lines.push(`warning: ${r.warning}`);
    const details = report.models[0]?.details;
    if (details?.removal_effects) {
      lines.push('', `removal effects (order ${details.order})`, formatTable(['key', 'effect'], Object.entries(details.removal_effects).map(([k, v]) => [k, v.toFixed(4)])));
    }
  }
  if (report.top_paths.length > 0) {
    lines.push('', 'top converting paths', formatTable(['path', 'conversions', 'no conversion'], report.top_paths.slice(0, 10).map((p) => [p.path.join(' > ') || '(no touch)', String(p.conversions), String(p.nulls)])));
  }
  if (report.rejected_lines) lines.push('', `${report.rejected_lines} path lines could not be read; first: line ${report.path_errors?.[0]?.line}: ${report.path_errors?.[0]?.message}`);
  return lines.join('\n');
}
