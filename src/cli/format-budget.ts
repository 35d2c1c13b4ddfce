// A budget recommendation as a marketer reads it in a terminal: the totals,
// one row per channel (current, recommended, change, expected outcome with
// its interval, marginal return, what holds it), then why, what was left out
// and notes. Pure.
import type { BudgetReport, Estimate } from '../budget/budget-service.js';
import { formatTable } from './output.js';

/**
 * @example
 * formatBudget(report)
 * // → 'Budget 55,000 USD by channel for 90 days (history 2026-09-08 … 2026-12-06, revenue by last_non_direct)\n…'
 */
export function formatBudget(report: BudgetReport): string {
  const money = (n: number) => Math.round(n).toLocaleString('en-US');
  const outcome = (e: Estimate) => `${money(e.value)}${e.low === null || e.high === null ? '' : ` (${money(e.low)}–${money(e.high)})`}`;
  const goal = report.target === null ? report.outcome : 'roas' in report.target ? `${report.outcome}, keeping ROAS ≥ ${report.target.roas}` : `${report.outcome}, keeping CPA ≤ ${report.target.cpa}`;
  const head = [
    `Budget ${money(report.total_budget)} ${report.currency} by ${report.by} for ${report.days} days (history ${report.from} … ${report.to}, ${goal} by ${report.model})`,
    `spend ${money(report.current_total)} → ${money(report.recommended_total)}; expected ${report.outcome} ${outcome(report.expected_current)} → ${outcome(report.expected)}`,
  ];
  const marginal = report.outcome === 'revenue' ? 'marginal ROAS' : 'marginal CPA';
  const table = formatTable(
    [report.by, 'current', 'recommended', 'change', `expected ${report.outcome}`, marginal, 'held by'],
    report.rows.map((r) => {
      const m = report.outcome === 'revenue' ? r.marginal_roas : r.marginal_cpa;
      const change = r.current > 0 ? `${r.change >= 0 ? '+' : ''}${Math.round((r.change / r.current) * 100)} %` : 'new';
      return [r.key, money(r.current), money(r.recommended), change, outcome(r.expected), m === null ? '—' : m.toFixed(2), r.binding ?? ''];
    }),
  );
  const excluded = report.excluded.length === 0 ? [] : ['', `not allocated (no spend): ${report.excluded.map((e) => e.key).join(', ')}`];
  return [...head, '', table, '', 'why:', ...report.reasons.map((r) => `  - ${r}`), ...excluded, ...report.notes.map((n) => `note: ${n}`)].join('\n');
}
